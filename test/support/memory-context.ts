// An in-memory workspace for cross-file checks: files by path (a path ending in `/` is an empty directory), read and
// listed through the engine's readFile / listDirectory the way the hosts answer them.
import { applyEdits } from '../../server/src/engine/fixes';
import type { DirectoryLister, FileReader } from '../../server/src/engine/analyze';
import type { DirectoryEntry, FileChange } from '../../server/src/engine/types';

export const ROOT = 'file:///ws';

export class MemoryWorkspace {
  readonly files = new Map<string, string>();
  /** What was asked for, to check the walk stays bounded. */
  readonly listed: string[] = [];
  readonly refused = new Set<string>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  private relative(uri: string): string | undefined {
    if (uri === ROOT || uri === `${ROOT}/`) return '';
    return uri.startsWith(`${ROOT}/`) ? decodeURIComponent(uri.slice(ROOT.length + 1)).replace(/\/$/, '') : undefined;
  }

  readonly readFile: FileReader = (uri) => {
    const path = this.relative(uri);
    if (path === undefined || this.refused.has(path)) return { refused: 'it is outside the workspace' };
    return this.files.get(path);
  };

  readonly listDirectory: DirectoryLister = (uri) => {
    const path = this.relative(uri);
    if (path === undefined || this.refused.has(path)) return { refused: 'it is outside the workspace' };
    this.listed.push(path);
    const prefix = path ? `${path}/` : '';
    const entries = new Map<string, DirectoryEntry>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      if (rest === '') continue;
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      entries.set(name, { name, directory: slash >= 0 });
    }
    if (entries.size === 0 && path !== '' && ![...this.files.keys()].some((f) => f === `${path}/`)) return undefined;
    return [...entries.values()];
  };

  /** Applies a fix's changes to other files, as the editor would. */
  apply(changes: FileChange[]): void {
    for (const change of changes) {
      const path = this.relative(change.uri);
      if (path === undefined) throw new Error(`outside the workspace: ${change.uri}`);
      if (change.create && this.files.has(path)) throw new Error(`${path} exists already`);
      this.files.set(path, applyEdits(change.create ? '' : (this.files.get(path) ?? ''), change.edits));
    }
  }
}
