// The `e2e` suite of `npm test`: installs what is missing (Chromium, code-server), packages the extension once,
// then runs test/e2e/*.test.ts with node's test runner. Exits non-zero when anything fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const { prepare, VSIX_ENV } = await tsImport('./harness.ts', import.meta.url);
const { log, seconds } = await tsImport('./setup.ts', import.meta.url);

let prepared;
try {
  prepared = await prepare();
} catch (error) {
  console.error(`\n✖ e2e setup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const files = readdirSync(here)
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => path.join(here, name));
console.log(`\n▶ e2e: ${files.length} test files`);
// One file at a time: each starts its own code-server and browser.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, [VSIX_ENV]: prepared.vsix },
});
log(`e2e suite finished in ${seconds(started)}`);
process.exit(result.status ?? 1);
