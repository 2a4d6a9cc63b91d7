import { isUpgradeAll } from '../../knowledge/package-operations';
import { packageCommand } from '../../knowledge/packages';
import { orderedCommands } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';

const UPGRADING = /upgrade|update|\bup\b|\bdup\b|patch|distro-?sync|dsync/;

export default defineDockerfileRule({
  meta: {
    id: 'distribution-upgrade',
    code: 'DG118',
    severity: 'info',
    category: 'hygiene',
    title: 'Whole distribution upgraded during the build',
    description:
      'apt-get upgrade, dnf upgrade, zypper dist-upgrade or apk upgrade inside a build installs whatever the mirrors hold that day: the same Dockerfile gives a different image on every build, and the base image the file names no longer says what is in it.',
    references: { hadolint: ['DL3005', 'DL3035'], trivy: ['DS024'] },
    profile: 'strict',
    messages: {
      upgrade:
        '{{command}} upgrades every installed package to whatever the mirror holds on build day, so rebuilds of this file differ; build on a newer base image (or pin the packages you need) instead.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkShellSource({ source, text, report }) {
    if (!UPGRADING.test(source.text)) return;
    for (const command of orderedCommands(source, text)) {
      const call = packageCommand(command);
      if (!call || !isUpgradeAll(call)) continue;
      const subcommand = call.subcommand!;
      report({
        range: source.rangeOf(call.program.start, subcommand.end),
        messageId: 'upgrade',
        data: { command: `${call.program.value.slice(call.program.value.lastIndexOf('/') + 1)} ${subcommand.value}` },
      });
    }
  },
});
