import { prompts } from '../../knowledge/package-operations';
import { insertOptionAfter, packageCommand, type PackageCommand } from '../../knowledge/packages';
import { programOf, shellScopes } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';

/** Programs whose calls may prompt; a source naming none of them is skipped before lexing. */
const PROMPTING_PROGRAMS = /apt|yum|dnf|zypper/;
/**
 * microdnf's subcommands that change packages: since microdnf 3.6 they ask for a confirmation unless dnf.conf sets
 * `assumeyes`, and the UBI 9 and Oracle Linux 9 minimal images do not set it (builds there stall without -y).
 */
const MICRODNF_CHANGES = new Set(['install', 'reinstall', 'remove', 'upgrade', 'update', 'distro-sync', 'downgrade', 'swap']);
/** `-o APT::Get::Assume-Yes=true` and dnf's `--setopt=assumeyes=1`. */
const ASSUME_YES_SETTING = /(?:^|::)Assume-?Yes=["']?(?:true|1|yes|on)\b/i;

export default defineDockerfileRule({
  meta: {
    id: 'package-manager-interactive',
    code: 'DG117',
    severity: 'info',
    category: 'hygiene',
    title: 'Package manager may wait for a confirmation',
    description:
      'apt-get, aptitude, yum, dnf, zypper and recent microdnf ask before they install, upgrade or remove packages; a build has no one to answer, so the step aborts (or, with a terminal attached, hangs).',
    references: {
      hadolint: ['DL3014', 'DL3030', 'DL3034', 'DL3038'],
      trivy: ['DS021'],
      kics: [
        'apt_get_missing_flags_to_avoid_manual_input',
        'yum_install_allows_manual_input',
        'missing_flag_from_dnf_install',
        'missing_zypper_non_interactive_switch',
      ],
    },
    profile: 'strict',
    messages: {
      confirm: '{{command}} asks for a confirmation that no one can give during a build, so the step aborts; add {{option}}.',
      confirmMicrodnf:
        '{{command}} asks for a confirmation on UBI 9, Oracle Linux 9 and other images with a recent microdnf, and no one can give it during a build; add -y.',
    },
    fixable: true,
    hasSuggestions: true,
  },
  checkShellSource({ source, text, report }) {
    if (!PROMPTING_PROGRAMS.test(source.text)) return;
    for (const scope of shellScopes(source, text)) {
      for (const pipeline of scope.pipelines) {
        const commands = pipeline.commands;
        for (let i = 0; i < commands.length; i++) {
          const call = packageCommand(commands[i]);
          if (!call) continue;
          const microdnf = call.manager === 'microdnf' && call.subcommand !== undefined && MICRODNF_CHANGES.has(call.subcommand.value);
          if ((!microdnf && !prompts(call)) || answered(call)) continue;
          // `yes | apt-get install x` answers every question
          if (i > 0 && programOf(commands[i - 1])?.name === 'yes') continue;
          // Right after the program (`apt-get -y install`): the end of the command may also be where another
          // rule's fix appends a cleanup, and two insertions at one place would interleave.
          const subcommand = call.subcommand!;
          const zypper = call.manager === 'zypper';
          const option = zypper ? '-n' : '-y';
          // microdnf before 3.6 (Oracle Linux 8's) rejects -y: for microdnf it is only a suggestion.
          report({
            range: source.rangeOf(call.program.start, subcommand.end),
            messageId: microdnf ? 'confirmMicrodnf' : 'confirm',
            data: { command: `${call.program.value.slice(call.program.value.lastIndexOf('/') + 1)} ${subcommand.value}`, option },
            fixes: [{ title: `Add ${option}`, kind: microdnf ? 'suggestion' : 'fix', edits: [insertOptionAfter(source, call.program, option, text)] }],
          });
        }
      }
    }
  },
});

function answered(call: PackageCommand): boolean {
  if (call.manager === 'apt' && quietLevel(call) >= 2) return true;
  for (const option of call.options) {
    const value = option.value;
    if (value.startsWith('--')) {
      const name = value.split('=', 1)[0];
      if (name === '--yes' || name === '--assume-yes' || name === '--assumeyes' || name === '--non-interactive' || name === '--no-confirm') return true;
      if ((name === '--setopt' || name === '--option') && ASSUME_YES_SETTING.test(value.slice(name.length + 1))) return true;
      if (call.manager === 'apt' && (value === '--quiet=2' || value === '--quiet=3')) return true;
      continue;
    }
    // Short options clustered: -y, -yq, -qy; apt's -qq implies -y; zypper's global -n.
    if (value.includes('=')) {
      if (call.manager === 'apt' && /^-q=[2-9]$/.test(value)) return true;
      if (value.startsWith('-o') && ASSUME_YES_SETTING.test(value.slice(2))) return true;
      continue;
    }
    if (value.includes('y')) return true;
    if (call.manager === 'apt' && value.indexOf('q') !== value.lastIndexOf('q')) return true;
    if (call.manager === 'zypper' && value.includes('n')) return true;
  }
  return call.optionValues.some((word) => ASSUME_YES_SETTING.test(word.value));
}

/** apt's quiet level: one per `q` of the short options and per `--quiet` (`-q -q` and `--quiet --quiet` are level 2, which implies -y). */
function quietLevel(call: PackageCommand): number {
  let level = 0;
  for (const { value } of call.options) {
    if (value === '--quiet') level++;
    else if (/^-[a-zA-Z]+$/.test(value)) level += value.split('q').length - 1;
  }
  return level;
}
