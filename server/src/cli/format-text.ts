import type { FileResult } from './results';

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const result of results) {
    for (const f of result.findings) {
      counts[f.severity]++;
      const where = `${result.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}  ${f.severity.padEnd(7)}  ${f.code} ${f.ruleId}  ${f.message}`);
    }
  }
  const total = counts.error + counts.warning + counts.info;
  const files = results.length === 1 ? '1 file' : `${results.length} files`;
  lines.push(
    total === 0
      ? `No problems found in ${files}.`
      : `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) in ${files}.`,
  );
  return lines.join('\n') + '\n';
}
