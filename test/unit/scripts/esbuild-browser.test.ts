// The browser builds' guards (scripts/esbuild-browser.mjs): a Node built-in fails the build, a patch whose text is
// gone fails it too, and the rule pages built into the web worker give the hover what the full pages give it.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { findingHover } from '../../../server/src/lsp/hover';
import { REPO_ROOT } from '../../support/cli';
import { tempDir } from '../../support/temp-dir';

interface BrowserBuild {
  noNodeBuiltins: esbuild.Plugin;
  browserPatches: esbuild.Plugin;
  hoverSections(page: string): string;
}

const load = async (): Promise<BrowserBuild> => import(pathToFileURL(join(REPO_ROOT, 'scripts', 'esbuild-browser.mjs')).href);

async function bundle(entry: string, plugins: esbuild.Plugin[]): Promise<string> {
  try {
    await esbuild.build({ entryPoints: [entry], bundle: true, write: false, platform: 'browser', logLevel: 'silent', plugins });
    return '';
  } catch (error) {
    return (error as esbuild.BuildFailure).errors.map((e) => e.text).join('\n');
  }
}

describe('browser builds', () => {
  it('fail on any Node built-in, however it is named, and say who imported it', async () => {
    const { noNodeBuiltins } = await load();
    const dir = tempDir('dockguard-browser-build');
    for (const name of ['fs', 'node:path', 'path/posix', 'node:worker_threads']) {
      const entry = join(dir, 'entry.js');
      writeFileSync(entry, `import * as m from '${name}';\nconsole.log(m);\n`);
      const errors = await bundle(entry, [noNodeBuiltins]);
      assert.match(errors, new RegExp(`"${name}" is a Node built-in, imported by .*entry\\.js`), name);
    }
    const clean = join(dir, 'clean.js');
    writeFileSync(clean, 'console.log(new TextEncoder().encode("x"));\n');
    assert.equal(await bundle(clean, [noNodeBuiltins]), '');
  });

  it('fail when a patched dependency no longer has the text the patch replaces', async () => {
    const { browserPatches } = await load();
    const lib = join(tempDir('dockguard-browser-patch'), 'node_modules', 'dockerfile-ast', 'lib');
    mkdirSync(lib, { recursive: true });
    writeFileSync(join(lib, 'util.js'), 'exports.isUTF8BOM = (char) => char === "\\ufeff";\n');
    assert.match(await bundle(join(lib, 'util.js'), [browserPatches]), /no longer contains `Uint8Array\.from\(Buffer\.from\(char, "UTF-8"\)\)`/);
  });

  it('build in, for every rule, the Why the hover summarises from its full page', async () => {
    const { hoverSections } = await load();
    const rulesDir = join(REPO_ROOT, 'docs', 'rules');
    const pages = readdirSync(rulesDir).filter((name) => name.endsWith('.md') && name !== 'README.md');
    assert.ok(pages.length > 40);
    for (const name of pages) {
      const ruleId = name.slice(0, -3);
      const full = readFileSync(join(rulesDir, name), 'utf8');
      const cut = hoverSections(full);
      assert.ok(cut.length < full.length, ruleId);
      const finding = {
        ruleId,
        code: 'DG000',
        severity: 'warning' as const,
        message: 'm',
        messageId: 'm',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        fixes: [],
      };
      const hover = (page: string) => findingHover([finding], { line: 0, character: 0 }, () => page);
      assert.equal(hover(cut), hover(full), ruleId);
      assert.match(hover(cut)!, /\*\*Why\.\*\*/, ruleId);
    }
  });
});
