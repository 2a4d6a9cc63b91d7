/**
 * Time linear in size: a piece of an input repeated n and 4n times in place (as lines, inline, or nested as an
 * opening and a closing part), each analysed; growth well beyond 4x is a super-linear path. The cases
 * were all of this shape (commands chained in a RUN, `#` repeated, suppression comments, nesting).
 */
import { analyze, type AnalyzeOptions } from '../../../server/src/engine/analyze';
import type { Random } from '../seeded-random';

export interface Growth {
  description: string;
  /** Characters of the two texts. */
  sizes: [number, number];
  /** Best times of the two texts. */
  ms: [number, number];
  ratio: number;
}

/** Linear growth gives 4; n log n and noise stay under this. */
export const SUPERLINEAR_RATIO = 6.5;
/** Below this, the larger text is fast whatever the ratio, and timer noise dominates. */
const NOISE_MS = 25;
const TARGET_CHARS = 12_000;

const NESTS: [string, string][] = [
  ['[', ']'],
  ['{a: ', '}'],
  ['- ', ''],
  ['$(', ')'],
  ['"$(', ')"'],
  ['`', '`'],
  ['(', ')'],
  ['${A:-', '}'],
  ['<<EOF\n', '\nEOF\n'],
];

export function amplify(text: string, rng: Random): { make: (copies: number) => string; unit: number; description: string } {
  const lines = text.split('\n');
  const roll = rng.next();
  if (roll < 0.35) {
    const at = rng.int(0, lines.length);
    const line = rng.pick(lines) || '#';
    return {
      make: (copies) => [...lines.slice(0, at), ...Array<string>(copies).fill(line), ...lines.slice(at)].join('\n'),
      unit: line.length + 1,
      description: `line ${JSON.stringify(line.slice(0, 60))} repeated before line ${at + 1}`,
    };
  }
  const offset = rng.int(0, text.length);
  if (roll < 0.8) {
    const start = rng.int(0, Math.max(0, text.length - 1));
    const piece = text.slice(start, start + rng.int(1, 40)) || ' ';
    return {
      make: (copies) => text.slice(0, offset) + piece.repeat(copies) + text.slice(offset),
      unit: piece.length,
      description: `${JSON.stringify(piece)} repeated at ${offset}`,
    };
  }
  const [open, close] = rng.pick(NESTS);
  return {
    make: (copies) => text.slice(0, offset) + open.repeat(copies) + close.repeat(copies) + text.slice(offset),
    unit: open.length + close.length,
    description: `nested in ${JSON.stringify(open)} at ${offset}`,
  };
}

function bestOf(runs: number, text: string, options: AnalyzeOptions): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    analyze(text, options);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Undefined when the growth is linear (or too fast to tell). */
export function checkGrowth(text: string, options: AnalyzeOptions, rng: Random): Growth | undefined {
  const { make, unit, description } = amplify(text, rng);
  const copies = Math.max(1, Math.ceil(TARGET_CHARS / unit));
  const small = make(copies);
  const large = make(copies * 4);
  let ms: [number, number] = [bestOf(2, small, options), bestOf(2, large, options)];
  if (ms[1] < NOISE_MS || ms[1] < SUPERLINEAR_RATIO * ms[0]) return undefined;
  // Confirm on a quieter measurement before calling it super-linear.
  ms = [bestOf(5, small, options), bestOf(5, large, options)];
  const ratio = ms[1] / ms[0];
  if (ms[1] < NOISE_MS || ratio < SUPERLINEAR_RATIO) return undefined;
  return { description, sizes: [small.length, large.length], ms, ratio };
}
