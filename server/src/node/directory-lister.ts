// How dockguard's Node hosts list a directory an analysis looks into (a Dockerfile's build context): the language
// server's Node entry (node/host.ts) and the CLI both use it. Names only: nothing is opened, read or run.
//
// - Inside the roots: the directory's real path (every link resolved) must lie inside one of them.
// - Never out through a link: entries that are links are listed as files, so the analysis never asks to list what a
//   link names; and a path that resolves (through a linked parent) outside the roots is refused.
// - Bounded: at most `maxEntries` entries, read in order from the directory stream.
// - Never throws: every outcome is a value.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isWithin, realRoot } from './file-reader';

export type ListOutcome = { entries: { name: string; directory: boolean }[] } | { missing: true } | { refused: string };

export interface ListOptions {
  /** Absolute directories listings must stay inside; empty means none may be listed. */
  roots: readonly string[];
  maxEntries: number;
}

export function listReferencedDirectory(uriOrPath: string, options: ListOptions): ListOutcome {
  let directory: string;
  try {
    if (/^[a-z][a-z0-9+.-]+:/i.test(uriOrPath) && !uriOrPath.startsWith('file:')) return { refused: 'it is not a local folder' };
    directory = uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : path.resolve(uriOrPath);
  } catch {
    return { refused: 'it is not a local folder' };
  }
  let real: string;
  try {
    real = fs.realpathSync.native(directory);
  } catch {
    return { missing: true };
  }
  if (!options.roots.some((root) => isWithin(realRoot(root), real))) return { refused: 'it is outside the workspace' };
  let dir: fs.Dir | undefined;
  try {
    dir = fs.opendirSync(real);
    const entries: { name: string; directory: boolean }[] = [];
    for (let entry = dir.readSync(); entry && entries.length < options.maxEntries; entry = dir.readSync()) {
      entries.push({ name: entry.name, directory: entry.isDirectory() });
    }
    return { entries };
  } catch {
    return { missing: true };
  } finally {
    try {
      dir?.closeSync();
    } catch {
      // already closed
    }
  }
}
