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
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildComposeCorpus, readNeighbour, type ComposeCorpusEntry } from './compose-equivalence-corpus';
import {
  analyseWith,
  baselineTree,
  canonical,
  canonicalOutcome,
  loadEngine,
  printFindingCounts,
  reportDifferences,
  runToolOrWorker,
  shortCommit,
  writeCorpus,
  type Finding,
} from './support/equivalence';

/** The commit the compose speed work started from. */
const DEFAULT_BASELINE = 'ba2579e';
/** Every compose rule on, as the benchmark runs them; and a configuration that changes what fixes insert. */
const CONFIGS = {
  strict: { profile: 'strict', trustedRegistries: ['docker.io', 'ghcr.io/acme'] },
  custom: {
    profile: 'recommended',
    limits: { cpus: '2', memory: '1G', pids: 64 },
    allowSuppressions: false,
    rules: { 'missing-pids-limit': 'error', DG213: 'off' },
  },
};
const BASELINE_ALIAS_BUDGET = 'const ALIAS_BUDGET = 10_000;';
const RAISED_ALIAS_BUDGET = 'const ALIAS_BUDGET = 1_000_000_000;';
const SHOWN_DIFFERENCES = 15;
const TEMP_PREFIX = 'dockguard-compose-equivalence';

const root = path.resolve(__dirname, '..');

interface EngineModules {
  analyze: (text: string, options: { kind: 'compose'; config: unknown; uri?: string; readFile?: (file: string) => string | undefined }) => Finding[];
  resolveConfig: (input: unknown) => unknown;
  composeRules: { meta: { id: string } }[];
}

interface WorkerOutput {
  /** Compose rules the engine has: findings of a rule only one side has are not compared. */
  rules: string[];
  results: string[];
  /** Inputs on which the baseline's original alias budget would have run out (baseline only). */
  budgetExhausted: number[];
}

/** Worker mode: analyse every corpus entry with the engine under `engineRoot`, one canonical JSON string each. */
async function work([engineRoot, corpusFile, outFile, label]: string[]): Promise<void> {
  const isBaseline = label === 'baseline';
  const { analyze } = (await loadEngine(engineRoot, 'analyze.ts')) as EngineModules;
  const { resolveConfig } = (await loadEngine(engineRoot, 'config.ts')) as EngineModules;
  const { composeRules } = (await loadEngine(engineRoot, 'rules/index.ts')) as EngineModules;
  const configs = { strict: resolveConfig(CONFIGS.strict), custom: resolveConfig(CONFIGS.custom) };
  // Both sides: the current model no longer calls Alias.resolve, but an older one (a baseline) does.
  const aliasCalls = await countAliasResolutions();
  const corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8')) as ComposeCorpusEntry[];
  const budgetExhausted: number[] = [];
  const results = corpus.map(({ text, uri, config }, index) => {
    aliasCalls.clear();
    const result = canonicalOutcome(() => analyze(text, { kind: 'compose', config: configs[config], uri, readFile: uri ? readNeighbour : undefined }));
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

/**
 * Raises the baseline's alias budget in its checkout (see the top of this file); false if the baseline has no
 * such budget, as a model that resolves each alias once does not.
 */
function raiseAliasBudget(dir: string): boolean {
  const model = path.join(dir, 'server/src/engine/documents/compose.ts');
  const source = fs.readFileSync(model, 'utf8');
  if (!source.includes(BASELINE_ALIAS_BUDGET)) return false;
  fs.writeFileSync(model, source.replace(BASELINE_ALIAS_BUDGET, RAISED_ALIAS_BUDGET));
  return true;
}

/** Findings of rules both engines have, canonical, so a rule added since the baseline does not count as a difference. */
function comparable(result: string, rules: Set<string>): string {
  const parsed = JSON.parse(result) as Finding[] | { threw: string };
  return Array.isArray(parsed) ? canonical(parsed.filter((f) => rules.has(f.ruleId))) : result;
}

function main(): void {
  const commit = process.argv[2] ?? DEFAULT_BASELINE;
  const corpus = buildComposeCorpus(root);
  const { workDir, corpusFile, lines } = writeCorpus(TEMP_PREFIX, corpus);
  console.log(`corpus: ${corpus.length} compose inputs, ${lines.toLocaleString('en')} lines; baseline ${commit} (${shortCommit(root, commit)})`);

  let budgetRaised = false;
  const baseline = baselineTree(root, commit, TEMP_PREFIX, (dir) => {
    budgetRaised = raiseAliasBudget(dir);
  });
  let before: WorkerOutput;
  let after: WorkerOutput;
  try {
    before = analyseWith<WorkerOutput>(__filename, baseline.dir, corpusFile, 'baseline');
    after = analyseWith<WorkerOutput>(__filename, root, corpusFile, 'current');
  } finally {
    baseline.remove();
  }
  if (budgetRaised) {
    console.log(`baseline alias budget raised from 10,000 to unlimited: unraised, it would have run out on ${before.budgetExhausted.length} inputs`);
  }

  const shared = new Set(after.rules.filter((id) => before.rules.includes(id)));
  const onlyOneSide = [...after.rules, ...before.rules].filter((id) => !shared.has(id));
  if (onlyOneSide.length) console.log(`not compared (a rule of one side only): ${[...new Set(onlyOneSide)].join(', ')}`);
  shared.add('yaml-syntax').add('unused-suppression').add('suppression-forbidden').add('not-analyzed');

  printFindingCounts(after.results);
  const differing = reportDifferences({
    corpus,
    before: before.results.map((r) => comparable(r, shared)),
    after: after.results.map((r) => comparable(r, shared)),
    workDir,
    extension: 'yaml',
    heading: (entry) => `${entry.name} [uri ${entry.uri ?? 'none'}, ${entry.config}]`,
    shown: SHOWN_DIFFERENCES,
  });
  if (differing > 0) process.exitCode = 1;
}

runToolOrWorker(main, work);
