// Do two versions of the engine report the same compose findings? Speed work must change nothing a user sees.
// `node --import tsx bench/compose-equivalence.ts [baseline-commit]` analyses a large corpus
// (bench/compose-equivalence-corpus.ts) with the working tree and with the baseline checked out by
// `git worktree add`, each in its own process, and lists every input whose findings differ in rule, range,
// message, severity or any fix's edits. Exit code 1 when any does.
//
// One change to the baseline, on purpose: its compose model allowed 10,000 alias resolutions per document and
// then treated every further alias as empty, so on files of more than about 60 services that merge anchors
// (`<<: *defaults`) its findings depended on the file's size (settings from anchors were missing). The current
// model resolves each alias once and needs no such budget; the baseline runs with its budget raised so that
// the comparison is about behaviour, and the report counts the inputs on which the unraised budget ran out.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildComposeCorpus, readNeighbour, type ComposeCorpusEntry } from './compose-equivalence-corpus';

/** The commit the compose speed work started from. */
const DEFAULT_BASELINE = 'ba2579e';
/** Every compose rule on, as the benchmark runs them; and a configuration that changes what fixes insert. */
const CONFIGS = {
  strict: { profile: 'strict', trustedRegistries: ['docker.io', 'ghcr.io/acme'] },
  custom: { profile: 'recommended', limits: { cpus: '2', memory: '1G', pids: 64 }, allowSuppressions: false, rules: { 'missing-pids-limit': 'error', DG213: 'off' } },
};
const BASELINE_ALIAS_BUDGET = 'const ALIAS_BUDGET = 10_000;';
const RAISED_ALIAS_BUDGET = 'const ALIAS_BUDGET = 1_000_000_000;';
const SHOWN_DIFFERENCES = 15;

const root = path.resolve(__dirname, '..');

interface EngineModules {
  analyze: (text: string, options: { kind: 'compose'; config: unknown; uri?: string; readFile?: (file: string) => string | undefined }) => Finding[];
  resolveConfig: (input: unknown) => unknown;
  composeRules: { meta: { id: string } }[];
}

interface Finding {
  ruleId: string;
  range: { start: { line: number; character: number } };
}

interface WorkerOutput {
  /** Compose rules the engine has: findings of a rule only one side has are not compared. */
  rules: string[];
  results: string[];
  /** Inputs on which the baseline's original alias budget would have run out (baseline only). */
  budgetExhausted: number[];
}

/** Worker mode: analyse every corpus entry with the engine under `engineRoot`, one canonical JSON string each. */
async function work(engineRoot: string, corpusFile: string, outFile: string, isBaseline: boolean): Promise<void> {
  const load = (file: string) => import(pathToFileURL(path.join(engineRoot, 'server/src/engine', file)).href);
  const { analyze } = (await load('analyze.ts')) as EngineModules;
  const { resolveConfig } = (await load('config.ts')) as EngineModules;
  const { composeRules } = (await load('rules/index.ts')) as EngineModules;
  const configs = { strict: resolveConfig(CONFIGS.strict), custom: resolveConfig(CONFIGS.custom) };
  // Both sides: the current model no longer calls Alias.resolve, but an older one (a baseline) does.
  const aliasCalls = await countAliasResolutions();
  const corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8')) as ComposeCorpusEntry[];
  const budgetExhausted: number[] = [];
  const results = corpus.map(({ text, uri, config }, index) => {
    aliasCalls.clear();
    let result: string;
    try {
      result = canonical(analyze(text, { kind: 'compose', config: configs[config], uri, readFile: uri ? readNeighbour : undefined }));
    } catch (error) {
      result = canonical({ threw: String(error) });
    }
    if (isBaseline && [...aliasCalls.values()].some((n) => n >= 10_000)) budgetExhausted.push(index);
    return result;
  });
  const output: WorkerOutput = { rules: composeRules.map((r) => r.meta.id), results, budgetExhausted };
  fs.writeFileSync(outFile, JSON.stringify(output));
}

/**
 * The baseline's model calls yaml's Alias.resolve, which walks the whole document on every call; remembering each
 * answer per document (documents are never changed during an analysis) gives the same answers fast enough for a
 * corpus of 300-service files. Returns the calls per document, which is what the baseline's budget counted.
 */
async function countAliasResolutions(): Promise<Map<object, number>> {
  const { Alias } = (await import('yaml')) as typeof import('yaml');
  const original = Alias.prototype.resolve;
  const answers = new WeakMap<object, Map<object, ReturnType<typeof original>>>();
  const calls = new Map<object, number>();
  Alias.prototype.resolve = function (this: InstanceType<typeof Alias>, doc: Parameters<typeof original>[0]) {
    calls.set(doc, (calls.get(doc) ?? 0) + 1);
    let known = answers.get(doc);
    if (!known) answers.set(doc, (known = new Map()));
    if (!known.has(this)) known.set(this, original.call(this, doc));
    return known.get(this);
  };
  return calls;
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

/** A worktree of the baseline commit in the temp folder, sharing this tree's node_modules, its alias budget raised. */
function baselineTree(commit: string): { dir: string; budgetRaised: boolean; remove: () => void } {
  const sha = git(['rev-parse', '--verify', `${commit}^{commit}`]);
  const dir = path.join(os.tmpdir(), `dockguard-compose-equivalence-${sha.slice(0, 12)}-${process.pid}`);
  git(['worktree', 'add', '--detach', '--force', dir, sha]);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const model = path.join(dir, 'server/src/engine/documents/compose.ts');
  const source = fs.readFileSync(model, 'utf8');
  const budgetRaised = source.includes(BASELINE_ALIAS_BUDGET);
  if (budgetRaised) fs.writeFileSync(model, source.replace(BASELINE_ALIAS_BUDGET, RAISED_ALIAS_BUDGET));
  return {
    dir,
    budgetRaised,
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

/** Runs the worker in its own process, so the two engines never share a module (yaml's is shared, read-only). */
function analyseWith(engineRoot: string, corpusFile: string, label: 'baseline' | 'current'): WorkerOutput {
  const outFile = path.join(path.dirname(corpusFile), `${label}.json`);
  const started = Date.now();
  execFileSync(process.execPath, ['--import', 'tsx', __filename, '--worker', engineRoot, corpusFile, outFile, label], { cwd: engineRoot, stdio: 'inherit' });
  console.log(`${label}: analysed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(fs.readFileSync(outFile, 'utf8')) as WorkerOutput;
}

/** Findings of rules both engines have, canonical, so a rule added since the baseline does not count as a difference. */
function comparable(result: string, rules: Set<string>): string {
  const parsed = JSON.parse(result) as Finding[] | { threw: string };
  return Array.isArray(parsed) ? canonical(parsed.filter((f) => rules.has(f.ruleId))) : result;
}

function findingKey(f: Finding): string {
  return `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

/** The findings on one side only, by canonical text, as short lines. */
function describeDifference(baseline: string, current: string): string[] {
  const before = JSON.parse(baseline) as Finding[] | { threw: string };
  const after = JSON.parse(current) as Finding[] | { threw: string };
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
  const corpus = buildComposeCorpus(root);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockguard-compose-equivalence-'));
  const corpusFile = path.join(workDir, 'corpus.json');
  fs.writeFileSync(corpusFile, JSON.stringify(corpus));
  const lines = corpus.reduce((sum, e) => sum + e.text.split('\n').length, 0);
  console.log(`corpus: ${corpus.length} compose inputs, ${lines.toLocaleString('en')} lines; baseline ${commit} (${git(['rev-parse', '--short', `${commit}^{commit}`])})`);

  const baseline = baselineTree(commit);
  let before: WorkerOutput;
  let after: WorkerOutput;
  try {
    before = analyseWith(baseline.dir, corpusFile, 'baseline');
    after = analyseWith(root, corpusFile, 'current');
  } finally {
    baseline.remove();
  }
  if (baseline.budgetRaised) {
    console.log(`baseline alias budget raised from 10,000 to unlimited: unraised, it would have run out on ${before.budgetExhausted.length} inputs`);
  }

  const shared = new Set(after.rules.filter((id) => before.rules.includes(id)));
  const onlyOneSide = [...after.rules, ...before.rules].filter((id) => !shared.has(id));
  if (onlyOneSide.length) console.log(`not compared (a rule of one side only): ${[...new Set(onlyOneSide)].join(', ')}`);
  shared.add('yaml-syntax').add('unused-suppression').add('suppression-forbidden').add('not-analyzed');
  const beforeShared = before.results.map((r) => comparable(r, shared));
  const afterShared = after.results.map((r) => comparable(r, shared));

  const differing = corpus.map((entry, i) => ({ entry, i })).filter(({ i }) => beforeShared[i] !== afterShared[i]);
  const perRule = new Map<string, number>();
  for (const result of after.results) {
    if (!result.startsWith('[')) continue;
    for (const f of JSON.parse(result) as Finding[]) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  }
  const findings = [...perRule.values()].reduce((sum, n) => sum + n, 0);
  const threw = after.results.filter((r) => r.startsWith('{')).length;
  console.log(`current tree: ${findings.toLocaleString('en')} findings over the corpus${threw ? `, ${threw} inputs threw` : ''}`);
  console.log(`  ${[...perRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  if (differing.length === 0) {
    console.log('equivalent: no input differs');
    fs.rmSync(workDir, { recursive: true, force: true });
    return;
  }
  console.log(`\n${differing.length} of ${corpus.length} inputs differ (inputs kept in ${workDir}):`);
  for (const { entry, i } of differing.slice(0, SHOWN_DIFFERENCES)) {
    const file = path.join(workDir, `differs-${i}.yaml`);
    fs.writeFileSync(file, entry.text);
    console.log(`\n${entry.name} [uri ${entry.uri ?? 'none'}, ${entry.config}]  (${file})`);
    console.log(describeDifference(beforeShared[i], afterShared[i]).join('\n'));
  }
  process.exitCode = 1;
}

if (process.argv[2] === '--worker') {
  work(process.argv[3], process.argv[4], process.argv[5], process.argv[6] === 'baseline').catch((error) => {
    console.error(error);
    process.exit(2);
  });
} else {
  main();
}
