import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { NotWritten, writeFixed, WriteScope } from '../../../server/src/cli/safe-write';
import { runCli, workspace } from '../../support/cli';

// Root (a suggestion, never applied by --fix) and an ADD of a local file (a safe fix).
const ROOT_DOCKERFILE = 'FROM alpine:3.23\nADD app.sh /app/\nCMD ["sh"]\n';
const FIXED_DOCKERFILE = 'FROM alpine:3.23\nCOPY app.sh /app/\nCMD ["sh"]\n';

const filesOf = (stdout: string) => [...new Set((JSON.parse(stdout) as { file: string }[]).map((f) => f.file))].sort();

describe('CLI directory walk', () => {
  it('survives symbolic link loops and analyses each real file once', () => {
    const dir = workspace({
      'proj/Dockerfile': ROOT_DOCKERFILE,
      'proj/a/Dockerfile': ROOT_DOCKERFILE,
      'proj/a/up': { link: '..' },
      'proj/a/self': { link: '.' },
      'proj/a/Dockerfile.same': { link: 'Dockerfile' },
      'proj/b/c': { link: '../b' },
    });
    const run = runCli(['-f', 'json', 'proj'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(filesOf(run.stdout), ['proj/Dockerfile', 'proj/a/Dockerfile']);
  });

  it('follows links that stay inside the path given, never one that leads out of it', () => {
    const dir = workspace({
      'outside/Dockerfile': ROOT_DOCKERFILE,
      'outside/deep/compose.yaml': 'services:\n  x:\n    image: nginx:1.27\n',
      'proj/shared/Dockerfile.base': ROOT_DOCKERFILE,
      'proj/svc/Dockerfile': { link: '../shared/Dockerfile.base' },
      'proj/ext': { link: '../outside' },
      'proj/Dockerfile.ext': { link: '../outside/Dockerfile' },
    });
    const run = runCli(['-f', 'json', 'proj'], { cwd: dir });
    assert.deepEqual(filesOf(run.stdout), ['proj/shared/Dockerfile.base']);
    assert.match(run.stderr, /skipped proj\/Dockerfile\.ext: a symbolic link to .*outside\/Dockerfile, outside the path given/);
    assert.match(run.stderr, /skipped proj\/ext: a symbolic link to .*outside, outside the path given/);
    assert.equal(run.code, 0, 'links left alone are notes, not failures');
  });
});

describe('CLI --fix writes safely', () => {
  it('replaces the file atomically (a new file renamed over it), keeping its mode, leaving no temporary file', () => {
    const dir = workspace({ 'proj/Dockerfile': ROOT_DOCKERFILE });
    const file = join(dir, 'proj', 'Dockerfile');
    chmodSync(file, 0o640);
    const inode = statSync(file).ino;
    const run = runCli(['--fix', 'proj'], { cwd: dir });
    assert.match(run.stderr, /applied 1 fix/);
    assert.equal(readFileSync(file, 'utf8'), FIXED_DOCKERFILE);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.notEqual(statSync(file).ino, inode, 'renamed over, not rewritten in place');
    assert.deepEqual(readdirSync(join(dir, 'proj')), ['Dockerfile']);
  });

  it('never writes through a symbolic link to outside the paths given', () => {
    const dir = workspace({ 'outside/Dockerfile': ROOT_DOCKERFILE, 'proj/Dockerfile': { link: '../outside/Dockerfile' } });
    const run = runCli(['--fix', 'proj/Dockerfile'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /proj\/Dockerfile: not fixed: it is a symbolic link to .*outside\/Dockerfile, outside the paths given/);
    assert.equal(readFileSync(join(dir, 'outside', 'Dockerfile'), 'utf8'), ROOT_DOCKERFILE);
    assert.ok(lstatSync(join(dir, 'proj', 'Dockerfile')).isSymbolicLink());
    assert.match(run.stdout, /DG101 root-user/, 'the findings are still reported');
  });

  it('writes through a link that stays inside the directory given, and the link stays a link', () => {
    const dir = workspace({ 'proj/base/Dockerfile': ROOT_DOCKERFILE, 'proj/app/Dockerfile': { link: '../base/Dockerfile' } });
    runCli(['--fix', 'proj/app/Dockerfile', 'proj'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'proj', 'base', 'Dockerfile'), 'utf8'), FIXED_DOCKERFILE);
    assert.ok(lstatSync(join(dir, 'proj', 'app', 'Dockerfile')).isSymbolicLink());
  });

  it('does not write a file that changed since it was read', () => {
    const dir = workspace({ Dockerfile: ROOT_DOCKERFILE });
    const file = join(dir, 'Dockerfile');
    const scope = new WriteScope([dir]);
    writeFileSync(file, ROOT_DOCKERFILE + '# edited meanwhile\n');
    assert.throws(
      () => writeFixed(file, Buffer.from(ROOT_DOCKERFILE), FIXED_DOCKERFILE, scope),
      (e: Error) => e instanceof NotWritten && /changed since/.test(e.message),
    );
    assert.equal(readFileSync(file, 'utf8'), ROOT_DOCKERFILE + '# edited meanwhile\n');
    writeFixed(file, Buffer.from(ROOT_DOCKERFILE + '# edited meanwhile\n'), FIXED_DOCKERFILE, scope);
    assert.equal(readFileSync(file, 'utf8'), FIXED_DOCKERFILE);
    assert.deepEqual(readdirSync(dir), ['Dockerfile']);
  });
});
