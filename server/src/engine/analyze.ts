import { DEFAULT_CONFIG, severityIsConfigured, severityOf, type ResolvedConfig } from './config';
import { parseCompose, type ComposeModel } from './documents/compose';
import { parseDockerfile, type DockerfileModel } from './documents/dockerfile';
import { looksBinary, MAX_ANALYSED_CHARS } from './input-limits';
import { resolveRelative } from './paths';
import type { ComposeRule, DockerfileRule, Report, RuleContext } from './rule';
import { composeRules, dockerfileRules } from './rules';
import { notAnalyzed } from './rules/meta/not-analyzed';
import { yamlSyntax } from './rules/meta/yaml-syntax';
import { comparePositions } from './text';
import type { DocumentKind, Finding, RuleMeta } from './types';

/** Reads a file by absolute URI or path; undefined when it does not exist or cannot be read. */
export type FileReader = (uriOrPath: string) => string | undefined;

export interface AnalyzeOptions {
  kind: DocumentKind;
  uri?: string;
  config?: ResolvedConfig;
  /** Restricts the run to these rules (the rule tester uses it); default: every rule of the kind. */
  rules?: (DockerfileRule | ComposeRule)[];
  /** Lets rules read files the document refers to; without it, cross-file checks stay silent. */
  readFile?: FileReader;
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
    const rules = (options.rules ?? dockerfileRules) as DockerfileRule[];
    runRules(rules, parseDockerfile(text), config, options, findings);
  } else {
    const model = parseCompose(text);
    reportSyntaxErrors(model, config, findings);
    runRules((options.rules ?? composeRules) as ComposeRule[], model, config, options, findings);
    // Edits computed on a broken document could make it worse: offer fixes only once it parses.
    if (model.syntaxErrors.length) for (const finding of findings) finding.fixes = [];
  }
  return findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.code.localeCompare(b.code));
}

function runRules<Model>(
  rules: { meta: RuleMeta; check(context: RuleContext<Model>): void }[],
  model: Model,
  config: ResolvedConfig,
  options: AnalyzeOptions,
  findings: Finding[],
): void {
  const onRuleError = options.onRuleError ?? rethrow;
  const readFile = (relative: string) => {
    if (!options.readFile || !options.uri) return undefined;
    try {
      return options.readFile(resolveRelative(options.uri, relative));
    } catch {
      return undefined;
    }
  };
  for (const rule of rules) {
    const severity = severityOf(rule.meta, config);
    if (severity === 'off') continue;
    const configured = severityIsConfigured(rule.meta, config);
    const report = (r: Report) => findings.push(toFinding(rule.meta, configured ? severity : r.severity ?? severity, r));
    try {
      rule.check({ model, config, uri: options.uri, readFile, report });
    } catch (error) {
      onRuleError(rule.meta.id, error);
    }
  }
}

function reportSyntaxErrors(model: ComposeModel, config: ResolvedConfig, findings: Finding[]): void {
  const severity = severityOf(yamlSyntax, config);
  if (severity === 'off') return;
  for (const error of model.syntaxErrors) findings.push(toFinding(yamlSyntax, severity, error));
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
