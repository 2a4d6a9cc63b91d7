import type { FileRead, ServerHost } from './host';

/**
 * Files the analyses refer to, read through the host once and kept until invalidated (a file-change notification,
 * a document opened or closed under that URI). The engine reads synchronously: `peek` answers from here, and a
 * miss is remembered so the scheduler can fetch it and analyse again before publishing.
 */
export class FileCache {
  private readonly entries = new Map<string, FileRead>();
  private readonly pending = new Map<string, Promise<FileRead>>();
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

  invalidate(uri: string): void {
    this.generation++;
    this.entries.delete(uri);
    this.pending.delete(uri);
  }

  /** Forgets the files refused so far (where reads may go changed). */
  forgetRefusals(): void {
    for (const [uri, read] of this.entries) if ('refused' in read) this.entries.delete(uri);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.pending.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
