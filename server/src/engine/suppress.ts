import { findRule } from './rules';
import { rulesForHadolintCode } from './config-file';
import type { LineIndex } from './text';
import type { Finding, Range, RuleMeta } from './types';

/**
 * Inline suppressions:
 *   # dockguard-ignore <rule>[,<rule>] -- <reason>        the next instruction or YAML entry
 *   # dockguard-ignore-file <rule>[,<rule>] -- <reason>   the whole file
 *   # hadolint ignore=DL3002,DL3008                       hadolint's form, for the rules with those codes
 *   # hadolint global ignore=DL3002                       hadolint's file-wide form
 * Rules are named by id or code.
 */
export interface Suppression {
  source: 'dockguard' | 'hadolint';
  scope: 'next' | 'file';
  /** The names as written, each with the rules it stands for (none when unknown). */
  names: { name: string; rules: RuleMeta[] }[];
  reason?: string;
  /** The comment itself. */
  range: Range;
  /** Lines covered, for `next`: the whole instruction or entry after the comment. */
  lines?: { start: number; end: number };
}

/** A line range of something a suppression can cover: an instruction, a YAML entry. */
export interface Extent {
  start: number;
  end: number;
}

const DOCKGUARD = /^#\s*dockguard-ignore(-file)?\b(.*)$/;
const HADOLINT = /^#\s*hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9,\s]*)$/;

/** Parses one comment line (already trimmed); undefined when it is not a suppression. */
export function parseSuppressionComment(comment: string): Omit<Suppression, 'range' | 'lines'> | undefined {
  const own = DOCKGUARD.exec(comment);
  if (own) {
    const [body, reason] = splitReason(own[2]);
    return { source: 'dockguard', scope: own[1] ? 'file' : 'next', names: namesOf(body, (name) => ruleFor(name)), reason };
  }
  const hadolint = HADOLINT.exec(comment);
  if (hadolint) {
    return { source: 'hadolint', scope: hadolint[1] ? 'file' : 'next', names: namesOf(hadolint[2], rulesForHadolintCode) };
  }
  return undefined;
}

function splitReason(text: string): [string, string | undefined] {
  const index = text.indexOf('--');
  if (index < 0) return [text, undefined];
  const reason = text.slice(index + 2).trim();
  return [text.slice(0, index), reason || undefined];
}

function namesOf(text: string, lookup: (name: string) => RuleMeta[]) {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((name) => ({ name, rules: lookup(name) }));
}

function ruleFor(name: string): RuleMeta[] {
  const rule = findRule(name);
  return rule ? [rule] : [];
}

/** A name stands for a finding by its id or code, or through a hadolint code's equivalent rules. */
function names(name: { name: string; rules: RuleMeta[] }, finding: Finding): boolean {
  const written = name.name;
  return written === finding.ruleId || written.toUpperCase() === finding.code || name.rules.some((rule) => rule.id === finding.ruleId);
}

/** Cheap test first: most files have no suppression at all, and this runs on every keystroke. */
export function mayHaveSuppressions(text: string): boolean {
  return text.includes('dockguard-ignore') || text.includes('hadolint');
}

/**
 * Finds suppression comments. `extentAt(line)` tells what a `next` suppression covers when the next
 * meaningful line is `line`; blank lines and other comments between them are skipped.
 */
export function findSuppressions(lines: LineIndex, extentAt: (line: number) => Extent): Suppression[] {
  const found: Suppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const trimmed = text.trim();
    if (!trimmed.startsWith('#') || !(trimmed.includes('dockguard-ignore') || trimmed.includes('hadolint'))) continue;
    const parsed = parseSuppressionComment(trimmed);
    if (!parsed) continue;
    const indent = text.length - text.trimStart().length;
    const suppression: Suppression = { ...parsed, range: { start: { line, character: indent }, end: { line, character: text.length } } };
    if (parsed.scope === 'next') {
      let next = line + 1;
      while (next < lines.lineCount && /^\s*(#.*)?$/.test(lines.lineText(next))) next++;
      if (next < lines.lineCount) suppression.lines = extentAt(next);
    }
    found.push(suppression);
  }
  return found;
}

export interface SuppressionOutcome {
  findings: Finding[];
  /** Suppressions, or their names, that did nothing: unknown rules, no matching finding. */
  /** With the `unused-suppression` message that says why. */
  unused: { suppression: Suppression; messageId: 'noRule' | 'unknownRule' | 'unused'; data?: Record<string, string> }[];
}

/**
 * Drops the findings suppressions cover and tells which suppressions did nothing. A name only counts as unused
 * when its rule was active: a suppression for a rule the configuration turned off is not noise to report.
 */
export function applySuppressions(findings: Finding[], suppressions: Suppression[], isActive: (rule: RuleMeta) => boolean): SuppressionOutcome {
  const used = new Set<string>();
  const key = (s: number, n: number) => `${s}:${n}`;
  const kept = findings.filter((finding) => {
    let suppressed = false;
    suppressions.forEach((suppression, s) => {
      if (suppression.scope === 'next') {
        const covered = suppression.lines;
        if (!covered || finding.range.start.line < covered.start || finding.range.start.line > covered.end) return;
      }
      suppression.names.forEach((name, n) => {
        if (names(name, finding)) {
          used.add(key(s, n));
          suppressed = true;
        }
      });
    });
    return !suppressed;
  });

  const unused: SuppressionOutcome['unused'] = [];
  suppressions.forEach((suppression, s) => {
    // hadolint's comments may still be needed by hadolint itself: never call them unused.
    if (suppression.source === 'hadolint') return;
    if (suppression.names.length === 0) {
      unused.push({ suppression, messageId: 'noRule' });
      return;
    }
    suppression.names.forEach((name, n) => {
      if (used.has(key(s, n))) return;
      if (name.rules.length === 0) {
        unused.push({ suppression, messageId: 'unknownRule', data: { name: name.name } });
        return;
      }
      if (!name.rules.some(isActive)) return;
      const where = suppression.scope === 'file' ? 'in this file' : 'on the next entry';
      unused.push({ suppression, messageId: 'unused', data: { where, name: name.name } });
    });
  });
  return { findings: kept, unused };
}
