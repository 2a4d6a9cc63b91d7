// The Node server (dist/server.js) in a virtual workspace (desktop VS Code on a GitHub repository, vscode-vfs://):
// it cannot read those files itself, so it asks the client (`dockguard/readFile`, answered from workspace.fs), as
// the web worker does; local files it still reads from disk.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReadFileParams } from '../../server/src/lsp/protocol';
import { LspClient } from '../support/lsp-client';

const ROOT = 'vscode-vfs://github/acme/shop';

describe('language server over stdio: files of a virtual workspace', () => {
  let client: LspClient;
  const asked: ReadFileParams[] = [];
  before(async () => {
    client = await LspClient.start({ rootUri: ROOT });
    client.connection.onRequest('dockguard/readFile', (params: ReadFileParams): unknown => {
      asked.push(params);
      return params.uri === `${ROOT}/api/Dockerfile` ? { text: 'FROM alpine:3.23\nCMD ["/server"]\n' } : { missing: true };
    });
  });
  after(async () => client?.stop());

  it('reads a compose service’s build Dockerfile through the client', async () => {
    const uri = `${ROOT}/compose.yaml`;
    const published = await client.open(uri, 'dockercompose', 'services:\n  api:\n    build: ./api\n');
    const finding = published.diagnostics.find((d) => d.code === 'DG219');
    assert.ok(finding, JSON.stringify(published.diagnostics));
    assert.match(String(finding.message), /\.\/api\/Dockerfile/);
    assert.ok(
      asked.some((p) => p.uri === `${ROOT}/api/Dockerfile` && p.roots.includes(ROOT)),
      JSON.stringify(asked),
    );
  });
});
