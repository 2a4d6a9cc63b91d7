// Engine speed on Dockerfiles: analyze() against dockerfile-ast's own parse of the same text, in one run.
// Run with `npm run bench` (or `node --expose-gc --import tsx bench/dockerfile-engine.ts`).
import { DockerfileParser } from 'dockerfile-ast';
import { analyze, checkWholeModel, DEFAULT_CONFIG, dockerfileRules, parseDockerfile, resolveConfig, shellScopes } from '../server/src/engine';
import { generateDockerfile } from './support/generate-dockerfile';
import {
  breakdownEachSize,
  engineSection,
  measureEachSize,
  measureSize,
  medianPerPhase,
  renderPhaseTable,
  renderSizeTable,
  renderTargetTable,
  samplingPlan,
  type MeasuredSize,
  type PhaseBreakdown,
  type PhaseTime,
} from './support/engine-bench';
import { emitSection, progress } from './support/report';
import { growthExponent, summarize } from './support/stats';
import { formatCount, formatMs, formatPercent, verdict } from './support/table';
import { consume, gcExposed, nowMs, sampleInterleaved, type SamplingPlan } from './support/timing';

const SIZES = [20, 200, 2_000, 10_000];
const BREAKDOWN_SIZES = [200, 2_000];

/** The product owner's targets. */
const TARGET_200_LINES_MS = 2;
const TARGET_OVERHEAD = 0.25;
/** Growth exponent (time ∝ lines^k) above which cost no longer counts as linear; 1.0 is exactly linear. */
const LINEAR_EXPONENT_LIMIT = 1.15;

/**
 * Every rule on: the strict profile adds the pinning and hygiene rules, and a registry list gives
 * untrusted-registry something to check. DEFAULT_CONFIG (recommended rules only) is measured alongside.
 */
const EVERY_RULE = resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] });

/** Longer warm-ups and budgets for the large sizes, whose calls are slow. */
function planFor(lines: number): SamplingPlan {
  return samplingPlan(lines >= 10_000 ? 3_000 : 1_500, lines >= 10_000 ? 15_000 : lines >= 2_000 ? 10_000 : 5_000);
}

interface SizeResult extends MeasuredSize {
  lines: number;
  stages: number;
}

function measureLines(lines: number): SizeResult {
  const text = generateDockerfile(lines);
  const stages = parseDockerfile(text).stages.length;
  const measured = measureSize(
    `${formatCount(lines)} lines`,
    () => DockerfileParser.parse(text),
    () => analyze(text, { kind: 'dockerfile', config: EVERY_RULE }),
    () => analyze(text, { kind: 'dockerfile', config: DEFAULT_CONFIG }),
    planFor(lines),
  );
  return { lines, stages, ...measured };
}

/**
 * Where analyze's time goes, phase by phase, on a fresh model each round (rules and knowledge cache results per
 * model, so reusing one would flatter every round after the first). Shared caches are charged to the first rule
 * that fills them, in the order analyze runs the rules; the shell lexing and nested scopes that several rules
 * share get their own row.
 */
function breakdown(lines: number): PhaseTime[] {
  const text = generateDockerfile(lines);
  const phases = [
    'dockerfile-ast parse',
    'model: stages, ARGs, users (parseDockerfile minus parse: within the noise)',
    'shell sources: RUN text, heredoc bodies, lexing',
    'nested shell scopes (sh -c, $(…), exec form)',
    ...dockerfileRules.map((r) => `rule ${r.meta.id}`),
  ];
  const context = { config: EVERY_RULE, uri: undefined, readFile: () => undefined, listDirectory: () => undefined, report: (r: unknown) => consume(r) };

  return medianPerPhase(phases, () => {
    let start = nowMs();
    consume(DockerfileParser.parse(text));
    const parsed = nowMs() - start;
    start = nowMs();
    const model = parseDockerfile(text); // parses again: the model phase is this minus the parse above
    const modelled = nowMs() - start;
    // What several rules share, computed once per model: the RUN sources and their lexing, then nested scopes.
    start = nowMs();
    for (const source of model.shellSources) consume(source.pipelines);
    const lexed = nowMs() - start;
    start = nowMs();
    for (const source of model.shellSources) consume(shellScopes(source, model.text));
    const scoped = nowMs() - start;
    const ruleTimes = dockerfileRules.map((rule) => {
      const t = nowMs();
      checkWholeModel(rule, { ...context, model });
      return nowMs() - t;
    });
    return [parsed, Math.max(0, modelled - parsed), lexed, scoped, ...ruleTimes];
  });
}

const GROWTH_SIZES = [200, 2_000, 10_000];

interface Growth {
  a: number;
  b: number;
  /** Growth exponents: for analyze and parse the median over rounds of each round's exponent. */
  analyze: number;
  parse: number;
  ours: number;
}

/**
 * Growth with size, from rounds that time every size back to back: sizes measured minutes apart would see
 * different machine load, and a busy minute during the largest size would look like superlinear cost.
 */
function measureGrowth(): Growth[] {
  const texts = GROWTH_SIZES.map((lines) => generateDockerfile(lines));
  const tasks = texts.flatMap((text) => [() => DockerfileParser.parse(text), () => analyze(text, { kind: 'dockerfile', config: EVERY_RULE })]);
  progress(`growth: ${GROWTH_SIZES.map(formatCount).join(', ')} lines in the same rounds`);
  const samples = sampleInterleaved(tasks, { warmupMs: 1_000, warmupCalls: 5, budgetMs: 20_000, minSamples: 30, maxSamples: 1_000 });
  const parse = (size: number) => samples[2 * size];
  const analyzed = (size: number) => samples[2 * size + 1];
  const growth: Growth[] = [];
  for (let i = 0; i + 1 < GROWTH_SIZES.length; i++) {
    const [a, b] = [GROWTH_SIZES[i], GROWTH_SIZES[i + 1]];
    const perRound = (timeA: number[], timeB: number[]) => summarize(timeA.map((t, round) => growthExponent(a, t, b, timeB[round]))).median;
    // Our part is a difference, which noise can make negative in a single round: use its median per size.
    const ours = (size: number) => summarize(analyzed(size).map((t, round) => t - parse(size)[round])).median;
    growth.push({
      a,
      b,
      analyze: perRound(analyzed(i), analyzed(i + 1)),
      parse: perRound(parse(i), parse(i + 1)),
      ours: growthExponent(a, ours(i), b, ours(i + 1)),
    });
  }
  return growth;
}

function main(): void {
  const results = measureEachSize(SIZES, measureLines);
  const phases = breakdownEachSize(BREAKDOWN_SIZES, 'lines', breakdown);
  const growth = measureGrowth();
  emitSection(render(results, growth, phases));
}

function render(results: SizeResult[], growth: Growth[], breakdowns: PhaseBreakdown[]): string {
  const overhead = (r: SizeResult) => r.overhead;
  const sizeTable = renderSizeTable(
    ['lines', 'stages'],
    'line',
    TARGET_OVERHEAD,
    results.map((r) => ({ leading: [formatCount(r.lines), String(r.stages)], units: r.lines, measured: r })),
  );

  const at = (lines: number) => results.find((r) => r.lines === lines)!;
  const r200 = at(200);
  const worstExponent = Math.max(...growth.map((g) => g.analyze));
  const scored = results.filter((r) => r.lines >= 200);
  const worstOverhead = scored.reduce((worst, r) => (overhead(r) > overhead(worst) ? r : worst));

  const targetTable = renderTargetTable([
    [
      `200-line Dockerfile analysed in ≤ ${TARGET_200_LINES_MS} ms (median, warm)`,
      formatMs(r200.analyze.median),
      verdict(r200.analyze.median <= TARGET_200_LINES_MS),
    ],
    [
      `cost linear in size (growth exponent k ≤ ${LINEAR_EXPONENT_LIMIT})`,
      growth
        .map(
          (g) =>
            `${formatCount(g.a)}→${formatCount(g.b)} lines: k = ${g.analyze.toFixed(2)} (dockerfile-ast's parse alone ${g.parse.toFixed(2)}, our part ${g.ours.toFixed(2)})`,
        )
        .join('; '),
      verdict(worstExponent <= LINEAR_EXPONENT_LIMIT),
    ],
    [
      `our rules + model add ≤ ${formatPercent(TARGET_OVERHEAD)} to dockerfile-ast's parse`,
      scored.map((r) => `${formatCount(r.lines)}: ${formatPercent(overhead(r))}`).join(', '),
      verdict(overhead(worstOverhead) <= TARGET_OVERHEAD),
    ],
  ]);
  return engineSection({
    title: 'Engine: Dockerfile analysis',
    method: `Generated multi-stage Dockerfiles (seeded, identical every run). Each size times \`DockerfileParser.parse(text)\` (dockerfile-ast), \`analyze(text, { kind: 'dockerfile' })\` with every Dockerfile rule on (strict profile and a trusted-registry list) and \`analyze\` with the default configuration (recommended rules), interleaved call by call after a warm-up${gcExposed ? ', with a full GC between sizes' : ''}. \`analyze\` parses too, so *overhead* = (analyze − parse) / parse is exactly our model and rules; it is the median of that ratio over rounds, each round timing both back to back, which cancels swings in machine load. *min* is the fastest call, the closest to an idle machine. The growth exponents k (time ∝ lines^k) come from a separate run that times 200, 2,000 and 10,000 lines in the same rounds, so a busy minute cannot pass for superlinear cost.`,
    sizeTable,
    targetTable,
    phaseNote:
      'The phases run in this order on a fresh model each round; inside analyze the same work happens lazily, when a rule first asks. Results a rule caches per model or per RUN are charged to the first rule that computes them, in the order analyze runs the rules. *model* is parseDockerfile minus a separate parse of the same text.',
    phaseTable: renderPhaseTable(breakdowns),
  });
}

main();
