// Do two versions of the engine report the same Dockerfile findings? Speed work must change nothing a user sees.
// `node --import tsx bench/equivalence.ts [baseline-commit]` analyses a large corpus (bench/equivalence-corpus.ts)
// with the working tree and with the baseline checked out by `git worktree add`, and lists every input whose
// findings differ in rule, range, message, severity or any fix's edits. Exit code 1 when any does.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCorpus, type CorpusEntry } from './equivalence-corpus';

/** The commit the Dockerfile speed work started from. */
const DEFAULT_BASELINE = 'd11f4ab';
/** Every Dockerfile rule on, as the benchmark runs them. */
const CONFIG = { profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] };
const SHOWN_DIFFERENCES = 15;

const root = path.resolve(__dirname, '..');

interface EngineModules {
  analyze: (text: string, options: { kind: 'dockerfile'; config: unknown }) => unknown[];
  resolveConfig: (input: unknown) => unknown;
}

/** Worker mode: analyse every corpus entry with the engine under `engineRoot`, one canonical JSON string each. */
async function work(engineRoot: string, corpusFile: string, outFile: string): Promise<void> {
  const load = (file: string) => import(pathToFileURL(path.join(engineRoot, 'server/src/engine', file)).href);
  const { analyze } = (await load('analyze.ts')) as EngineModules;
  const { resolveConfig } = (await load('config.ts')) as EngineModules;
  const config = resolveConfig(CONFIG);
  const corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8')) as CorpusEntry[];
  const results = corpus.map(({ text }) => {
    try {
      return canonical(analyze(text, { kind: 'dockerfile', config }));
    } catch (error) {
      return canonical({ threw: String(error) });
    }
  });
  fs.writeFileSync(outFile, JSON.stringify(results));
}

/** JSON with sorted keys, so two objects that hold the same values compare equal however they were built. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function git(args: string[], cwd = root): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A worktree of the baseline commit in the temp folder, sharing this tree's node_modules. */
function baselineTree(commit: string): { dir: string; remove: () => void } {
  const sha = git(['rev-parse', '--verify', `${commit}^{commit}`]);
  const dir = path.join(os.tmpdir(), `dockguard-equivalence-${sha.slice(0, 12)}-${process.pid}`);
  git(['worktree', 'add', '--detach', '--force', dir, sha]);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return {
    dir,
    remove: () => {
      try {
        git(['worktree', 'remove', '--force', dir]);
      } catch {
        fs.rmSync(dir, { recursive: true, force: true });
        git(['worktree', 'prune']);
      }
    },
  };
}

/** Runs the worker in its own process, so the two engines never share a module. */
function analyseWith(engineRoot: string, corpusFile: string, label: string): string[] {
  const outFile = path.join(path.dirname(corpusFile), `${label}.json`);
  const started = Date.now();
  execFileSync(process.execPath, ['--import', 'tsx', __filename, '--worker', engineRoot, corpusFile, outFile], { cwd: engineRoot, stdio: 'inherit' });
  console.log(`${label}: analysed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(fs.readFileSync(outFile, 'utf8')) as string[];
}

interface Finding {
  ruleId: string;
  range: { start: { line: number; character: number } };
}

function findingKey(f: Finding): string {
  return `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

/** The findings on one side only, by canonical text, as short lines. */
function describeDifference(baseline: string, current: string): string[] {
  const parse = (s: string) => JSON.parse(s) as Finding[] | { threw: string };
  const before = parse(baseline);
  const after = parse(current);
  if (!Array.isArray(before) || !Array.isArray(after)) return [`  baseline: ${baseline.slice(0, 300)}`, `  current:  ${current.slice(0, 300)}`];
  const beforeSet = new Set(before.map((f) => canonical(f)));
  const afterSet = new Set(after.map((f) => canonical(f)));
  const lines: string[] = [];
  for (const f of before) if (!afterSet.has(canonical(f))) lines.push(`  - only in baseline: ${findingKey(f)} ${canonical(f).slice(0, 400)}`);
  for (const f of after) if (!beforeSet.has(canonical(f))) lines.push(`  + only in current:  ${findingKey(f)} ${canonical(f).slice(0, 400)}`);
  if (lines.length === 0) lines.push('  same findings in another order');
  return lines;
}

function main(): void {
  const commit = process.argv[2] ?? DEFAULT_BASELINE;
  const corpus = buildCorpus(root);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockguard-equivalence-'));
  const corpusFile = path.join(workDir, 'corpus.json');
  fs.writeFileSync(corpusFile, JSON.stringify(corpus));
  const lines = corpus.reduce((sum, e) => sum + e.text.split('\n').length, 0);
  console.log(`corpus: ${corpus.length} inputs, ${lines.toLocaleString('en')} lines; baseline ${commit} (${git(['rev-parse', '--short', `${commit}^{commit}`])})`);

  const baseline = baselineTree(commit);
  let before: string[];
  let after: string[];
  try {
    before = analyseWith(baseline.dir, corpusFile, 'baseline');
    after = analyseWith(root, corpusFile, 'current');
  } finally {
    baseline.remove();
  }

  const differing = corpus.map((entry, i) => ({ entry, i })).filter(({ i }) => before[i] !== after[i]);
  const perRule = new Map<string, number>();
  for (const result of after) {
    if (!result.startsWith('[')) continue;
    for (const f of JSON.parse(result) as Finding[]) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  }
  const findings = [...perRule.values()].reduce((sum, n) => sum + n, 0);
  const threw = after.filter((r) => r.startsWith('{')).length;
  console.log(`current tree: ${findings.toLocaleString('en')} findings over the corpus${threw ? `, ${threw} inputs threw` : ''}`);
  console.log(`  ${[...perRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  if (differing.length === 0) {
    console.log('equivalent: no input differs');
    fs.rmSync(workDir, { recursive: true, force: true });
    return;
  }
  console.log(`\n${differing.length} of ${corpus.length} inputs differ (inputs kept in ${workDir}):`);
  for (const { entry, i } of differing.slice(0, SHOWN_DIFFERENCES)) {
    const file = path.join(workDir, `differs-${i}.Dockerfile`);
    fs.writeFileSync(file, entry.text);
    console.log(`\n${entry.name}  (${file})`);
    console.log(describeDifference(before[i], after[i]).join('\n'));
  }
  process.exitCode = 1;
}

if (process.argv[2] === '--worker') {
  work(process.argv[3], process.argv[4], process.argv[5]).catch((error) => {
    console.error(error);
    process.exit(2);
  });
} else {
  main();
}
