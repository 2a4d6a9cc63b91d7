// Files read by the client on the server's behalf (READ_FILE_REQUEST): everything in the web worker, which has no
// file system, and in the Node server whatever is not a local file (a virtual workspace: vscode-vfs://, a remote).
// An editor that does not know the request answers with an error: that is "not there", never a failure.
import { CancellationTokenSource, type Connection } from 'vscode-languageserver';
import type { DirectoryRead, FileRead } from './host';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, type ReadDirectoryParams, type ReadFileParams } from './protocol';
import { isInside } from './uris';

/** A client that does not answer (a stuck file system) must not hold an analysis back for long. */
export const CLIENT_READ_TIMEOUT_MS = 10_000;

export async function listThroughClient(
  connection: Connection,
  uri: string,
  workspaceFolders: readonly string[],
  maxEntries: number,
  timeoutMs = CLIENT_READ_TIMEOUT_MS,
): Promise<DirectoryRead> {
  if (!workspaceFolders.some((folder) => isInside(folder, uri))) return { refused: 'it is outside the workspace' };
  const params: ReadDirectoryParams = { uri, roots: [...workspaceFolders], maxEntries };
  return withTimeout(
    (token) =>
      connection.sendRequest<unknown>(READ_DIRECTORY_REQUEST, params, token).then(
        (value) => asDirectoryRead(value, maxEntries),
        (): DirectoryRead => ({ missing: true }),
      ),
    timeoutMs,
  );
}

/** What the client answered, as a DirectoryRead; malformed entries are dropped, entries past the bound cut off. */
export function asDirectoryRead(answer: unknown, maxEntries: number): DirectoryRead {
  if (answer && typeof answer === 'object') {
    const value = answer as Record<string, unknown>;
    if (Array.isArray(value.entries)) {
      const entries = value.entries
        .filter((e): e is [string, boolean] => Array.isArray(e) && typeof e[0] === 'string' && e[0] !== '' && !e[0].includes('/') && typeof e[1] === 'boolean')
        .slice(0, maxEntries)
        .map(([name, directory]) => ({ name, directory }));
      return { entries };
    }
    if (typeof value.refused === 'string') return { refused: value.refused };
  }
  return { missing: true };
}

async function withTimeout<T extends DirectoryRead | FileRead>(
  request: (token: CancellationTokenSource['token']) => Promise<T>,
  timeoutMs: number,
): Promise<T | { refused: string }> {
  const cancel = new CancellationTokenSource();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<{ refused: string }>((resolve) => {
    timer = setTimeout(() => {
      cancel.cancel();
      resolve({ refused: `it was not read within ${timeoutMs / 1000} s` });
    }, timeoutMs);
  });
  try {
    return await Promise.race([request(cancel.token), timedOut]);
  } finally {
    clearTimeout(timer);
    cancel.dispose();
  }
}

export async function readThroughClient(
  connection: Connection,
  uri: string,
  workspaceFolders: readonly string[],
  maxBytes: number,
  timeoutMs = CLIENT_READ_TIMEOUT_MS,
): Promise<FileRead> {
  // The client checks again with its own view of the workspace; this spares it the requests it would refuse.
  if (!workspaceFolders.some((folder) => isInside(folder, uri))) return { refused: 'it is outside the workspace' };
  const params: ReadFileParams = { uri, roots: [...workspaceFolders], maxBytes };
  const cancel = new CancellationTokenSource();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<FileRead>((resolve) => {
    timer = setTimeout(() => {
      cancel.cancel();
      resolve({ refused: `it was not read within ${timeoutMs / 1000} s` });
    }, timeoutMs);
  });
  try {
    const answer = connection.sendRequest<unknown>(READ_FILE_REQUEST, params, cancel.token).then(
      (value) => asFileRead(value, maxBytes),
      (): FileRead => ({ missing: true }),
    );
    return await Promise.race([answer, timedOut]);
  } finally {
    clearTimeout(timer);
    cancel.dispose();
  }
}

/** What the client answered, as a FileRead; anything malformed counts as not there, text past the bound as refused. */
export function asFileRead(answer: unknown, maxBytes: number): FileRead {
  if (answer && typeof answer === 'object') {
    const value = answer as Record<string, unknown>;
    if (typeof value.text === 'string') return value.text.length > maxBytes ? { refused: `it is larger than ${maxBytes} bytes` } : { text: value.text };
    if (typeof value.refused === 'string') return { refused: value.refused };
  }
  return { missing: true };
}
