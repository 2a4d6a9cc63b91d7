// Files the server asks the client to read (lsp/client-files.ts): what the web worker reads everything through, and
// the Node server every non-file URI. Whatever the client does, the answer is a FileRead, and it comes in time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { asFileRead, readThroughClient } from '../../../server/src/lsp/client-files';

const ROOT = 'vscode-vfs://github/acme/shop';

/** A connection whose client answers `dockguard/readFile` with `reply`, recording what it was asked. */
function clientAnswering(reply: (params: unknown, token: CancellationToken) => Promise<unknown>) {
  const asked: { params: unknown; token: CancellationToken }[] = [];
  const connection = {
    sendRequest: (_method: string, params: unknown, token: CancellationToken) => {
      asked.push({ params, token });
      return reply(params, token);
    },
  } as unknown as Connection;
  return { connection, asked };
}

describe('reading through the client', () => {
  it('asks for a file inside the workspace and returns its text', async () => {
    const { connection, asked } = clientAnswering(async () => ({ text: 'FROM alpine:3.23\n' }));
    assert.deepEqual(await readThroughClient(connection, `${ROOT}/api/Dockerfile`, [ROOT], 100), { text: 'FROM alpine:3.23\n' });
    assert.deepEqual(asked[0].params, { uri: `${ROOT}/api/Dockerfile`, roots: [ROOT], maxBytes: 100 });
  });

  it('never asks for a file outside the workspace folders', async () => {
    const { connection, asked } = clientAnswering(async () => ({ text: 'secret' }));
    for (const uri of ['vscode-vfs://github/acme/other/Dockerfile', `${ROOT}-evil/Dockerfile`, 'file:///etc/passwd']) {
      assert.deepEqual(await readThroughClient(connection, uri, [ROOT], 100), { refused: 'it is outside the workspace' }, uri);
    }
    assert.equal(asked.length, 0);
  });

  it('gives up on a client that never answers, cancelling the request', async () => {
    const { connection, asked } = clientAnswering(() => new Promise(() => undefined));
    const started = performance.now();
    const read = await readThroughClient(connection, `${ROOT}/Dockerfile`, [ROOT], 100, 50);
    assert.deepEqual(read, { refused: 'it was not read within 0.05 s' });
    assert.ok(performance.now() - started < 5_000);
    assert.equal(asked[0].token.isCancellationRequested, true);
  });

  it('takes an error (an editor without the request, a failed read) as a missing file', async () => {
    const { connection } = clientAnswering(async () => {
      throw new Error('Unhandled method dockguard/readFile');
    });
    assert.deepEqual(await readThroughClient(connection, `${ROOT}/Dockerfile`, [ROOT], 100), { missing: true });
  });

  it('keeps only well-formed answers, and no text past the bound', () => {
    assert.deepEqual(asFileRead({ text: 'abc' }, 3), { text: 'abc' });
    assert.deepEqual(asFileRead({ text: 'abcd' }, 3), { refused: 'it is larger than 3 bytes' });
    assert.deepEqual(asFileRead({ refused: 'it is a symbolic link' }, 3), { refused: 'it is a symbolic link' });
    for (const junk of [null, undefined, 'text', 42, { text: 42 }, { refused: true }, []])
      assert.deepEqual(asFileRead(junk, 3), { missing: true }, String(junk));
  });
});
