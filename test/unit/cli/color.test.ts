import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { shouldColor } from '../../../server/src/cli/color';
import { CLI, ensureBuilt, runCli, workspace } from '../../support/cli';

const ESCAPE = '\u001b[';
const DOCKERFILE = { Dockerfile: 'FROM alpine:3.23\n' };

/** Runs the CLI on a pseudo-terminal (util-linux `script`), as in an interactive shell. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv): string {
  ensureBuilt();
  const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: workspace(DOCKERFILE),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color', ...env },
  });
  assert.equal(result.error, undefined);
  return result.stdout;
}

describe('CLI colours', () => {
  it('colours the text report on a terminal, and not when NO_COLOR is set or with --no-color', () => {
    assert.ok(onTerminal(['Dockerfile'], {}).includes(`${ESCAPE}33mwarning`), 'warnings in yellow on a terminal');
    assert.ok(!onTerminal(['Dockerfile'], { NO_COLOR: '1' }).includes(ESCAPE));
    assert.ok(!onTerminal(['--no-color', 'Dockerfile'], {}).includes(ESCAPE));
    assert.ok(!onTerminal(['Dockerfile'], { TERM: 'dumb' }).includes(ESCAPE));
  });

  it('writes no colour into a pipe unless FORCE_COLOR or --color asks for it', () => {
    const dir = workspace(DOCKERFILE);
    assert.ok(!runCli(['Dockerfile'], { cwd: dir }).stdout.includes(ESCAPE));
    assert.ok(runCli(['Dockerfile'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout.includes(ESCAPE));
    assert.ok(runCli(['--color', 'Dockerfile'], { cwd: dir }).stdout.includes(ESCAPE));
    assert.ok(!runCli(['--color', '--no-color', 'Dockerfile'], { cwd: dir }).stdout.includes(ESCAPE), 'the last flag wins');
    assert.ok(!runCli(['--color', '-f', 'json', 'Dockerfile'], { cwd: dir }).stdout.includes(ESCAPE), 'machine formats never');
  });

  it('decides in this order: flag, FORCE_COLOR, NO_COLOR, terminal', () => {
    assert.equal(shouldColor(false, { FORCE_COLOR: '1' }, true), false);
    assert.equal(shouldColor(true, { NO_COLOR: '1' }, false), true);
    assert.equal(shouldColor(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false), true);
    assert.equal(shouldColor(undefined, { FORCE_COLOR: '0' }, true), false);
    assert.equal(shouldColor(undefined, { FORCE_COLOR: 'false' }, true), false);
    assert.equal(shouldColor(undefined, { NO_COLOR: '' }, true), true, 'an empty NO_COLOR does not count');
    assert.equal(shouldColor(undefined, {}, false), false);
  });
});
