import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { analyze, type FileReader } from '../../server/src/engine/analyze';
import { resolveConfig, type DockguardConfig } from '../../server/src/engine/config';
import { applyEdits, applyFixes } from '../../server/src/engine/fixes';
import { parseDocument } from 'yaml';
import type { ComposeRule, DockerfileRule } from '../../server/src/engine/rule';
import type { Finding } from '../../server/src/engine/types';

export interface ExpectedSuggestion {
  title?: RegExp;
  /** The input with this suggestion alone applied. */
  output: string;
}

export interface ExpectedFinding {
  /** 1-based, as editors and the CLI show them. */
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The key of the rule's `meta.messages` the finding was reported with. */
  messageId: string;
  /** Values the message's placeholders were filled with; only the keys given are compared. */
  data?: Record<string, string | number>;
  /** The finding's severity, when the case is about it. */
  severity?: Finding['severity'];
  /** Every suggestion of this finding, in order; omitted means the finding offers none. */
  suggestions?: ExpectedSuggestion[];
}

export interface ValidCase {
  name?: string;
  code: string;
  config?: DockguardConfig;
  /** The day the analysis is about; default TEST_NOW. */
  now?: Date;
  /**
   * Files beside the analysed one (which is then file:///ws/Dockerfile or compose.yaml), by path relative to it,
   * read through an in-memory reader; a value of `{ refused }` is a file the host will not read.
   */
  files?: Record<string, string | { refused: string }>;
}

/**
 * The day every rule test is analysed on, so findings that depend on the date (end-of-life images) do not change
 * as releases reach their end: the day this was written.
 */
export const TEST_NOW = new Date('2026-12-05T12:00:00Z');

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  /** The text after applying every finding's safe fix; `null` when the findings must offer no fix. */
  output?: string | null;
}

type AnyRule = DockerfileRule | ComposeRule;

/** Analyses `code` with the rule alone, as case `c` says: its configuration, day and files. */
function run(rule: AnyRule, code: string, c: ValidCase): Finding[] {
  return analyze(code, {
    kind: rule.meta.kind,
    rules: [rule],
    config: resolveConfig({ profile: 'strict' }, c.config),
    onRuleError: rethrow,
    now: c.now ?? TEST_NOW,
    ...(c.files ? memoryFiles(rule, c.files) : {}),
  });
}

const WORKSPACE = 'file:///ws/';

function memoryFiles(rule: AnyRule, files: NonNullable<ValidCase['files']>): { uri: string; readFile: FileReader } {
  const uri = WORKSPACE + (rule.meta.kind === 'dockerfile' ? 'Dockerfile' : 'compose.yaml');
  return {
    uri,
    readFile: (read) => (read.startsWith(WORKSPACE) && Object.hasOwn(files, read.slice(WORKSPACE.length)) ? files[read.slice(WORKSPACE.length)] : undefined),
  };
}

/** A broken rule fails its tests with its own stack, instead of becoming an analysis-failed finding. */
const rethrow = (_ruleId: string, error: unknown) => {
  throw error;
};

function label(c: ValidCase): string {
  return c.name ?? c.code.split('\n').slice(0, 3).join(' ⏎ ').slice(0, 80);
}

/**
 * Runs a rule over cases that must stay silent and cases that must fire, then proves each fix and each
 * suggestion: the fixed text is what the test expects, and analysing it again no longer finds what was fixed.
 * Every message the rule declares must be asserted by some case.
 */
export function testRule(rule: AnyRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule.meta.id} (${rule.meta.code})`, () => {
    describe('stays silent on', () => {
      for (const c of cases.valid) {
        it(label(c), () => {
          const findings = run(rule, c.code, c);
          assert.deepEqual(findings.map(describeFinding), []);
        });
      }
    });

    describe('catches', () => {
      for (const c of cases.invalid) {
        it(label(c), () => {
          const findings = run(rule, c.code, c);
          assert.equal(findings.length, c.findings.length, `expected ${c.findings.length} finding(s), got:\n${findings.map(describeFinding).join('\n')}`);
          c.findings.forEach((expected, i) => checkFinding(findings[i], expected));
          checkFix(rule, c, findings);
          findings.forEach((finding, i) => checkSuggestions(rule, c, finding, c.findings[i]));
        });
      }
    });

    after(() => {
      const asserted = new Set(cases.invalid.flatMap((c) => c.findings.map((f) => f.messageId)));
      const untested = Object.keys(rule.meta.messages).filter((id) => !asserted.has(id));
      assert.deepEqual(untested, [], `${rule.meta.id}: messages no case asserts`);
    });
  });
}

function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.messageId} ${f.message}`;
}

function checkFinding(finding: Finding, expected: ExpectedFinding): void {
  assert.equal(finding.range.start.line + 1, expected.line, `line of: ${describeFinding(finding)}`);
  if (expected.column !== undefined) assert.equal(finding.range.start.character + 1, expected.column, `column of: ${describeFinding(finding)}`);
  if (expected.endLine !== undefined) assert.equal(finding.range.end.line + 1, expected.endLine, `end line of: ${describeFinding(finding)}`);
  if (expected.endColumn !== undefined) assert.equal(finding.range.end.character + 1, expected.endColumn, `end column of: ${describeFinding(finding)}`);
  assert.equal(finding.messageId, expected.messageId, `messageId of: ${describeFinding(finding)}`);
  if (expected.severity) assert.equal(finding.severity, expected.severity, `severity of: ${describeFinding(finding)}`);
  for (const [key, value] of Object.entries(expected.data ?? {})) {
    assert.equal(finding.data?.[key], String(value), `data.${key} of: ${describeFinding(finding)}`);
  }
}

function checkFix(rule: AnyRule, c: InvalidCase, findings: Finding[]): void {
  const fixes = findings.flatMap((f) => f.fixes.filter((fix) => fix.kind === 'fix').slice(0, 1));
  if (c.output === undefined) {
    assert.equal(fixes.length, 0, 'this case has a fix: declare its `output` so the fix is checked');
    return;
  }
  if (c.output === null) {
    assert.equal(fixes.length, 0, 'expected no fix');
    return;
  }
  assert.ok(fixes.length > 0, 'expected a fix');
  const { text, skipped } = applyFixes(c.code, fixes);
  assert.equal(skipped.length, 0, 'fixes of one case must not overlap');
  assert.equal(text, c.output);
  assertFixed(rule, c, text, findings.length);
}

/** Each suggestion of a finding, applied alone, gives the expected text and removes that finding. */
function checkSuggestions(rule: AnyRule, c: InvalidCase, finding: Finding, expected: ExpectedFinding | undefined): void {
  const suggestions = finding.fixes.filter((fix) => fix.kind === 'suggestion');
  const wanted = expected?.suggestions ?? [];
  assert.equal(suggestions.length, wanted.length, `suggestions of ${describeFinding(finding)}: ${suggestions.map((s) => s.title).join(' | ') || 'none'}`);
  suggestions.forEach((suggestion, i) => {
    const text = applyEdits(c.code, suggestion.edits);
    if (wanted[i].title) assert.match(suggestion.title, wanted[i].title!);
    assert.equal(text, wanted[i].output);
    assertFixed(rule, c, text, run(rule, c.code, c).length, finding);
  });
}

/** Re-analyses fixed text: the fixed finding must be gone, a compose file must still parse, nothing may throw. */
function assertFixed(rule: AnyRule, c: InvalidCase, text: string, before: number, only?: Finding): void {
  if (rule.meta.kind === 'compose') {
    const errors = parseDocument(text).errors;
    assert.deepEqual(
      errors.map((e) => e.message),
      [],
      'the fixed compose file must be valid YAML',
    );
  }
  const after = run(rule, text, c);
  if (only) {
    assert.ok(after.length < before, `the finding is still there after the suggestion:\n${after.map(describeFinding).join('\n')}`);
  } else {
    assert.deepEqual(after.map(describeFinding), [], 'findings remain after applying the fixes');
  }
  analyze(text, { kind: rule.meta.kind, config: resolveConfig({ profile: 'strict' }), onRuleError: rethrow, now: c.now ?? TEST_NOW });
}
