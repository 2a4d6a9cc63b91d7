// Do two versions of the engine report the same Dockerfile findings? Speed work must change nothing a user sees.
// `node --import tsx bench/equivalence.ts [baseline-commit]` analyses a large corpus (bench/equivalence-corpus.ts)
// with the working tree and with the baseline checked out by `git worktree add`, and lists every input whose
// findings differ in rule, range, message, severity or any fix's edits. Exit code 1 when any does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCorpus, type CorpusEntry } from './equivalence-corpus';
import {
  analyseWith,
  baselineTree,
  canonicalOutcome,
  loadEngine,
  printFindingCounts,
  reportDifferences,
  runToolOrWorker,
  shortCommit,
  writeCorpus,
} from './support/equivalence';

/** The commit the Dockerfile speed work started from. */
const DEFAULT_BASELINE = 'd11f4ab';
/** Every Dockerfile rule on, as the benchmark runs them. */
const CONFIG = { profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] };
const SHOWN_DIFFERENCES = 15;
const TEMP_PREFIX = 'dockguard-equivalence';

const root = path.resolve(__dirname, '..');

interface EngineModules {
  analyze: (text: string, options: { kind: 'dockerfile'; config: unknown }) => unknown[];
  resolveConfig: (input: unknown) => unknown;
}

/** Worker mode: analyse every corpus entry with the engine under `engineRoot`, one canonical JSON string each. */
async function work([engineRoot, corpusFile, outFile]: string[]): Promise<void> {
  const { analyze } = (await loadEngine(engineRoot, 'analyze.ts')) as EngineModules;
  const { resolveConfig } = (await loadEngine(engineRoot, 'config.ts')) as EngineModules;
  const config = resolveConfig(CONFIG);
  const corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8')) as CorpusEntry[];
  const results = corpus.map(({ text }) => canonicalOutcome(() => analyze(text, { kind: 'dockerfile', config })));
  fs.writeFileSync(outFile, JSON.stringify(results));
}

function main(): void {
  const commit = process.argv[2] ?? DEFAULT_BASELINE;
  const corpus = buildCorpus(root);
  const { workDir, corpusFile, lines } = writeCorpus(TEMP_PREFIX, corpus);
  console.log(`corpus: ${corpus.length} inputs, ${lines.toLocaleString('en')} lines; baseline ${commit} (${shortCommit(root, commit)})`);

  const baseline = baselineTree(root, commit, TEMP_PREFIX);
  let before: string[];
  let after: string[];
  try {
    before = analyseWith<string[]>(__filename, baseline.dir, corpusFile, 'baseline');
    after = analyseWith<string[]>(__filename, root, corpusFile, 'current');
  } finally {
    baseline.remove();
  }

  printFindingCounts(after);
  const differing = reportDifferences({ corpus, before, after, workDir, extension: 'Dockerfile', heading: (entry) => entry.name, shown: SHOWN_DIFFERENCES });
  if (differing > 0) process.exitCode = 1;
}

runToolOrWorker(main, work);
