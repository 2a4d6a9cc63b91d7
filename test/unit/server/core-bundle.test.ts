// The server core must run in a web worker (VS Code for the web) as well as in Node: bundled for the browser, it
// needs no Node built-in. ESLint keeps them out of its own files; this catches one reached through a dependency.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..', '..');

describe('server core bundle', () => {
  it('builds for the browser: nothing it reaches imports a Node built-in', async () => {
    const result = await build({
      entryPoints: [join(root, 'server', 'src', 'lsp', 'server-core.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    assert.deepEqual(result.errors, []);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(
      inputs.some((input) => input.includes('server/src/engine/analyze.ts')),
      'the engine is in the bundle',
    );
    assert.ok(
      !inputs.some((input) => /server\/src\/(node|cli)\//.test(input)),
      `no Node host module: ${inputs.filter((i) => /server\/src\/(node|cli)\//.test(i))}`,
    );
  });
});
