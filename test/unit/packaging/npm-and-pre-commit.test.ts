// The CLI as npm and pre-commit install it: `npm pack` from a clone (prepack builds the bundle), the tarball
// installed in an empty folder, and the hook run the way pre-commit runs it on staged files.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { kindFromFileName } from '../../../server/src/engine';
import { REPO_ROOT } from '../../support/cli';
import { npm, repositoryCopy, run } from '../../support/release-copy';
import { tempDir } from '../../support/temp-dir';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
}

const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** pre-commit matches `files` with Python's re.search; a leading (?i) is Python's way of writing the i flag. */
function pythonPattern(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

let copy: string;
let tarball: string;

/** pre-commit's node environment: `npm install -g <tarball>` into its own prefix, whose bin/ goes first on PATH. */
function hookEnvironment(): NodeJS.ProcessEnv {
  const prefix = tempDir('dockguard-pre-commit-env');
  const installed = npm(['install', '-g', tarball], copy, { npm_config_prefix: prefix });
  assert.equal(installed.status, 0, installed.stderr);
  return { PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}`, NO_COLOR: '1' };
}

function runHook(hook: Hook, files: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const [command, ...entryArgs] = hook.entry.split(' ');
  return run(command, [...entryArgs, ...(hook.args ?? []), ...files], cwd, env);
}

before(() => {
  copy = repositoryCopy();
  // As pre-commit does it: `npm pack` in the clone, and its whole standard output, stripped, is the tarball's name.
  const packed = npm(['pack'], copy);
  assert.equal(packed.status, 0, packed.stderr);
  tarball = join(copy, packed.stdout.trim());
  assert.ok(existsSync(tarball), `npm pack printed only the tarball name, got ${JSON.stringify(packed.stdout)}`);
});

describe('npm package', () => {
  it('holds the CLI bundle, the rule pages and the docs, nothing else', () => {
    const listed = run('tar', ['-tzf', tarball], copy).stdout.split('\n').filter(Boolean).sort();
    const pages = listed.filter((f) => f.startsWith('package/docs/rules/'));
    assert.deepEqual(
      listed.filter((f) => !pages.includes(f)),
      ['package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/package.json'],
    );
    assert.ok(pages.includes('package/docs/rules/root-user.md') && pages.every((p) => p.endsWith('.md')));
  });

  it('installs from the tarball in an empty folder, and `npx dockguard --version` runs', () => {
    const folder = tempDir('dockguard-npm-install');
    writeFileSync(join(folder, 'package.json'), '{ "name": "consumer", "private": true }\n');
    const installed = npm(['install', tarball], folder);
    assert.equal(installed.status, 0, installed.stderr);
    const version = run('npx', ['--offline', 'dockguard', '--version'], folder);
    assert.equal(version.stdout.trim(), manifest.version, version.stderr);
    const piped = run('sh', ['-c', "printf 'FROM alpine:3.23\\n' | npx --offline dockguard -f sarif --stdin-filename Dockerfile"], folder);
    const sarif = JSON.parse(piped.stdout);
    assert.equal(sarif.runs[0].tool.driver.version, manifest.version);
    assert.deepEqual(
      sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId),
      ['root-user'],
    );
    const rootUser = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'root-user');
    assert.ok(rootUser.help.markdown.startsWith('# root-user'), 'the rule pages ship with the package');
  });
});

describe('pre-commit hooks (.pre-commit-hooks.yaml)', () => {
  it('declares node hooks that run the CLI the package installs', () => {
    assert.deepEqual(
      hooks.map((h) => h.id),
      ['dockguard', 'dockguard-fix'],
    );
    for (const hook of hooks) {
      assert.equal(hook.language, 'node');
      assert.ok(hook.name);
      assert.ok(manifest.bin[hook.entry.split(' ')[0]], `${hook.entry} is a bin of the package`);
    }
  });

  it('selects exactly the files the CLI analyses in a directory', () => {
    const samples = [
      'Dockerfile',
      'dockerfile',
      'Dockerfile.prod',
      'Dockerfile-dev',
      'api.dockerfile',
      'web.Dockerfile',
      'Containerfile',
      'Containerfile.ci',
      'base.containerfile',
      'compose.yaml',
      'compose.yml',
      'compose.prod.yaml',
      'compose-dev.yml',
      'docker-compose.yml',
      'docker-compose.override.yaml',
      'Docker-Compose.YML',
      'docker-compose-test.yaml',
      'compose.json',
      'my-compose.yaml',
      'compose.yaml.bak',
      'docker-compose.yml.orig',
      'Dockerfiles',
      'notes.md',
      'dockerfile.d/readme',
      'Makefile',
      'compose',
      'composer.yaml',
    ];
    for (const hook of hooks) {
      const pattern = pythonPattern(hook.files);
      for (const name of samples) {
        for (const path of [name, `services/api/${name}`]) {
          assert.equal(pattern.test(path), kindFromFileName(path) !== undefined, `${hook.id}: ${path}`);
        }
      }
    }
  });

  it('fails a commit that stages an insecure Dockerfile, run as pre-commit runs it, and passes once it is fixed', () => {
    const env = hookEnvironment();
    const repo = tempDir('dockguard-pre-commit-repo');
    run('git', ['init', '-q'], repo);
    const files: Record<string, string> = {
      'services/api/Dockerfile': 'FROM alpine:3.23\nRUN wget -O- https://example.com/install.sh | sh\nUSER nobody\n',
      'compose.yaml': 'services:\n  api:\n    build: ./services/api\n    privileged: true\n',
      'README.md': '# FROM ubuntu\n',
      'Dockerfile.unstaged': 'FROM ubuntu\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, name)), { recursive: true });
      writeFileSync(join(repo, name), text);
    }
    run('git', ['add', 'services/api/Dockerfile', 'compose.yaml', 'README.md'], repo);

    const hook = hooks.find((h) => h.id === 'dockguard')!;
    // The file list pre-commit passes: the staged files (git diff --staged --name-only), filtered by `files`.
    const staged = run('git', ['diff', '--staged', '--name-only', '--no-ext-diff', '-z'], repo).stdout.split('\0').filter(Boolean);
    const selected = staged.filter((f) => pythonPattern(hook.files).test(f));
    assert.deepEqual(selected.sort(), ['compose.yaml', 'services/api/Dockerfile']);

    const failing = runHook(hook, selected, repo, env);
    assert.equal(failing.status, 1, failing.stderr);
    assert.match(failing.stdout, /^services\/api\/Dockerfile:2:\d+ {2}warning {2}DG109 pipe-to-shell/m);
    assert.match(failing.stdout, /^compose\.yaml:4:5 {2}error {4}DG201 privileged/m);
    assert.doesNotMatch(failing.stdout, /Dockerfile\.unstaged|README/);

    writeFileSync(join(repo, 'compose.yaml'), 'services:\n  api:\n    build: ./services/api\n    read_only: true\n');
    const passing = runHook(hook, selected, repo, env);
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
  });

  it('dockguard-fix rewrites the files with the safe fixes (pre-commit then reports them changed)', () => {
    const env = hookEnvironment();
    const repo = tempDir('dockguard-pre-commit-fix');
    writeFileSync(join(repo, 'Dockerfile'), 'FROM alpine:3.23\nADD app.sh /app/\nUSER nobody\n');
    const fixed = runHook(
      hooks.find((h) => h.id === 'dockguard-fix')!,
      ['Dockerfile'],
      repo,
      env,
    );
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.match(fixed.stderr, /applied 1 fix/);
    assert.equal(readFileSync(join(repo, 'Dockerfile'), 'utf8'), 'FROM alpine:3.23\nCOPY app.sh /app/\nUSER nobody\n');
  });
});
