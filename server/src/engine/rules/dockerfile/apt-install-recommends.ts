import { stageBuildsOn, type Stage } from '../../documents/dockerfile';
import type { ShellSource } from '../../documents/shell-source';
import { hasOption, insertOptionAfter, isInstall, packageCommand, type PackageCommand } from '../../knowledge/packages';
import { orderedCommands } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';

const OPTION = '--no-install-recommends';
/** `-o APT::Install-Recommends=false` on the command line. */
const RECOMMENDS_OFF_OPTION = /APT::Install-Recommends=["']?(?:false|0|no|off)\b/i;
/** `APT::Install-Recommends "0";` written into an apt.conf.d file by an earlier command. */
const RECOMMENDS_OFF_CONFIG = /APT::Install-Recommends\s+\\?["']?(?:false|0|no|off)\b/i;

export default defineDockerfileRule({
  meta: {
    id: 'apt-install-recommends',
    code: 'DG112',
    severity: 'info',
    category: 'attack-surface',
    title: 'apt-get install without --no-install-recommends',
    description:
      'By default apt also installs every package the requested ones merely recommend: often dozens of extra packages, each one more thing to patch and more for an attacker to use.',
    references: { hadolint: ['DL3015'], kics: ['apt_get_not_avoiding_additional_packages'], trivy: ['DS029'] },
    profile: 'strict',
    messages: {
      recommends: `{{program}} install also installs recommended packages nobody asked for, each one more to patch and to exploit; add ${OPTION}.`,
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    let configuring: ShellSource[] | undefined;
    for (const source of model.shellSources) {
      for (const call of source.reading(INSTALLS, () => aptInstalls(source, model.text))) {
        configuring ??= model.shellSources.filter((s) => s.reading(CONFIGURES, () => RECOMMENDS_OFF_CONFIG.test(s.text)));
        if (configuredFor(source, configuring)) continue;
        const subcommand = call.subcommand!;
        report({
          range: source.rangeOf(call.program.start, subcommand.end),
          messageId: 'recommends',
          data: { program: call.program.value },
          fixes: [{ title: `Add ${OPTION}`, kind: 'suggestion', preferred: true, edits: [insertOptionAfter(source, subcommand, OPTION, model.text)] }],
        });
      }
    }
  },
});

const INSTALLS = Symbol('apt installs that keep recommends on');
const CONFIGURES = Symbol('turns recommends off in apt configuration');

/** The source's `apt-get install` calls without an option that turns recommends off, in order. */
function aptInstalls(source: ShellSource, text: string): PackageCommand[] {
  const calls: PackageCommand[] = [];
  for (const command of orderedCommands(source, text)) {
    const call = packageCommand(command);
    if (call && call.manager === 'apt' && isInstall(call) && !recommendsOff(call)) calls.push(call);
  }
  return calls;
}

function recommendsOff(call: PackageCommand): boolean {
  return hasOption(call, OPTION) || [...call.options, ...call.optionValues].some((word) => RECOMMENDS_OFF_OPTION.test(word.value));
}

/** True when this RUN, or an earlier one its image builds on, turned recommends off in apt's configuration. */
function configuredFor(source: ShellSource, configuring: ShellSource[]): boolean {
  if (configuring.length === 0) return false;
  const inChain = (stage: Stage | undefined) => (source.stage && stage ? stageBuildsOn(source.stage, stage) : stage === source.stage);
  return configuring.some((earlier) => earlier.offset <= source.offset && inChain(earlier.stage) && (!earlier.onbuild || source.onbuild));
}
