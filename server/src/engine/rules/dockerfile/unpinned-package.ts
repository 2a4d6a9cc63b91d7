import { isInstall, packageCommand, type PackageCommand } from '../../knowledge/packages';
import type { SimpleCommand, Word } from '../../knowledge/shell';
import { orderedCommands, programOf } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';

/** Sources naming none of the installers are skipped before lexing. */
const INSTALLERS = /apt|apk|pip|npm|yarn|pnpm|gem|go|yum|dnf|zypper/;

type Found = { word: Word; pin: string };

export default defineDockerfileRule({
  meta: {
    id: 'unpinned-package',
    code: 'DG121',
    severity: 'info',
    category: 'supply-chain',
    title: 'Package installed without a version',
    description:
      'A package installed by name alone is whatever version the repository holds on the day of the build: rebuilds of the same file differ, a broken or compromised release arrives unannounced, and nobody can tell which version an image holds.',
    references: {
      hadolint: ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062'],
      kics: [
        'apt_get_install_pin_version_not_defined',
        'unpinned_package_version_in_pip_install',
        'unpinned_package_version_in_apk_add',
        'npm_install_without_pinned_version',
        'gem_install_without_version',
        'yum_install_without_version',
        'zypper_install_without_version',
        'missing_version_specification_in_dnf_install',
      ],
    },
    profile: 'strict',
    messages: {
      unpinned: '{{package}} is installed without a version, so every build may get a different one; pin it ({{pin}}).',
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkShellSource({ source, text, report }) {
    if (!INSTALLERS.test(source.text)) return;
    const found: Found[] = [];
    for (const command of orderedCommands(source, text)) {
      const call = packageCommand(command);
      if (call) systemPackages(call, found);
      else languagePackages(command, found);
    }
    for (const { word, pin } of found) {
      report({ range: source.rangeOf(word.start, word.end), messageId: 'unpinned', data: { package: word.value, pin } });
    }
  },
});

/** A package file or a URL rather than a name: its content is what it is. */
function isFileOrUrl(value: string): boolean {
  return /^[./~]/.test(value) || value.includes('://') || /\.(?:deb|rpm|apk|whl|tgz|tar|tar\.gz|tar\.bz2|tar\.xz|zip|gem)$/i.test(value);
}

/** A version held in a variable (`tomcat-$VERSION`, `curl=${CURL_VERSION}`) or a list in one: not judged here. */
function isVariable(value: string): boolean {
  return value.includes('$');
}

function systemPackages(call: PackageCommand, found: Found[]): void {
  let operands: Word[];
  if (isInstall(call)) {
    if (/^groups?$|^grp$|^groupinstall$/.test(call.subcommand!.value)) return; // groups have no version
    operands = call.operands;
  } else if ((call.manager === 'dnf' || call.manager === 'microdnf') && call.subcommand?.value === 'module' && call.operands[0]?.value === 'install') {
    for (const word of call.operands.slice(1)) if (!isVariable(word.value) && !word.value.includes(':')) found.push({ word, pin: `${word.value}:<stream>` });
    return;
  } else {
    return;
  }
  for (const word of operands) {
    const value = word.value;
    if (value === '' || isVariable(value) || isFileOrUrl(value) || value.startsWith('@')) continue;
    if (!pinned(call.manager, value)) found.push({ word, pin: PIN[call.manager](value) });
  }
}

function pinned(manager: PackageCommand['manager'], value: string): boolean {
  switch (manager) {
    case 'apt':
    case 'aptitude':
      return value.includes('=');
    case 'apk':
    case 'zypper':
      return /[=~<>]/.test(value);
    default:
      // RPM: name-version[-release], an epoch allowed (openssl-1:1.1.1k, gcc-c++-1.1.1)
      return /-(?:\d+:)?\d/.test(value) || /[=<>]/.test(value);
  }
}

const PIN: Record<PackageCommand['manager'], (name: string) => string> = {
  apt: (name) => `${name}=<version>`,
  aptitude: (name) => `${name}=<version>`,
  apk: (name) => `${name}=<version>`,
  dnf: (name) => `${name}-<version>`,
  microdnf: (name) => `${name}-<version>`,
  zypper: (name) => `${name}=<version>`,
};

function languagePackages(command: SimpleCommand, found: Found[]): void {
  const program = programOf(command);
  if (!program) return;
  const name = program.name;
  const args = command.words.slice(program.index + 1);
  if (/^pip(?:\d+(?:\.\d+)*)?$/.test(name)) return pipPackages(args, found);
  if (/^python(?:\d+(?:\.\d+)*)?$/.test(name) && args[0]?.value === '-m' && args[1]?.value === 'pip') return pipPackages(args.slice(2), found);
  if (name === 'uv' && args[0]?.value === 'pip') return pipPackages(args.slice(1), found);
  if (name === 'npm' || name === 'pnpm' || name === 'yarn') return nodePackages(name, args, found);
  if (name === 'gem') return gemPackages(args, found);
  if (name === 'go' && args[0]?.value === 'install') return goPackages(args.slice(1), found);
}

const PIP_VALUE_OPTIONS = new Set([
  '-r',
  '--requirement',
  '-e',
  '--editable',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--trusted-host',
  '--prefix',
  '--root',
  '-t',
  '--target',
  '--src',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--upgrade-strategy',
  '--progress-bar',
  '--cache-dir',
  '--log',
  '--proxy',
  '--retries',
  '--timeout',
  '--exists-action',
  '--cert',
  '--client-cert',
  '--global-option',
  '-C',
  '--config-settings',
  '--no-binary',
  '--only-binary',
  '--python',
]);

function pipPackages(args: Word[], found: Found[]): void {
  if (args[0]?.value !== 'install') return;
  const rest = args.slice(1);
  // A constraints file pins what it names (hadolint)
  if (rest.some((w) => /^(?:-c|--constraint)(?:=|$)/.test(w.value))) return;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    const value = word.value;
    if (value.startsWith('-')) {
      if (PIP_VALUE_OPTIONS.has(value)) i++;
      continue;
    }
    if (isVariable(value)) continue;
    if (value.startsWith('git+') || /^[a-z]+(?:\+[a-z]*)?:\/\//i.test(value)) {
      // git+https://host/org/repo.git@v1.0#egg=x is pinned by its ref
      if (value.startsWith('git+') && !/^[^#]*:\/\/[^#]*\/[^#]*@/.test(value)) found.push({ word, pin: `${value.split('#')[0]}@<tag or commit>` });
      continue;
    }
    if (/[=<>~!]/.test(value)) continue;
    if (isFileOrUrl(value)) continue;
    found.push({ word, pin: `${value}==<version>` });
  }
}

const NPM_VALUE_OPTIONS = new Set([
  '--registry',
  '--prefix',
  '--cache',
  '--loglevel',
  '--tag',
  '--userconfig',
  '--globalconfig',
  '-w',
  '--workspace',
  '--otp',
  '--omit',
  '--include',
  '--before',
  '--scope',
  '--filter',
  '-C',
  '--dir',
  '--cwd',
]);
const NODE_INSTALL: Record<string, Set<string>> = {
  npm: new Set(['install', 'i', 'add', 'in', 'isntall']),
  pnpm: new Set(['add', 'install', 'i']),
  yarn: new Set(['add']),
};

function nodePackages(manager: string, args: Word[], found: Found[]): void {
  let i = 0;
  // yarn global add, npm's options before the subcommand
  while (i < args.length && (args[i].value.startsWith('-') || args[i].value === 'global')) i += NPM_VALUE_OPTIONS.has(args[i].value) ? 2 : 1;
  if (!args[i] || !NODE_INSTALL[manager].has(args[i].value)) return;
  for (i++; i < args.length; i++) {
    const value = args[i].value;
    if (value.startsWith('-')) {
      if (NPM_VALUE_OPTIONS.has(value)) i++;
      continue;
    }
    if (isVariable(value)) continue;
    if (/^(?:git\+|git:|github:|gitlab:|bitbucket:)/.test(value) || value.includes('://')) {
      if (!value.includes('#') && !/\.(?:tgz|tar|tar\.gz)$/.test(value)) found.push({ word: args[i], pin: `${value}#<tag or commit>` });
      continue;
    }
    if (isFileOrUrl(value)) continue;
    const at = value.indexOf('@', 1);
    const version = at < 0 ? '' : value.slice(at + 1);
    // `@latest` moves with every release, as an unpinned name does
    if (version === '' || version === 'latest') found.push({ word: args[i], pin: `${at < 0 ? value : value.slice(0, at)}@<version>` });
  }
}

const GEM_VALUE_OPTIONS = new Set([
  '-i',
  '--install-dir',
  '-n',
  '--bindir',
  '-s',
  '--source',
  '-P',
  '--trust-policy',
  '--platform',
  '-g',
  '--file',
  '--build-root',
]);

function gemPackages(args: Word[], found: Found[]): void {
  if (args[0]?.value !== 'install' && args[0]?.value !== 'i') return;
  const candidates: Word[] = [];
  for (let i = 1; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--') break; // what follows goes to the gem's build
    if (value === '-v' || value === '--version' || value.startsWith('--version=')) return; // one version for the gems named
    if (value.startsWith('-')) {
      // a known option's value; a boolean after another long option is its value too (--use-system-libraries true)
      if (GEM_VALUE_OPTIONS.has(value) || (value.startsWith('--') && !value.includes('=') && /^(?:true|false)$/.test(args[i + 1]?.value ?? ''))) i++;
      continue;
    }
    if (!isVariable(value) && !value.includes(':') && !isFileOrUrl(value)) candidates.push(args[i]);
  }
  for (const word of candidates) found.push({ word, pin: `${word.value}:<version>` });
}

const GO_VALUE_OPTIONS = new Set([
  '-ldflags',
  '-gcflags',
  '-asmflags',
  '-gccgoflags',
  '-tags',
  '-o',
  '-mod',
  '-modfile',
  '-p',
  '-pkgdir',
  '-buildmode',
  '-compiler',
  '-installsuffix',
  '-overlay',
  '-pgo',
  '-toolexec',
  '-C',
]);

function goPackages(args: Word[], found: Found[]): void {
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const value = word.value;
    if (value.startsWith('-')) {
      if (GO_VALUE_OPTIONS.has(value)) i++;
      continue;
    }
    if (isVariable(value) || /^[./]/.test(value)) continue;
    const at = value.lastIndexOf('@');
    if (at < 0 || value.slice(at + 1) === 'latest') found.push({ word, pin: `${at < 0 ? value : value.slice(0, at)}@v<version>` });
  }
}
