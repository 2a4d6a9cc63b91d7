import { LineIndex } from './text';
import type { Finding, Fix, Range, TextEdit } from './types';

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function toOffsetEdits(index: LineIndex, edits: TextEdit[]): OffsetEdit[] {
  return edits
    .map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Edits conflict when they change the same text, or when one inserts strictly inside text the other replaces.
 * Insertions at the same point do not conflict: they land in the order the fixes were accepted (two compose
 * fixes that each append a key to the same service both apply).
 */
function conflicts(x: OffsetEdit, y: OffsetEdit): boolean {
  if (x.start < y.end && y.start < x.end) return true;
  const inside = (point: number, edit: OffsetEdit) => edit.start < point && point < edit.end;
  return (x.start === x.end && inside(x.start, y)) || (y.start === y.end && inside(y.start, x));
}

/**
 * The accepted edits, by start: they never conflict with each other, so by start they are also by end, and the
 * few that can conflict with a new edit are found with a binary search (a pairwise check was quadratic in the
 * number of fixes: 25,000 unused suppressions took minutes to remove).
 */
class TakenEdits {
  readonly edits: OffsetEdit[] = [];

  conflicts(edits: OffsetEdit[]): boolean {
    return edits.some((edit) => this.conflictsWith(edit));
  }

  add(edits: OffsetEdit[]): void {
    for (const edit of edits) {
      let at = this.edits.length;
      // Fixes mostly come in document order: the common case appends.
      while (at > 0 && compareEdits(this.edits[at - 1], edit) > 0) at--;
      this.edits.splice(at, 0, edit);
    }
  }

  private conflictsWith(edit: OffsetEdit): boolean {
    // The first accepted edit that ends at or after this one's start: those before it end too early to conflict.
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.edits[mid].end < edit.start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.edits.length && this.edits[i].start <= edit.end; i++) if (conflicts(edit, this.edits[i])) return true;
    return false;
  }
}

function compareEdits(a: OffsetEdit, b: OffsetEdit): number {
  return a.start - b.start || a.end - b.end;
}

/** Indentation of an insertion's first line; -1 for replacements. */
function insertionDepth(edit: OffsetEdit): number {
  if (edit.start !== edit.end) return -1;
  return /^(?:\r?\n)*( *)/.exec(edit.newText)![1].length;
}

function splice(text: string, edits: OffsetEdit[]): string {
  // A stable sort keeps same-point insertions in acceptance order, and puts them before a replacement there.
  // Among same-point insertions the more indented goes first: in YAML, keys added to a nested mapping that ends
  // here (`deploy.resources`) must come before a key added to its parent, or they would nest under that key.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || insertionDepth(b) - insertionDepth(a));
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = Math.max(cursor, edit.end);
  }
  return out + text.slice(cursor);
}

/** Applies one set of edits that belong together (one fix). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return splice(text, toOffsetEdits(new LineIndex(text), edits));
}

export interface AppliedFixes {
  text: string;
  applied: Fix[];
  skipped: Fix[];
}

/**
 * Applies several fixes in one pass. A fix whose edits overlap an earlier accepted fix is skipped whole,
 * never half-applied; running the analysis again on the result picks it up if it still applies.
 */
export function applyFixes(text: string, fixes: Fix[]): AppliedFixes {
  const index = new LineIndex(text);
  const taken = new TakenEdits();
  const inOrder: OffsetEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const edits = toOffsetEdits(index, fix.edits);
    if (taken.conflicts(edits)) {
      skipped.push(fix);
      continue;
    }
    taken.add(edits);
    inOrder.push(...edits);
    applied.push(fix);
  }
  return { text: splice(text, inOrder), applied, skipped };
}

/** The safe fixes of a set of findings: what "fix all" and `--fix` apply. Suggestions are never included. */
export function safeFixes(findings: Finding[]): Fix[] {
  const fixes: Fix[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.kind === 'fix');
    if (fix) fixes.push(fix);
  }
  return fixes;
}

// Small edit builders so rules read as intent, not as range arithmetic.

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

export function insertAt(position: Range['start'], newText: string): TextEdit {
  return { range: { start: position, end: position }, newText };
}

export function remove(range: Range): TextEdit {
  return { range, newText: '' };
}
