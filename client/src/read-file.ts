// Reads a file the language server asks for (READ_FILE_REQUEST): a compose `build:` Dockerfile, an `extends:`
// file, a `.dockguard.yaml`. Through workspace.fs, so it works on any file system VS Code has (vscode.dev,
// github.dev, a remote), and as carefully as the Node server reads from disk: only regular files, inside the
// workspace, up to a size, and every failure an answer ("missing" or "refused"), never an exception or a hang.
import { FileType, Uri, workspace, type CancellationToken } from 'vscode';
import type { ReadDirectoryParams, ReadDirectoryResult, ReadFileParams, ReadFileResult } from '../../server/src/lsp/protocol';

/** A read that takes longer than this (a stuck remote, a slow virtual file system) is given up. */
const READ_TIMEOUT_MS = 8_000;

const decoder = new TextDecoder();

export async function readFileForServer(params: ReadFileParams, token?: CancellationToken): Promise<ReadFileResult> {
  let uri: Uri;
  try {
    uri = Uri.parse(params.uri, true);
  } catch {
    return { refused: 'it is not a valid URI' };
  }
  if (!isAllowed(uri, params.roots)) return { refused: 'it is outside the workspace' };
  return withTimeout(read(uri, params.maxBytes), token);
}

/**
 * Lists a folder the server looks into (READ_DIRECTORY_REQUEST: a Dockerfile's build context): names and whether each
 * is a folder, inside the workspace, never through a symbolic link (a linked entry is listed as a file), bounded.
 */
export async function readDirectoryForServer(params: ReadDirectoryParams, token?: CancellationToken): Promise<ReadDirectoryResult> {
  let uri: Uri;
  try {
    uri = Uri.parse(params.uri, true);
  } catch {
    return { refused: 'it is not a valid URI' };
  }
  if (!isAllowed(uri, params.roots) && !isRoot(uri, params.roots)) return { refused: 'it is outside the workspace' };
  const maxEntries = Math.max(0, Math.min(Number(params.maxEntries) || 0, 100_000));
  return withTimeout(list(uri, maxEntries), token);
}

async function list(uri: Uri, maxEntries: number): Promise<ReadDirectoryResult> {
  const stat = await workspace.fs.stat(uri);
  // Where a link points cannot be checked through workspace.fs: it might lead out of the workspace.
  if (stat.type & FileType.SymbolicLink) return { refused: 'it is a symbolic link' };
  if (!(stat.type & FileType.Directory)) return { missing: true };
  const entries = await workspace.fs.readDirectory(uri);
  return {
    entries: entries
      .slice(0, maxEntries)
      .map(([name, type]): [string, boolean] => [name, (type & FileType.Directory) !== 0 && (type & FileType.SymbolicLink) === 0]),
  };
}

/** The folder is one of the roots itself (a build context at the top of the workspace). */
function isRoot(uri: Uri, roots: readonly string[]): boolean {
  const folders = workspace.workspaceFolders ?? [];
  const same = (root: Uri) =>
    root.scheme === uri.scheme && root.authority.toLowerCase() === uri.authority.toLowerCase() && root.path.replace(/\/$/, '') === uri.path.replace(/\/$/, '');
  const serverRoots = roots.flatMap((root) => {
    try {
      return [Uri.parse(root, true)];
    } catch {
      return [];
    }
  });
  if (uri.path.split('/').some((segment) => segment === '.' || segment === '..')) return false;
  return serverRoots.some(same) && (folders.length === 0 || folders.some((folder) => same(folder.uri)));
}

async function read(uri: Uri, maxBytes: number): Promise<ReadFileResult> {
  const stat = await workspace.fs.stat(uri);
  // Where a link points cannot be checked through workspace.fs: it might lead out of the workspace.
  if (stat.type & FileType.SymbolicLink) return { refused: 'it is a symbolic link' };
  if (!(stat.type & FileType.File)) return { refused: 'it is not a regular file' };
  if (stat.size > maxBytes) return { refused: `it is larger than ${maxBytes} bytes` };
  const bytes = await workspace.fs.readFile(uri);
  // The size a file system reports can be wrong or out of date.
  if (bytes.byteLength > maxBytes) return { refused: `it is larger than ${maxBytes} bytes` };
  return { text: decoder.decode(bytes) };
}

/**
 * Inside one of the roots the server passed (its workspace folders, or with none open the open documents' folders)
 * and, when folders are open, inside one of VS Code's own workspace folders: what the files say cannot widen it.
 */
export function isAllowed(uri: Uri, roots: readonly string[]): boolean {
  // `a/../../etc`: the server resolves references, so a dot segment here means someone tried to get round that.
  if (uri.path.split('/').some((segment) => segment === '.' || segment === '..')) return false;
  const inside = (root: Uri) =>
    root.scheme === uri.scheme && root.authority.toLowerCase() === uri.authority.toLowerCase() && uri.path.startsWith(root.path.replace(/\/$/, '') + '/');
  const serverRoots = roots.flatMap((root) => {
    try {
      return [Uri.parse(root, true)];
    } catch {
      return [];
    }
  });
  const folders = workspace.workspaceFolders ?? [];
  return serverRoots.some(inside) && (folders.length === 0 || folders.some((folder) => inside(folder.uri)));
}

/** The read's outcome; not there or not readable (any error) is "missing", as if the reference did not resolve. */
function withTimeout<R extends ReadFileResult | ReadDirectoryResult>(
  reading: Promise<R>,
  token?: CancellationToken,
): Promise<R | { refused: string } | { missing: true }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish({ refused: `it was not read within ${READ_TIMEOUT_MS / 1000} s` }), READ_TIMEOUT_MS);
    const cancelled = token?.onCancellationRequested(() => finish({ missing: true }));
    function finish(result: R | { refused: string } | { missing: true }) {
      clearTimeout(timer);
      cancelled?.dispose();
      resolve(result);
    }
    reading.then(finish, () => finish({ missing: true }));
  });
}
