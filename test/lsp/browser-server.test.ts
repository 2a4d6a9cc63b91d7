// The web worker server (dist/browser/server.js, VS Code for the web) spoken to over its message port in a scope with
// no Node in it: diagnostics, quick fixes and hovers as on Node, and every other file read through the client's
// `dockguard/readFile` (workspace.fs), on a virtual file system's URIs.
import assert from 'node:assert/strict';
import * as vm from 'node:vm';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { MAX_ANALYSED_CHARS } from '../../server/src/engine';
import type { ReadFileParams } from '../../server/src/lsp/protocol';
import { LspClient } from '../support/lsp-client';
import { applyWorkspaceEdit } from '../support/text-edits';
import { NODE_ONLY_GLOBALS, WorkerServer } from '../support/worker-server';

/** A repository opened in github.dev: its files exist only behind the client's file system. */
const ROOT = 'vscode-vfs://github/acme/shop';
const ROOT_DOCKERFILE = 'FROM alpine:3.23\nCOPY server /usr/local/bin/server\nCMD ["/usr/local/bin/server"]\n';
const COMPOSE = 'services:\n  api:\n    build: ./api\n  outside:\n    build: ../../elsewhere\n';

const hasCode = (code: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === code);

describe('language server in a web worker (dist/browser/server.js)', () => {
  let client: LspClient;
  const files = new Map<string, string>([
    [`${ROOT}/api/Dockerfile`, ROOT_DOCKERFILE],
    [`${ROOT}/.dockguard.yaml`, 'rules:\n  service-runs-as-root: error\n'],
  ]);
  const requests: ReadFileParams[] = [];
  /** What the client answers, as the VS Code client does from workspace.fs. */
  let answer = (params: ReadFileParams): unknown => {
    const text = files.get(params.uri);
    return text === undefined ? { missing: true } : { text };
  };

  before(
    async () =>
      (client = await LspClient.inWorker({
        rootUri: ROOT,
        readFile: (params) => {
          requests.push(params);
          return answer(params);
        },
      })),
  );
  after(async () => client?.stop());

  it('runs in a scope without Node: no process, Buffer, require, setImmediate or global', async () => {
    const worker = await WorkerServer.start({ onDiagnostics: () => undefined, capabilities: {} });
    try {
      for (const name of NODE_ONLY_GLOBALS) assert.equal(vm.runInContext(`typeof ${name}`, worker.scope), 'undefined', name);
    } finally {
      await worker.stop();
    }
  });

  it('publishes a Dockerfile’s findings and offers the quick fix that removes them', async () => {
    const uri = `${ROOT}/Dockerfile`;
    const published = await client.open(uri, 'dockerfile', ROOT_DOCKERFILE);
    const diagnostic = published.diagnostics.find((d) => d.code === 'DG101');
    assert.ok(diagnostic, JSON.stringify(published.diagnostics));
    assert.equal(diagnostic.codeDescription?.href, 'https://github.com/dockguard/dockguard/blob/main/docs/rules/root-user.md');
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, actions.map((a) => a.title).join(', '));
    const fixed = applyWorkspaceEdit(ROOT_DOCKERFILE, uri, preferred.edit as never);
    assert.match(fixed, /\nUSER app\nCMD/);
    const afterFix = await client.change(uri, [{ text: fixed }]);
    assert.ok(!hasCode('DG101')(afterFix), JSON.stringify(afterFix.diagnostics));
  });

  it('summarises the rule page built into the bundle in the hover', async () => {
    const uri = `${ROOT}/hover/Dockerfile`;
    await client.open(uri, 'dockerfile', ROOT_DOCKERFILE);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } })) as {
      contents: { value: string };
    };
    assert.match(hover.contents.value, /\*\*Why\.\*\* A container runs as the last `USER` of its final stage/);
    assert.ok(!hover.contents.value.includes('**Fix.**'), 'a summary and a link, not the whole page');
  });

  it('reads the Dockerfile a compose service builds from and .dockguard.yaml through the client, never what lies outside', async () => {
    const uri = `${ROOT}/compose.yaml`;
    const published = await client.open(uri, 'dockercompose', COMPOSE);
    const finding = published.diagnostics.find((d) => d.code === 'DG219');
    assert.ok(finding, JSON.stringify(published.diagnostics));
    assert.match(String(finding.message), /\.\/api\/Dockerfile/);
    assert.equal(finding.severity, 1, 'an error, as .dockguard.yaml says');
    const read = requests.map((r) => r.uri);
    assert.ok(read.includes(`${ROOT}/api/Dockerfile`), read.join('\n'));
    assert.ok(read.includes(`${ROOT}/.dockguard.yaml`), read.join('\n'));
    assert.ok(!read.some((u) => u.includes('elsewhere')), `a build context outside the workspace is not asked for:\n${read.join('\n')}`);
    const outside = published.diagnostics.find((d) => d.code === 'DG007');
    assert.match(String(outside?.message), /\.\.\/\.\.\/elsewhere\/Dockerfile was not read: it is outside the workspace/);
    for (const request of requests) {
      assert.deepEqual(request.roots, [ROOT]);
      assert.equal(request.maxBytes, MAX_ANALYSED_CHARS * 4);
    }
  });

  it('goes on without a file the client cannot read, refuses or answers wrongly', async () => {
    const replies: [() => unknown, string | undefined][] = [
      [() => Promise.reject(new Error('EACCES')), undefined],
      [() => 'garbage', undefined],
      // What the VS Code client answers for a link, whose target it cannot check: noted where the reference is.
      [() => ({ refused: 'it is a symbolic link' }), 'it is a symbolic link'],
    ];
    for (const [i, [reply, refusal]] of replies.entries()) {
      answer = reply;
      const uri = `${ROOT}/broken-${i}/compose.yaml`;
      const published = await client.open(uri, 'dockercompose', 'services:\n  api:\n    build: .\n');
      // Analysed to the end (DG205 of the service itself, shown among its missing baseline settings as DG008);
      // nothing said of the unread Dockerfile's image, no failure.
      const codes = published.diagnostics.flatMap((d) => [d.code, ...((d.data as { grouped?: string[] }).grouped ?? [])]);
      assert.ok(codes.includes('DG205') && !codes.includes('DG219') && !codes.includes('DG001'), codes.join(', '));
      const note = published.diagnostics.find((d) => d.code === 'DG007');
      if (refusal) assert.match(String(note?.message), new RegExp(`was not read: ${refusal}`));
      else assert.equal(note, undefined, 'a file that is not there is not a refusal');
      assert.ok(
        requests.some((r) => r.uri === `${ROOT}/broken-${i}/Dockerfile`),
        'the build Dockerfile was asked for',
      );
    }
  });
});
