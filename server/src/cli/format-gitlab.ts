// GitLab CI Code Quality report (a subset of the Code Climate issue format): findings appear in merge request
// widgets and diffs when the job declares `artifacts: reports: codequality: <file>`.
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
import { ruleDocsUrl } from '../docs-location';
import type { Severity } from '../engine';
import { fingerprints } from './fingerprint';
import { repositoryPath } from './report-paths';
import type { Report } from './results';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const SEVERITY: Record<Severity, GitlabSeverity> = { error: 'critical', warning: 'major', info: 'info' };

export interface GitlabIssue {
  type: 'issue';
  check_name: string;
  description: string;
  content: { body: string };
  categories: string[];
  severity: GitlabSeverity;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(report: Report): string {
  const issues: GitlabIssue[] = report.results.flatMap((result) => {
    const path = repositoryPath(result.path);
    const prints = fingerprints(result, path);
    return result.findings.map((f, i) => ({
      type: 'issue' as const,
      check_name: f.ruleId,
      description: `${f.code} ${f.message}`,
      content: { body: `[${f.code} ${f.ruleId}](${ruleDocsUrl(f.ruleId)})` },
      categories: ['Security'],
      severity: SEVERITY[f.severity],
      fingerprint: prints[i],
      location: { path, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
    }));
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
