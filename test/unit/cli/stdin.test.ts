import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { CLI, ensureBuilt, runCli, workspace } from '../../support/cli';

const ROOT_DOCKERFILE = 'FROM alpine:3.23\nCMD ["sh"]\n';
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';

interface JsonFinding {
  file: string;
  ruleId: string;
}

const ruleIds = (stdout: string) => (JSON.parse(stdout) as JsonFinding[]).map((f) => f.ruleId);

describe('CLI: standard input', () => {
  it('reads standard input for -, as a Dockerfile named <stdin>', () => {
    const run = runCli(['-'], { cwd: workspace({}), input: 'FROM ubuntu' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<stdin>:1:1 {2}warning {2}DG101 root-user/m);
    assert.match(run.stdout, /3 problems \(0 errors, 2 warnings, 1 info\) in 1 file\./);
  });

  it('reads a pipe named /dev/stdin once: what `cat Dockerfile | dockguard /dev/stdin` finds is what the file has', () => {
    const dir = workspace({});
    const piped = runCli(['--format', 'json', '/dev/stdin'], { cwd: dir, input: ROOT_DOCKERFILE });
    assert.equal(piped.code, 0, piped.stderr);
    assert.deepEqual(ruleIds(piped.stdout), ['root-user']);
    const text = runCli(['--fail-on', 'warning', '/dev/stdin'], { cwd: dir, input: 'FROM ubuntu:24.04\nRUN curl -k https://example.com/x.sh | sh\n' });
    assert.equal(text.code, 1);
    assert.doesNotMatch(text.stdout, /No problems found/);
    assert.match(text.stdout, /DG110 verification-disabled/);
  });

  it('works in a shell pipeline, as typed: cat Dockerfile | dockguard /dev/stdin', () => {
    ensureBuilt();
    const dir = workspace({ Dockerfile: ROOT_DOCKERFILE });
    const shell = spawnSync('sh', ['-c', `cat Dockerfile | "${process.execPath}" "${CLI}" --fail-on warning /dev/stdin`], { cwd: dir, encoding: 'utf8' });
    assert.equal(shell.status, 1, shell.stderr);
    assert.match(shell.stdout, /^\/dev\/stdin:1:1 {2}warning {2}DG101 root-user/m);
    assert.match(shell.stdout, /1 problem \(0 errors, 1 warning, 0 info\) in 1 file\./);
  });

  it('sniffs a compose file on standard input from its services: key', () => {
    const run = runCli(['-f', 'json', '-'], { cwd: workspace({}), input: `name: shop\n${COMPOSE}` });
    assert.ok(ruleIds(run.stdout).includes('privileged'), run.stdout);
  });

  it('--stdin-filename picks the kind, names the file in the report and finds its configuration', () => {
    const dir = workspace({ 'svc/.dockguard.yaml': 'rules:\n  privileged: warning\n' });
    const run = runCli(['-f', 'json', '--stdin-filename', 'svc/docker-compose.prod.yml'], { cwd: dir, input: COMPOSE });
    const findings = JSON.parse(run.stdout) as (JsonFinding & { severity: string })[];
    const privileged = findings.find((f) => f.ruleId === 'privileged');
    assert.deepEqual([privileged?.file, privileged?.severity], ['svc/docker-compose.prod.yml', 'warning']);
    // The name wins over the content: a Dockerfile name makes any text a Dockerfile.
    const asDockerfile = runCli(['-f', 'json', '--stdin-filename', 'Containerfile', '-'], { cwd: dir, input: 'FROM alpine:3.23\n' });
    assert.deepEqual(ruleIds(asDockerfile.stdout), ['root-user']);
  });

  it('--stdin-filename is resolved against the working directory for cross-file checks', () => {
    const dir = workspace({ 'api/Dockerfile': ROOT_DOCKERFILE });
    const input = 'services:\n  api:\n    build: ./api\n';
    const run = runCli(['-f', 'json', '--stdin-filename', 'compose.yaml'], { cwd: dir, input });
    assert.ok(ruleIds(run.stdout).includes('service-runs-as-root'), run.stdout);
  });

  it('analyses standard input beside files, each named in the report', () => {
    const dir = workspace({ Dockerfile: ROOT_DOCKERFILE });
    const run = runCli(['-f', 'json', 'Dockerfile', '-', '--stdin-filename', 'other/Dockerfile'], { cwd: dir, input: ROOT_DOCKERFILE });
    assert.deepEqual(
      (JSON.parse(run.stdout) as JsonFinding[]).map((f) => f.file),
      ['Dockerfile', 'other/Dockerfile'],
    );
  });

  it('refuses what it cannot do with standard input, with exit 2', () => {
    const dir = workspace({ Dockerfile: ROOT_DOCKERFILE });
    const fix = runCli(['--fix', '-'], { cwd: dir });
    assert.equal(fix.code, 2);
    assert.match(fix.stderr, /cannot fix standard input/);
    const twice = runCli(['-', '-'], { cwd: dir });
    assert.equal(twice.code, 2);
    const nameWithoutStdin = runCli(['--stdin-filename', 'Dockerfile', 'Dockerfile'], { cwd: dir });
    assert.equal(nameWithoutStdin.code, 2);
    assert.match(nameWithoutStdin.stderr, /add - to the paths/);
  });
});

describe('CLI: a path it could not read is never a pass', () => {
  it('reports the unreadable path, the other files, and exits 2 without "No problems found"', () => {
    const dir = workspace({ Dockerfile: 'FROM alpine:3.23\nUSER app\n' });
    const run = runCli(['Dockerfile', 'missing/Dockerfile'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /dockguard: missing\/Dockerfile: cannot read: no such file or directory/);
    assert.doesNotMatch(run.stdout, /No problems found/);
    assert.match(run.stdout, /^Incomplete: 1 path could not be read or analysed \(see above\)\. 0 problems in the 1 file analysed\.$/m);
  });

  it('stops reading an endless input (/dev/zero) at the size limit and reports it', () => {
    const run = runCli(['/dev/zero'], { cwd: workspace({}) });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\/dev\/zero: not analysed: larger than the 1 MB dockguard analyses/);
  });

  it('exits 2 for a file it did not analyse (binary), though it names it only as an info finding', () => {
    const dir = workspace({ Dockerfile: 'FROM alpine\u0000\u0001\u0002' });
    const run = runCli(['Dockerfile'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Dockerfile: did not analyse this file: it looks binary/);
  });

  it('exits 2 for an instruction too long to analyse, naming its line, and still reports the rest', () => {
    const dir = workspace({ Dockerfile: `FROM alpine:3.23\nRUN ${'curl -k x | '.repeat(8_000)}true\nRUN curl -k https://example.com/y\nUSER app\n` });
    const run = runCli(['Dockerfile'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Dockerfile: line 2: did not analyse this instruction: it is longer than 64 KB/);
    assert.match(run.stdout, /3:\d+ .*DG110/);
  });

  it('judges end-of-life dates as on the day DOCKGUARD_TODAY names, and refuses one that is no day', () => {
    const dir = workspace({ Dockerfile: 'FROM node:22.11-alpine\nUSER node\n' });
    const eol = (day: string) => runCli(['--format', 'json', 'Dockerfile'], { cwd: dir, env: { DOCKGUARD_TODAY: day } });
    assert.doesNotMatch(eol('2026-12-01').stdout, /eol-base-image/);
    const after = eol('2027-06-01');
    assert.match(after.stdout, /eol-base-image/);
    assert.match(after.stdout, /2027-04-30/);
    const wrong = eol('2027-02-30');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /DOCKGUARD_TODAY=2027-02-30 is not a day such as 2026-12-01/);
  });

  it('says so when a directory holds no Dockerfile or compose file', () => {
    const run = runCli(['.'], { cwd: workspace({ 'README.md': '# hi\n' }) });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^No Dockerfile or compose file found\.$/m);
  });
});
