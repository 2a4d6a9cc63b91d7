import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DocumentKind, kindFromFileName } from '../engine';

export interface Target {
  path: string;
  kind: DocumentKind;
}

export interface Discovery {
  targets: Target[];
  /** Paths that could not be read, with the reason; the CLI reports them and exits 2. */
  problems: { path: string; reason: string }[];
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Expands the command-line paths into files to analyse. Directories are walked without following symbolic
 * links (no loops, no escaping the tree); a file named explicitly is analysed whatever its name.
 */
export function discover(paths: string[]): Discovery {
  const result: Discovery = { targets: [], problems: [] };
  for (const input of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (error) {
      result.problems.push({ path: input, reason: describeError(error) });
      continue;
    }
    if (stat.isDirectory()) walk(input, result);
    else result.targets.push({ path: input, kind: kindFromFileName(input) ?? sniffKind(input) });
  }
  return result;
}

function walk(directory: string, result: Discovery): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    result.problems.push({ path: directory, reason: describeError(error) });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, result);
    } else if (entry.isFile()) {
      const kind = kindFromFileName(entry.name);
      if (kind) result.targets.push({ path: full, kind });
    }
  }
}

/** A file named on the command line with an unusual name: compose if it has a `services:` key. */
function sniffKind(file: string): DocumentKind {
  try {
    const head = fs.readFileSync(file, 'utf8').slice(0, 64 * 1024);
    return /^services\s*:/m.test(head) ? 'compose' : 'dockerfile';
  } catch {
    return 'dockerfile';
  }
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (error as Error)?.message ?? String(error);
}
