// What the server core needs from where it runs. The Node entry (server.ts) passes node/host.ts; a web worker
// entry passes one that reads through the client (`workspace.fs`, over custom requests); protocol tests pass their
// own. The core and everything below it import no Node built-in (ESLint enforces it).

import type { DirectoryEntry } from '../engine';

/** Entries of one directory listing at most: a build context's folders are not this large, node_modules can be. */
export const MAX_DIRECTORY_ENTRIES = 5000;

/** The outcome of reading a file an analysis refers to. */
export type FileRead =
  | { text: string }
  /** Not there, or not readable: the analysis goes on as if the reference did not resolve. */
  | { missing: true }
  /** Not read on purpose (outside the workspace, not a regular file, too large): `reason` says why, for a finding. */
  | { refused: string };

/** The outcome of listing a directory an analysis looks into (a Dockerfile's build context). */
export type DirectoryRead =
  /** Its entries, shallow: names, and whether each is a directory (a symbolic link counts as a file, never followed). */
  { entries: DirectoryEntry[] } | { missing: true } | { refused: string };

export interface ServerHost {
  /**
   * Reads a file by URI: a Dockerfile a compose service builds from, an `extends:` file, a project configuration.
   * `workspaceFolders` are the folder URIs reads must stay inside (empty: no folder is open). Never rejects. The
   * core caches every answer until a file-change notification or an edit of that document invalidates it, so
   * this is not on the per-keystroke path.
   */
  readFile(uri: string, workspaceFolders: readonly string[]): Promise<FileRead>;
  /**
   * Lists a directory by URI, shallowly and bounded (at most MAX_DIRECTORY_ENTRIES entries), inside the workspace
   * folders, never through a symbolic link; nothing is read, run or followed. Cached and invalidated like readFile.
   */
  listDirectory(uri: string, workspaceFolders: readonly string[]): Promise<DirectoryRead>;
  /** A rule page's markdown (docs/rules/<id>.md), whose Why the hover summarises; undefined without one. */
  rulePage(ruleId: string): string | undefined;
  log(level: 'error' | 'warning' | 'info', message: string): void;
  /**
   * The day end-of-life dates are judged on when it is not today (the Node host reads DOCKGUARD_TODAY); undefined:
   * the current day.
   */
  today?(): Date | undefined;
  /** Milliseconds on a monotonic clock: the scheduler's time slices. */
  now(): number;
  /** Runs `callback` once pending messages have been handled (Node: setImmediate; a worker: a macrotask). */
  defer(callback: () => void): void;
}
