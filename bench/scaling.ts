// The time budget: every family of bench/support/hostile-inputs.ts analysed at n and 4n characters (growth
// beyond 4x flags a super-linear path) and at the size limit, each size in a process of its own (time, and the
// peak memory the analysis added); and at the size the language server analyses as you type, the longest step
// of its stepped analysis, which is how long the server can be kept from answering. Not part of `npm run bench` (the issue's old cases take minutes on a
// baseline); run it as
//   node --import tsx bench/scaling.ts [--engine <tree>] [--family <text>] [--limit <chars>] [--timeout <s>]
// where --engine names another checkout (e.g. a `git archive` of a baseline commit, with node_modules linked)
// whose engine is measured instead, on the same inputs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_ANALYSED_CHARS, MAX_TYPING_CHARS } from '../server/src/engine';
import { FAMILIES } from './support/hostile-inputs';
import { emitSection, progress } from './support/report';
import { formatMs, renderTable } from './support/table';

const argument = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const BUDGET_MS = 200;
/** Growth over 4x between n and 4n, beyond what n log n and noise give. */
const SUPERLINEAR = 5.5;

interface Measure {
  ms: number;
  /** The longest step of analysisSteps, wall time (undefined for an engine without it, or for fix-all). */
  stepMs?: number;
  mb: number;
  findings: number;
  timedOut?: boolean;
}

if (process.argv.includes('--child')) {
  void child();
} else {
  parent();
}

/** One family at one size, in this process: a warm-up on a quarter of it, then the best of up to three runs. */
async function child(): Promise<void> {
  const [index, chars, engine] = process.argv.slice(process.argv.indexOf('--child') + 1);
  const family = FAMILIES[Number(index)];
  const { analyze, fixAll, analysisSteps } = await loadEngine(engine);
  const run = (text: string) => (family.fixAll ? fixAll(text, { kind: family.kind }).applied : analyze(text, { kind: family.kind }).length);
  const text = family.make(Number(chars));
  run(family.make(Math.max(1_000, Math.floor(Number(chars) / 16))));
  const before = process.memoryUsage().rss;
  let best = Infinity;
  let findings = 0;
  for (let i = 0; i < 3 && (i === 0 || best < 2_000); i++) {
    // Processor time, not wall time: on a machine shared with other work the wall clock measures the others too.
    const start = process.cpuUsage();
    findings = run(text);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  const mb = (process.resourceUsage().maxRSS * 1024 - before) / 1024 / 1024;
  let stepMs: number | undefined;
  if (analysisSteps && !family.fixAll) {
    for (let i = 0; i < 3; i++) {
      const steps = analysisSteps(text, { kind: family.kind, maxChars: MAX_TYPING_CHARS[family.kind] });
      let longest = 0;
      for (let done = false; !done;) {
        const start = performance.now();
        done = steps.next().done === true;
        longest = Math.max(longest, performance.now() - start);
      }
      stepMs = Math.min(stepMs ?? Infinity, longest);
    }
  }
  process.stdout.write(JSON.stringify({ ms: best, mb: Math.max(0, mb), findings, stepMs }));
}

function measure(index: number, chars: number, engine: string, timeoutS: number): Measure {
  const result = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', String(index), String(chars), engine], {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    maxBuffer: 1 << 20,
  });
  if (result.error || result.status !== 0) return { ms: timeoutS * 1000, mb: NaN, findings: NaN, timedOut: true };
  return JSON.parse(result.stdout) as Measure;
}

function parent(): void {
  const engine = path.resolve(argument('engine') ?? path.join(__dirname, '..'));
  const only = argument('family');
  const timeoutS = Number(argument('timeout') ?? 120);
  const limit = Number(argument('limit') ?? MAX_ANALYSED_CHARS);
  const rows: string[][] = [];
  const flagged: string[] = [];
  FAMILIES.forEach((family, index) => {
    if (only && !family.name.includes(only)) return;
    progress(family.name);
    const small = measure(index, Math.floor(limit / 16), engine, timeoutS);
    const large = small.timedOut ? small : measure(index, Math.floor(limit / 4), engine, timeoutS);
    const atLimit = large.timedOut ? large : measure(index, limit, engine, timeoutS);
    // Just under the limit: a family's text comes out a little longer or shorter than asked.
    const typing = measure(index, Math.floor(MAX_TYPING_CHARS[family.kind] * 0.97), engine, timeoutS);
    const ratio = large.ms / small.ms;
    const superlinear = !large.timedOut && large.ms > 20 && ratio > SUPERLINEAR;
    if (superlinear || (typing.stepMs ?? 0) > BUDGET_MS || typing.timedOut) flagged.push(family.name);
    const time = (m: Measure) => (m.timedOut ? `> ${timeoutS} s` : formatMs(m.ms));
    rows.push([
      family.name + (family.fixAll ? ' (fix-all)' : ''),
      family.kind,
      time(small),
      time(large),
      large.timedOut ? '' : `${ratio.toFixed(1)}x${superlinear ? ' !' : ''}`,
      time(atLimit),
      atLimit.timedOut ? '' : `${atLimit.mb.toFixed(0)} MB`,
      atLimit.timedOut ? '' : String(atLimit.findings),
      typing.timedOut ? `> ${timeoutS} s` : typing.stepMs === undefined ? '' : formatMs(typing.stepMs),
      family.issue ?? '',
    ]);
  });
  const kb = (chars: number) => `${Math.round(chars / 1024)} KB`;
  emitSection(
    [
      `## Time budget (engine: ${path.relative(process.cwd(), engine) || '.'})`,
      '',
      renderTable(
        [
          { header: 'input', align: 'left' },
          { header: 'kind', align: 'left' },
          kb(limit / 16),
          kb(limit / 4),
          'growth',
          kb(limit),
          'memory',
          'findings',
          'longest step, as you type',
          { header: 'issue 12', align: 'left' },
        ],
        rows,
      ),
      '',
      `Processor time (user and system, so garbage collection on other threads counts too), best of up to three runs after a warm-up, each size in a fresh process; *growth* is the time at ${kb(limit / 4)} over the time at ${kb(limit / 16)} (4 is linear, ! marks more than ${SUPERLINEAR}); *memory* is the peak resident memory the analysis added at ${kb(limit)}; *longest step, as you type* is the longest step of the language server's stepped analysis (wall time, best of three) at the size it analyses as you type (${kb(MAX_TYPING_CHARS.dockerfile)} of Dockerfile, ${kb(MAX_TYPING_CHARS.compose)} of compose file), the longest the server goes without answering. Budget: ${BUDGET_MS} ms per step (the CLI's whole analysis at ${kb(limit)} is shown, not bound).`,
      flagged.length ? `\nOver the budget or super-linear: ${flagged.join('; ')}.` : '\nEvery input within the budget and linear.',
    ].join('\n'),
  );
}

type Engine = Pick<typeof import('../server/src/engine'), 'analyze' | 'fixAll'> & Partial<Pick<typeof import('../server/src/engine'), 'analysisSteps'>>;

/** The engine of a tree: its index, or (a tree from before the index) the two modules themselves. */
async function loadEngine(root: string): Promise<Engine> {
  const engine = path.join(root, 'server/src/engine');
  if (fs.existsSync(path.join(engine, 'index.ts'))) return (await import(path.join(engine, 'index.ts'))) as Engine;
  const { analyze } = (await import(path.join(engine, 'analyze.ts'))) as Engine;
  const { fixAll } = (await import(path.join(engine, 'fix-all.ts'))) as Engine;
  return { analyze, fixAll };
}
