import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, ensureBuilt, runCli, workspace } from '../../support/cli';

const ROOT_DOCKERFILE = 'FROM alpine:3.23\nCMD ["sh"]\n';
const CLEAN_DOCKERFILE = 'FROM alpine:3.23\nUSER app\nCMD ["sh"]\n';
/** An ADD of a local file, which `--fix` turns into COPY (root-user's USER is a suggestion, never applied in bulk). */
const FIXABLE_DOCKERFILE = 'FROM alpine:3.23\nADD app.sh /app/\nCMD ["sh"]\n';

const cli = (args: string[], cwd: string) => runCli(args, { cwd });

describe('CLI', () => {
  it('finds Dockerfile, Dockerfile.*, *.dockerfile and Containerfile in directories, skipping node_modules', () => {
    const dir = workspace({
      Dockerfile: ROOT_DOCKERFILE,
      'svc/Dockerfile.prod': ROOT_DOCKERFILE,
      'svc/api.dockerfile': ROOT_DOCKERFILE,
      Containerfile: ROOT_DOCKERFILE,
      'node_modules/x/Dockerfile': ROOT_DOCKERFILE,
      'README.md': '# FROM ubuntu',
    });
    const { stdout } = cli(['--format', 'json', '.'], dir);
    const files = [...new Set((JSON.parse(stdout) as { file: string }[]).map((f) => f.file))].sort();
    assert.deepEqual(files, ['Containerfile', 'Dockerfile', 'svc/Dockerfile.prod', 'svc/api.dockerfile']);
  });

  it('exits 0 below --fail-on, 1 at or above it', () => {
    const dir = workspace({ Dockerfile: ROOT_DOCKERFILE });
    assert.equal(cli(['Dockerfile'], dir).code, 0, 'a warning does not fail the default --fail-on error');
    assert.equal(cli(['--fail-on', 'warning', 'Dockerfile'], dir).code, 1);
    assert.equal(cli(['--fail-on', 'none', '--fail-on', 'info', 'Dockerfile'], dir).code, 1);
    assert.equal(cli(['--fail-on', 'warning'], workspace({ Dockerfile: CLEAN_DOCKERFILE })).code, 0);
  });

  it('exits 2 with a clear message on bad usage and unreadable input', () => {
    const dir = workspace({ Dockerfile: CLEAN_DOCKERFILE });
    const badFormat = cli(['--format', 'xml'], dir);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format must be one of text, json, sarif/);
    assert.equal(cli(['--frobnicate'], dir).code, 2);
    const missing = cli(['nope/Dockerfile'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\/Dockerfile: cannot read: no such file or directory/);
  });

  it('prints the documented JSON shape with 1-based positions', () => {
    const dir = workspace({ Dockerfile: ROOT_DOCKERFILE });
    const findings = JSON.parse(cli(['-f', 'json', 'Dockerfile'], dir).stdout);
    const rootUser = findings.find((f: { ruleId: string }) => f.ruleId === 'root-user');
    assert.deepEqual(rootUser, {
      file: 'Dockerfile',
      ruleId: 'root-user',
      code: 'DG101',
      severity: 'warning',
      message: rootUser.message,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 17,
      fixable: false,
    });
  });

  it('prints SARIF 2.1.0 with rules, levels, relative locations and fixes', () => {
    const dir = workspace({ 'app/Dockerfile': FIXABLE_DOCKERFILE });
    const log = JSON.parse(cli(['--format', 'sarif', '.'], dir).stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'dockguard');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'root-user');
    assert.equal(result.level, 'warning');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'root-user');
    assert.ok(run.tool.driver.rules[result.ruleIndex].help.markdown.includes('## Why'));
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'app/Dockerfile', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 17 });
    assert.equal(result.fixes, undefined, 'a suggestion is not a SARIF fix');
    const add = run.results.find((r: { ruleId: string }) => r.ruleId === 'add-instead-of-copy');
    assert.equal(add.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'COPY');
  });

  it('--fix applies safe fixes in place and reports what remains', () => {
    const dir = workspace({ Dockerfile: FIXABLE_DOCKERFILE });
    const { code, stderr, stdout } = cli(['--fix', '--fail-on', 'warning', 'Dockerfile'], dir);
    assert.match(stderr, /applied 1 fix/);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), 'FROM alpine:3.23\nCOPY app.sh /app/\nCMD ["sh"]\n');
    assert.match(stdout, /DG101 root-user/, 'what only a suggestion can change is still reported');
    assert.equal(code, 1);
  });

  it('reads .dockguard.yaml next to the files, --config instead, and exits 2 on a broken one', () => {
    const dir = workspace({ Dockerfile: ROOT_DOCKERFILE, '.dockguard.yaml': 'rules:\n  root-user: error\n', 'other.yaml': 'rules:\n  DG101: off\n' });
    assert.equal(cli(['Dockerfile'], dir).code, 1, 'root-user raised to error by the project file');
    assert.equal(cli(['--config', 'other.yaml', 'Dockerfile'], dir).code, 0);
    writeFileSync(join(dir, '.dockguard.yaml'), 'rules:\n  root-usr: error\n');
    const broken = cli(['Dockerfile'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /\.dockguard\.yaml:2:3: invalid configuration: Unknown rule root-usr; did you mean root-user\?/);
  });

  it('honours ignorePaths and inline suppressions', () => {
    const dir = workspace({
      '.dockguard.yaml': 'ignorePaths:\n  - "vendor/**"\n',
      'vendor/Dockerfile': ROOT_DOCKERFILE,
      Dockerfile: '# dockguard-ignore root-user -- init container\n' + ROOT_DOCKERFILE,
    });
    assert.deepEqual(JSON.parse(cli(['-f', 'json', '.'], dir).stdout), []);
    const named = cli(['-f', 'json', 'vendor/Dockerfile'], dir);
    assert.deepEqual(JSON.parse(named.stdout), []);
    assert.match(named.stderr, /skipped vendor\/Dockerfile: ignorePaths in .*\.dockguard\.yaml excludes it/);
  });

  it('analyses an explicitly named file whatever its name', () => {
    const dir = workspace({ 'build.txt': ROOT_DOCKERFILE });
    const findings = JSON.parse(cli(['-f', 'json', 'build.txt'], dir).stdout);
    assert.ok(findings.some((f: { ruleId: string }) => f.ruleId === 'root-user'));
  });

  it('ends quietly when the reader closes the pipe early (dockguard . | head -1)', () => {
    ensureBuilt();
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`d${i}/Dockerfile`] = ROOT_DOCKERFILE;
    const dir = workspace(files);
    const shell = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" . | head -1`], { cwd: dir, encoding: 'utf8' });
    assert.equal(shell.stdout.split('\n').filter(Boolean).length, 1);
    assert.equal(shell.stderr, '');
  });
});
