/** Timing loops for synchronous work: warm-up first, then interleaved samples so drift hits every task alike. */

/** Milliseconds from a monotonic nanosecond clock. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs a full collection when node was started with --expose-gc, so one size's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';

export interface SamplingPlan {
  /** Warm-up per task: at least this long and this many calls, so V8 has optimised the hot paths. */
  warmupMs: number;
  warmupCalls: number;
  /** Stop sampling after this much measured time (all tasks together), once minSamples are in. */
  budgetMs: number;
  minSamples: number;
  maxSamples: number;
}

/** Keeps results reachable so no call can be optimised away as dead code. */
let sink: unknown;
export function consume(value: unknown): void {
  sink = value;
}
export function lastConsumed(): unknown {
  return sink;
}

/**
 * Times each task once per round, rotating which goes first, until the budget is spent.
 * Returns the per-call times in ms for each task, in the order the tasks were given.
 */
export function sampleInterleaved(tasks: (() => unknown)[], plan: SamplingPlan): number[][] {
  for (const task of tasks) {
    const start = nowMs();
    for (let calls = 0; calls < plan.warmupCalls || nowMs() - start < plan.warmupMs; calls++) consume(task());
  }
  collectGarbage();

  const samples: number[][] = tasks.map(() => []);
  let spent = 0;
  for (let round = 0; round < plan.maxSamples && (round < plan.minSamples || spent < plan.budgetMs); round++) {
    for (let k = 0; k < tasks.length; k++) {
      const index = (round + k) % tasks.length;
      const start = nowMs();
      consume(tasks[index]());
      const elapsed = nowMs() - start;
      samples[index].push(elapsed);
      spent += elapsed;
    }
  }
  return samples;
}
