import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main, type Engine, type Io } from '../../../server/src/cli';
import { analyze } from '../../../server/src/engine/analyze';
import { fixAll } from '../../../server/src/engine/fix-all';
import type { DockerfileRule } from '../../../server/src/engine/rule';
import { dockerfileRules } from '../../../server/src/engine/rules';
import { workspace } from '../../support/cli';

const ROOT_DOCKERFILE = 'FROM alpine:3.23\nCMD ["sh"]\n';

function capture(): Io & { out: string; err: string } {
  const io = { out: '', err: '', env: {}, stdoutIsTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** Runs the CLI in this process from `cwd`. */
function inProcess(args: string[], cwd: string, engine?: Engine) {
  const io = capture();
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    return { code: main(args, io, engine), stdout: io.out, stderr: io.err };
  } finally {
    process.chdir(previous);
  }
}

describe('CLI: a failure in one file is contained', () => {
  const dir = () => workspace({ 'a/Dockerfile': 'FROM alpine:3.23\n# crash here\n', 'b/Dockerfile': ROOT_DOCKERFILE });
  const crashing: Engine = {
    analyze: (text, options) => {
      if (text.includes('crash here')) throw new RangeError('Maximum call stack size exceeded');
      return analyze(text, options);
    },
    fixAll,
  };

  it('reports the file it could not analyse, goes on with the others, and exits 2 (not 1)', () => {
    const run = inProcess(['--fail-on', 'info', '-f', 'json', '.'], dir(), crashing);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /dockguard: a\/Dockerfile: could not be analysed: Maximum call stack size exceeded/);
    assert.deepEqual(
      (JSON.parse(run.stdout) as { file: string; ruleId: string }[]).map((f) => `${f.file} ${f.ruleId}`),
      ['b/Dockerfile root-user'],
    );
  });

  it('also when the failure comes during --fix, leaving that file as it was', () => {
    const engine: Engine = {
      analyze,
      fixAll: (text, options) => {
        if (text.includes('crash here')) throw new Error('the fix did not converge');
        return fixAll(text, options);
      },
    };
    // ADD of a local file: a safe fix (root-user's USER is a suggestion, never applied by --fix).
    const project = workspace({ 'a/Dockerfile': 'FROM alpine:3.23\n# crash here\n', 'b/Dockerfile': 'FROM alpine:3.23\nUSER app\nADD app.sh /app/\n' });
    const run = inProcess(['--fix', '.'], project, engine);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /a\/Dockerfile: could not be analysed: the fix did not converge/);
    assert.equal(readFileSync(join(project, 'a', 'Dockerfile'), 'utf8'), 'FROM alpine:3.23\n# crash here\n');
    assert.match(run.stderr, /applied 1 fix\./);
    assert.equal(readFileSync(join(project, 'b', 'Dockerfile'), 'utf8'), 'FROM alpine:3.23\nUSER app\nCOPY app.sh /app/\n');
  });

  it('reports a rule that throws as a failed analysis (exit 2), keeping the other rules findings', (t) => {
    const rule = dockerfileRules.find((r) => r.meta.id === 'unpinned-base-image')!;
    t.mock.method(rule as Required<DockerfileRule>, 'check', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'tag')");
    });
    const run = inProcess(['-f', 'json', 'b'], dir());
    assert.equal(run.code, 2);
    assert.match(run.stderr, /b\/Dockerfile: This file could not be analysed: rule unpinned-base-image failed: Cannot read properties of undefined/);
    assert.ok((JSON.parse(run.stdout) as { ruleId: string }[]).some((f) => f.ruleId === 'root-user'));
  });
});
