import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { rangesIntersect } from '../engine/text';
import type { Finding, Fix } from '../engine/types';
import { toDiagnostic } from './diagnostics';

function sameFinding(diagnostic: Diagnostic, finding: Finding): boolean {
  return (
    diagnostic.code === finding.code &&
    diagnostic.range.start.line === finding.range.start.line &&
    diagnostic.range.start.character === finding.range.start.character &&
    diagnostic.range.end.line === finding.range.end.line &&
    diagnostic.range.end.character === finding.range.end.character
  );
}

/** The findings a code-action request is about: those in its diagnostics, or else those under its range. */
export function findingsForRequest(params: CodeActionParams, findings: Finding[]): Finding[] {
  const requested = params.context.diagnostics.filter((d) => d.source === 'dockguard');
  if (requested.length) return findings.filter((f) => requested.some((d) => sameFinding(d, f)));
  return findings.filter((f) => rangesIntersect(f.range, params.range));
}

function toAction(uri: string, finding: Finding, fix: Fix, preferred: boolean): CodeAction {
  const edits: TextEdit[] = fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(finding)],
    isPreferred: preferred || undefined,
    edit: { changes: { [uri]: edits } },
  };
}

/** Quick fixes first (the first safe fix of each finding preferred), then suggestions. */
export function quickFixActions(uri: string, findings: Finding[]): CodeAction[] {
  const fixes: CodeAction[] = [];
  const suggestions: CodeAction[] = [];
  for (const finding of findings) {
    let preferredGiven = false;
    for (const fix of finding.fixes) {
      if (fix.kind === 'fix') {
        fixes.push(toAction(uri, finding, fix, !preferredGiven));
        preferredGiven = true;
      } else {
        suggestions.push(toAction(uri, finding, fix, false));
      }
    }
  }
  return [...fixes, ...suggestions];
}
