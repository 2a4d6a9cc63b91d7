// sensitive-build-context reads the build context through the host (listDirectory, readFile): the cases run against
// an in-memory workspace, and each suggestion is applied to it (a .dockerignore created or extended) and the
// Dockerfile analysed again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { resolveConfig } from '../../../../server/src/engine/config';
import rule from '../../../../server/src/engine/rules/dockerfile/sensitive-build-context';
import sensitiveFileCopied from '../../../../server/src/engine/rules/dockerfile/sensitive-file-copied';
import type { Finding } from '../../../../server/src/engine/types';
import { MemoryWorkspace, ROOT } from '../../../support/memory-context';

const URI = `${ROOT}/Dockerfile`;
const rethrow = (_: string, error: unknown) => {
  throw error;
};

function run(code: string, workspace: MemoryWorkspace, uri = URI): Finding[] {
  return analyze(code, {
    kind: 'dockerfile',
    uri,
    rules: [rule],
    config: resolveConfig({ profile: 'strict' }),
    readFile: workspace.readFile,
    listDirectory: workspace.listDirectory,
    onRuleError: rethrow,
  });
}

const brief = (f: Finding) => ({
  line: f.range.start.line + 1,
  column: f.range.start.character + 1,
  endColumn: f.range.end.character + 1,
  messageId: f.messageId,
  files: f.data?.files,
});

/** Applies the finding's one suggestion to the workspace and checks the finding is gone. */
function fixAndRecheck(code: string, workspace: MemoryWorkspace, finding: Finding, uri = URI): void {
  assert.equal(finding.fixes.length, 1);
  const [fix] = finding.fixes;
  assert.equal(fix.kind, 'suggestion');
  assert.deepEqual(fix.edits, [], 'the Dockerfile itself is not edited');
  workspace.apply(fix.files ?? []);
  assert.deepEqual(run(code, workspace, uri).map(brief), [], 'the finding is gone once the ignore file lists what is there');
}

describe('sensitive-build-context (DG143) against a build context', () => {
  it('without a host (standard input, no file name) nothing is known of the context: silent', () => {
    for (const code of ['FROM alpine:3.20\nCOPY . .\n', '', 'COPY', 'FROM a\nCOPY \\\n  . \\\n  /app\n'])
      assert.deepEqual(analyze(code, { kind: 'dockerfile', rules: [rule], onRuleError: rethrow }), []);
  });

  it('COPY . . with a .env, a key and .git and no .dockerignore: on the source, suggestion creates .dockerignore', () => {
    const ws = new MemoryWorkspace({ Dockerfile: '', '.env': 'A=1', id_rsa: 'k', '.git/config': '', 'src/app.py': '', 'package.json': '{}' });
    const code = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n';
    const findings = run(code, ws);
    assert.deepEqual(findings.map(brief), [{ line: 3, column: 6, endColumn: 7, messageId: 'noIgnoreFile', files: '.env, .git, id_rsa' }]);
    assert.equal(
      findings[0].message,
      'COPY . copies .env, .git, id_rsa from the build context into an image layer that anyone who can pull the image can read, and there is no .dockerignore: create one that lists them, or copy only what the build needs.',
    );
    const fix = findings[0].fixes[0];
    assert.equal(fix.title, 'Create .dockerignore leaving out .env, .git, …');
    assert.equal(fix.preferred, true);
    assert.deepEqual(
      fix.files?.map((f) => [f.uri, f.create]),
      [[`${ROOT}/.dockerignore`, true]],
    );
    fixAndRecheck(code, ws, findings[0]);
    assert.equal(
      ws.files.get('.dockerignore'),
      '# Left out of the build context (dockguard sensitive-build-context): credentials must not reach an image.\n.env\n.git\nid_rsa\n**/.env\n**/id_rsa*\n**/*.key\n',
    );
  });

  it('a .dockerignore that misses some: notExcluded names only those, suggestion appends (newline added)', () => {
    const ws = new MemoryWorkspace({
      '.dockerignore': 'node_modules\n.git',
      '.env': '',
      '.env.production': '',
      '.env.example': '',
      '.git/HEAD': '',
      'cert.pem': '',
      'server.key': '',
    });
    const code = 'FROM node:22-alpine\nADD . /app\n';
    const findings = run(code, ws);
    assert.deepEqual(findings.map(brief), [{ line: 2, column: 5, endColumn: 6, messageId: 'notExcluded', files: '.env, .env.production, server.key' }]);
    assert.match(findings[0].message, /^ADD \. copies .* because \.dockerignore does not exclude them: list them there/);
    const one = run('FROM node:22\nCOPY . .\n', new MemoryWorkspace({ '.dockerignore': '', '.netrc': '' }))[0];
    assert.match(one.message, /copies \.netrc .* because \.dockerignore does not exclude it: list it there, or copy only/);
    assert.equal(findings[0].fixes[0].title, 'Add .env, .env.production, … to .dockerignore');
    fixAndRecheck(code, ws, findings[0]);
    assert.equal(
      ws.files.get('.dockerignore'),
      'node_modules\n.git\n# Credentials in the build context (dockguard sensitive-build-context)\n.env\n.env.production\nserver.key\n',
    );
  });

  it('stays silent when .dockerignore excludes everything sensitive (patterns, exceptions, a whitelist)', () => {
    const files = { '.env': '', '.env.local': '', id_ed25519: '', '.git/HEAD': '', '.aws/credentials': '', 'app/.env': '', 'app/main.go': '', 'README.md': '' };
    for (const ignore of [
      '**/.env*\nid_*\n.git\n.aws/\n',
      '*\n!app/main.go\n!README.md\n',
      '.*\n**/.env\nid_ed25519\n',
      '/.git\n/.aws\n.env*\nid_ed25519\napp/.env\n',
    ]) {
      const ws = new MemoryWorkspace({ ...files, '.dockerignore': ignore });
      assert.deepEqual(run('FROM golang:1.23\nCOPY . .\n', ws).map(brief), [], ignore);
    }
  });

  it('an exception that brings a credential back is reported', () => {
    const ws = new MemoryWorkspace({ '.dockerignore': '.env*\n!.env.production\n', '.env': '', '.env.production': '' });
    assert.deepEqual(
      run('FROM node:22\nCOPY . .\n', ws).map((f) => f.data?.files),
      ['.env.production'],
    );
  });

  it('stays silent on a clean context, on files copied by name, on other stages and on remote sources', () => {
    const ws = new MemoryWorkspace({ 'src/main.py': '', 'requirements.txt': '', '.env': '', id_rsa: '' });
    for (const code of [
      'FROM python:3.12\nCOPY requirements.txt .\nCOPY src/ /app/src/\n',
      'FROM python:3.12 AS build\nFROM python:3.12\nCOPY --from=build . /app\n',
      'FROM python:3.12\nADD https://example.com/x.tgz /x\nADD git@github.com:a/b.git /b\n',
      'FROM python:3.12\nCOPY *.txt /app/\nCOPY $SRC /app/\n',
      'FROM python:3.12\nONBUILD COPY . /app\n',
      'FROM python:3.12\nCOPY <<EOF /app/x\nhi\nEOF\n',
      'FROM python:3.12\nCOPY --exclude=.env --exclude=id_* . /app\n',
      'FROM python:3.12\nCOPY ../ /app\n',
    ])
      assert.deepEqual(run(code, ws).map(brief), [], code);
    assert.deepEqual(run('FROM python:3.12\nCOPY . .\n', new MemoryWorkspace({ 'src/main.py': '', 'cert.pem': '', '.env.example': '' })).map(brief), []);
  });

  it('COPY .env . ./ : the named .env is sensitive-file-copied, this rule names only the rest', () => {
    const ws = new MemoryWorkspace({ '.env': '', '.npmrc': '' });
    const code = 'FROM node:22\nCOPY .env . ./\n';
    const both = analyze(code, { kind: 'dockerfile', uri: URI, rules: [rule, sensitiveFileCopied], readFile: ws.readFile, listDirectory: ws.listDirectory });
    assert.deepEqual(
      both.map((f) => [f.ruleId, f.range.start.character + 1, f.data?.files ?? f.data?.source]),
      [
        ['sensitive-file-copied', 6, '.env'],
        ['sensitive-build-context', 11, '.npmrc'],
      ],
    );
  });

  it('a copied directory that holds credentials, and a subdirectory of the context one level down', () => {
    const ws = new MemoryWorkspace({
      'app/.env': '',
      'app/main.js': '',
      'app/config/.npmrc': '',
      'docs/index.md': '',
      'node_modules/x/.env': '',
      '.docker/config.json': '{}',
      '.docker/nginx.conf': '',
    });
    assert.deepEqual(run('FROM node:22\nCOPY app/ /srv/\n', ws).map(brief), [
      { line: 2, column: 6, endColumn: 10, messageId: 'noIgnoreFile', files: 'app/.env, app/config/.npmrc' },
    ]);
    assert.deepEqual(
      run('FROM node:22\nCOPY . /srv/\n', ws).map((f) => f.data?.files),
      ['.docker/config.json, app/.env'],
    );
    assert.ok(!ws.listed.includes('node_modules'), 'node_modules is never listed');
  });

  it('the walk is bounded: one level below the copied directory, a limited number of subdirectories', () => {
    const files: Record<string, string> = { 'a/b/c/.env': '', 'a/b/.env': '' };
    for (let i = 0; i < 100; i++) files[`d${String(i).padStart(3, '0')}/x.txt`] = '';
    const ws = new MemoryWorkspace(files);
    assert.deepEqual(run('FROM alpine:3.20\nCOPY . .\n', ws).map(brief), []);
    assert.ok(ws.listed.length <= 26, `listed ${ws.listed.length} directories`);
    assert.deepEqual(
      run('FROM alpine:3.20\nCOPY a /a\n', ws).map((f) => f.data?.files),
      ['a/b/.env'],
    );
  });

  it('Dockerfile-specific ignore files take precedence over .dockerignore (BuildKit)', () => {
    const ws = new MemoryWorkspace({ '.dockerignore': '.env\n', 'api.Dockerfile.dockerignore': 'node_modules\n', '.env': '' });
    const code = 'FROM node:22\nCOPY . .\n';
    assert.deepEqual(run(code, ws).map(brief), [], 'the Dockerfile uses .dockerignore');
    const findings = run(code, ws, `${ROOT}/api.Dockerfile`);
    assert.deepEqual(
      findings.map((f) => [f.messageId, f.data?.ignoreFile]),
      [['notExcluded', 'api.Dockerfile.dockerignore']],
    );
    fixAndRecheck(code, ws, findings[0], `${ROOT}/api.Dockerfile`);
    assert.equal(ws.files.get('api.Dockerfile.dockerignore'), 'node_modules\n# Credentials in the build context (dockguard sensitive-build-context)\n.env\n');
  });

  it('one finding per kind of copy, on the first: later copies of the same folder are fixed by the same lines', () => {
    const ws = new MemoryWorkspace({ '.netrc': '', 'app/.env': '' });
    const code = 'FROM node:22 AS build\nCOPY . .\nFROM node:22\nCOPY ./ /app\nCOPY * /x/\nCOPY app /srv/app\nCOPY ./app/ /opt\n';
    assert.deepEqual(
      run(code, ws).map((f) => [f.range.start.line + 1, f.data?.files]),
      [
        [2, '.netrc, app/.env'],
        [5, '.netrc, app/.env'],
        [6, 'app/.env'],
      ],
    );
    for (const awkward of [
      'FROM node:22\nCOPY --chown=app:app \\\n    . \\\n    /app\n',
      'FROM node:22\nCOPY [".", "/srv"]\n',
      'FROM node:22\nADD --link "./" /opt\n',
    ])
      assert.deepEqual(run(awkward, ws).map(brief), [
        awkward.includes('[')
          ? { line: 2, column: 8, endColumn: 9, messageId: 'noIgnoreFile', files: '.netrc, app/.env' }
          : awkward.includes('ADD')
            ? { line: 2, column: 12, endColumn: 16, messageId: 'noIgnoreFile', files: '.netrc, app/.env' }
            : { line: 3, column: 5, endColumn: 6, messageId: 'noIgnoreFile', files: '.netrc, app/.env' },
      ]);
  });

  it('an ignore file that cannot be read: a file-not-read note, no guess', () => {
    const ws = new MemoryWorkspace({ '.dockerignore': '', '.env': '' });
    ws.refused.add('.dockerignore');
    const findings = analyze('FROM node:22\nCOPY . .\n', { kind: 'dockerfile', uri: URI, readFile: ws.readFile, listDirectory: ws.listDirectory });
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'file-not-read' || f.ruleId === rule.meta.id).map((f) => [f.ruleId, f.range.start.line + 1, f.data?.path]),
      [['file-not-read', 2, '.dockerignore']],
    );
  });

  it('names needing escapes are written so .dockerignore matches them exactly', () => {
    const ws = new MemoryWorkspace({ '#secret.pem': '', 'weird[1].key': '' });
    const code = 'FROM alpine:3.20\nCOPY . .\n';
    const [finding] = run(code, ws);
    fixAndRecheck(code, ws, finding);
    assert.match(ws.files.get('.dockerignore')!, /\n\\#secret\.pem\nweird\\\[1\]\.key\n/);
  });

  it('many files: the message names four and counts the rest', () => {
    const ws = new MemoryWorkspace({ '.env': '', '.env.a': '', '.env.b': '', '.env.c': '', '.env.d': '', '.env.e': '' });
    assert.deepEqual(
      run('FROM alpine:3.20\nCOPY . .\n', ws).map((f) => f.data?.files),
      ['.env, .env.a, .env.b, .env.c and 2 more'],
    );
  });
});
