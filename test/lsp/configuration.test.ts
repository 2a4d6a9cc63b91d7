import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri, LspClient } from '../support/lsp-client';
import { applyWorkspaceEdit } from '../support/text-edits';
import { tempDir } from '../support/temp-dir';

const ROOT = 'FROM alpine:3.23\nCMD ["sh"]\n';

describe('language server: configuration, suppressions, hover, fix all', () => {
  let client: LspClient;
  let settings: Record<string, unknown> = {};
  const workspace = tempDir('dockguard-lsp');

  before(async () => {
    client = await LspClient.start({ configuration: (section) => (section === 'dockguard' ? settings : null) });
  });
  after(async () => client.stop());

  it('re-publishes diagnostics when a setting turns a rule off, and back on', async () => {
    const uri = 'file:///settings-test/Dockerfile';
    const opened = await client.open(uri, 'dockerfile', ROOT);
    assert.ok(opened.diagnostics.some((d) => d.code === 'DG101'));

    settings = { rules: { 'root-user': 'off' } };
    let next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(
      (await next).diagnostics.map((d) => d.code),
      [],
    );

    settings = { rules: { DG101: 'error' } };
    next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const republished = await next;
    assert.equal(republished.diagnostics.find((d) => d.code === 'DG101')?.severity, 1, 'now an error');
    settings = {};
  });

  it('applies .dockguard.yaml over the settings and reports its mistakes on the file itself', async () => {
    writeFileSync(join(workspace, '.dockguard.yaml'), 'rules:\n  root-user: info\n  root-usr: off\n');
    const dockerfileUri = fileUri(join(workspace, 'Dockerfile'));
    const configUri = fileUri(join(workspace, '.dockguard.yaml'));
    const configProblems = client.nextDiagnostics(configUri);
    const opened = await client.open(dockerfileUri, 'dockerfile', ROOT);
    assert.equal(opened.diagnostics.find((d) => d.code === 'DG101')?.severity, 3, 'info from the project file');
    const problems = await configProblems;
    assert.deepEqual(
      problems.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['DG003', 2]],
    );
    assert.match(problems.diagnostics[0].message as string, /did you mean root-user/);
  });

  it('re-analyses open files when the project file changes on disk', async () => {
    const dockerfileUri = fileUri(join(workspace, 'Dockerfile'));
    writeFileSync(join(workspace, '.dockguard.yaml'), 'rules:\n  root-user: off\n');
    const next = client.nextDiagnostics(dockerfileUri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(workspace, '.dockguard.yaml')), type: 2 }] });
    assert.deepEqual((await next).diagnostics, []);
  });

  it('offers one "ignore" entry, for the instruction; the inserted comment silences the finding', async () => {
    const uri = 'file:///ignore-test/Dockerfile';
    const opened = await client.open(uri, 'dockerfile', ROOT);
    const diagnostic = opened.diagnostics.find((d) => d.code === 'DG101')!;
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Ignore root-user (DG101) for this instruction'), titles.join(' | '));
    assert.equal(titles.filter((t) => t.startsWith('Ignore ')).length, 1, 'one ignore entry per diagnostic');
    assert.ok(titles.includes('Show documentation for root-user (DG101)'));
    assert.equal(actions[0].isPreferred, true, 'the right remedy (a non-root USER, a suggestion) comes first');
    const ignore = actions.find((a) => a.title.endsWith('for this instruction'))!;
    const text = applyWorkspaceEdit(ROOT, uri, ignore.edit as never);
    assert.equal(text, '# dockguard-ignore root-user -- reason\nFROM alpine:3.23\nCMD ["sh"]\n');
    const after = await client.change(uri, [{ text }]);
    assert.deepEqual(after.diagnostics, []);
  });

  it('fixes all safe findings in one source.fixAll.dockguard action', async () => {
    const uri = 'file:///fixall-test/Dockerfile';
    const text = 'FROM alpine:3.23\nADD app.sh /app/\nCMD ["sh"]\n';
    const opened = await client.open(uri, 'dockerfile', text);
    assert.deepEqual(opened.diagnostics.map((d) => d.code).sort(), ['DG101', 'DG107']);
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.dockguard']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.dockguard');
    const fixed = applyWorkspaceEdit(text, uri, actions[0].edit as never);
    assert.equal(
      fixed,
      'FROM alpine:3.23\nCOPY app.sh /app/\nCMD ["sh"]\n',
      'ADD becomes COPY; the USER a root stage needs is a suggestion, never applied in bulk',
    );
    const after = await client.change(uri, [{ text: fixed }]);
    assert.deepEqual(
      after.diagnostics.map((d) => d.code),
      ['DG101'],
    );
    const lightbulb = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
    assert.ok(!lightbulb.some((a) => a.kind === 'source.fixAll.dockguard'), 'fix all is never computed for the lightbulb');
  });

  it('explains a finding on hover, and describes the image under the cursor', async () => {
    const uri = 'file:///hover-test/Dockerfile';
    await client.open(uri, 'dockerfile', 'ARG BASE=python:3.12\nFROM ${BASE}\nUSER app\n');
    const image = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 7 } })) as {
      contents: { value: string };
    };
    assert.match(image.contents.value, /\*\*Image\*\* `python:3\.12`/);
    assert.match(image.contents.value, /Written as `\$\{BASE\}`/);
    assert.match(image.contents.value, /pinned by tag/);
    assert.match(image.contents.value, /`python:3\.12-slim`/, 'lists the minimal variants the rules know');
    const composeUri = 'file:///hover-test/compose.yaml';
    await client.open(composeUri, 'dockercompose', 'services:\n  web:\n    image: "python:${PY:-3.12}"\n');
    const composeImage = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: composeUri },
      position: { line: 2, character: 14 },
    })) as { contents: { value: string } };
    assert.match(composeImage.contents.value, /\*\*Image\*\* `python:3\.12`/, 'the default of ${PY:-3.12}, as compose takes it');
    assert.match(composeImage.contents.value, /`python:3\.12-slim`/);
    const rootUri = 'file:///hover-test/root/Dockerfile';
    await client.open(rootUri, 'dockerfile', ROOT);
    const finding = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: rootUri }, position: { line: 0, character: 1 } })) as {
      contents: { value: string };
    };
    assert.match(finding.contents.value, /Final stage runs as root/);
    assert.match(finding.contents.value, /\*\*Why\.\*\*/);
    assert.match(finding.contents.value, /Rule documentation\]\(https:\/\/github\.com\/dockguard\/dockguard\/blob\/main\/docs\/rules\/root-user\.md\)/);
  });

  it('analyses files that are not open on request (workspace scan)', async () => {
    const uri = 'file:///scan-test/Dockerfile';
    const published = client.nextDiagnostics(uri);
    const result = await client.connection.sendRequest('dockguard/analyzeFiles', {
      files: [
        { uri, text: ROOT },
        { uri: 'file:///scan-test/notes.txt', text: 'x' },
      ],
    });
    assert.deepEqual(result, { analyzed: 1, skipped: 1, findings: 1 });
    assert.deepEqual(
      (await published).diagnostics.map((d) => d.code),
      ['DG101'],
    );
  });

  it('scans the files a compose file includes as compose files, whatever their names', async () => {
    mkdirSync(join(workspace, 'included', 'stack'), { recursive: true });
    const compose = 'include:\n  - stack/db.yml\nservices:\n  api:\n    image: a:1\n';
    writeFileSync(join(workspace, 'included', 'compose.yaml'), compose);
    writeFileSync(join(workspace, 'included', 'stack', 'db.yml'), 'services:\n  db:\n    image: postgres:16\n    privileged: true\n');
    const included = fileUri(join(workspace, 'included', 'stack', 'db.yml'));
    const published = client.nextDiagnostics(included);
    await client.connection.sendRequest('dockguard/analyzeFiles', { files: [{ uri: fileUri(join(workspace, 'included', 'compose.yaml')), text: compose }] });
    assert.ok((await published).diagnostics.some((d) => d.code === 'DG201'));
  });

  it("keeps a scanned file's findings when it is opened and closed again", async () => {
    const file = join(workspace, 'scanned', 'Dockerfile');
    mkdirSync(join(workspace, 'scanned'));
    writeFileSync(join(workspace, '.dockguard.yaml'), 'rules: {}\n');
    writeFileSync(file, ROOT);
    const uri = fileUri(file);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(workspace, '.dockguard.yaml')), type: 2 }] });
    const scanned = client.nextDiagnostics(uri);
    await client.connection.sendRequest('dockguard/analyzeFiles', { files: [{ uri, text: ROOT }] });
    assert.deepEqual(
      (await scanned).diagnostics.map((d) => d.code),
      ['DG101'],
    );
    await client.open(uri, 'dockerfile', ROOT);
    const afterClose = await client.close(uri, (p) => p.version === undefined);
    assert.deepEqual(
      afterClose.diagnostics.map((d) => d.code),
      ['DG101'],
      'the saved text is analysed again, not cleared',
    );
  });

  it('publishes nothing when dockguard.enable is off', async () => {
    settings = { enable: false };
    const uri = 'file:///disabled/Dockerfile';
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const opened = await client.open(uri, 'dockerfile', ROOT);
    assert.deepEqual(opened.diagnostics, []);
    settings = {};
  });
});
