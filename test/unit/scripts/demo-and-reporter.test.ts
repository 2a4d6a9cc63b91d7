import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { WEB_WORKER_HOST_SETTINGS } from '../../e2e/code-server';
import { REPO_ROOT } from '../../support/cli';
import { tempDir } from '../../support/temp-dir';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

describe('npm run demo', () => {
  it('serves a copy of examples/, so fixes applied in the demo never change the files the tests read', () => {
    const result = spawnSync(process.execPath, ['scripts/demo.mjs', '--dry-run'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const { workspace } = JSON.parse(result.stdout) as { workspace: string };
    const examples = join(REPO_ROOT, 'examples');
    try {
      assert.ok(relative(REPO_ROOT, workspace).startsWith('..'), `${workspace} is outside the repository`);
      assert.deepEqual(files(workspace), files(examples));
      for (const file of files(examples)) assert.ok(readFileSync(join(workspace, file)).equals(readFileSync(join(examples, file))), file);
      const before = readFileSync(join(examples, 'Dockerfile'), 'utf8');
      writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\nUSER 10001\n');
      assert.equal(readFileSync(join(examples, 'Dockerfile'), 'utf8'), before);
    } finally {
      rmSync(dirname(workspace), { recursive: true, force: true });
    }
  });
});

describe('npm run demo -- --web', () => {
  it('serves VS Code with dockguard in the web worker extension host', () => {
    const result = spawnSync(process.execPath, ['scripts/demo.mjs', '--web', '--dry-run'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const { workspace, settings } = JSON.parse(result.stdout) as { workspace: string; settings: unknown };
    rmSync(dirname(workspace), { recursive: true, force: true });
    assert.deepEqual(settings, WEB_WORKER_HOST_SETTINGS);
  });
});

describe('test reporter (scripts/test-totals.mjs)', () => {
  it('prints dots, then the totals of the suite', () => {
    const dir = tempDir('dockguard-reporter');
    const file = join(dir, 'sample.test.mjs');
    writeFileSync(
      file,
      "import { describe, it } from 'node:test';\n" +
        "describe('group', () => { it('a', () => {}); it('b', () => {}); it.skip('c', () => {}); });\n" +
        "it('fails', () => { throw new Error('boom'); });\n",
    );
    const totals = join(REPO_ROOT, 'scripts', 'test-totals.mjs');
    const reporters = ['--test-reporter=dot', '--test-reporter-destination=stdout', `--test-reporter=${totals}`, '--test-reporter-destination=stdout'];
    // Without NODE_TEST_CONTEXT, which would make the child report to this test run instead of its reporters.
    const env = { ...process.env, DOCKGUARD_SUITE: 'sample', NODE_TEST_CONTEXT: undefined };
    const result = spawnSync(process.execPath, ['--test', ...reporters, file], { encoding: 'utf8', env });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^[.X]+$/m, 'dots while it runs');
    assert.match(result.stdout, /boom/, 'the failure in full');
    assert.match(result.stdout, /^sample: 2 passed, 1 failed, 1 skipped$/m);
    assert.match(result.stdout, /^\(4 tests in 1 suites, [\d.]+ s\)$/m);
  });

  it('is the reporter npm test uses for the unit and protocol suites', () => {
    assert.match(readFileSync(join(REPO_ROOT, 'scripts', 'test-all.mjs'), 'utf8'), /--test-reporter=\$\{TOTALS\}/);
  });
});
