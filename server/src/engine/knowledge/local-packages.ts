import { Add } from 'dockerfile-ast';
import { trimTrailingSlashes } from '../paths';
import type { DockerfileModel } from '../documents/dockerfile';
import { isRemoteUrl, transferArgs } from './copy-add';
import type { SimpleCommand } from './shell';
import { programOf, shellScopes } from './shell-scopes';

/**
 * Package files a Dockerfile fetches from the network, and those it checks (a signature or a checksum), by file
 * name: a local package that was neither downloaded nor is a download left unchecked needs no signature of its
 * repository (built in the same RUN, as the official images build theirs, or copied from the build context).
 */
export interface Downloads {
  /** Names (last path segment) of files downloaded by curl, wget, fetch, HTTPie or ADD. */
  fetched: Set<string>;
  /** Names mentioned by a signature or checksum check (`gpg --verify x.apk.asc x.apk`, `sha256sum -c`). */
  checked: Set<string>;
}

const CHECKERS = new Set([
  'gpg',
  'gpg2',
  'gpgv',
  'gpgv2',
  'sha256sum',
  'sha512sum',
  'sha384sum',
  'sha224sum',
  'sha1sum',
  'md5sum',
  'b2sum',
  'shasum',
  'cosign',
  'minisign',
  'signify',
]);

export function downloadsOf(model: DockerfileModel): Downloads {
  const downloads: Downloads = { fetched: new Set(), checked: new Set() };
  for (const { instruction } of model.instructions) {
    if (!(instruction instanceof Add)) continue;
    const args = transferArgs(instruction, model.lines);
    if (!args || args.sources.length === 0) continue;
    const checksum = args.flags.some((flag) => flag.getName() === 'checksum');
    for (const source of args.sources) {
      if (!isRemoteUrl(source.value)) continue;
      const name = nameOf(source.value);
      downloads.fetched.add(name);
      if (checksum) downloads.checked.add(name);
    }
  }
  for (const source of model.shellSources) {
    for (const pipeline of shellScopes(source, model.text).flatMap((scope) => scope.pipelines)) {
      const pipelineWords = pipeline.commands.flatMap((command) => command.words.map((w) => w.value));
      for (const command of pipeline.commands) {
        const program = programOf(command);
        if (!program) continue;
        const args = command.words.slice(program.index + 1).map((w) => w.value);
        for (const file of fetchedFiles(program.name, args)) downloads.fetched.add(nameOf(file));
        // `echo "<sum>  x.apk" | sha256sum -c -` names the file in the pipeline, not in the checker's arguments.
        if (CHECKERS.has(program.name)) for (const word of pipelineWords) for (const part of word.split(/\s+/)) if (part) downloads.checked.add(nameOf(part));
      }
    }
  }
  return downloads;
}

/** The file's name: the last segment of a path or URL, without a query or fragment. */
function nameOf(path: string): string {
  const clean = trimTrailingSlashes(path.replace(/[?#].*$/, ''));
  return clean.slice(clean.lastIndexOf('/') + 1);
}

/** Files a downloader writes: `curl -o x`, `curl -O <url>`, `wget <url>` (named after it), `wget -O x`, `fetch -o x`. */
function fetchedFiles(program: string, args: string[]): string[] {
  const urls = args.filter((a) => /^(?:https?|ftp):\/\//i.test(a));
  if (program === 'curl') {
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '-o' || arg === '--output') files.push(args[i + 1] ?? '');
      else if (arg.startsWith('--output=')) files.push(arg.slice(9));
      else if (/^-[A-Za-z]*o$/.test(arg)) files.push(args[i + 1] ?? '');
      else if (/^-[A-Za-z]*o./.test(arg)) files.push(arg.slice(arg.indexOf('o') + 1));
      else if (arg === '-O' || arg === '--remote-name' || arg === '--remote-name-all' || /^-[A-Za-z]*O[A-Za-z]*$/.test(arg)) files.push(...urls);
    }
    return files;
  }
  if (program === 'wget' || program === 'fetch') {
    const option = program === 'wget' ? 'O' : 'o';
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg.startsWith('--output-document')) return [arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[i + 1] ?? '')];
      const short = /^-([A-Za-z]+)/.exec(arg);
      const at = short ? short[1].indexOf(option) : -1;
      if (at >= 0) return [arg.slice(at + 2) || args[i + 1] || ''];
    }
    return urls;
  }
  if (program === 'http' || program === 'https') {
    const output = args.findIndex((a) => a === '-o' || a === '--output');
    if (output >= 0) return [args[output + 1] ?? ''];
    return args.some((a) => a === '-d' || a === '--download') ? urls : [];
  }
  return [];
}

const PACKAGE_FILE = /\.(?:apk|rpm|deb)$/i;

/**
 * The package operands of an install that switched verification off, when every one is a local file (a path,
 * or a `.apk`/`.rpm`/`.deb` name) that is not an unchecked download: such packages come with the build (built
 * in it, or from its context) and have no repository signature to check. Undefined when any operand is a
 * package name (fetched from a repository) or a URL, or when there is none.
 */
export function onlyLocalPackages(operands: string[], downloads: Downloads): boolean {
  if (operands.length === 0) return false;
  return operands.every((operand) => {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(operand) || operand.includes('$')) return false;
    const local = operand.includes('/') || PACKAGE_FILE.test(operand);
    if (!local) return false;
    const name = nameOf(operand);
    return !downloads.fetched.has(name) || downloads.checked.has(name);
  });
}

/** The words after the program and its subcommand that are not options (nor the value of `-X`/`--repository`). */
export function packageOperands(command: SimpleCommand, programIndex: number, valueOptions: readonly string[]): { subcommand?: string; operands: string[] } {
  const words = command.words;
  let subcommand: string | undefined;
  const operands: string[] = [];
  for (let i = programIndex + 1; i < words.length; i++) {
    const value = words[i].value;
    if (value.startsWith('<') || value.startsWith('>')) break;
    if (value.startsWith('-')) {
      if (valueOptions.includes(value)) i++;
      continue;
    }
    if (subcommand === undefined) subcommand = value;
    else operands.push(value);
  }
  return { subcommand, operands };
}
