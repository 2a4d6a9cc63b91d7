/**
 * Seeded mutations for the equivalence corpora: edits that make a file look half-typed, pasted or re-saved.
 * A corpus is built in sequence from one generator, so the order of the draws is part of what it contains.
 */
import type { NamedText } from './corpus';
import type { Random } from './seeded-random';

export interface Mutation {
  text: string;
  /** What was done, for the input's name. */
  how: string;
}

/** Where a mutation may act: a random line and a random offset, drawn before the edit is chosen. */
export interface MutationSite {
  text: string;
  /** The text's lines, the edit's own copy. */
  lines: string[];
  at: number;
  offset: number;
}

export type Edit = (site: MutationSite, rng: Random, pool: readonly string[]) => Mutation;

/**
 * One mutation: a site, then one of `edits`, equally likely (list an edit twice to double its weight).
 * The draws come in this order, the order the corpora were first built with.
 */
export function mutate(text: string, rng: Random, pool: readonly string[], edits: readonly Edit[]): Mutation {
  const lines = text.split('\n');
  const at = rng.int(0, Math.max(0, lines.length - 1));
  const offset = rng.int(0, text.length);
  return edits[rng.int(0, edits.length - 1)]({ text, lines, at, offset }, rng, pool);
}

export interface CopyPlan {
  perInput: number;
  /** Longer inputs get no copies: large generated files are covered by the smaller ones' mutations. */
  maxLength: number;
  /** How many mutations deep one copy is; drawing nothing keeps the draws of a one-step corpus as they were. */
  steps: (rng: Random) => number;
}

/** `perInput` mutated copies of each input, named after it and what was done, drawn in input order. */
export function mutatedCopies(inputs: NamedText[], rng: Random, pool: readonly string[], edits: readonly Edit[], plan: CopyPlan): NamedText[] {
  const copies: NamedText[] = [];
  for (const entry of inputs) {
    if (entry.text.length > plan.maxLength) continue;
    for (let i = 0; i < plan.perInput; i++) {
      let text = entry.text;
      const hows: string[] = [];
      for (let k = plan.steps(rng); k > 0; k--) {
        const step = mutate(text, rng, pool, edits);
        text = step.text;
        hows.push(step.how);
      }
      copies.push({ name: `${entry.name} / mutation ${i + 1}: ${hows.join('; ')}`, text });
    }
  }
  return copies;
}

// Edits that mean the same in any line-based format: a half-typed, pasted or re-saved file.

export const cutAtOffset: Edit = ({ text, offset }) => ({ text: text.slice(0, offset), how: `cut at ${offset}` });

export const deleteLine: Edit = ({ lines, at }) => {
  lines.splice(at, 1);
  return { text: lines.join('\n'), how: `line ${at + 1} deleted` };
};

export const doubleLine: Edit = ({ lines, at }) => {
  lines.splice(at, 0, lines[at] ?? '');
  return { text: lines.join('\n'), how: `line ${at + 1} doubled` };
};

export const swapWithNextLine: Edit = ({ lines, at }) => {
  if (at + 1 < lines.length) [lines[at], lines[at + 1]] = [lines[at + 1], lines[at]];
  return { text: lines.join('\n'), how: `lines ${at + 1} and ${at + 2} swapped` };
};

export const insertPoolLines: Edit = ({ lines }, rng, pool) => {
  const added = rng.int(1, 3);
  for (let i = 0; i < added; i++) lines.splice(rng.int(0, lines.length), 0, rng.pick(pool));
  return { text: lines.join('\n'), how: `${added} lines from other inputs inserted` };
};

export const crlfLineEnds: Edit = ({ text }) => ({ text: text.replace(/\r?\n/g, '\r\n'), how: 'CRLF line ends' });

export const deleteCharacter: Edit = ({ text, offset }) => {
  const removed = text.charAt(offset);
  return { text: text.slice(0, offset) + text.slice(offset + 1), how: `character ${JSON.stringify(removed)} at ${offset} deleted` };
};
