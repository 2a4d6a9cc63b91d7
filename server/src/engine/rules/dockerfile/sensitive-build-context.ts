import { Add, Copy, type Instruction } from 'dockerfile-ast';
import { textReading } from '../../documents/ast-memo';
import { parseDockerIgnore, type DockerIgnore } from '../../documents/dockerignore';
import { baseName } from '../../detect';
import { isGitSource, isRemoteUrl, transferArgs } from '../../knowledge/copy-add';
import { classifyContextEntry, DOCKER_CONFIG_DIRECTORY, NOT_LOOKED_INTO } from '../../knowledge/build-context';
import { classifySensitivePath } from '../../knowledge/sensitive-files';
import { cleanPath } from '../../documents/dockerignore';
import { insertAt } from '../../fixes';
import { resolveRelative } from '../../paths';
import { defineDockerfileRule, type Report, type RuleContext } from '../../rule';
import { LineIndex } from '../../text';
import type { DockerfileModel } from '../../documents/dockerfile';
import type { DirectoryEntry, Fix, Range } from '../../types';

type MessageId = 'noIgnoreFile' | 'notExcluded';

/** Subdirectories of a copied directory looked into, at most (one level down): the walk stays bounded. */
const MAX_SUBDIRECTORIES = 24;
/** Entries of one listing looked at, at most. */
const MAX_ENTRIES = 2000;
/** Path segments of a copied directory followed from the context root (`COPY app/src/ ...`). */
const MAX_SOURCE_DEPTH = 4;
/** Names a message lists before "and N more". */
const NAMED = 4;
/** What a new ignore file lists besides what is there: the usual credential files, wherever they appear later. */
const GENERIC_LINES = ['**/.env', '**/id_rsa*', '**/*.key'];

export default defineDockerfileRule({
  meta: {
    id: 'sensitive-build-context',
    code: 'DG143',
    severity: 'warning',
    category: 'secrets',
    title: 'Credential files in a build context copied whole',
    description:
      '`COPY . .` copies everything the build context holds that `.dockerignore` does not exclude: a `.env`, a private key, `.npmrc`, `.aws/` or `.git` lying next to the Dockerfile end up in an image layer anyone who can pull the image can read.',
    references: { cis: '4.10' },
    messages: {
      noIgnoreFile:
        '{{keyword}} {{source}} copies {{files}} from the build context into an image layer that anyone who can pull the image can read, and there is no .dockerignore: create one that lists {{them}}, or copy only what the build needs.',
      notExcluded:
        '{{keyword}} {{source}} copies {{files}} from the build context into an image layer that anyone who can pull the image can read, because {{ignoreFile}} does not exclude {{them}}: list {{them}} there, or copy only what the build needs.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check(context) {
    const { model } = context;
    // Without a file name there is no folder to look into (standard input without --stdin-filename, untitled buffers).
    if (!context.uri) return;
    // One finding per kind of copy (the folder, its --exclude, its other sources), on the first COPY/ADD of it: the
    // ignore file that fixes it fixes every later copy of the same folder too.
    let copies: Map<string, Copied> | undefined;
    for (const { instruction, onbuild } of model.entriesOf('COPY', 'ADD')) {
      // An ONBUILD COPY copies the context of the build that uses this image, not this one.
      if (onbuild) continue;
      // Kept with the instruction: a keystroke looks again only at the few COPY/ADD of a directory.
      const sources = textReading(instruction, DIRECTORY_SOURCES, directorySources, model);
      for (const source of sources) {
        if (copies?.has(source.key)) continue;
        if ((copies ??= new Map()).size >= MAX_COPIES) break;
        copies.set(source.key, copied(instruction, model, source));
      }
    }
    if (!copies) return;
    judge(context, [...copies.values()]);
  },
});

/** A source of COPY/ADD that may be a directory of the build context. */
interface Copied {
  keyword: string;
  /** As written. */
  source: string;
  range: Range;
  /** Relative to the context root, `` for the root itself. */
  directory: string;
  /** The instruction's own `--exclude` patterns. */
  excludes: DockerIgnore | undefined;
  /** Paths the same instruction names as sources itself (sensitive-file-copied reports those). */
  named: ReadonlySet<string>;
  /** Says what the copy is for judging (folder, --exclude, the other sources): copies with the same key agree. */
  key: string;
}

/** What an instruction copies from the context that may be a whole directory: no offsets, only values. */
interface DirectorySource {
  /** Index among the instruction's sources. */
  index: number;
  directory: string;
  excludes: DockerIgnore | undefined;
  named: ReadonlySet<string>;
  key: string;
}

const DIRECTORY_SOURCES = Symbol('COPY/ADD sources from the build context that may be directories');

/**
 * Kinds of copy judged per file, at most: a real Dockerfile copies a few folders whole. Each kind's key holds the
 * instruction's other sources, so thousands of folders in one COPY (hostile or garbled input) made the keys, and
 * the time, grow with the square of its length.
 */
const MAX_COPIES = 64;

function directorySources(instruction: Instruction, model: DockerfileModel): readonly DirectorySource[] {
  if (!(instruction instanceof Copy || instruction instanceof Add)) return NONE;
  if (instruction.getFlags().some((flag) => flag.getName() === 'from')) return NONE;
  const args = transferArgs(instruction, model.lines);
  if (!args) return NONE;
  const found: DirectorySource[] = [];
  const directories = new Set<string>();
  let named: ReadonlySet<string> | undefined;
  let excludes: DockerIgnore | undefined;
  args.sources.forEach(({ value }, index) => {
    if (found.length >= MAX_COPIES) return;
    if (value === '' || value.includes('$') || isRemoteUrl(value) || isGitSource(value)) return;
    // An explicit credential file or directory is sensitive-file-copied's finding.
    if (classifySensitivePath(value)) return;
    const directory = contextDirectory(value);
    // The same folder twice in one instruction is one kind of copy (its first source is reported).
    if (directory === undefined || directories.has(directory)) return;
    directories.add(directory);
    if (!named) {
      named = new Set(args.sources.map((s) => cleanPath(s.value.replace(/^\/+/, '')) || '.'));
      const excludeFlags = args.flags.filter((flag) => flag.getName() === 'exclude').map((flag) => flag.getValue() ?? '');
      excludes = excludeFlags.length ? parseDockerIgnore(excludeFlags.join('\n')) : undefined;
    }
    const key = `${directory}\u0000${excludes?.patterns.join('\n') ?? ''}\u0000${[...named].join('\u0000')}`;
    found.push({ index, directory, excludes, named, key });
  });
  return found.length ? found : NONE;
}

const NONE: readonly DirectorySource[] = [];

function copied(instruction: Instruction, model: DockerfileModel, { index, directory, excludes, named, key }: DirectorySource): Copied {
  const args = transferArgs(instruction, model.lines)!;
  return { keyword: args.keyword, source: args.sources[index].value, range: args.sources[index].range, directory, excludes, named, key };
}

/** The context directory a source copies the whole of (`.`, `./`, `/`, `*`, `app/`), or undefined for a pattern. */
function contextDirectory(source: string): string | undefined {
  let path = cleanPath(source.replace(/\\/g, '/')).replace(/^\/+/, '');
  if (path === '*' || path.endsWith('/*')) path = path === '*' ? '.' : path.slice(0, -2); // every entry of it
  if (/[*?[]/.test(path)) return undefined;
  if (path === '.' || path === '') return '';
  if (path.startsWith('..')) return undefined; // outside the context: the build fails
  return path.split('/').length <= MAX_SOURCE_DEPTH ? path : undefined;
}

/** A credential file or directory present in the context, by its path relative to the context root. */
interface Present {
  path: string;
  what: string;
}

function judge(context: RuleContext<DockerfileModel, MessageId>, copies: Copied[]): void {
  const { listDirectory, readFile, uri, report } = context;
  if (!uri) return;
  const root = listDirectory('.', copies[0].range);
  if (!root) return;
  // BuildKit reads `<Dockerfile name>.dockerignore` beside the Dockerfile first, then the context's `.dockerignore`.
  const dockerfileName = baseName(uri);
  const candidates = [`${dockerfileName}.dockerignore`, '.dockerignore'];
  let ignoreFile: string | undefined;
  let ignoreText: string | undefined;
  for (const name of candidates) {
    if (!root.some((e) => e.name === name && !e.directory)) continue;
    ignoreFile = name;
    ignoreText = readFile(name, copies[0].range);
    // There but not read (refused: reported where the copy is; or not fetched yet): nothing to say about it.
    if (ignoreText === undefined) return;
    break;
  }
  const ignore = ignoreText === undefined ? undefined : parseDockerIgnore(ignoreText);
  const excluded = (path: string) => ignore?.excludes(path) === true;
  const listings = new Map<string, readonly DirectoryEntry[] | undefined>([['', root]]);
  const list = (directory: string, range: Range) => {
    if (!listings.has(directory)) listings.set(directory, listDirectory(directory, range));
    return listings.get(directory);
  };

  let known = judged.get(root);
  if (!known) judged.set(root, (known = new Map()));
  const checked = new Map<string, Judged>();
  for (const copy of copies) {
    const key = `${uri}\u0000${copy.key}`;
    let result = checked.get(key) ?? known.get(key);
    // What was worked out for the same folders, the same ignore file and the same kind of copy still holds while
    // the host answers with the same listings (the server's cache keeps them until a file-change notification).
    if (!checked.has(key) && (!result || result.ignoreText !== ignoreText || !stillListed(result.used, list, copy.range))) {
      const used = new Map<string, readonly DirectoryEntry[] | undefined>();
      const tracked = (directory: string, range: Range) => {
        const listed = list(directory, range);
        used.set(directory, listed);
        return listed;
      };
      const entries = sourceListing(copy, tracked);
      const paths = entries ? credentialFiles(copy, entries, tracked, excluded, ignore?.hasExceptions === true).map((p) => p.path) : [];
      result = { ignoreText, used, paths, fix: paths.length ? ignoreFix(uri, ignoreFile, ignoreText, paths) : undefined };
      if (known.size >= MAX_JUDGED) known.clear();
      known.set(key, result);
    }
    checked.set(key, result!);
    const { paths, fix } = result!;
    if (!fix) continue;
    const files = paths.length > NAMED ? `${paths.slice(0, NAMED).join(', ')} and ${paths.length - NAMED} more` : paths.join(', ');
    report({
      range: copy.range,
      messageId: ignoreFile ? 'notExcluded' : 'noIgnoreFile',
      data: { keyword: copy.keyword, source: copy.source, files, them: paths.length === 1 ? 'it' : 'them', ignoreFile: ignoreFile ?? '.dockerignore' },
      fixes: [fix],
    } satisfies Report<MessageId>);
  }
}

function stillListed(used: Judged['used'], list: (directory: string, range: Range) => readonly DirectoryEntry[] | undefined, range: Range): boolean {
  for (const [directory, listed] of used) if (list(directory, range) !== listed) return false;
  return true;
}

/** What one kind of copy found in the build context, kept per root listing (see judge). */
interface Judged {
  ignoreText: string | undefined;
  /** Every listing it read, by folder: it holds while each is still the one the host gives. */
  used: Map<string, readonly DirectoryEntry[] | undefined>;
  paths: string[];
  fix: Fix | undefined;
}

const judged = new WeakMap<readonly DirectoryEntry[], Map<string, Judged>>();
/** Kinds of copy kept per folder at most (one per copied folder, --exclude and Dockerfile name, in practice a few). */
const MAX_JUDGED = 64;

/** The listing of the directory a source copies, when it is one; undefined for a file or what is not there. */
function sourceListing(copy: Copied, list: (directory: string, range: Range) => readonly DirectoryEntry[] | undefined): readonly DirectoryEntry[] | undefined {
  if (copy.directory === '') return list('', copy.range);
  let current = '';
  for (const segment of copy.directory.split('/')) {
    const entries = list(current, copy.range);
    if (!entries?.some((e) => e.name === segment && e.directory) || NOT_LOOKED_INTO.has(segment)) return undefined;
    current = current ? `${current}/${segment}` : segment;
  }
  return list(current, copy.range);
}

/** The credential files and directories a copied directory holds, and its subdirectories, that nothing excludes. */
function credentialFiles(
  copy: Copied,
  entries: readonly DirectoryEntry[],
  list: (directory: string, range: Range) => readonly DirectoryEntry[] | undefined,
  excluded: (path: string) => boolean,
  mayReinclude: boolean,
): Present[] {
  const present: Present[] = [];
  let subdirectories = 0;
  const prefix = (directory: string) => (directory ? `${directory}/` : '');
  const left = (path: string) =>
    !excluded(path) && !copy.excludes?.excludes(copy.directory ? path.slice(copy.directory.length + 1) : path) && !copy.named.has(path);
  const visit = (directory: string, listed: readonly DirectoryEntry[], depth: number, parent?: string) => {
    const summary = summarize(listed, parent);
    for (const { name, what } of summary.sensitive) {
      const path = prefix(directory) + name;
      if (left(path)) present.push({ path, what });
    }
    if (summary.dockerConfig) {
      const path = prefix(directory) + DOCKER_CONFIG_DIRECTORY;
      const inside = left(path) ? list(path, copy.range) : undefined;
      if (inside) visit(path, inside, 0, DOCKER_CONFIG_DIRECTORY);
    }
    if (depth <= 0) return;
    for (const name of summary.subdirectories) {
      const path = prefix(directory) + name;
      // A directory left out whole needs no look inside, unless an exception may bring something back.
      if (subdirectories >= MAX_SUBDIRECTORIES) break;
      if (excluded(path) && !mayReinclude) continue;
      subdirectories++;
      const inside = list(path, copy.range);
      if (inside) visit(path, inside, depth - 1);
    }
  };
  visit(copy.directory, entries, 1);
  return present.sort((a, b) => depthOf(a.path) - depthOf(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What one listing holds that matters here, worked out once per listing the host keeps (not per keystroke). */
interface Summary {
  sensitive: { name: string; what: string }[];
  /** Subdirectories to look into, by name, sorted. */
  subdirectories: string[];
  /** A `.docker` directory, whose `config.json` holds registry credentials. */
  dockerConfig: boolean;
}

const summaries = new WeakMap<readonly DirectoryEntry[], Map<string, Summary>>();

function summarize(listed: readonly DirectoryEntry[], parent: string | undefined): Summary {
  let byParent = summaries.get(listed);
  if (!byParent) summaries.set(listed, (byParent = new Map()));
  let summary = byParent.get(parent ?? '');
  if (summary) return summary;
  summary = { sensitive: [], subdirectories: [], dockerConfig: false };
  for (const entry of listed.slice(0, MAX_ENTRIES)) {
    const what = classifyContextEntry(entry.name, entry.directory, parent);
    if (what) summary.sensitive.push({ name: entry.name, what });
    else if (entry.directory && entry.name === DOCKER_CONFIG_DIRECTORY) summary.dockerConfig = true;
    else if (entry.directory && !NOT_LOOKED_INTO.has(entry.name)) summary.subdirectories.push(entry.name);
  }
  summary.subdirectories.sort();
  byParent.set(parent ?? '', summary);
  return summary;
}

function depthOf(path: string): number {
  return path.split('/').length;
}

/** A line of .dockerignore that matches exactly this path. */
function ignoreLine(path: string): string {
  return path.replace(/[*?[\\]/g, '\\$&').replace(/^[#!]/, '\\$&');
}

/** Creates the context's .dockerignore, or appends to the ignore file in effect, listing what is there. */
function ignoreFix(uri: string, ignoreFile: string | undefined, ignoreText: string | undefined, paths: string[]): Fix {
  const listed = paths.map(ignoreLine);
  const shown = paths.length > 2 ? `${paths.slice(0, 2).join(', ')}, …` : paths.join(', ');
  if (ignoreFile === undefined || ignoreText === undefined) {
    const lines = [
      '# Left out of the build context (dockguard sensitive-build-context): credentials must not reach an image.',
      ...listed,
      ...GENERIC_LINES.filter((line) => !listed.includes(line)),
    ];
    return {
      title: `Create .dockerignore leaving out ${shown}`,
      kind: 'suggestion',
      preferred: true,
      edits: [],
      files: [{ uri: resolveRelative(uri, '.dockerignore'), create: true, edits: [insertAt({ line: 0, character: 0 }, lines.join('\n') + '\n')] }],
    };
  }
  const index = new LineIndex(ignoreText);
  const end = index.positionAt(ignoreText.length);
  const separator = ignoreText === '' || /[\r\n]$/.test(ignoreText) ? '' : '\n';
  const text = `${separator}# Credentials in the build context (dockguard sensitive-build-context)\n${listed.join('\n')}\n`;
  return {
    title: `Add ${shown} to ${ignoreFile}`,
    kind: 'suggestion',
    preferred: true,
    edits: [],
    files: [{ uri: resolveRelative(uri, ignoreFile), edits: [insertAt(end, text)] }],
  };
}
