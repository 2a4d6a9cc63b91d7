import type { FileResult, Report } from './results';

/** One object per finding; positions are 1-based, columns count UTF-16 code units as LSP does. */
export interface JsonFinding {
  file: string;
  ruleId: string;
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A safe fix exists (`--fix` would apply it). */
  fixable: boolean;
}

export function toJsonFindings(results: FileResult[]): JsonFinding[] {
  return results.flatMap((result) =>
    result.findings.map((f) => ({
      file: result.path,
      ruleId: f.ruleId,
      code: f.code,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      fixable: f.fixes.some((fix) => fix.kind === 'fix'),
    })),
  );
}

export function formatJson(report: Report): string {
  return JSON.stringify(toJsonFindings(report.results), null, 2) + '\n';
}
