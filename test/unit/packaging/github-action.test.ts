// The GitHub Action run as the Actions runner runs it: its composite steps in bash, inputs as INPUT_* variables,
// outputs through $GITHUB_OUTPUT. The action builds the CLI inside its own checkout (a copy of this repository).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { REPO_ROOT, workspace } from '../../support/cli';
import { parseOutputFile, readAction, runCompositeAction, type ActionStep } from '../../support/actions-runner';
import { repositoryCopy } from '../../support/release-copy';
import { sarifSchemaErrors } from '../../support/sarif-schema';
import { tempDir } from '../../support/temp-dir';

const PROJECT = {
  'services/api/Dockerfile': 'FROM node:22-alpine\nRUN curl -k https://example.com/setup.sh | sh\nCMD ["node", "server.js"]\n',
  'compose.yaml': 'services:\n  api:\n    build: ./services/api\n    ports:\n      - "127.0.0.1:3000:3000"\n',
};

let actionPath: string;

/**
 * setup-node and `npm ci` need the network, which this machine does not have for GitHub or a fresh install; the
 * copy already holds node_modules and runs on Node 20+. Both steps are checked to be exactly that.
 */
function skipNetworkSteps(step: ActionStep): boolean {
  if (step.uses) {
    assert.match(step.uses, /^actions\/setup-node@v\d+$/);
    // The Node it sets up meets the package's engines, as the Node these steps run on here does.
    const minimum = Number(/\d+/.exec(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).engines.node)![0]);
    assert.ok(Number(step.with?.['node-version']) >= minimum, String(step.with?.['node-version']));
    assert.ok(Number(process.versions.node.split('.')[0]) >= minimum);
    return true;
  }
  if (step.run?.startsWith('npm ci')) {
    assert.equal(step.run, 'npm ci --ignore-scripts --no-audit --no-fund');
    assert.equal(step['working-directory'], '${{ github.action_path }}');
    return true;
  }
  return false;
}

function runAction(project: Record<string, string>, inputs: Record<string, string> = {}) {
  const dir = workspace(project, 'dockguard-action-workspace');
  return { dir, run: runCompositeAction(actionPath, { workspace: dir, with: inputs, skip: skipNetworkSteps }) };
}

before(() => {
  actionPath = repositoryCopy();
});

describe('GitHub Action (action.yml)', () => {
  it('builds the CLI in its checkout, writes SARIF, annotates the findings, and fails on an error finding', () => {
    const { dir, run } = runAction(PROJECT);
    assert.deepEqual(run.ran, ['Build dockguard', 'Run dockguard']);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(run.outputs, { 'sarif-file': 'dockguard.sarif', findings: run.outputs.findings, 'exit-code': '1' });
    const log = JSON.parse(readFileSync(join(dir, 'dockguard.sarif'), 'utf8'));
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.equal(Number(run.outputs.findings), log.runs[0].results.length);
    assert.ok(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'verification-disabled'));
    assert.match(run.stdout, /^::error file=services\/api\/Dockerfile,line=2,.*title=DG110 verification-disabled::/m);
    assert.match(run.summary, /### dockguard\n\n\d+ findings; check failed: findings at or above `error`/);
  });

  it('passes with fail-on: none and still writes the report; prints the text report when annotations are off', () => {
    const { dir, run } = runAction(PROJECT, { 'fail-on': 'none', annotations: 'false', path: 'services\ncompose.yaml' });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(Number(run.outputs.findings) > 0 && existsSync(join(dir, 'dockguard.sarif')));
    assert.match(run.stdout, /^services\/api\/Dockerfile:2:\d+ {2}error {4}DG110/m);
    assert.doesNotMatch(run.stdout, /^::/m);
    assert.match(run.summary, /check passed/);
  });

  it('fails with exit 2 when it cannot write the report', () => {
    const { run } = runAction(PROJECT, { 'fail-on': 'none', 'sarif-file': 'no-such-folder/dockguard.sarif' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot write no-such-folder\/dockguard\.sarif/);
    assert.equal(run.outputs['sarif-file'], '', 'no report, no output to upload');
  });

  it('reports a path it cannot read in the SARIF report and fails with exit 2', () => {
    const { dir, run } = runAction(PROJECT, { path: 'compose.yaml missing' });
    assert.equal(run.status, 2);
    assert.equal(run.outputs['exit-code'], '2');
    const log = JSON.parse(readFileSync(join(dir, 'dockguard.sarif'), 'utf8'));
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.match(run.stdout, /^::error file=missing,title=dockguard could not analyse this file::cannot read/m);
  });

  it('rejects an unknown fail-on with an annotation', () => {
    const { run } = runAction(PROJECT, { 'fail-on': 'critical' });
    assert.equal(run.status, 2);
    assert.match(run.stdout, /^::error title=dockguard::fail-on must be one of error, warning, info, none, not "critical"$/m);
  });

  it('reads inputs as the runner names them for JavaScript actions too (INPUT_FAIL-ON)', () => {
    const dir = workspace(PROJECT, 'dockguard-action-workspace');
    const output = join(tempDir('dockguard-action-output'), 'output');
    const entry = spawnSync(process.execPath, [join(actionPath, 'scripts', 'github-action.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, 'INPUT_FAIL-ON': 'none', 'INPUT_SARIF-FILE': 'out.sarif', INPUT_PATH: '.', GITHUB_OUTPUT: output },
    });
    assert.equal(entry.status, 0, entry.stderr);
    assert.equal(parseOutputFile(readFileSync(output, 'utf8'))['sarif-file'], 'out.sarif');
  });

  it('declares every input and output with a description, and passes every input to its entry', () => {
    const action = readAction(REPO_ROOT);
    const entry = readFileSync(join(REPO_ROOT, 'scripts', 'github-action.mjs'), 'utf8');
    const run = action.runs.steps.find((s) => s.id === 'dockguard')!;
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(input.description, name);
      assert.equal(run.env?.[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], `\${{ inputs.${name} }}`, `${name} reaches the entry`);
      assert.ok(entry.includes(`input('${name}'`), `the entry reads ${name}`);
    }
    for (const [name, output] of Object.entries(action.outputs)) assert.ok(output.description, name);
  });
});
