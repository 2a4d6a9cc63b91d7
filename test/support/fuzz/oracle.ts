/**
 * What must hold for every input: analysis raises nothing, each fix and suggestion applied alone leaves a file
 * that re-analyses without that finding and without new syntax errors, and fix-all converges, breaks nothing,
 * and has nothing left to do when run again.
 */
import { Keyword } from 'dockerfile-ast';
import { analyze, type AnalyzeOptions } from '../../../server/src/engine/analyze';
import { parseDockerfileAst } from '../../../server/src/engine/documents/dockerfile-parse';
import { parseYamlDocument } from '../../../server/src/engine/documents/yaml-parse';
import { fixAll, MAX_PASSES } from '../../../server/src/engine/fix-all';
import { applyEdits } from '../../../server/src/engine/fixes';
import type { Finding } from '../../../server/src/engine/types';

export type FailureKind = 'exception' | 'fix' | 'suggestion' | 'fix-all';

export interface Failure {
  kind: FailureKind;
  detail: string;
}

export interface Verdict {
  failures: Failure[];
  /** Time of the first analysis, the one an editor runs on every keystroke. */
  analyzeMs: number;
  findings: number;
  /** Fixes and suggestions applied and re-analysed. */
  applied: number;
}

const KEYWORDS = new Set<string>(Object.values(Keyword));

/**
 * Syntax errors, as far as each format has them: YAML errors, and for a Dockerfile the instructions whose keyword
 * is no instruction (what a line break lost by a fix leaves: a flag or a word read as an instruction).
 */
export function syntaxErrors(text: string, kind: AnalyzeOptions['kind']): number {
  if (kind === 'compose') return parseYamlDocument(text, { merge: false, uniqueKeys: true, prettyErrors: false })?.errors.length ?? 0;
  return parseDockerfileAst(text)
    .getInstructions()
    .filter((instruction) => !KEYWORDS.has(instruction.getKeyword())).length;
}

/**
 * `pick` chooses which fixes and suggestions to apply (all by default): a RUN of 3,000 `curl -k` offers 3,000
 * suggestions, each a re-analysis of the whole file, and one of them says as much as all.
 */
export function judge(text: string, options: AnalyzeOptions, checkFixes = true, pick: <T>(all: T[]) => T[] = (all) => all): Verdict {
  const failures: Failure[] = [];
  const raised: string[] = [];
  const guarded: AnalyzeOptions = {
    ...options,
    onRuleError: (ruleId, error) => raised.push(`${ruleId}: ${(error as Error)?.stack ?? String(error)}`),
  };
  const run = (input: string, what: string): Finding[] | undefined => {
    raised.length = 0;
    const findings = analyze(input, guarded);
    const failed = findings.find((f) => f.ruleId === 'analysis-failed');
    if (failed || raised.length) {
      failures.push({ kind: 'exception', detail: `${what}: ${raised.join('\n') || failed!.message}` });
      return undefined;
    }
    return findings;
  };

  const start = performance.now();
  const findings = run(text, 'analysis');
  const analyzeMs = performance.now() - start;
  let applied = 0;
  if (!findings || !checkFixes) return { failures, analyzeMs, findings: findings?.length ?? 0, applied };

  const errorsBefore = syntaxErrors(text, options.kind);
  const count = (list: Finding[], ruleId: string) => list.reduce((n, f) => n + (f.ruleId === ruleId ? 1 : 0), 0);
  for (const { finding, fix } of pick(findings.flatMap((finding) => finding.fixes.map((fix) => ({ finding, fix }))))) {
    {
      applied++;
      const kind = fix.kind === 'fix' ? 'fix' : 'suggestion';
      const what = `${kind} "${fix.title}" of ${finding.ruleId} at ${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      let after: string;
      try {
        after = applyEdits(text, fix.edits);
      } catch (error) {
        failures.push({ kind: 'exception', detail: `${what}: applying it threw ${(error as Error).stack}` });
        continue;
      }
      const again = run(after, `analysis after the ${what}`);
      if (!again) continue;
      if (count(again, finding.ruleId) >= count(findings, finding.ruleId)) failures.push({ kind, detail: `${what}: the finding is still there` });
      const errorsAfter = syntaxErrors(after, options.kind);
      if (errorsAfter > errorsBefore) failures.push({ kind, detail: `${what}: ${errorsAfter - errorsBefore} new syntax error(s)` });
    }
  }

  try {
    raised.length = 0;
    const first = fixAll(text, guarded);
    if (raised.length) failures.push({ kind: 'exception', detail: `fix-all: ${raised.join('\n')}` });
    if (first.passes >= MAX_PASSES) failures.push({ kind: 'fix-all', detail: `fix-all did not converge in ${MAX_PASSES} passes` });
    const errorsAfter = syntaxErrors(first.text, options.kind);
    if (errorsAfter > errorsBefore) failures.push({ kind: 'fix-all', detail: `fix-all left ${errorsAfter - errorsBefore} new syntax error(s)` });
    const second = fixAll(first.text, guarded);
    if (second.applied > 0 || second.text !== first.text)
      failures.push({ kind: 'fix-all', detail: `fix-all is not idempotent: a second run applied ${second.applied} fix(es)` });
  } catch (error) {
    failures.push({ kind: 'exception', detail: `fix-all threw ${(error as Error).stack}` });
  }
  return { failures, analyzeMs, findings: findings.length, applied };
}
