// Files read by the client on the server's behalf (READ_FILE_REQUEST): everything in the web worker, which has no
// file system, and in the Node server whatever is not a local file (a virtual workspace: vscode-vfs://, a remote).
// An editor that does not know the request answers with an error: that is "not there", never a failure.
import { CancellationTokenSource, type Connection } from 'vscode-languageserver';
import type { FileRead } from './host';
import { READ_FILE_REQUEST, type ReadFileParams } from './protocol';
import { isInside } from './uris';

/** A client that does not answer (a stuck file system) must not hold an analysis back for long. */
export const CLIENT_READ_TIMEOUT_MS = 10_000;

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
