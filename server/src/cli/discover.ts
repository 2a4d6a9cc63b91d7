import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DocumentKind, kindFromFileName } from '../engine';
import { STDIN_PATH } from './options';
import type { Problem } from './results';

export interface Target {
  /** The path to read, or `-` for standard input. */
  path: string;
  /** The name shown in the report (the path, or --stdin-filename for standard input). */
  name: string;
  /** Known from the file name; otherwise sniffed from the text once it is read. */
  kind?: DocumentKind;
  /** Named on the command line (or standard input), not found by a directory walk. */
  named?: boolean;
}

export interface Discovery {
  targets: Target[];
  /** Paths that could not be read, with the reason; the CLI reports them and exits 2. */
  problems: Problem[];
  /** Symbolic links the walk did not follow because they lead out of the path given; reported as notes. */
  skippedLinks: { path: string; target: string }[];
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Expands the command-line paths into files to analyse. A file named explicitly is analysed whatever its name
 * (and whatever it is: a pipe such as /dev/stdin is read like a file). Directories are walked for Dockerfiles and
 * compose files; symbolic links are followed only while they stay inside the directory given, each real
 * directory is entered once (so link loops end), and each real file is analysed once.
 */
export function discover(paths: string[], stdinFilename?: string): Discovery {
  const result: Discovery = { targets: [], problems: [], skippedLinks: [] };
  const seenFiles = new Set<string>();
  const addFile = (file: string, real: string, kind: DocumentKind | undefined, named = false) => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    result.targets.push({ path: file, name: file, kind, named });
  };
  for (const input of paths) {
    if (input === STDIN_PATH) {
      const name = stdinFilename ?? '<stdin>';
      result.targets.push({ path: STDIN_PATH, name, kind: stdinFilename === undefined ? undefined : kindFromFileName(stdinFilename), named: true });
      continue;
    }
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(input);
      real = fs.realpathSync(input);
    } catch (error) {
      result.problems.push({ path: input, reason: `cannot read: ${describeError(error)}` });
      continue;
    }
    if (stat.isDirectory()) walk(input, real, real, new Set([real]), result, addFile);
    else addFile(input, real, kindFromFileName(input), true);
  }
  return result;
}

function walk(
  directory: string,
  realDirectory: string,
  root: string,
  entered: Set<string>,
  result: Discovery,
  addFile: (file: string, real: string, kind: DocumentKind | undefined) => void,
): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    result.problems.push({ path: directory, reason: `cannot read: ${describeError(error)}` });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    let real = path.join(realDirectory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        real = fs.realpathSync(full);
        const stat = fs.statSync(real);
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      } catch {
        continue; // a dangling link or a loop: nothing to read
      }
      if (!isInside(real, root)) {
        if (isDirectory || kindFromFileName(entry.name)) result.skippedLinks.push({ path: full, target: real });
        continue;
      }
    }
    if (isDirectory) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || entered.has(real)) continue;
      entered.add(real);
      walk(full, real, root, entered, result, addFile);
    } else if (isFile) {
      // Only regular files: a FIFO or a device inside a tree is never opened by a walk.
      const kind = kindFromFileName(entry.name);
      if (kind) addFile(full, real, kind);
    }
  }
}

/** Whether `file` is `directory` or lies under it (both absolute and real). */
export function isInside(file: string, directory: string): boolean {
  const relative = path.relative(directory, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return (error as Error)?.message ?? String(error);
}
