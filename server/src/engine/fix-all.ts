import { analyze, type AnalyzeOptions } from './analyze';
import { applyFixes, safeFixes } from './fixes';

export interface FixAllResult {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
  passes: number;
}

export const MAX_PASSES = 10;

/**
 * Applies every safe fix, then analyses again and repeats while fixes remain, because one fix can make room
 * for another (or a skipped overlapping fix still applies to the new text). Suggestions are never applied.
 * Stops when a pass changes nothing, so it always terminates.
 */
export function fixAll(text: string, options: AnalyzeOptions): FixAllResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const fixes = safeFixes(analyze(current, options));
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    passes++;
    if (result.applied.length === 0 || result.text === current) break;
    applied += result.applied.length;
    current = result.text;
  }
  return { text: current, applied, passes };
}

/** The smallest single edit that turns `before` into `after`: one replace of the differing middle. */
export function minimalEdit(before: string, after: string): { start: number; end: number; newText: string } | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}
