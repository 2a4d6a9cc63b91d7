// `npm test`: build, type-check, then unit, protocol and end-to-end tests, each with node's test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOTALS = fileURLToPath(new URL('./test-totals.mjs', import.meta.url));

const only = process.argv.slice(2); // e.g. `npm test -- unit lsp`
const suites = only.length ? only : ['unit', 'lsp', 'e2e'];

// The CLI, the server and VS Code that the tests spawn judge end-of-life dates as on this day, as the engine's own
// tests do (AnalyzeOptions.now): the fixtures' base images must not reach their end of life under a passing suite.
const FIXED_DAY = { DOCKGUARD_TODAY: '2026-12-05' };

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...FIXED_DAY, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

function testFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...testFiles(full));
    else if (name.endsWith('.test.ts')) files.push(full);
  }
  return files.sort();
}

if (!existsSync('node_modules')) run('npm', ['ci']); // a fresh clone: `npm test` installs what it builds with
run(process.execPath, ['esbuild.mjs']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '-b']);
// The linter keeps the engine free of Node and editor imports; the formatter keeps every file in one layout.
run(process.execPath, ['node_modules/eslint/bin/eslint.js', '.']);
run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn']);
for (const suite of suites) {
  if (suite === 'e2e') {
    run(process.execPath, ['test/e2e/run.mjs']);
    continue;
  }
  const files = testFiles(join('test', suite));
  console.log(`\n▶ ${suite}: ${files.length} test files`);
  // Dots while it runs, failures in full, then the totals (scripts/test-totals.mjs).
  const reporters = ['--test-reporter=dot', '--test-reporter-destination=stdout', `--test-reporter=${TOTALS}`, '--test-reporter-destination=stdout'];
  run(process.execPath, ['--import', 'tsx', '--test', ...reporters, ...files], { DOCKGUARD_SUITE: suite });
}
