import { stageBuildsOn, type Stage } from '../../documents/dockerfile';
import type { ShellSource } from '../../documents/shell-source';
import { hasOption, insertOptionAfter, isInstall, packageCommand, type PackageCommand, type PackageManager } from '../../knowledge/packages';
import { orderedCommands } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';

/** Which managers install recommended (weak) dependencies unless told not to, and how each is told. */
type Family = 'apt' | 'dnf' | 'zypper';
const FAMILY: Partial<Record<PackageManager, Family>> = { apt: 'apt', aptitude: 'apt', dnf: 'dnf', microdnf: 'dnf', zypper: 'zypper' };

/** The option the suggestion adds, per manager. */
const OPTION: Partial<Record<PackageManager, string>> = {
  apt: '--no-install-recommends',
  aptitude: '--without-recommends',
  dnf: '--setopt=install_weak_deps=False',
  microdnf: '--setopt=install_weak_deps=0',
  zypper: '--no-recommends',
};

/** `-o APT::Install-Recommends=false` on the command line. */
const RECOMMENDS_OFF_OPTION = /APT::Install-Recommends=["']?(?:false|0|no|off)\b/i;
/** dnf's `--setopt=install_weak_deps=False` (or `--setopt install_weak_deps=0`). */
const WEAK_DEPS_OFF_OPTION = /^(?:--setopt=)?install_weak_deps=["']?(?:false|0|no|off)\b/i;

/**
 * Recommends turned off in a configuration file by an earlier command: `APT::Install-Recommends "0";` in
 * apt.conf.d (or aptitude's `Aptitude::Recommends-Important "false";`), `install_weak_deps=False` in dnf.conf,
 * `solver.onlyRequires = true` in zypp.conf.
 */
const CONFIG_OFF: Record<Family, RegExp> = {
  apt: /(?:APT::Install-Recommends|Aptitude::Recommends-Important)\s+\\?["']?(?:false|0|no|off)\b/i,
  dnf: /install_weak_deps\s*=\s*["']?(?:false|0|no|off)\b[^]*?(?:dnf|yum)\.conf|(?:dnf|yum)\.conf[^]*?install_weak_deps\s*=\s*["']?(?:false|0|no|off)\b/i,
  zypper: /solver\.onlyRequires\s*=\s*true\b/i,
};

/** Programs whose installs this rule reads; a source naming none of them is skipped before lexing. */
const INSTALLERS = /apt|dnf|yum|zypper/;

/**
 * yum 3 (CentOS, RHEL, Oracle Linux and Scientific Linux 7 and older, Amazon Linux 1 and 2) has no weak
 * dependencies: its installs pull in nothing merely recommended. From EL8 on, yum is dnf.
 */
const YUM3_PATH = /(?:^|\/)(?:rhel[67]|ubi7|centos[67]|ol[67])(?:\/|$)/;
const YUM3_NAMES = new Set(['centos', 'oraclelinux', 'scientificlinux', 'sl', 'rhel']);

export default defineDockerfileRule({
  meta: {
    id: 'apt-install-recommends',
    code: 'DG112',
    severity: 'info',
    category: 'attack-surface',
    title: 'Package install pulls in recommended packages',
    description:
      'By default apt, aptitude, dnf, yum, microdnf and zypper also install every package the requested ones merely recommend: often dozens of extra packages, each one more thing to patch and more for an attacker to use.',
    references: {
      hadolint: ['DL3015'],
      kics: ['apt_get_not_avoiding_additional_packages'],
      trivy: ['DS029'],
    },
    profile: 'strict',
    messages: {
      recommends: '{{command}} also installs recommended packages nobody asked for, each one more to patch and to exploit; add {{option}}.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const configuring: Partial<Record<Family, ShellSource[]>> = {};
    for (const source of model.shellSources) {
      for (const call of source.reading(INSTALLS, () => installs(source, model.text))) {
        const family = FAMILY[call.manager]!;
        configuring[family] ??= model.shellSources.filter((s) => s.reading(CONFIGURES[family], () => CONFIG_OFF[family].test(s.text)));
        if (configuredFor(source, configuring[family]!)) continue;
        const program = call.program.value.slice(call.program.value.lastIndexOf('/') + 1);
        if (program === 'yum' && yum3(source.stage)) continue;
        const option = OPTION[call.manager]!;
        const subcommand = call.subcommand!;
        // microdnf reads its global options before the subcommand; the others take theirs anywhere.
        const after = call.manager === 'microdnf' ? call.program : subcommand;
        report({
          range: source.rangeOf(call.program.start, subcommand.end),
          messageId: 'recommends',
          data: { program, command: `${program} ${subcommand.value}`, option },
          fixes: [{ title: `Add ${option}`, kind: 'suggestion', preferred: true, edits: [insertOptionAfter(source, after, option, model.text)] }],
        });
      }
    }
  },
});

const INSTALLS = Symbol('installs that keep recommends on');
const CONFIGURES: Record<Family, symbol> = {
  apt: Symbol('turns recommends off in apt configuration'),
  dnf: Symbol('turns weak dependencies off in dnf configuration'),
  zypper: Symbol('turns recommends off in zypp configuration'),
};

/** The source's installs without an option that turns recommends off, in order. */
function installs(source: ShellSource, text: string): PackageCommand[] {
  if (!INSTALLERS.test(source.text)) return [];
  const calls: PackageCommand[] = [];
  for (const command of orderedCommands(source, text)) {
    const call = packageCommand(command);
    if (call && FAMILY[call.manager] && isInstall(call) && !recommendsOff(call)) calls.push(call);
  }
  return calls;
}

function recommendsOff(call: PackageCommand): boolean {
  switch (call.manager) {
    case 'apt':
      return hasOption(call, '--no-install-recommends') || [...call.options, ...call.optionValues].some((word) => RECOMMENDS_OFF_OPTION.test(word.value));
    case 'aptitude':
      return (
        hasOption(call, '--without-recommends') ||
        call.options.some((o) => /^-[A-Za-z]*R/.test(o.value) && !o.value.startsWith('--')) ||
        [...call.options, ...call.optionValues].some((word) => RECOMMENDS_OFF_OPTION.test(word.value))
      );
    case 'dnf':
    case 'microdnf':
      return hasOption(call, '--no-install-weak-deps') || [...call.options, ...call.optionValues].some((word) => WEAK_DEPS_OFF_OPTION.test(word.value));
    case 'zypper':
      return hasOption(call, '--no-recommends');
    default:
      return true;
  }
}

/** The stage is built on a yum 3 image (EL7 and older, Amazon Linux 1 and 2), as far as its FROM says. */
function yum3(stage: Stage | undefined): boolean {
  const ref = stage?.origin.image.ref;
  if (!ref) return false;
  if (YUM3_PATH.test(ref.path)) return true;
  const major = /^(?:centos)?(\d+)/.exec(ref.tag ?? '')?.[1];
  if (major === undefined) return false;
  if (ref.name === 'amazonlinux') return Number(major) < 2023;
  return YUM3_NAMES.has(ref.name) && Number(major) <= 7;
}

/** True when this RUN, or an earlier one its image builds on, turned recommends off in the manager's configuration. */
function configuredFor(source: ShellSource, configuring: ShellSource[]): boolean {
  if (configuring.length === 0) return false;
  const inChain = (stage: Stage | undefined) => (source.stage && stage ? stageBuildsOn(source.stage, stage) : stage === source.stage);
  return configuring.some((earlier) => earlier.offset <= source.offset && inChain(earlier.stage) && (!earlier.onbuild || source.onbuild));
}
