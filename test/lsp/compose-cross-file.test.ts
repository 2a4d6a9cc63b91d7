import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient } from '../support/lsp-client';
import { tempDir } from '../support/temp-dir';

const ROOT_DOCKERFILE = 'FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/index.js"]\n';
const COMPOSE = 'services:\n  api:\n    build: ./api\n    ports:\n      - "127.0.0.1:8080:8080"\n';

const hasRootService = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'DG219');

describe('language server: compose services built from a Dockerfile', () => {
  let client: LspClient;
  const dir = tempDir('dockguard-lsp-compose');
  mkdirSync(join(dir, 'api'));
  const dockerfilePath = join(dir, 'api', 'Dockerfile');
  writeFileSync(dockerfilePath, ROOT_DOCKERFILE);
  writeFileSync(join(dir, 'compose.yaml'), COMPOSE);
  const composeUri = fileUri(join(dir, 'compose.yaml'));
  const dockerfileUri = fileUri(dockerfilePath);

  before(async () => (client = await LspClient.start()));
  after(async () => client.stop());

  it('reads the Dockerfile on disk and reports the service on its build key', async () => {
    const published = await client.open(composeUri, 'dockercompose', COMPOSE);
    const diagnostic = published.diagnostics.find((d) => d.code === 'DG219');
    assert.ok(diagnostic, JSON.stringify(published.diagnostics));
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
    assert.match(String(diagnostic.message), /\.\/api\/Dockerfile/);
  });

  it('re-publishes the compose file without the finding when the open Dockerfile gains a USER, unsaved', async () => {
    await client.open(dockerfileUri, 'dockerfile', ROOT_DOCKERFILE);
    const cleared = client.nextDiagnostics(composeUri, (p) => !hasRootService(p));
    // Insert "USER node" before CMD, in the editor only: the file on disk still runs as root.
    await client.change(dockerfileUri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'USER node\n' }]);
    const published = await cleared;
    assert.equal(published.uri, composeUri);
    assert.ok(!hasRootService(published));
  });

  it('reports it again when the USER is removed', async () => {
    const back = client.nextDiagnostics(composeUri, hasRootService);
    await client.change(dockerfileUri, [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }]);
    assert.ok(hasRootService(await back));
  });

  it('falls back to the file on disk when the edited Dockerfile is closed unsaved', async () => {
    const cleared = client.nextDiagnostics(composeUri, (p) => !hasRootService(p));
    await client.change(dockerfileUri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'USER node\n' }]);
    await cleared;
    const back = client.nextDiagnostics(composeUri, hasRootService);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: dockerfileUri } });
    assert.ok(hasRootService(await back), 'the disk copy still runs as root');
  });

  it('re-checks a compose file when a compose file it extends is edited', async () => {
    const baseText = 'services:\n  web:\n    image: nginx:1.27\n';
    writeFileSync(join(dir, 'base.yaml'), baseText);
    const childText = 'services:\n  web:\n    extends:\n      file: base.yaml\n      service: web\n';
    writeFileSync(join(dir, 'compose.prod.yaml'), childText);
    const childUri = fileUri(join(dir, 'compose.prod.yaml'));
    const baseUri = fileUri(join(dir, 'base.yaml'));
    // DG204 on its own, or among the baseline settings the editor shows as one finding (DG008).
    const writable = (p: PublishDiagnosticsParams) =>
      p.diagnostics.some((d) => d.code === 'DG204' || (d.data as { grouped?: string[] }).grouped?.includes('DG204'));
    assert.ok(writable(await client.open(childUri, 'dockercompose', childText)), 'the extended service has no read_only');
    await client.open(baseUri, 'dockercompose', baseText);
    const cleared = client.nextDiagnostics(childUri, (p) => !writable(p));
    await client.change(baseUri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '    read_only: true\n' }]);
    assert.ok(!writable(await cleared));
  });
});
