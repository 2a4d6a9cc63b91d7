import { DEFAULT_CONFIG, severityOf, type ResolvedConfig } from './config';
import { parseDockerfile, type DockerfileModel } from './documents/dockerfile';
import { looksBinary, MAX_ANALYSED_CHARS } from './input-limits';
import type { DockerfileRule, Report } from './rule';
import { dockerfileRules } from './rules';
import { notAnalyzed } from './rules/meta/not-analyzed';
import { comparePositions } from './text';
import type { DocumentKind, Finding, RuleMeta } from './types';

export interface AnalyzeOptions {
  kind: DocumentKind;
  uri?: string;
  config?: ResolvedConfig;
  /** Restricts the run to these rules (the rule tester uses it); default: every rule. */
  rules?: DockerfileRule[];
  /**
   * Called when a rule throws. The default rethrows, so a broken rule fails its tests loudly;
   * the server and the CLI log instead, so one broken rule never hides the others' findings.
   */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

const rethrow = (_ruleId: string, error: unknown) => {
  throw error;
};

export function analyze(text: string, options: AnalyzeOptions): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const unreadable = checkInput(text, config);
  if (unreadable) return unreadable;

  const findings: Finding[] = [];
  if (options.kind === 'dockerfile') {
    const model = parseDockerfile(text);
    runRules(options.rules ?? dockerfileRules, model, config, options, findings);
  }
  return findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.code.localeCompare(b.code));
}

function runRules(
  rules: DockerfileRule[],
  model: DockerfileModel,
  config: ResolvedConfig,
  options: AnalyzeOptions,
  findings: Finding[],
): void {
  const onRuleError = options.onRuleError ?? rethrow;
  for (const rule of rules) {
    const severity = severityOf(rule.meta, config);
    if (severity === 'off') continue;
    const report = (r: Report) => findings.push(toFinding(rule.meta, severity, r));
    try {
      rule.check({ model, config, uri: options.uri, report });
    } catch (error) {
      onRuleError(rule.meta.id, error);
    }
  }
}

function toFinding(meta: RuleMeta, severity: Finding['severity'], report: Report): Finding {
  return {
    ruleId: meta.id,
    code: meta.code,
    severity,
    message: report.message,
    range: report.range,
    fixes: report.fixes ?? [],
  };
}

function checkInput(text: string, config: ResolvedConfig): Finding[] | undefined {
  let reason: string | undefined;
  if (text.length > MAX_ANALYSED_CHARS) {
    reason = `it is larger than ${MAX_ANALYSED_CHARS / (1024 * 1024)} MB`;
  } else if (looksBinary(text)) {
    reason = 'it looks binary, not text';
  }
  if (!reason) return undefined;
  const severity = severityOf(notAnalyzed, config);
  if (severity === 'off') return [];
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [toFinding(notAnalyzed, severity, { range, message: `dockguard did not analyse this file: ${reason}.` })];
}
