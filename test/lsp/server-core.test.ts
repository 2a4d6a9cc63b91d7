// The server core in this process, over a host that serves files from memory (as a web worker's host serves them
// from the client's workspace.fs): cross-file reads go through the host once and are cached until a file-change
// notification, one analysis per document version serves diagnostics, code actions and hover, and nothing is
// kept of a closed document.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { MemoryHost } from '../support/in-process-server';
import { LspClient } from '../support/lsp-client';

const WORKSPACE = 'file:///ws';
const ROOT_DOCKERFILE = 'FROM node:22\nCMD ["node", "index.js"]\n';
const USER_DOCKERFILE = 'FROM node:22\nUSER node\nCMD ["node", "index.js"]\n';
const COMPOSE = 'services:\n  api:\n    build: ./api\n';

describe('server core in-process, over an injected host', () => {
  const host = new MemoryHost({ files: new Map([[`${WORKSPACE}/api/Dockerfile`, ROOT_DOCKERFILE]]) });
  let client: LspClient;
  before(async () => (client = await LspClient.inProcess(host, { rootUri: WORKSPACE })));
  after(() => client.stop());

  it('reads a compose service’s Dockerfile through the host, once, and not again while typing', async () => {
    const uri = `${WORKSPACE}/compose.yaml`;
    const opened = await client.open(uri, 'dockercompose', COMPOSE);
    assert.ok(
      opened.diagnostics.some((d) => d.code === 'DG219'),
      'the service is built from a Dockerfile whose final stage runs as root',
    );
    const dockerfileReads = () => host.reads.filter((read) => read === `${WORKSPACE}/api/Dockerfile`).length;
    assert.equal(dockerfileReads(), 1);
    for (let i = 0; i < 5; i++) {
      const typed = await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: i === 0 ? '#' : 'x' }]);
      assert.ok(typed.diagnostics.some((d) => d.code === 'DG219'));
    }
    assert.equal(dockerfileReads(), 1, 'keystrokes are answered from the cache');
  });

  it('reads the Dockerfile again after a file-change notification, and re-analyses', async () => {
    const uri = `${WORKSPACE}/compose.yaml`;
    host.files.set(`${WORKSPACE}/api/Dockerfile`, USER_DOCKERFILE);
    const next = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'DG219'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${WORKSPACE}/api/Dockerfile`, type: 2 }] });
    await next;
  });

  it('refuses a reference outside the workspace without reading it', async () => {
    const uri = `${WORKSPACE}/outside/compose.yaml`;
    host.files.set('file:///etc/Dockerfile', ROOT_DOCKERFILE);
    const opened = await client.open(uri, 'dockercompose', 'services:\n  api:\n    build:\n      context: /etc\n');
    assert.ok(!opened.diagnostics.some((d) => d.code === 'DG219'));
    assert.ok(host.reads.includes('file:///etc/Dockerfile'), 'the host was asked, and said no');
    const note = opened.diagnostics.find((d) => d.code === 'DG007');
    assert.match(String(note?.message), /\/etc\/Dockerfile was not read: it is outside the workspace/);
    assert.deepEqual(note?.range.start, { line: 2, character: 4 }, 'on the build key');
    await client.close(uri);
  });

  it('answers code actions and hovers from the analysis of the current version, never analysing again', async () => {
    const uri = `${WORKSPACE}/Dockerfile`;
    const opened = await client.open(uri, 'dockerfile', 'FROM alpine:3.23\nADD app.sh /app/\n');
    const analyses = client.core!.analyses;
    for (let i = 0; i < 5; i++) {
      const actions = await client.codeActions(uri, opened.diagnostics[0].range, opened.diagnostics);
      assert.ok(actions.some((a) => a.isPreferred));
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
      assert.ok(hover);
    }
    const fixAll = await client.codeActions(uri, opened.diagnostics[0].range, [], ['source.fixAll.dockguard']);
    assert.equal(fixAll.length, 1);
    assert.equal(client.core!.analyses, analyses, 'no request analysed the document again');
    await client.close(uri);
  });

  it('keeps nothing of closed documents', async () => {
    await client.close(`${WORKSPACE}/compose.yaml`);
    assert.equal(client.core!.openDocuments, 0);
    assert.equal(client.core!.trackedDocuments, 0);
  });

  it('gives back the memory of closed documents: the heap returns to its baseline', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapMb = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed / 1e6;
    };
    // 10 Dockerfiles of ~100 KB, thousands of findings each, opened and closed in rounds: anything kept per
    // document would add megabytes a round.
    const text = 'FROM node:22\n' + 'RUN apt-get install -y curl && curl -k https://example.com/x | sh\n'.repeat(1_500);
    const round = async (n: number) => {
      const uris = Array.from({ length: 10 }, (_, i) => `${WORKSPACE}/memory/${n}/${i}/Dockerfile`);
      for (const uri of uris) assert.ok((await client.open(uri, 'dockerfile', text)).diagnostics.length > 1000);
      for (const uri of uris) await client.close(uri);
      client.published.length = 0; // the test client's own record of what was published
    };
    await round(0);
    const baseline = heapMb();
    for (let n = 1; n <= 3; n++) await round(n);
    const end = heapMb();
    assert.equal(client.core!.trackedDocuments, 0);
    assert.ok(end < baseline + 5, `heap ${baseline.toFixed(1)} MB after one round, ${end.toFixed(1)} MB after three more`);
  });
});
