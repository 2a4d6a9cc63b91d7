import { JSONInstruction } from 'dockerfile-ast';
import type { LocalShellSource } from '../documents/shell-source';
import { insertAt } from '../fixes';
import type { TextEdit } from '../types';
import { commandArgs, commandIndex, memoOf, type SimpleCommand, type Word } from './shell';

/**
 * Package-manager invocations in RUN commands: which manager, which subcommand, which options and packages.
 * Options that take a separate value (`apt-get -o X=y install`, `apk add --virtual .deps gcc`) are skipped
 * with their value, so the subcommand and the package list come out right.
 */
export type PackageManager = 'apt' | 'aptitude' | 'apk' | 'dnf' | 'microdnf' | 'zypper';

export interface PackageCommand {
  manager: PackageManager;
  /** The program as written, e.g. `apt-get`, `yum`, `/sbin/apk`. */
  program: Word;
  /** The first operand: `install`, `add`, `update`...; undefined when none is written yet. */
  subcommand?: Word;
  /** Options anywhere in the command, with `-o`-style values folded into `optionValues`. */
  options: Word[];
  /** The values of options that take one (`-o APT::Install-Recommends=false` gives that value). */
  optionValues: Word[];
  /** Operands after the subcommand: package names for installs. */
  operands: Word[];
}

export const PROGRAMS: Record<string, PackageManager> = {
  'apt-get': 'apt',
  apt: 'apt',
  aptitude: 'aptitude',
  apk: 'apk',
  yum: 'dnf',
  dnf: 'dnf',
  dnf5: 'dnf',
  microdnf: 'microdnf',
  zypper: 'zypper',
};

/** Options written apart from their value (`-o value`, not `-o=value`). */
const OPTIONS_WITH_VALUE: Record<PackageManager, Set<string>> = {
  apt: new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture']),
  aptitude: new Set(['-o', '-t', '--target-release', '--default-release', '-F', '--display-format', '-w', '--width', '-S', '--sort']),
  apk: new Set(['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--repositories-file', '--keys-dir', '-t', '--virtual']),
  dnf: new Set([
    '-c',
    '--config',
    '--installroot',
    '--releasever',
    '--enablerepo',
    '--disablerepo',
    '-x',
    '--exclude',
    '--repo',
    '--repoid',
    '--setopt',
    '--forcearch',
    '-d',
    '--debuglevel',
    '-e',
    '--errorlevel',
  ]),
  microdnf: new Set(['--enablerepo', '--disablerepo', '--setopt', '--installroot', '--releasever', '--config']),
  zypper: new Set(['-r', '--repo', '--root', '-R']),
};

/** The options of a manager written apart from their value, e.g. `--repository <dir>`. */
export function optionsWithValue(manager: PackageManager): ReadonlySet<string> {
  return OPTIONS_WITH_VALUE[manager];
}

/**
 * What installs packages, per manager, with the aliases each documents: dnf 4's `in`, `localinstall`,
 * `install-n`/`-na`/`-nevra` and `rei` (its install and reinstall commands), dnf5's `in` and `rei`
 * (compatibility aliases), `groupinstall`; apt's `reinstall`; zypper's `in` and `install-new-recommends` (`inr`).
 * `dnf group install` and dnf5's `grp install` install too (see isInstall).
 */
const INSTALL: Record<PackageManager, Set<string>> = {
  apt: new Set(['install', 'reinstall']),
  aptitude: new Set(['install', 'reinstall']),
  apk: new Set(['add']),
  dnf: new Set(['install', 'in', 'localinstall', 'install-n', 'install-na', 'install-nevra', 'reinstall', 'rei', 'groupinstall']),
  microdnf: new Set(['install', 'reinstall']),
  zypper: new Set(['install', 'in', 'install-new-recommends', 'inr']),
};

/** `dnf group install`, `dnf groups install`, dnf5's `dnf grp install`. */
const GROUP = new Set(['group', 'groups', 'grp']);

function isGroupInstall(call: PackageCommand): boolean {
  return call.manager === 'dnf' && call.subcommand !== undefined && GROUP.has(call.subcommand.value) && call.operands[0]?.value === 'install';
}

/** Reads a simple command as a package-manager call; undefined for any other program. */
export function packageCommand(command: SimpleCommand): PackageCommand | undefined {
  const memo = memoOf(command);
  if (memo.packageCall === undefined) memo.packageCall = readPackageCommand(command) ?? null;
  return (memo.packageCall as PackageCommand | null) ?? undefined;
}

function readPackageCommand(command: SimpleCommand): PackageCommand | undefined {
  const index = commandIndex(command);
  if (index < 0) return undefined;
  const program = command.words[index];
  const manager = PROGRAMS[program.value.slice(program.value.lastIndexOf('/') + 1)];
  if (!manager) return undefined;

  const result: PackageCommand = { manager, program, options: [], optionValues: [], operands: [] };
  const args = commandArgs(command);
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    // `apt-get install x 2> /dev/null`: neither the redirection nor its target is a package
    if (isRedirection(word.value) || (/^\d+$/.test(word.value) && args[i + 1]?.start === word.end && isRedirection(args[i + 1].value))) break;
    if (word.value.startsWith('-') && word.value !== '-') {
      result.options.push(word);
      if (OPTIONS_WITH_VALUE[manager].has(word.value) && args[i + 1]) result.optionValues.push(args[++i]);
      continue;
    }
    if (!result.subcommand) result.subcommand = word;
    else result.operands.push(word);
  }
  return result;
}

function isRedirection(value: string): boolean {
  return value.startsWith('<') || value.startsWith('>');
}

export function isInstall(call: PackageCommand): boolean {
  return call.subcommand !== undefined && (INSTALL[call.manager].has(call.subcommand.value) || isGroupInstall(call));
}

/** True when the command has this option, as `--name` or `--name=value`. */
export function hasOption(call: PackageCommand, ...names: string[]): boolean {
  return call.options.some((o) => names.some((name) => o.value === name || o.value.startsWith(`${name}=`)));
}

/** The package names an install names, without version pins, architectures or release suffixes. */
export function installedPackages(call: PackageCommand): { name: string; word: Word }[] {
  if (!isInstall(call)) return [];
  return (isGroupInstall(call) ? call.operands.slice(1) : call.operands)
    .filter((word) => !word.value.includes('$') && !word.value.startsWith('/'))
    .map((word) => ({ name: packageName(call.manager, word.value), word }));
}

/**
 * `openssh-server=1:9.2p1-2` (apt), `openssh~9.3` (apk), `openssh-server:amd64`, `pkg/bookworm-backports`
 * all name their package before the pin. RPM pins (`openssh-server-8.0p1`) are matched by `namesPackage`.
 */
export function packageName(manager: PackageManager, written: string): string {
  const separators = manager === 'apk' ? /[=<>~@]/ : /[=:/<>]/;
  const cut = written.search(separators);
  return (cut < 0 ? written : written.slice(0, cut)).toLowerCase();
}

/** True when an installed name is this package, also with an RPM-style `-<version>` pin. */
export function namesPackage(installed: string, wanted: string): boolean {
  if (installed === wanted) return true;
  return installed.startsWith(`${wanted}-`) && /^\d/.test(installed.slice(wanted.length + 1));
}

/**
 * An edit that adds an option right after a word of a RUN: ` --no-cache` in shell form, `, "--no-cache"` after
 * the closing quote in exec form (`RUN ["apk", "add", "curl"]`), ` --no-cache` again for a word of a script inside
 * one element (`RUN ["sh", "-c", "apk add curl"]`). `text` is the document.
 */
export function insertOptionAfter(source: LocalShellSource, word: Word, option: string, text: string): TextEdit {
  const exec = !source.heredoc && source.instruction instanceof JSONInstruction && source.instruction.getOpeningBracket() !== null;
  if (exec && isWholeElement(source, word, text)) return insertAt(source.rangeOf(word.end + 1, word.end + 1).start, `, "${option}"`);
  return insertAt(source.rangeOf(word.end, word.end).start, ` ${option}`);
}

/** In exec form, the word is a whole JSON string (quotes right around it), not a word of a script inside one. */
function isWholeElement(source: LocalShellSource, word: Word, text: string): boolean {
  return text.charCodeAt(source.offset + word.start - 1) === 34 && text.charCodeAt(source.offset + word.end) === 34;
}
