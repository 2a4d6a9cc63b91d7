import { createHash } from 'node:crypto';
import type { FileResult } from './results';

/**
 * A fingerprint per finding that survives edits elsewhere in the file: the rule, the file, the flagged line's
 * text with its spacing normalised, and which occurrence of that same line and rule it is. Line numbers are left
 * out, so a finding keeps its identity when lines are added above it (GitHub code scanning and GitLab use it to
 * tell a moved finding from a new one).
 */
export function fingerprints(result: FileResult, file: string): string[] {
  const lines = result.text.split(/\r\n|\r|\n/);
  const seen = new Map<string, number>();
  return result.findings.map((finding) => {
    const line = (lines[finding.range.start.line] ?? '').trim().replace(/\s+/g, ' ');
    const key = [finding.ruleId, file, line].join('\u0000');
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex');
  });
}
