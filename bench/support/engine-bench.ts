/**
 * What the two engine benchmarks (bench/dockerfile-engine.ts, bench/compose-engine.ts) share: timing analyze
 * against the parser it builds on, the size table, the targets table and the phase breakdown.
 */
import { progress } from './report';
import { summarize, type Summary } from './stats';
import { formatCount, formatMicros, formatMs, formatPercent, renderTable } from './table';
import { collectGarbage, gcExposed, nowMs, sampleInterleaved, type SamplingPlan } from './timing';

/** One input size: how many findings analyze reports on it with every rule on, and its timings. */
export interface MeasuredSize {
  findings: number;
  parse: Summary;
  analyze: Summary;
  analyzeDefault: Summary;
  /** Median over rounds of (analyze − parse) / parse. */
  overhead: number;
}

/**
 * How one size is sampled: after a warm-up, at least 40 rounds and up to `budgetMs` of measured time (4,000
 * rounds at most), so small inputs, which are cheap, get many more samples than large ones.
 */
export function samplingPlan(warmupMs: number, budgetMs: number): SamplingPlan {
  return { warmupMs, warmupCalls: 20, budgetMs, minSamples: 40, maxSamples: 4_000 };
}

/** Measures each size in turn, with a full collection after each so that its garbage is not billed to the next. */
export function measureEachSize<T>(sizes: number[], measure: (size: number) => T): T[] {
  if (!gcExposed) progress('node was started without --expose-gc: garbage from one size may be collected during the next');
  return sizes.map((size) => {
    const result = measure(size);
    collectGarbage();
    return result;
  });
}

/** The phase breakdown of each size, labelled `2,000 lines` (for `unit` 'lines'), for `renderPhaseTable`. */
export function breakdownEachSize(sizes: number[], unit: string, breakdown: (size: number) => PhaseTime[]): PhaseBreakdown[] {
  return sizes.map((size) => {
    progress(`${formatCount(size)} ${unit}: phase breakdown`);
    return { label: `${formatCount(size)} ${unit}`, phases: breakdown(size) };
  });
}

/**
 * One size (`label` in the progress line): the findings with every rule on, then the parser alone, analyze with
 * every rule and analyze with the default configuration, interleaved call by call.
 */
export function measureSize(
  label: string,
  parse: () => unknown,
  analyzeEvery: () => unknown[],
  analyzeDefault: () => unknown,
  plan: SamplingPlan,
): MeasuredSize {
  const findings = analyzeEvery().length;
  collectGarbage();
  progress(`${label}: parse and analyze, interleaved`);
  const [parsed, every, defaults] = sampleInterleaved([parse, analyzeEvery, analyzeDefault], plan);
  // Each round timed parse and analyze back to back, so the ratio within a round cancels slow swings in machine load.
  const overhead = summarize(every.map((time, round) => (time - parsed[round]) / parsed[round])).median;
  return { findings, parse: summarize(parsed), analyze: summarize(every), analyzeDefault: summarize(defaults), overhead };
}

export interface SizeRow {
  /** The cells before `findings`, which describe the input. */
  leading: string[];
  /** How many of `unit` the input has, for the per-unit columns. */
  units: number;
  measured: MeasuredSize;
}

/** One row per size: the input, then its timings; an overhead above `targetOverhead` is marked ✗. */
export function renderSizeTable(leadingHeaders: string[], unit: string, targetOverhead: number, rows: SizeRow[]): string {
  return renderTable(
    [
      ...leadingHeaders,
      'findings',
      'parse median',
      'analyze median',
      'analyze p95',
      'analyze min',
      `overhead (≤ ${formatPercent(targetOverhead)})`,
      `analyze / ${unit}`,
      `parse / ${unit}`,
      'analyze, default config',
      'samples',
    ],
    rows.map(({ leading, units, measured: t }) => [
      ...leading,
      String(t.findings),
      formatMs(t.parse.median),
      formatMs(t.analyze.median),
      formatMs(t.analyze.p95),
      formatMs(t.analyze.min),
      `${formatPercent(t.overhead)} ${t.overhead <= targetOverhead ? '' : '✗'}`.trim(),
      formatMicros(t.analyze.median / units),
      formatMicros(t.parse.median / units),
      formatMs(t.analyzeDefault.median),
      String(t.analyze.count),
    ]),
  );
}

/** Rows of target, measured figure and verdict. */
export function renderTargetTable(rows: [target: string, measured: string, verdict: string][]): string {
  return renderTable(
    [
      { header: 'target', align: 'left' },
      { header: 'measured', align: 'left' },
      { header: 'verdict', align: 'left' },
    ],
    rows,
  );
}

export interface PhaseTime {
  phase: string;
  median: number;
}

/**
 * The median time of each phase over rounds, after a warm-up of 1.5 s: at least 40 rounds, then more for up to
 * 5 s (2,000 at most). `round` runs every phase once, fresh, and returns their times in the order of `phases`.
 */
export function medianPerPhase(phases: string[], round: () => number[]): PhaseTime[] {
  const samples: number[][] = phases.map(() => []);
  const warmupEnd = nowMs() + 1_500;
  while (nowMs() < warmupEnd) round();
  collectGarbage();
  const end = nowMs() + 5_000;
  for (let i = 0; i < 40 || (nowMs() < end && i < 2_000); i++) round().forEach((time, k) => samples[k].push(time));
  return phases.map((phase, i) => ({ phase, median: summarize(samples[i]).median }));
}

export interface PhaseBreakdown {
  label: string;
  phases: PhaseTime[];
}

/** One row per phase, a time and share column per size, slowest phases first (by the last, largest size). */
export function renderPhaseTable(breakdowns: PhaseBreakdown[]): string {
  const totals = breakdowns.map((b) => b.phases.reduce((sum, p) => sum + p.median, 0));
  const last = breakdowns[breakdowns.length - 1].phases;
  const order = last.map((_, i) => i).sort((a, b) => last[b].median - last[a].median);
  return renderTable(
    [{ header: 'phase', align: 'left' }, ...breakdowns.flatMap((b) => [b.label, 'share'])],
    order.map((i) => [
      last[i].phase,
      ...breakdowns.flatMap((b, k) => [formatMs(b.phases[i].median), `${((b.phases[i].median / totals[k]) * 100).toFixed(1)}%`]),
    ]),
  );
}

/** An engine benchmark's section of the report, laid out as every engine section is. */
export function engineSection(parts: { title: string; method: string; sizeTable: string; targetTable: string; phaseNote: string; phaseTable: string }): string {
  return [
    `## ${parts.title}`,
    '',
    parts.method,
    '',
    parts.sizeTable,
    '',
    parts.targetTable,
    '',
    '### Where the time goes (every rule, median per phase, a fresh model each round)',
    '',
    parts.phaseNote,
    '',
    parts.phaseTable,
  ].join('\n');
}
