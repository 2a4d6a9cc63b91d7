import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, workspace } from '../../support/cli';

interface JsonFinding {
  file: string;
  ruleId: string;
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

function scan(dir: string): { code: number | null; findings: JsonFinding[]; stderr: string } {
  const result = runCli(['--format', 'json', '.'], { cwd: dir });
  return { code: result.code, findings: JSON.parse(result.stdout || '[]'), stderr: result.stderr };
}

describe('CLI: compose files and the Dockerfiles their services build from', () => {
  function project(dockerfile: string): string {
    return workspace({
      'api/Dockerfile': dockerfile,
      'compose.yaml': 'services:\n  api:\n    build: ./api\n    ports:\n      - "127.0.0.1:8080:8080"\n',
    });
  }

  it('finds compose.yaml and reports a service built from a Dockerfile that runs as root', () => {
    const { code, findings, stderr } = scan(project('FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/index.js"]\n'));
    assert.equal(code, 0, stderr);
    const crossFile = findings.find((f) => f.ruleId === 'service-runs-as-root');
    assert.ok(crossFile, JSON.stringify(findings, null, 2));
    assert.equal(crossFile.file, 'compose.yaml');
    assert.equal(crossFile.code, 'DG219');
    assert.deepEqual([crossFile.line, crossFile.column], [3, 5]);
    assert.match(crossFile.message, /built from \.\/api\/Dockerfile, and its final stage has no USER/);
    assert.ok(
      findings.some((f) => f.file === 'api/Dockerfile' && f.ruleId === 'root-user'),
      'the Dockerfile itself is analysed too',
    );
  });

  it('reports nothing about the service once its Dockerfile switches to a non-root user', () => {
    const { findings } = scan(project('FROM node:22-alpine\nCOPY . /app\nUSER node\nCMD ["node", "/app/index.js"]\n'));
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'service-runs-as-root' || f.ruleId === 'root-user'),
      [],
    );
  });

  it('reads only regular files: a service building from /dev/zero or a FIFO neither hangs nor fills memory', () => {
    const dir = workspace({
      'compose.yaml': 'services:\n  zero:\n    build:\n      context: .\n      dockerfile: /dev/zero\n',
      'compose.fifo.yaml': 'services:\n  fifo:\n    build:\n      context: .\n      dockerfile: ./pipe\n',
    });
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const started = Date.now();
    const run = runCli(['-f', 'json', '.'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(Date.now() - started < 20_000);
    const files = new Set((JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file));
    assert.deepEqual([...files].sort(), ['compose.fifo.yaml', 'compose.yaml']);
    assert.match(run.stderr, /compose\.yaml: did not read \/dev\/zero: it is outside the paths given/);
    assert.match(run.stderr, /compose\.fifo\.yaml: did not read pipe: it is not a regular file/);
  });

  it('reports, and does not read, a Dockerfile outside the paths given; reads it once its folder is given', () => {
    const dir = workspace({
      'shared/Dockerfile': 'FROM node:22-alpine\nCMD ["node", "index.js"]\n',
      'app/compose.yaml': 'services:\n  api:\n    build:\n      context: ../shared\n    read_only: true\n',
    });
    const narrow = runCli(['-f', 'json', 'app'], { cwd: dir });
    assert.equal(narrow.code, 0, narrow.stderr);
    assert.ok(!(JSON.parse(narrow.stdout) as { ruleId: string }[]).some((f) => f.ruleId === 'service-runs-as-root'));
    assert.match(narrow.stderr, /app\/compose\.yaml: did not read shared\/Dockerfile: it is outside the paths given/);
    const wide = runCli(['-f', 'json', 'app', 'shared'], { cwd: dir });
    assert.ok(
      (JSON.parse(wide.stdout) as { ruleId: string }[]).some((f) => f.ruleId === 'service-runs-as-root'),
      wide.stdout,
    );
    assert.doesNotMatch(wide.stderr, /did not read/);
  });

  it('analyses the files a compose file includes or extends as compose files, whatever their names, inside the paths given only', () => {
    const dir = workspace({
      'app/compose.yaml': 'include:\n  - stack/db.yml\n  - ../outside.yml\nservices:\n  api:\n    extends:\n      file: common/base.yml\n      service: base\n',
      'app/stack/db.yml': 'services:\n  db:\n    image: postgres:16\n    privileged: true\n',
      'app/common/base.yml': 'services:\n  base:\n    image: a:1\n    pid: host\n',
      'outside.yml': 'services:\n  x:\n    image: x:1\n    privileged: true\n',
    });
    const result = runCli(['--format', 'json', 'app'], { cwd: dir });
    const findings: JsonFinding[] = JSON.parse(result.stdout || '[]');
    const files = new Set(findings.map((f) => f.file));
    assert.ok(
      findings.some((f) => f.file === 'app/stack/db.yml' && f.ruleId === 'privileged' && f.line === 4),
      JSON.stringify([...files]),
    );
    assert.ok(
      findings.some((f) => f.file === 'app/common/base.yml' && f.ruleId === 'host-namespace' && f.line === 4),
      JSON.stringify([...files]),
    );
    assert.ok(![...files].some((f) => f.includes('outside')), 'a file outside the paths given is not analysed');
  });

  it('reads a Dockerfile’s entrypoint script from its directory: a drop to a user lowers root-user to a note in every format', () => {
    const dir = workspace({
      Dockerfile: 'FROM debian:12\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
      'docker-entrypoint.sh': '#!/bin/sh\nif [ "$(id -u)" = 0 ]; then\n  exec gosu app "$0" "$@"\nfi\nexec "$@"\n',
    });
    const { findings } = scan(dir);
    const root = findings.find((f) => f.ruleId === 'root-user');
    assert.equal(root?.severity, 'info');
    assert.match(String(root?.message), /entrypoint script docker-entrypoint\.sh drops to app with gosu/);
    assert.equal(runCli(['--fail-on', 'warning', 'Dockerfile'], { cwd: dir }).code, 0, 'a note does not fail --fail-on warning');
    const sarif = JSON.parse(runCli(['--format', 'sarif', 'Dockerfile'], { cwd: dir }).stdout);
    assert.equal(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'DG101' || r.ruleId === 'root-user')?.level, 'note');
    const strict = workspace({
      Dockerfile: 'FROM debian:12\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
      'docker-entrypoint.sh': 'exec "$@"\n',
    });
    assert.equal(runCli(['--fail-on', 'warning', 'Dockerfile'], { cwd: strict }).code, 1, 'a script that never drops keeps the warning');
  });
});
