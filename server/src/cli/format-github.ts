// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's changed lines and in
// the run's summary. https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
import { ruleDocsUrl } from '../docs-location';
import type { Severity } from '../engine';
import { colors } from './color';
import { countBySeverity, summary } from './format-text';
import { repositoryPath } from './report-paths';
import type { Report } from './results';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A command's message: the runner reads `%`, CR and LF as escapes. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const problem of report.problems) {
    lines.push(command('error', { file: repositoryPath(problem.path), title: 'dockguard could not analyse this file' }, problem.reason));
  }
  for (const result of report.results) {
    const file = repositoryPath(result.path);
    for (const f of result.findings) {
      const { start, end } = f.range;
      const properties = {
        file,
        line: start.line + 1,
        endLine: end.line + 1,
        col: start.character + 1,
        endColumn: end.character + 1,
        title: `${f.code} ${f.ruleId}`,
      };
      lines.push(command(COMMAND[f.severity], properties, `${f.message}\n${ruleDocsUrl(f.ruleId)}`));
    }
  }
  lines.push(summary(report, countBySeverity(report), colors(false)));
  return lines.join('\n') + '\n';
}
