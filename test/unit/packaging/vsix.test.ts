// The .vsix as `npm run package` makes it from a clone: no vsce warning, and only what the extension runs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { REPOSITORY_URL } from '../../../server/src/docs-location';
import { REPO_ROOT } from '../../support/cli';
import { repositoryCopy, run } from '../../support/release-copy';

let copy: string;
let output: string;
let files: string[];

before(() => {
  copy = repositoryCopy();
  const packaged = run('npm', ['run', 'package'], copy, { NO_COLOR: '1', FORCE_COLOR: '0' });
  output = packaged.stdout + packaged.stderr;
  assert.equal(packaged.status, 0, output);
  files = run('unzip', ['-Z1', join(copy, 'dockguard.vsix')], copy)
    .stdout.split('\n')
    .filter(Boolean)
    .sort();
});

describe('the .vsix', () => {
  it('packages without a warning from vsce', () => {
    assert.doesNotMatch(output, /WARNING|warn/i);
    assert.match(output, /DONE {2}Packaged: dockguard\.vsix/);
  });

  it('contains only what runs: the Node and web bundles, the rule pages, snippets, language files, schema, icon, docs', (t) => {
    const pages = readdirSync(join(REPO_ROOT, 'docs', 'rules'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `extension/docs/rules/${name}`);
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/client/language/compose-configuration.json',
      'extension/client/language/compose.tmLanguage.json',
      'extension/dist/browser/extension.js',
      'extension/dist/browser/server.js',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      ...pages,
      'extension/media/icon.png',
      'extension/package.json',
      'extension/readme.md',
      'extension/schemas/dockguard.schema.json',
      'extension/snippets/compose.json',
      'extension/snippets/dockerfile.json',
    ].sort();
    assert.deepEqual(files, expected);
    const size = statSync(join(copy, 'dockguard.vsix')).size;
    t.diagnostic(`dockguard.vsix: ${(size / 1024).toFixed(1)} KB, ${files.length} files`);
    assert.ok(size < 1024 * 1024, `${size} bytes: the bundles are minified`);
  });

  it('has a square PNG icon of a size the Marketplace takes, and repository links', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const icon = PNG.sync.read(readFileSync(join(REPO_ROOT, manifest.icon)));
    assert.ok(icon.width === icon.height && [128, 256].includes(icon.width), `${icon.width}x${icon.height}`);
    assert.equal(manifest.repository.url, `${REPOSITORY_URL}.git`);
    assert.equal(manifest.bugs.url, `${REPOSITORY_URL}/issues`);
    assert.equal(manifest.homepage, `${REPOSITORY_URL}#readme`);
    assert.equal(manifest.private, undefined, 'the CLI publishes to npm from this package');
  });
});
