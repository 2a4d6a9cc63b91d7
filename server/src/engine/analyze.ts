import { DEFAULT_CONFIG, severityIsConfigured, severityOf, type ResolvedConfig } from './config';
import { parseCompose, type ComposeModel } from './documents/compose';
import { dockerfileModel, type DockerfileModel } from './documents/dockerfile';
import { DockerfileUnits } from './documents/dockerfile-units';
import type { AnalysisState } from './analysis-state';
import { unitFindings, type UnitCheck } from './unit-findings';
import { MAX_YAML_NESTING } from './documents/yaml-parse';
import { looksBinary, MAX_ANALYSED_CHARS, MAX_INSTRUCTION_CHARS } from './input-limits';
import { checkDeclaredFixes, findingData, formatMessage } from './messages';
import { resolveRelative } from './paths';
import { parseDotEnv, type Env } from './documents/dotenv';
import type { ComposeRule, DockerfileRule, Report, RuleContext } from './rule';
import { composeRules, dockerfileRules } from './rules';
import { analysisFailed } from './rules/meta/analysis-failed';
import { fileNotRead } from './rules/meta/file-not-read';
import { notAnalyzed } from './rules/meta/not-analyzed';
import { yamlSyntax } from './rules/meta/yaml-syntax';
import { composeExtents, dockerfileExtents, type Extents } from './documents/extents';
import { removeSuppressionFix } from './ignore-actions';
import { suppressionForbidden } from './rules/meta/suppression-forbidden';
import { unusedSuppression } from './rules/meta/unused-suppression';
import { applySuppressions, findSuppressions, mayHaveSuppressions, type Suppression } from './suppress';
import { drain } from './steps';
import { compareFindings, type LineIndex } from './text';
import type { DirectoryEntry, DocumentKind, Finding, Range, RuleMeta, Severity } from './types';

/**
 * Reads a file by absolute URI or path: its text; undefined when it does not exist or cannot be read; `refused`
 * when the host would not read it (outside the workspace, not a regular file, too large), which the analysis
 * reports as a file-not-read finding where the reference is written.
 */
export type FileReader = (uriOrPath: string) => string | undefined | { refused: string };

/**
 * Lists a directory by absolute URI or path, shallowly: its entries (symbolic links as files, never followed);
 * undefined when it does not exist or cannot be listed; `refused` when the host would not list it (outside the
 * workspace, a link), reported like a refused read. Hosts cache the answer until a file-change notification.
 */
export type DirectoryLister = (uriOrPath: string) => readonly DirectoryEntry[] | undefined | { refused: string };

export interface AnalyzeOptions {
  kind: DocumentKind;
  uri?: string;
  config?: ResolvedConfig;
  /** Restricts the run to these rules (the rule tester uses it); default: every rule of the kind. */
  rules?: (DockerfileRule | ComposeRule)[];
  /** Lets rules read files the document refers to; without it, cross-file checks stay silent. */
  readFile?: FileReader;
  /** Lets rules see which files a directory holds (a Dockerfile's build context); without it, those checks stay silent. */
  listDirectory?: DirectoryLister;
  /**
   * Called when a rule, or the analysis around the rules, throws (`ruleId` is then `analysis`), so the host can log
   * it. The failure is reported as an analysis-failed finding either way, and the other rules' findings are
   * kept; a handler that rethrows (the rule tester's) makes the error escape instead.
   */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * What the previous analysis of the same document kept (createAnalysisState), for an analysis that re-parses
   * and re-checks only what the edit changed. The findings are exactly those of an analysis without it.
   */
  state?: AnalysisState;
  /**
   * Files longer than this are not analysed, with a note that says so; default and at most MAX_ANALYSED_CHARS.
   * The language server passes MAX_TYPING_CHARS of the kind: what it analyses must parse within its time budget.
   */
  maxChars?: number;
  /**
   * The moment the analysis is about, for rules that depend on the date (an end-of-life base image); default: now.
   * Tests pass a fixed date so their findings do not change as releases reach their end of life.
   */
  now?: Date;
}

/**
 * Never throws (unless `onRuleError` does): a failure anywhere in the analysis becomes one analysis-failed finding
 * for the file, and input that cannot be analysed (too large, binary, nested too deeply) one not-analyzed note.
 */
export function analyze(text: string, options: AnalyzeOptions): Finding[] {
  return drain(analysisSteps(text, options));
}

/**
 * The same analysis in steps, for a host that must stay responsive (the language server): the parse, then each
 * rule, then the suppressions, each a `next()`. The findings are the generator's return value; a caller that
 * stops early (a newer version of the document arrived) simply drops the generator.
 */
export function* analysisSteps(text: string, options: AnalyzeOptions): Generator<void, Finding[], void> {
  const config = options.config ?? DEFAULT_CONFIG;
  const unreadable = checkInput(text, config, options.maxChars);
  if (unreadable) return unreadable;
  const failures: string[] = [];
  const onError = (ruleId: string, error: unknown) => {
    options.onRuleError?.(ruleId, error);
    failures.push(ruleId === ANALYSIS ? describeError(error) : `rule ${ruleId} failed: ${describeError(error)}`);
  };
  let findings: Finding[];
  try {
    findings = yield* analyzeText(text, options, config, onError);
  } catch (error) {
    if (isStackOverflow(error)) return notAnalyzedFinding({ messageId: 'stackExhausted' }, config);
    onError(ANALYSIS, error);
    findings = [];
  }
  return failures.length ? [...failureFinding(failures, config), ...findings] : findings;
}

const ANALYSIS = 'analysis';

function* analyzeText(
  text: string,
  options: AnalyzeOptions,
  config: ResolvedConfig,
  onError: (ruleId: string, error: unknown) => void,
): Generator<void, Finding[], void> {
  let findings: Finding[] = [];
  let extents: () => Extents;
  let lines: LineIndex;
  let broken = false;
  const notRead: NotRead[] = [];
  if (options.kind === 'dockerfile') {
    const units = options.state ? yield* options.state.dockerfileUnits(text, config, options) : yield* DockerfileUnits.parseInSteps(text);
    const model = dockerfileModel(units);
    options.state?.remember(model);
    yield;
    yield* runRules((options.rules ?? dockerfileRules) as DockerfileRule[], model, config, options, onError, findings, notRead);
    reportNotRead(notRead, config, findings);
    lines = model.lines;
    extents = () => dockerfileExtents(model);
  } else {
    const model = parseCompose(text, options.state?.composeChunks(config, options));
    if (model.nestedTooDeep) return notAnalyzedFinding(TOO_DEEP, config);
    model.env = projectEnv(options);
    options.state?.remember(model);
    yield;
    reportSyntaxErrors(model, config, findings);
    yield* runRules((options.rules ?? composeRules) as ComposeRule[], model, config, options, onError, findings, notRead);
    reportNotRead(notRead, config, findings);
    broken = model.syntaxErrors.length > 0;
    lines = model.lines;
    extents = () => composeExtents(model);
  }
  if (mayHaveSuppressions(text)) findings = yield* suppress(findings, lines, extents, config, options);
  // Edits computed on a broken document could make it worse, the removal of an unused suppression included:
  // offer fixes only once it parses.
  if (broken) for (const finding of findings) finding.fixes = [];
  // The kept findings of each instruction come sorted (unit-findings), so the sort finds long runs to merge.
  return findings.sort(compareFindings);
}

/**
 * Applies inline suppressions, and reports those that do nothing or are not allowed. A step per phase: a file of
 * tens of thousands of suppression comments is as much work as its rules.
 */
function* suppress(
  findings: Finding[],
  lines: LineIndex,
  extents: () => Extents,
  config: ResolvedConfig,
  options: AnalyzeOptions,
): Generator<void, Finding[], void> {
  yield;
  let cached: Extents | undefined;
  const suppressions = findSuppressions(lines, (line) => (cached ??= extents()).at(line));
  if (suppressions.length === 0) return findings;
  yield;
  // The rule tester runs a single rule: suppressions of other rules are not its business.
  const partialRun = options.rules !== undefined;

  if (!config.allowSuppressions) {
    const severity = severityOf(suppressionForbidden, config);
    if (severity === 'off' || partialRun) return findings;
    const forbidden = suppressions.filter((s) => s.source === 'dockguard');
    return [...findings, ...forbidden.map((s) => toFinding(suppressionForbidden, severity, { range: s.range, messageId: 'forbidden' }))];
  }

  const outcome = applySuppressions(findings, suppressions, (meta) => severityOf(meta, config) !== 'off');
  yield;
  const severity = severityOf(unusedSuppression, config);
  if (severity === 'off' || partialRun) return outcome.findings;
  const unusedNames = new Map<Suppression, number>();
  for (const u of outcome.unused) unusedNames.set(u.suppression, (unusedNames.get(u.suppression) ?? 0) + 1);
  return [
    ...outcome.findings,
    ...outcome.unused.map((u) =>
      toFinding(unusedSuppression, severity, {
        range: u.suppression.range,
        messageId: u.messageId,
        data: u.data,
        fixes: removeSuppressionFix(lines, u.suppression, unusedNames.get(u.suppression)!, options.kind === 'compose'),
      }),
    ),
  ];
}

function* runRules<Model>(
  rules: { meta: RuleMeta; check?(context: RuleContext<Model>): void }[],
  model: Model,
  config: ResolvedConfig,
  options: AnalyzeOptions,
  onRuleError: (ruleId: string, error: unknown) => void,
  findings: Finding[],
  notRead: NotRead[],
): Generator<void, void, void> {
  const readFile = (relative: string, reference?: Range) => {
    if (!options.readFile || !options.uri) return undefined;
    let read: ReturnType<FileReader>;
    try {
      read = options.readFile(resolved(options.uri, relative));
    } catch {
      return undefined;
    }
    if (typeof read !== 'object') return read;
    if (reference) notRead.push({ range: reference, path: relative, reason: read.refused });
    return undefined;
  };
  const listDirectory = (relative: string, reference?: Range) => {
    if (!options.listDirectory || !options.uri) return undefined;
    let listed: ReturnType<DirectoryLister>;
    try {
      // A folder by one name: `file:///w/app`, never `file:///w/app/` (resolving `.` leaves the slash).
      const folder = resolveRelative(options.uri, relative);
      listed = options.listDirectory(folder.length > 1 && folder.endsWith('/') && !folder.endsWith('//') ? folder.slice(0, -1) : folder);
    } catch {
      return undefined;
    }
    if (listed === undefined || Array.isArray(listed)) return listed as readonly DirectoryEntry[] | undefined;
    if (reference) notRead.push({ range: reference, path: relative, reason: (listed as { refused: string }).refused });
    return undefined;
  };
  const now = options.now ?? new Date();
  // No closure per rule: each is one more object on every keystroke (and, under a loader that keeps function
  // names, one more Object.defineProperty).
  const unitChecks: UnitCheck[] = [];
  for (const rule of rules) {
    const dockerfileRule = rule as DockerfileRule;
    if (!dockerfileRule.checkInstruction && !dockerfileRule.checkShellSource) continue;
    const severity = severityOf(rule.meta, config);
    if (severity === 'off') continue;
    unitChecks.push(new RuleReports(dockerfileRule, severity, severityIsConfigured(rule.meta, config), onRuleError));
  }
  if (unitChecks.length) {
    const dockerfile = model as unknown as DockerfileModel;
    yield* unitFindings(unitChecks, dockerfile, { text: dockerfile.text, lines: dockerfile.lines, config }, findings, (range) => {
      const severity = severityOf(notAnalyzed, config);
      if (severity === 'off') return undefined;
      return toFinding(notAnalyzed, severity, { range, messageId: 'instructionTooLong', data: { kilobytes: MAX_INSTRUCTION_CHARS / 1024 } });
    });
  }
  // One report for every whole-file check, pointed at the rule that runs.
  let current: RuleReports | undefined;
  const report = (r: Report) => findings.push(current!.toFinding(r));
  for (const rule of rules) {
    const severity = severityOf(rule.meta, config);
    if (severity === 'off' || !rule.check) continue;
    current = new RuleReports(rule, severity, severityIsConfigured(rule.meta, config), onRuleError);
    try {
      rule.check({ model, config, uri: options.uri, readFile, listDirectory, report, now });
    } catch (error) {
      onRuleError(rule.meta.id, error);
    }
    current = undefined;
    yield;
  }
}

/**
 * A configured severity wins over the one a finding asks for, and `lowered` applies on top of either: the user sets
 * the rule's level, the finding says how it compares.
 */
function reportedSeverity(severity: Severity, configured: boolean, report: Report): Severity {
  const base = configured ? severity : (report.severity ?? severity);
  if (!report.lowered) return base;
  return base === 'error' ? 'warning' : 'info';
}

/** How one rule's reports become findings under the configuration, and where its failures go. */
class RuleReports<R extends { meta: RuleMeta } = { meta: RuleMeta }> {
  constructor(
    readonly rule: R,
    private readonly severity: Finding['severity'],
    private readonly configured: boolean,
    private readonly onRuleError: (ruleId: string, error: unknown) => void,
  ) {}

  toFinding(r: Report): Finding {
    checkDeclaredFixes(this.rule.meta, r.fixes);
    return toFinding(this.rule.meta, reportedSeverity(this.severity, this.configured, r), r);
  }

  onError(error: unknown): void {
    this.onRuleError(this.rule.meta.id, error);
  }
}

/**
 * resolveRelative, remembered: whole-file checks ask for the same files on every keystroke (an entrypoint script,
 * a build Dockerfile), and a URI is resolved by parsing a URL.
 */
const resolutions = new Map<string, string>();

function resolved(uri: string, relative: string): string {
  const key = `${uri}\n${relative}`;
  let found = resolutions.get(key);
  if (found === undefined) {
    if (resolutions.size >= 256) resolutions.clear();
    found = resolveRelative(uri, relative);
    resolutions.set(key, found);
  }
  return found;
}

/** A reference to a file the host refused to read, where it is written. */
interface NotRead {
  range: Range;
  path: string;
  reason: string;
}

function reportNotRead(notRead: NotRead[], config: ResolvedConfig, findings: Finding[]): void {
  const severity = severityOf(fileNotRead, config);
  if (severity === 'off') return;
  const seen = new Set<string>();
  for (const { range, path, reason } of notRead) {
    const key = `${range.start.line}:${range.start.character}:${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(toFinding(fileNotRead, severity, { range, messageId: 'notRead', data: { path, reason } }));
  }
}

function reportSyntaxErrors(model: ComposeModel, config: ResolvedConfig, findings: Finding[]): void {
  const severity = severityOf(yamlSyntax, config);
  if (severity === 'off') return;
  for (const error of model.syntaxErrors)
    findings.push(toFinding(yamlSyntax, severity, { range: error.range, messageId: 'syntax', data: { message: error.message } }));
}

function toFinding(meta: RuleMeta, severity: Finding['severity'], report: Report): Finding {
  return {
    ruleId: meta.id,
    code: meta.code,
    severity,
    message: formatMessage(meta, report.messageId, report.data),
    messageId: report.messageId,
    ...(report.data ? { data: findingData(report.data) } : {}),
    // Copies: a range may be a node's own (instruction.getRange()), and an incremental analysis moves nodes.
    range: copyRange(report.range),
    fixes: (report.fixes ?? []).map((fix) => ({
      ...fix,
      edits: fix.edits.map(copyEdit),
      ...(fix.files ? { files: fix.files.map((f) => ({ ...f, edits: f.edits.map(copyEdit) })) } : {}),
    })),
  };
}

function copyEdit<E extends { range: Range }>(edit: E): E {
  return { ...edit, range: copyRange(edit.range) };
}

function copyRange(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

function checkInput(text: string, config: ResolvedConfig, maxChars = MAX_ANALYSED_CHARS): Finding[] | undefined {
  let report: Pick<Report, 'messageId' | 'data'> | undefined;
  const megabytes = MAX_ANALYSED_CHARS / (1024 * 1024);
  if (text.length > MAX_ANALYSED_CHARS) {
    report = { messageId: 'tooLarge', data: { megabytes } };
  } else if (text.length > maxChars) {
    report = { messageId: 'tooLargeToType', data: { kilobytes: Math.floor(maxChars / 1024), megabytes } };
  } else if (looksBinary(text)) {
    report = { messageId: 'binary' };
  }
  if (!report) return undefined;
  return notAnalyzedFinding(report, config);
}

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function notAnalyzedFinding(report: Pick<Report, 'messageId' | 'data'>, config: ResolvedConfig): Finding[] {
  const severity = severityOf(notAnalyzed, config);
  if (severity === 'off') return [];
  return [toFinding(notAnalyzed, severity, { range: TOP, ...report })];
}

const TOO_DEEP: Pick<Report, 'messageId' | 'data'> = { messageId: 'tooDeep', data: { levels: MAX_YAML_NESTING } };

function failureFinding(failures: string[], config: ResolvedConfig): Finding[] {
  const severity = severityOf(analysisFailed, config);
  if (severity === 'off') return [];
  return [toFinding(analysisFailed, severity, { range: TOP, messageId: 'failed', data: { failure: failures.join('; ') } })];
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function describeError(error: unknown): string {
  if (isStackOverflow(error)) return 'the file is too deeply nested to analyse';
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The variables of the `.env` next to a compose file (compose's project directory), read through the host, which
 * caches it; none when there is no such file or no host.
 */
function projectEnv(options: AnalyzeOptions): Env | undefined {
  if (!options.readFile || !options.uri) return undefined;
  try {
    const text = options.readFile(resolveRelative(options.uri, '.env'));
    return typeof text === 'string' && !looksBinary(text) ? parseDotEnv(text) : undefined;
  } catch {
    return undefined;
  }
}
