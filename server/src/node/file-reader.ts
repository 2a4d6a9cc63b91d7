// The one way dockguard's Node hosts read a file an analysis refers to (a compose `build:` Dockerfile,
// `dockerfile:`, `extends: file:`, `include:`, `env_file:`, a project configuration): the language server's Node
// entry (node/host.ts) and the CLI both use it.
//
// - Only regular files: directories, devices (`/dev/zero`), FIFOs and sockets are refused, checked on the open
//   descriptor itself (opened non-blocking, so a FIFO swapped in after the check cannot block the open).
// - A size bound that holds whatever the file says about itself: at most `maxBytes` are ever read, and a file
//   that has more is refused as too large, so nothing allocates past the bound.
// - Symlink-safe: the real path (every link resolved) must lie inside one of `roots`; a reference that leaves
//   them is refused, not read. The server passes its workspace folders; the CLI (when it wires this in) passes
//   the roots it was asked to analyse, so `extends: { file: /etc/passwd }` is reported, never read.
// - Never throws: every outcome is a value the caller turns into a finding or a silent miss.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ReadOutcome = { text: string } | { missing: true } | { refused: string };

export interface ReadOptions {
  /** Absolute directories reads must stay inside; empty means no file may be read. */
  roots: readonly string[];
  /** Largest file read, in bytes. */
  maxBytes: number;
}

const { O_RDONLY, O_NONBLOCK = 0, O_NOFOLLOW = 0 } = fs.constants;

export function readReferencedFile(uriOrPath: string, options: ReadOptions): ReadOutcome {
  let file: string;
  try {
    file = uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : path.resolve(uriOrPath);
  } catch {
    return { refused: 'it is not a local file' };
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(uriOrPath) && !uriOrPath.startsWith('file:')) return { refused: 'it is not a local file' };
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch {
    return { missing: true };
  }
  if (!options.roots.some((root) => isWithin(realRoot(root), real))) return { refused: 'it is outside the workspace' };
  let fd: number;
  try {
    fd = fs.openSync(real, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
  } catch {
    return { missing: true };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { refused: 'it is not a regular file' };
    if (stat.size > options.maxBytes) return { refused: `it is larger than ${options.maxBytes} bytes` };
    // The size a file reports can be wrong (procfs says 0, a file may grow meanwhile): read on, growing the
    // buffer, but never past one byte over the bound.
    let buffer = Buffer.alloc(Math.min(Math.max(stat.size, 4096), options.maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) break;
      filled += read;
      if (filled < buffer.length) continue;
      if (filled > options.maxBytes) return { refused: `it is larger than ${options.maxBytes} bytes` };
      const grown = Buffer.alloc(Math.min(buffer.length * 2, options.maxBytes + 1));
      buffer.copy(grown, 0, 0, filled);
      buffer = grown;
    }
    return { text: buffer.subarray(0, filled).toString('utf8') };
  } catch {
    return { missing: true };
  } finally {
    fs.closeSync(fd);
  }
}

const realRoots = new Map<string, string>();

/** A workspace root with its links resolved, once per root. */
export function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = fs.realpathSync.native(path.resolve(root));
    } catch {
      real = path.resolve(root);
    }
    realRoots.set(root, real);
  }
  return real;
}

/** Whether `file` lies inside `root` (both real paths). */
export function isWithin(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
