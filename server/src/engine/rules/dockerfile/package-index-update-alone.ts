import { Run } from 'dockerfile-ast';
import { changesPackages, isIndexUpdate } from '../../knowledge/package-operations';
import { packageCommand, type PackageCommand } from '../../knowledge/packages';
import { orderedCommands } from '../../knowledge/shell-scopes';
import type { LocalShellSource } from '../../documents/shell-source';
import { defineDockerfileRule } from '../../rule';

const REFRESHING = /update|makecache|\bmc\b|\bref(?:resh)?\b/;

export default defineDockerfileRule({
  meta: {
    id: 'package-index-update-alone',
    code: 'DG119',
    severity: 'info',
    category: 'hygiene',
    title: 'Package index refreshed in a RUN that installs nothing',
    description:
      'A RUN that only runs apt-get update (or apk update, dnf makecache, zypper refresh) becomes a cached layer of its own: later RUNs that install reuse that layer and its package lists long after the mirror has moved on, and install outdated or vanished versions.',
    references: { trivy: ['DS017'], kics: ['update_instruction_alone'] },
    profile: 'strict',
    messages: {
      alone:
        '{{command}} in a RUN that installs nothing is cached as its own layer, so later installs read stale package lists; refresh and install in the same RUN.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  // Per instruction: a RUN's line and its heredoc scripts are one step, and one layer.
  checkInstruction({ instruction, shellSources, text, report }) {
    if (!(instruction instanceof Run) || !shellSources.some((source) => REFRESHING.test(source.text))) return;
    const calls: { source: LocalShellSource; call: PackageCommand }[] = [];
    for (const source of shellSources) {
      for (const command of orderedCommands(source, text)) {
        const call = packageCommand(command);
        if (call) calls.push({ source, call });
      }
    }
    calls.forEach(({ source, call }, index) => {
      if (!isIndexUpdate(call) || calls.slice(index + 1).some((later) => changesPackages(later.call))) return;
      const subcommand = call.subcommand!;
      report({
        range: source.rangeOf(call.program.start, subcommand.end),
        messageId: 'alone',
        data: { command: `${call.program.value.slice(call.program.value.lastIndexOf('/') + 1)} ${subcommand.value}` },
      });
    });
  },
});
