/**
 * A fuzzing campaign: seeded inputs (the repository's documents, regressions, pieces) mutated and judged, with
 * the figures `npm run fuzz` prints. The same seed gives the same inputs on every machine.
 */
import { resolveConfig, type ResolvedConfig } from '../../../server/src/engine/config';
import { analyze, type AnalyzeOptions } from '../../../server/src/engine/analyze';
import type { DocumentKind } from '../../../server/src/engine/types';
import { Random } from '../seeded-random';
import { mutateDocument } from './mutations';
import { checkGrowth, type Growth } from './growth';
import { judge, type Failure, type Verdict } from './oracle';
import { fromPieces, type Seeds } from './seeds';

export interface FuzzInput {
  kind: DocumentKind;
  name: string;
  text: string;
  options: AnalyzeOptions;
}

export interface FuzzFailure extends Failure {
  input: FuzzInput;
}

export interface CampaignResult {
  inputs: number;
  characters: number;
  failures: FuzzFailure[];
  exceptions: number;
  fixFailures: number;
  fixesApplied: number;
  slowest: { input: FuzzInput; ms: number }[];
  overBudget: { input: FuzzInput; ms: number }[];
  growthChecks: number;
  superlinear: { input: FuzzInput; growth: Growth }[];
  seconds: number;
}

export interface CampaignOptions {
  seed: number;
  inputs: number;
  /** Over this time, an analysis counts as over the budget. */
  budgetMs: number;
  /** At most this many fixes and suggestions applied alone per input, drawn at random (fix-all always runs). */
  fixesPerInput?: number;
  /** Check one input in this many for time linear in size (0: none). */
  growthEvery?: number;
  /** Inputs longer than this are drawn but not judged (the unit-test slice keeps to small ones). */
  maxChars?: number;
  onProgress?: (done: number, result: CampaignResult) => void;
}

const CONFIGS: ResolvedConfig[] = [
  resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io', 'ghcr.io/acme'] }),
  resolveConfig({}),
  resolveConfig({ profile: 'strict', allowSuppressions: false }),
];

/** Files a compose file may name (`build:`, `extends: { file }`): Dockerfiles and compose files of the fuzzer's own. */
function neighbours(seeds: Seeds, rng: Random): (path: string) => string | undefined {
  const dockerfile = rng.pick(seeds.dockerfile).text;
  const compose = rng.pick(seeds.compose).text;
  return (path) => (/\.ya?ml$/i.test(path) ? compose : /dockerfile|containerfile/i.test(path) ? dockerfile : undefined);
}

/** The n-th input of a campaign: a seed document, mutated in most cases, or one built from pieces. */
export function makeInput(seeds: Seeds, pools: Record<DocumentKind, string[]>, rng: Random): FuzzInput {
  const kind: DocumentKind = rng.chance(0.5) ? 'dockerfile' : 'compose';
  const roll = rng.next();
  let name: string;
  let text: string;
  if (roll < 0.1) {
    text = fromPieces(kind, rng);
    name = 'built from pieces';
  } else {
    const seed = rng.pick(seeds[kind]);
    if (roll < 0.15) {
      ({ text, name } = seed);
    } else {
      const mutation = mutateDocument(kind, seed.text, rng, pools[kind]);
      text = mutation.text;
      name = `${seed.name} / ${mutation.how}`;
    }
  }
  const config = rng.pick(CONFIGS);
  const uri = kind === 'dockerfile' ? '/w/project/Dockerfile' : rng.chance(0.9) ? '/w/project/compose.yaml' : undefined;
  return { kind, name, text, options: { kind, config, uri, readFile: neighbours(seeds, rng) } };
}

/** Lines and short documents of each kind, for splices. */
export function poolsOf(seeds: Seeds): Record<DocumentKind, string[]> {
  const pool = (texts: { text: string }[]) => [...new Set(texts.flatMap((t) => [t.text, ...t.text.split('\n')]).filter((l) => l.trim() && l.length < 2_000))];
  return { dockerfile: pool(seeds.dockerfile), compose: pool(seeds.compose) };
}

export function runCampaign(seeds: Seeds, options: CampaignOptions): CampaignResult {
  const rng = new Random(options.seed);
  const pools = poolsOf(seeds);
  const started = performance.now();
  const result: CampaignResult = {
    inputs: 0,
    characters: 0,
    failures: [],
    exceptions: 0,
    fixFailures: 0,
    fixesApplied: 0,
    slowest: [],
    overBudget: [],
    growthChecks: 0,
    superlinear: [],
    seconds: 0,
  };
  for (let i = 0; i < options.inputs; i++) {
    const input = makeInput(seeds, pools, rng);
    if (options.maxChars !== undefined && input.text.length > options.maxChars) continue;
    let verdict: Verdict;
    try {
      verdict = judge(input.text, input.options, true, (all) => sample(all, options.fixesPerInput ?? 6, rng));
    } catch (error) {
      // Something outside analyze threw (fix-all, applying edits, the syntax check): as much a failure.
      verdict = {
        failures: [{ kind: 'exception', detail: `the checks threw ${(error as Error)?.stack ?? String(error)}` }],
        analyzeMs: 0,
        findings: 0,
        applied: 0,
      };
    }
    result.inputs++;
    result.characters += input.text.length;
    result.fixesApplied += verdict.applied;
    for (const failure of verdict.failures) {
      result.failures.push({ ...failure, input });
      if (failure.kind === 'exception') result.exceptions++;
      else result.fixFailures++;
    }
    recordTime(result, input, verdict.analyzeMs, options.budgetMs);
    if (options.growthEvery && i % options.growthEvery === 0) {
      result.growthChecks++;
      const growth = checkGrowth(input.text, input.options, rng);
      if (growth) result.superlinear.push({ input, growth });
    }
    if (options.onProgress && (i + 1) % 1_000 === 0) options.onProgress(i + 1, result);
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function recordTime(result: CampaignResult, input: FuzzInput, ms: number, budgetMs: number): void {
  // A first analysis may pay for compilation or a collection: over the budget counts only when a rerun confirms it.
  if (ms > budgetMs) ms = Math.min(ms, timeOf(input), timeOf(input));
  if (ms > budgetMs) result.overBudget.push({ input, ms });
  if (result.slowest.length < 10 || ms > result.slowest[result.slowest.length - 1].ms) {
    result.slowest.push({ input, ms });
    result.slowest.sort((a, b) => b.ms - a.ms);
    result.slowest.length = Math.min(result.slowest.length, 10);
  }
}

function timeOf(input: FuzzInput): number {
  const start = performance.now();
  analyze(input.text, input.options);
  return performance.now() - start;
}

/** Up to `count` items of `all`, drawn without repeats, in their order. */
function sample<T>(all: T[], count: number, rng: Random): T[] {
  if (all.length <= count) return all;
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.int(0, all.length - 1));
  return [...chosen].sort((a, b) => a - b).map((i) => all[i]);
}
