// A Dockerfile's build context, across files (sensitive-build-context, DG143): the Node server lists the folder on
// disk, the web worker server through the client (dockguard/readDirectory), the CLI on disk; each reports the same
// finding. The suggestion creates .dockerignore (a CreateFile in documentChanges); once the file is written and the
// watcher reports it, the finding goes; a credential file appearing later brings it back, and the suggestion then
// appends to the file.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CreateFile, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/engine/fixes';
import type { ReadDirectoryParams, ReadFileParams } from '../../server/src/lsp/protocol';
import { runCli } from '../support/cli';
import { fileUri, LspClient } from '../support/lsp-client';
import { tempDir } from '../support/temp-dir';

const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD ["python", "app.py"]\n';
const dg143 = (p: PublishDiagnosticsParams) => p.diagnostics.find((d) => d.code === 'DG143');
const WATCHED = 'workspace/didChangeWatchedFiles';

/** Applies a code action's workspace edit to files on disk, as VS Code does (CreateFile, then the text edits). */
function applyToDisk(action: CodeAction, path: (uri: string) => string): void {
  for (const change of action.edit?.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create');
      writeFileSync(path((change as CreateFile).uri), '', { flag: 'wx' });
    } else {
      const edit = change as TextDocumentEdit;
      const file = path(edit.textDocument.uri);
      writeFileSync(file, applyEdits(readFileSync(file, 'utf8'), edit.edits as TextEdit[]));
    }
  }
}

async function suggestion(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction> {
  const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
  const action = actions.find((a) => a.edit?.documentChanges);
  assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
  return action;
}

describe('language server: the build context of a Dockerfile (DG143)', () => {
  const dir = tempDir('dockguard-lsp-context');
  writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(dir, 'app.py'), 'print("hi")\n');
  writeFileSync(join(dir, '.env'), 'DB_PASSWORD=x\n');
  writeFileSync(join(dir, 'id_rsa'), 'not a key\n');
  const root = fileUri(dir);
  const uri = fileUri(join(dir, 'Dockerfile'));
  const ignoreUri = fileUri(join(dir, '.dockerignore'));
  const toPath = (u: string) => {
    assert.equal(u, ignoreUri, 'only the context’s .dockerignore is edited');
    return join(dir, '.dockerignore');
  };
  let client: LspClient;
  let message = '';

  before(async () => (client = await LspClient.start({ rootUri: root })));
  after(async () => client.stop());

  it('reports COPY . . on its source when the folder holds .env and id_rsa and no .dockerignore', async () => {
    const opened = await client.open(uri, 'dockerfile', DOCKERFILE);
    const diagnostic = dg143(opened);
    assert.ok(diagnostic, JSON.stringify(opened.diagnostics));
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 6 } });
    assert.match(String(diagnostic.message), /^COPY \. copies \.env, id_rsa from the build context into an image layer/);
    message = String(diagnostic.message);
  });

  it('the CLI reports the same finding on the same folder', () => {
    const run = runCli(['--format', 'json', dir], { cwd: dir });
    const findings = JSON.parse(run.stdout) as { code: string; message: string; line: number; column: number }[];
    assert.deepEqual(
      findings.filter((f) => f.code === 'DG143').map((f) => [f.line, f.column, f.message]),
      [[3, 6, message]],
    );
  });

  it('offers to create .dockerignore; written and reported by the watcher, the finding goes', async () => {
    const published = client.published.filter((p) => p.uri === uri).at(-1)!;
    const action = await suggestion(client, uri, dg143(published)!);
    assert.equal(action.title, 'Create .dockerignore leaving out .env, id_rsa');
    assert.equal(action.isPreferred, true);
    const [create, edit] = action.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: ignoreUri, options: { ignoreIfExists: true } });
    assert.equal(edit.textDocument.uri, ignoreUri);
    applyToDisk(action, toPath);
    assert.match(readFileSync(join(dir, '.dockerignore'), 'utf8'), /^# Left out .*\n\.env\nid_rsa\n/);
    const cleared = client.nextDiagnostics(uri, (p) => dg143(p) === undefined);
    await client.connection.sendNotification(WATCHED, { changes: [{ uri: ignoreUri, type: 1 }] });
    await cleared;
  });

  it('a credential file that appears later brings it back; the suggestion then appends to .dockerignore', async () => {
    const npmrc = join(dir, '.npmrc');
    writeFileSync(npmrc, '//registry.npmjs.org/:_authToken=x\n');
    const back = client.nextDiagnostics(uri, (p) => dg143(p) !== undefined);
    await client.connection.sendNotification(WATCHED, { changes: [{ uri: fileUri(npmrc), type: 1 }] });
    const diagnostic = dg143(await back)!;
    assert.match(String(diagnostic.message), /copies \.npmrc .* because \.dockerignore does not exclude it/);
    const action = await suggestion(client, uri, diagnostic);
    assert.equal(action.title, 'Add .npmrc to .dockerignore');
    assert.deepEqual(
      action.edit!.documentChanges!.map((c) => ('kind' in c ? c.kind : 'edit')),
      ['edit'],
      'an existing file is edited, not created',
    );
    applyToDisk(action, toPath);
    assert.match(readFileSync(join(dir, '.dockerignore'), 'utf8'), /\nid_rsa\n(?:.*\n)*# Credentials .*\n\.npmrc\n$/);
    const cleared = client.nextDiagnostics(uri, (p) => dg143(p) === undefined);
    await client.connection.sendNotification(WATCHED, { changes: [{ uri: ignoreUri, type: 2 }] });
    await cleared;
  });

  it('fix all leaves the suggestion alone: nothing to apply in bulk', async () => {
    writeFileSync(join(dir, '.dockerignore'), '');
    const back = client.nextDiagnostics(uri, (p) => dg143(p) !== undefined);
    await client.connection.sendNotification(WATCHED, { changes: [{ uri: ignoreUri, type: 2 }] });
    await back;
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.dockguard']);
    assert.deepEqual(actions, []);
  });
});

describe('web worker server: the same finding through the client’s workspace.fs', () => {
  const ROOT = 'vscode-vfs://github/acme/app';
  const files = new Map<string, string>([
    [`${ROOT}/Dockerfile`, DOCKERFILE],
    [`${ROOT}/app.py`, ''],
    [`${ROOT}/.env`, ''],
    [`${ROOT}/id_rsa`, ''],
  ]);
  const listed: string[] = [];
  let client: LspClient;

  before(
    async () =>
      (client = await LspClient.inWorker({
        rootUri: ROOT,
        readFile: (params: ReadFileParams) => {
          const text = files.get(params.uri);
          return text === undefined ? { missing: true } : { text };
        },
        readDirectory: (params: ReadDirectoryParams) => {
          listed.push(params.uri);
          const prefix = `${params.uri}/`;
          const names = [...files.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]);
          return names.length ? { entries: [...new Set(names)].map((name) => [name, false]) } : { missing: true };
        },
      })),
  );
  after(async () => client?.stop());

  it('lists the folder through the client, reports, and forgets the listing when the watcher says so', async () => {
    const uri = `${ROOT}/Dockerfile`;
    const opened = await client.open(uri, 'dockerfile', DOCKERFILE);
    const diagnostic = dg143(opened);
    assert.ok(diagnostic, JSON.stringify(opened.diagnostics));
    assert.match(String(diagnostic.message), /^COPY \. copies \.env, id_rsa from the build context into an image layer .* there is no \.dockerignore/);
    assert.deepEqual(listed, [ROOT]);
    const action = await suggestion(client, uri, diagnostic);
    const edit = action.edit!.documentChanges![1] as TextDocumentEdit;
    files.set(`${ROOT}/.dockerignore`, applyEdits('', edit.edits as TextEdit[]));
    const cleared = client.nextDiagnostics(uri, (p) => dg143(p) === undefined);
    await client.connection.sendNotification(WATCHED, { changes: [{ uri: `${ROOT}/.dockerignore`, type: 1 }] });
    await cleared;
    assert.deepEqual(listed, [ROOT, ROOT], 'listed again once, after the change');
  });
});

describe('language server: editors other than VS Code are asked to watch the files it caches', () => {
  it('registers watchers for .dockerignore, the credential names, the analysed files and the configuration', async () => {
    const registrations: { registrations: { method: string; registerOptions?: { watchers?: { globPattern: string }[] } }[] }[] = [];
    const client = await LspClient.start({
      rootUri: fileUri(tempDir('dockguard-lsp-watch')),
      watchFiles: true,
      onRegisterCapability: (p) => registrations.push(p as never),
    });
    try {
      // The server registers once initialized; a request after that is answered after the registration was sent.
      await client.codeActions('file:///nothing/Dockerfile', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
      const watching = registrations.flatMap((r) => r.registrations).find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.ok(watching, JSON.stringify(registrations));
      const globs = watching.registerOptions!.watchers!.map((w) => w.globPattern);
      assert.equal(globs.length, 3);
      assert.ok(
        globs.some((g) => g.includes('.dockerignore') && g.includes('id_rsa*') && g.includes('.env')),
        globs.join(' '),
      );
      assert.ok(globs.some((g) => g.includes('.dockguard')));
    } finally {
      await client.stop();
    }
    const vscodeRegistrations: typeof registrations = [];
    const vscode = await LspClient.start({
      watchFiles: true,
      initializationOptions: { clientCommands: ['dockguard.showRuleDocumentation'] },
      onRegisterCapability: (p) => vscodeRegistrations.push(p as never),
    });
    try {
      await vscode.codeActions('file:///nothing/Dockerfile', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
      const methods = vscodeRegistrations.flatMap((r) => r.registrations).map((r) => r.method);
      assert.ok(methods.includes('workspace/didChangeConfiguration'), 'registrations are seen');
      assert.ok(!methods.includes('workspace/didChangeWatchedFiles'), 'the VS Code client watches by itself');
    } finally {
      await vscode.stop();
    }
  });
});
