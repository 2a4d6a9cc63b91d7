// The README's recipes, checked against what they name and run as written where this machine can run them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseCliArgs, USAGE } from '../../server/src/cli/options';
import { REPOSITORY_URL } from '../../server/src/docs-location';
import { WEB_WORKER_HOST_SETTINGS } from '../e2e/code-server';
import { readAction, runCompositeAction } from '../support/actions-runner';
import { REPO_ROOT, runCli, workspace } from '../support/cli';
import { codeBlock, codeBlocks, README } from '../support/readme';
import { repositoryCopy, run } from '../support/release-copy';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const INSECURE = {
  'app/Dockerfile': 'FROM alpine:3.23\nRUN wget --no-check-certificate -O- https://example.com/x.sh | sh\n',
  'compose.yaml': 'services:\n  app:\n    build: ./app\n    privileged: true\n',
};

interface WorkflowStep {
  id?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string>;
}

describe('README', () => {
  it('links and images are absolute, so they work on the Marketplace, Open VSX and npm', () => {
    const targets = [...README.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(targets.length > 5);
    for (const target of targets) assert.match(target, /^(https:\/\/|#)/, target);
    for (const target of targets.filter((t) => t.startsWith(`${REPOSITORY_URL}/blob/main/`) || t.startsWith(`${REPOSITORY_URL}/tree/main/`))) {
      const file = target.replace(/^.*\/(blob|tree)\/main\//, '').replace(/#.*$/, '');
      assert.doesNotThrow(() => readFileSync(join(REPO_ROOT, file.endsWith('/') || !file.includes('.') ? join(file, 'README.md') : file)), target);
    }
  });

  it('never tells a workflow to run npx dockguard (it is not on npm yet)', () => {
    for (const block of codeBlocks().filter((b) => b.language === 'yaml')) assert.doesNotMatch(block.code, /npx\s+dockguard/, block.section);
  });

  it('shows the setting that runs dockguard in the web worker host as the web e2e test and the demo use it', () => {
    assert.deepEqual(JSON.parse(`{${codeBlock('json', 'remote.extensionKind')}}`), WEB_WORKER_HOST_SETTINGS);
  });

  it('documents every CLI option the CLI has', () => {
    for (const option of USAGE.match(/--[a-z-]+/g)!) assert.ok(README.includes(`\`${option}`) || README.includes(` ${option}`), option);
  });

  describe('GitHub Actions workflow', () => {
    const workflow = parse(codeBlock('yaml', 'github/codeql-action/upload-sarif')) as {
      permissions?: Record<string, string>;
      jobs: Record<string, { permissions?: Record<string, string>; steps: WorkflowStep[] }>;
    };
    const job = Object.values(workflow.jobs)[0];
    const step = job.steps.find((s) => s.uses?.startsWith('dockguard/dockguard@'))!;
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;

    it('uses this repository as the action, with inputs it has, at the package version', () => {
      assert.equal(`https://github.com/${step.uses!.split('@')[0]}`, REPOSITORY_URL);
      assert.equal(step.uses!.split('@')[1], `v${manifest.version}`);
      const action = readAction(REPO_ROOT);
      for (const input of Object.keys(step.with ?? {})) assert.ok(input in action.inputs, `${input} is an input of action.yml`);
    });

    it('uploads the SARIF report the action wrote, also when dockguard failed the job, with the permission it needs', () => {
      assert.equal(job.permissions?.['security-events'] ?? workflow.permissions?.['security-events'], 'write');
      assert.match(upload.if ?? '', /!cancelled\(\)|always\(\)/);
      assert.match(upload.with!.sarif_file, new RegExp(`steps\\.${step.id}\\.outputs\\.sarif-file`));
      assert.ok('sarif-file' in readAction(REPO_ROOT).outputs);
    });

    it('runs as written: the action step with its inputs fails on the findings and leaves the report to upload', () => {
      const dir = workspace(INSECURE, 'dockguard-readme-workflow');
      const skip = (s: { uses?: string; run?: string }) => Boolean(s.uses || s.run?.startsWith('npm ci'));
      const result = runCompositeAction(repositoryCopy(), { workspace: dir, with: step.with, skip });
      assert.equal(result.status, 1, result.stderr);
      assert.equal(result.outputs['sarif-file'], 'dockguard.sarif');
      const log = JSON.parse(readFileSync(join(dir, result.outputs['sarif-file']), 'utf8'));
      assert.ok(log.runs[0].results.length > 0);
    });
  });

  it('GitLab CI job runs as written (with this checkout instead of the clone) and writes a Code Quality report', () => {
    const job = Object.values(
      parse(codeBlock('yaml', 'codequality:')) as Record<string, { script: string[]; artifacts: { reports: { codequality: string } } }>,
    )[0];
    const [clone, build, report, gate] = job.script;
    assert.match(clone, /^git clone --depth 1 --branch v[\d.]+ https:\/\/github\.com\/dockguard\/dockguard\.git \/tmp\/dockguard$/);
    assert.equal(clone.split(' ')[5], `v${manifest.version}`);
    const checkout = repositoryCopy();
    const local = (line: string) => line.replaceAll('/tmp/dockguard', checkout);
    // `npm ci` needs the registry; the copy already has node_modules.
    assert.ok(build.includes('npm ci --ignore-scripts --no-audit --no-fund && '));
    assert.equal(run('sh', ['-c', local(build.replace('npm ci --ignore-scripts --no-audit --no-fund && ', ''))], REPO_ROOT).status, 0);
    const dir = workspace(INSECURE, 'dockguard-readme-gitlab');
    assert.equal(run('sh', ['-c', local(report)], dir).status, 0);
    const issues = JSON.parse(readFileSync(join(dir, job.artifacts.reports.codequality), 'utf8'));
    assert.ok(issues.some((i: { check_name: string; location: { path: string } }) => i.check_name === 'privileged' && i.location.path === 'compose.yaml'));
    assert.equal(run('sh', ['-c', local(gate)], dir).status, 1);
  });

  it('pre-commit configuration names this repository, the package version and hooks that exist', () => {
    const config = parse(codeBlock('yaml', 'repos:')) as { repos: { repo: string; rev: string; hooks: { id: string; args?: string[] }[] }[] };
    const hookIds = (parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[]).map((h) => h.id);
    const [entry] = config.repos;
    assert.equal(entry.repo, REPOSITORY_URL);
    assert.equal(entry.rev, `v${manifest.version}`);
    for (const hook of entry.hooks) {
      assert.ok(hookIds.includes(hook.id), hook.id);
      assert.doesNotThrow(() => parseCliArgs([...(hook.args ?? []), 'Dockerfile']));
    }
    assert.ok(codeBlock('yaml', 'repos:').includes('dockguard-fix'), 'the fix hook is mentioned');
  });

  it('stdin examples run as written', () => {
    const dir = workspace({ Dockerfile: 'FROM alpine:3.23\n', 'x.yml': 'services:\n  a:\n    image: nginx:1.27\n    privileged: true\n' });
    for (const line of codeBlock('sh', 'cat Dockerfile | dockguard -').split('\n').filter(Boolean)) {
      const command = line
        .replace(/#.*$/, '')
        .trim()
        .replace(/\bdockguard\b/, `"${process.execPath}" "${join(REPO_ROOT, 'dist', 'cli.js')}"`);
      const result = run('sh', ['-c', command], dir);
      assert.ok(result.status === 0 || result.status === 1, `${line}: ${result.stderr}`);
      assert.match(result.stdout, /(<stdin>|compose\.prod\.yaml):\d+:\d+ /, line);
    }
    assert.equal(runCli(['--version'], { cwd: dir }).code, 0);
  });
});
