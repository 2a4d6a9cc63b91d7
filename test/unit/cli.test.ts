import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { tempDir } from '../support/temp-dir';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

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
  const result = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, findings: JSON.parse(result.stdout || '[]'), stderr: result.stderr };
}

describe('CLI: compose files and the Dockerfiles their services build from', () => {
  // `node scripts/test-all.mjs` builds first; a lone run of this file builds the bundle when it is missing.
  before(() => {
    if (!existsSync(CLI)) assert.equal(spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' }).status, 0);
  });

  function project(dockerfile: string): string {
    const dir = tempDir('dockguard-cli-compose');
    mkdirSync(join(dir, 'api'));
    writeFileSync(join(dir, 'api', 'Dockerfile'), dockerfile);
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  api:\n    build: ./api\n    ports:\n      - "127.0.0.1:8080:8080"\n');
    return dir;
  }

  it('finds compose.yaml and reports a service built from a Dockerfile that runs as root', () => {
    const { code, findings, stderr } = scan(project('FROM node:20-alpine\nCOPY . /app\nCMD ["node", "/app/index.js"]\n'));
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
    const { findings } = scan(project('FROM node:20-alpine\nCOPY . /app\nUSER node\nCMD ["node", "/app/index.js"]\n'));
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'service-runs-as-root' || f.ruleId === 'root-user'),
      [],
    );
  });
});
