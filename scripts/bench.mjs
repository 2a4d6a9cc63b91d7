// `npm run bench`: builds, runs every benchmark in bench/ in its own process, prints their tables and writes
// them, with a description of the machine, to bench/results/latest.md.
// `npm run bench -- lsp-latency` runs only the named benchmarks and leaves latest.md alone.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Order matters only for reading the report; each runs in a fresh process so one cannot slow the next.
const BENCHMARKS = ['dockerfile-engine', 'compose-engine', 'lsp-latency', 'compose-lsp-latency', 'lsp-memory', 'startup', 'cli'];

const selected = process.argv.slice(2);
for (const name of selected) {
  if (!BENCHMARKS.includes(name)) fail(`unknown benchmark "${name}"; known: ${BENCHMARKS.join(', ')}`);
}
const toRun = selected.length ? selected : BENCHMARKS;

run(process.execPath, ['esbuild.mjs']);
// The report describes the generated inputs; their own checks (sizes, determinism, constructs) run first.
const helperTests = fs
  .readdirSync('bench/test')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => path.join('bench/test', name));
run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', ...helperTests]);

const machineBefore = describeMachine();
const sectionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockguard-bench-sections-'));
const sections = [];
try {
  for (const name of toRun) {
    console.log(`\n▶ bench/${name}.ts`);
    const sectionFile = path.join(sectionsDir, `${name}.md`);
    // --expose-gc lets a benchmark collect garbage between sizes, so one size's garbage is not billed to the next.
    run(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${name}.ts`], { BENCH_SECTION_FILE: sectionFile });
    sections.push(fs.readFileSync(sectionFile, 'utf8'));
  }
} finally {
  fs.rmSync(sectionsDir, { recursive: true, force: true });
}

if (selected.length === 0) {
  const report = [
    '# dockguard benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.mjs); the figures depend on the machine, so compare runs on the same one. How to read them, and where the time goes: [bench/README.md](../README.md).',
    '',
    machineTable(machineBefore, describeMachine()),
    '',
    ...sections.map((s) => s.trimEnd() + '\n'),
  ].join('\n');
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/latest.md', report);
  console.log('\nWrote bench/results/latest.md');
}

function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0] ? `${cpus[0].model.trim()}${cpus[0].speed ? ` at ${cpus[0].speed} MHz` : ''}` : 'unknown',
    cores: cpus.length,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    load: os.loadavg()[0].toFixed(2),
    commit: gitCommit(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/** Load average before and after: other processes competing for the CPU make every figure slower. */
function machineTable(before, after) {
  const rows = [
    ['CPU', `${before.cpu}, ${before.cores} logical cores`],
    ['memory', before.memory],
    ['OS', before.os],
    ['Node.js', before.node],
    ['dependencies', dependencyVersions()],
    ['commit', before.commit],
    ['run', `${before.date} to ${after.date}`],
    ['1-minute load average', `${before.load} at the start, ${after.load} at the end (on ${before.cores} cores)`],
  ];
  return ['| machine | |', '| :-- | :-- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function dependencyVersions() {
  return ['dockerfile-ast', 'yaml', 'dockerfile-language-server-nodejs', 'yaml-language-server', 'dockerfile-utils', 'dockerfilelint']
    .map((name) => `${name} ${JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, 'utf8')).version}`)
    .join(', ');
}

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}
