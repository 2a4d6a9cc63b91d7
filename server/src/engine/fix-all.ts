import { analyze, type AnalyzeOptions } from './analyze';
import { applyFixes } from './fixes';
import type { Fix } from './types';

export interface FixAllResult {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
  passes: number;
  /** Titles of fixes that came back after being applied, and so were applied no more. */
  stalled: string[];
}

export const MAX_PASSES = 10;

/**
 * Applies every safe fix, then analyses again and repeats while fixes remain, because one fix can make room
 * for another (or a skipped overlapping fix still applies to the new text). Suggestions are never applied.
 * Stops when a pass changes nothing, so it always terminates; a fix that comes back as often as before it was
 * applied did not do its job, and is applied no more (else it would be appended until the pass limit).
 */
export function fixAll(text: string, options: AnalyzeOptions): FixAllResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  const stalled = new Set<string>();
  // How often each fix was offered before the last pass, for those the last pass applied.
  let appliedLast = new Map<string, number>();
  while (passes < MAX_PASSES) {
    const offered = new Map<string, number>();
    const byFix = new Map<Fix, string>();
    for (const finding of analyze(current, options)) {
      const fix = finding.fixes.find((f) => f.kind === 'fix');
      if (!fix) continue;
      const key = `${finding.ruleId}\u0000${finding.message}\u0000${fix.title}`;
      offered.set(key, (offered.get(key) ?? 0) + 1);
      byFix.set(fix, key);
    }
    for (const [key, before] of appliedLast) if ((offered.get(key) ?? 0) >= before) stalled.add(key);
    const fixes = [...byFix].filter(([, key]) => !stalled.has(key)).map(([fix]) => fix);
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    passes++;
    if (result.applied.length === 0 || result.text === current) break;
    applied += result.applied.length;
    current = result.text;
    appliedLast = new Map(result.applied.map((fix) => [byFix.get(fix)!, offered.get(byFix.get(fix)!)!]));
  }
  return { text: current, applied, passes, stalled: [...stalled].map((key) => key.slice(key.lastIndexOf('\u0000') + 1)) };
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
