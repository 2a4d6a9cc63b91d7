// How long the language server can be kept from answering by one analysis: the server core runs the engine's
// analysisSteps (parse, each rule, suppressions) and gives the event loop a turn between steps once a slice of
// SLICE_MS has passed, so the longest uninterrupted stretch is about max(SLICE_MS, longest single step).
// `node --import tsx bench/scheduler-steps.ts` prints, for the benchmark files, the whole analysis and its longest
// step (median of several runs each), in the same run.
import { analysisSteps, analyze, resolveConfig, type DocumentKind } from '../server/src/engine';
import { SLICE_MS } from '../server/src/lsp/server-core';
import { generateCompose } from './support/generate-compose';
import { generateDockerfile } from './support/generate-dockerfile';

const config = resolveConfig({ profile: 'strict' });
const ROUNDS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(kind: DocumentKind, text: string): { whole: number; longestStep: number; parse: number; steps: number } {
  const wholes: number[] = [];
  const longest: number[] = [];
  const parses: number[] = [];
  let steps = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    analyze(text, { kind, config });
    wholes.push(performance.now() - start);
    const run = analysisSteps(text, { kind, config });
    let max = 0;
    steps = 0;
    for (;;) {
      start = performance.now();
      const step = run.next();
      const took = performance.now() - start;
      if (steps === 0) parses.push(took);
      max = Math.max(max, took);
      steps++;
      if (step.done) break;
    }
    longest.push(max);
  }
  return { whole: median(wholes), longestStep: median(longest), parse: median(parses), steps };
}

const rows: string[] = [];
for (const lines of [20, 200, 2_000, 10_000]) {
  const result = measure('dockerfile', generateDockerfile(lines));
  rows.push(
    `| Dockerfile, ${lines.toLocaleString('en')} lines | ${result.whole.toFixed(2)} | ${result.longestStep.toFixed(2)} | ${result.parse.toFixed(2)} | ${result.steps} | ${(result.longestStep / result.whole).toFixed(2)} |`,
  );
}
for (const services of [3, 30, 300]) {
  const result = measure('compose', generateCompose(services));
  rows.push(
    `| compose, ${services} services | ${result.whole.toFixed(2)} | ${result.longestStep.toFixed(2)} | ${result.parse.toFixed(2)} | ${result.steps} | ${(result.longestStep / result.whole).toFixed(2)} |`,
  );
}
console.log(`Slice: ${SLICE_MS} ms (the server yields once a slice has passed, between two steps). Medians of ${ROUNDS} runs.\n`);
console.log('| file | whole analysis (ms) | longest step (ms) | of which the parse step (ms) | steps | longest step / whole |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
