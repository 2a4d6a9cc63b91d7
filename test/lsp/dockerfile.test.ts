import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../support/lsp-client';
import { applyWorkspaceEdit } from '../support/text-edits';

const INSECURE = 'FROM alpine:3.23\nRUN apk add --no-cache curl\nCMD ["sh"]\n';

describe('language server over stdio: Dockerfiles', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(async () => client.stop());

  it('publishes diagnostics on open with source, code and a link to the rule page', async () => {
    const uri = 'file:///work/project/Dockerfile';
    const published = await client.open(uri, 'dockerfile', INSECURE);
    const diagnostic = published.diagnostics.find((d) => d.code === 'DG101');
    assert.ok(diagnostic, JSON.stringify(published.diagnostics));
    assert.equal(diagnostic.source, 'dockguard');
    assert.equal(published.version, 1);
    assert.equal(diagnostic.codeDescription?.href, 'https://github.com/dockguard/dockguard/blob/main/docs/rules/root-user.md');
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } });
  });

  it('re-publishes on an incremental change and applies a quick fix that removes the finding', async () => {
    const uri = 'file:///work/project/app.dockerfile';
    await client.open(uri, 'dockerfile', 'FROM alpine:3.23\nUSER app\nCMD ["sh"]\n');
    // Delete "USER app\n": the final stage now runs as root.
    const afterDelete = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    const diagnostic = afterDelete.diagnostics.find((d) => d.code === 'DG101');
    assert.ok(diagnostic, 'removing USER must produce a finding');

    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, `a preferred quick fix, got ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(preferred.kind, 'quickfix');
    const fixed = applyWorkspaceEdit('FROM alpine:3.23\nCMD ["sh"]\n', uri, preferred.edit as never);
    assert.equal(fixed, 'FROM alpine:3.23\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["sh"]\n');

    const afterFix = await client.change(uri, [{ text: fixed }]);
    assert.equal(afterFix.diagnostics.filter((d) => d.code === 'DG101').length, 0);
  });

  it('publishes only for the latest version when changes arrive faster than analysis', async () => {
    const uri = 'file:///work/project/typing.Dockerfile';
    await client.open(uri, 'dockerfile', 'FROM alpine:3.23\nUSER app\n');
    const lastDiagnostics = client.nextDiagnostics(uri, (p) => p.version === 22);
    for (let i = 0; i < 20; i++) await client.changeNoWait(uri, [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: 'x' }]);
    const last = await client.changeNoWait(uri, [{ text: 'FROM alpine:3.23\n' }]);
    assert.equal(last, 22);
    const published = await lastDiagnostics;
    assert.ok(published.diagnostics.some((d) => d.code === 'DG101'));
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'versions are published in order, never an older one after a newer one',
    );
  });

  it('analyses untitled documents by language id', async () => {
    const uri = 'untitled:Untitled-1';
    const published = await client.open(uri, 'dockerfile', 'FROM ubuntu:24.04\n');
    assert.ok(published.diagnostics.some((d) => d.code === 'DG101'));
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///work/project/closing/Dockerfile';
    await client.open(uri, 'dockerfile', INSECURE);
    const cleared = await client.close(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('answers binary input with one clear note instead of failing', async () => {
    const uri = 'file:///work/project/binary/Dockerfile';
    const published = await client.open(uri, 'dockerfile', 'FROM \u0000\u0001\u0002 garbage');
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['DG001'],
    );
    assert.match(published.diagnostics[0].message as string, /binary/);
  });

  it('ignores documents of other languages', async () => {
    const uri = 'file:///work/project/readme.md';
    const published = await client.open(uri, 'markdown', '# FROM ubuntu');
    assert.deepEqual(published.diagnostics, []);
  });
});

describe('language server over stdio: the day end-of-life dates are judged on', () => {
  let client: LspClient;
  const before_ = process.env.DOCKGUARD_TODAY;
  before(async () => {
    // The spawned server inherits the environment: as a user's editor started with DOCKGUARD_TODAY set.
    process.env.DOCKGUARD_TODAY = '2027-06-01';
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
    if (before_ === undefined) delete process.env.DOCKGUARD_TODAY;
    else process.env.DOCKGUARD_TODAY = before_;
  });

  it('reports a base image past its end of life on that day', async () => {
    const published = await client.open('file:///work/eol/Dockerfile', 'dockerfile', 'FROM node:22.11-alpine\nUSER node\n');
    const eol = published.diagnostics.find((d) => d.code === 'DG142');
    assert.ok(eol, JSON.stringify(published.diagnostics));
    assert.match(String(eol.message), /2027-04-30/);
  });
});
