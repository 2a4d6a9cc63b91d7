import type { DirectoryRead, FileRead, ServerHost } from './host';
import { parentUri, trimSlash } from './uris';

/**
 * Files the analyses refer to, read through the host once and kept until invalidated (a file-change notification,
 * a document opened or closed under that URI). The engine reads synchronously: `peek` answers from here, and a
 * miss is remembered so the scheduler can fetch it and analyse again before publishing.
 */
export class FileCache {
  private readonly entries = new Map<string, FileRead>();
  private readonly pending = new Map<string, Promise<FileRead>>();
  private readonly directories = new Map<string, DirectoryRead>();
  private readonly pendingDirectories = new Map<string, Promise<DirectoryRead>>();
  /** Bumped by every invalidation: a read that started before it must not be cached after it. */
  private generation = 0;

  constructor(
    private readonly host: ServerHost,
    private readonly folders: () => readonly string[],
  ) {}

  peek(uri: string): FileRead | undefined {
    return this.entries.get(uri);
  }

  fetch(uri: string): Promise<FileRead> {
    const known = this.entries.get(uri);
    if (known) return Promise.resolve(known);
    let reading = this.pending.get(uri);
    if (!reading) {
      const generation = this.generation;
      reading = this.host
        .readFile(uri, this.folders())
        .catch((error): FileRead => ({ refused: `it could not be read: ${String((error as Error)?.message ?? error)}` }))
        .then((read) => {
          this.pending.delete(uri);
          if (generation === this.generation) this.entries.set(uri, read);
          return read;
        });
      this.pending.set(uri, reading);
    }
    return reading;
  }

  peekDirectory(uri: string): DirectoryRead | undefined {
    return this.directories.get(trimSlash(uri));
  }

  fetchDirectory(uri: string): Promise<DirectoryRead> {
    const key = trimSlash(uri);
    const known = this.directories.get(key);
    if (known) return Promise.resolve(known);
    let listing = this.pendingDirectories.get(key);
    if (!listing) {
      const generation = this.generation;
      listing = this.host
        .listDirectory(key, this.folders())
        .catch((error): DirectoryRead => ({ refused: `it could not be listed: ${String((error as Error)?.message ?? error)}` }))
        .then((read) => {
          this.pendingDirectories.delete(key);
          if (generation === this.generation) this.directories.set(key, read);
          return read;
        });
      this.pendingDirectories.set(key, listing);
    }
    return listing;
  }

  /**
   * A file changed, appeared or went (or a document under that URI opened or closed): forget it, its listing if it
   * is a directory, and the listing of the directory holding it.
   */
  invalidate(uri: string): void {
    this.generation++;
    this.entries.delete(uri);
    this.pending.delete(uri);
    for (const directory of [trimSlash(uri), parentUri(uri)]) {
      if (directory === undefined) continue;
      this.directories.delete(directory);
      this.pendingDirectories.delete(directory);
    }
  }

  /** Forgets the files refused so far (where reads may go changed). */
  forgetRefusals(): void {
    for (const [uri, read] of this.entries) if ('refused' in read) this.entries.delete(uri);
    for (const [uri, read] of this.directories) if ('refused' in read) this.directories.delete(uri);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.pending.clear();
    this.directories.clear();
    this.pendingDirectories.clear();
  }

  get size(): number {
    return this.entries.size + this.directories.size;
  }
}
