import type { Colors } from './color';
import type { Report } from './results';
import type { Severity } from '../engine';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function formatText(report: Report, c: Colors): string {
  const paint: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const result of report.results) {
    for (const f of result.findings) {
      counts[f.severity]++;
      const where = `${result.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${c.bold(where)}  ${paint[f.severity](f.severity.padEnd(7))}  ${c.dim(`${f.code} ${f.ruleId}`)}  ${f.message}`);
    }
  }
  lines.push(summary(report, counts, c));
  return lines.join('\n') + '\n';
}

/**
 * The last line. It never says "No problems found" when a path could not be read or analysed: a check that did
 * not see its input has not passed.
 */
export function summary(report: Report, counts: Record<Severity, number>, c: Colors): string {
  const total = counts.error + counts.warning + counts.info;
  const files = plural(report.results.length, 'file');
  const found =
    total === 0
      ? `No problems found in ${files}.`
      : `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${files}.`;
  if (report.problems.length) {
    const incomplete = `Incomplete: ${plural(report.problems.length, 'path')} could not be read or analysed (see above).`;
    const analysed = total === 0 ? `0 problems in the ${files} analysed.` : found;
    return c.red(c.bold(incomplete)) + ' ' + analysed;
  }
  if (report.results.length === 0) return c.yellow('No Dockerfile or compose file found.');
  const colour = counts.error ? c.red : counts.warning ? c.yellow : total ? c.blue : c.green;
  return colour(c.bold(found));
}

export function countBySeverity(report: Report): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const result of report.results) for (const f of result.findings) counts[f.severity]++;
  return counts;
}
