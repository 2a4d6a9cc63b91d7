import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type AnalysisState,
  type AnalyzeOptions,
  type DocumentKind,
  type Finding,
  type Fix,
  fixAll,
  hardenServiceFix,
  ignoreFixes,
  minimalEdit,
  rangesIntersect,
  type Range,
} from '../engine';
import { SOURCE, toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dockguard`;
export const SHOW_DOCS_COMMAND = 'dockguard.showRuleDocumentation';
export const SELECT_REASON_COMMAND = 'dockguard.selectSuppressionReason';

function sameFinding(diagnostic: Diagnostic, finding: Finding): boolean {
  return (
    diagnostic.code === finding.code &&
    diagnostic.range.start.line === finding.range.start.line &&
    diagnostic.range.start.character === finding.range.start.character &&
    diagnostic.range.end.line === finding.range.end.line &&
    diagnostic.range.end.character === finding.range.end.character
  );
}

/**
 * The findings a code-action request is about: those in its diagnostics, or else those under its range. A finding
 * inside a requested one comes along (DG102 on a FROM line's tag, under DG101 on the whole line): the editor sends
 * the outer diagnostic wherever the cursor is on the line, and the inner one's fixes must not hide behind it.
 */
export function findingsForRequest(params: CodeActionParams, findings: Finding[]): Finding[] {
  const requested = params.context.diagnostics.filter((d) => d.source === SOURCE);
  if (requested.length) {
    const direct = findings.filter((f) => requested.some((d) => sameFinding(d, f)));
    return findings.filter((f) => direct.includes(f) || direct.some((outer) => covers(outer.range, f.range)));
  }
  return findings.filter((f) => rangesIntersect(f.range, params.range));
}

function covers(outer: Range, inner: Range): boolean {
  const startsInside = outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character);
  const endsInside = inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character);
  return startsInside && endsInside;
}

function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** What the client's workspace edits can do (LSP `workspace.workspaceEdit` capabilities). */
export interface WorkspaceEditSupport {
  documentChanges: boolean;
  /** The `create` resource operation. */
  createFile: boolean;
}

function toAction(uri: string, finding: Finding, fix: Fix, preferred: boolean, support?: WorkspaceEditSupport): CodeAction | undefined {
  const edit = workspaceEdit(uri, fix, support);
  if (!edit) return undefined;
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(finding)],
    isPreferred: preferred || undefined,
    edit,
  };
}

/**
 * The fix as a workspace edit: plain `changes` for the document (and other existing files); `documentChanges` with a
 * CreateFile where the fix creates a file, when the client supports them, else no edit (the action is not offered).
 */
function workspaceEdit(uri: string, fix: Fix, support: WorkspaceEditSupport | undefined): WorkspaceEdit | undefined {
  const own = (edits: readonly Fix['edits'][number][]): TextEdit[] => edits.map((e) => ({ range: e.range, newText: e.newText }));
  const others = fix.files ?? [];
  if (others.length === 0) return { changes: { [uri]: own(fix.edits) } };
  if (support?.documentChanges) {
    if (others.some((f) => f.create) && !support.createFile) return undefined;
    const changes: (TextDocumentEdit | CreateFile)[] = [];
    if (fix.edits.length) changes.push({ textDocument: { uri, version: null }, edits: own(fix.edits) });
    for (const file of others) {
      if (file.create) changes.push({ kind: 'create', uri: file.uri, options: { ignoreIfExists: true } });
      changes.push({ textDocument: { uri: file.uri, version: null }, edits: own(file.edits) });
    }
    return { documentChanges: changes };
  }
  if (others.some((f) => f.create)) return undefined;
  const changes: Record<string, TextEdit[]> = fix.edits.length ? { [uri]: own(fix.edits) } : {};
  for (const file of others) changes[file.uri] = [...(changes[file.uri] ?? []), ...own(file.edits)];
  return { changes };
}

export interface ActionContext {
  document: TextDocument;
  kind: DocumentKind;
  findings: Finding[];
  /** Options for re-analysis (fix all runs the analysis again after each pass). */
  analyzeOptions: AnalyzeOptions;
  /** The document's analysis state, whose model of the analysed version the "ignore" actions read. */
  state?: AnalysisState;
  /** What the client's workspace edits support: a fix that creates a file needs `documentChanges`. */
  workspaceEdits?: WorkspaceEditSupport;
}

/**
 * In order: each finding's safe fix (preferred), its suggestions (for a grouped finding, the edit applying all of
 * them first), then one "ignore" and one "show documentation" action per finding, then "fix all" when the file
 * has more than one safe fix.
 */
export function codeActions(params: CodeActionParams, context: ActionContext): CodeAction[] {
  const { document } = context;
  const uri = document.uri;
  const actions: CodeAction[] = [];
  if (wants(params, CodeActionKind.QuickFix)) {
    const findings = findingsForRequest(params, context.findings);
    const fixes: CodeAction[] = [];
    const suggestions: CodeAction[] = [];
    const others: CodeAction[] = [];
    for (const finding of findings) {
      // A finding's first safe fix is preferred, and so is a suggestion its rule marks as the right remedy.
      let preferredGiven = false;
      const harden = finding.grouped && hardenServiceFix(document.getText(), finding);
      if (harden) {
        suggestions.push(toAction(uri, finding, harden, true)!);
        preferredGiven = true;
      }
      for (const fix of finding.fixes) {
        if (fix.kind === 'fix') {
          fixes.push(toAction(uri, finding, fix, !preferredGiven)!);
          preferredGiven = true;
        } else {
          const action = toAction(uri, finding, fix, fix.preferred === true && !preferredGiven, context.workspaceEdits);
          if (action) suggestions.push(action);
        }
      }
      // One ignore entry (for the instruction or entry: the file-wide comment is the same with -file) and one docs entry.
      // A file too large to analyse as you type (its one finding says so) is not parsed to place a comment either.
      const text = document.getText();
      const ignore = text.length <= (context.analyzeOptions.maxChars ?? Infinity) ? ignoreFixes(text, context.kind, finding, context.state)[0] : undefined;
      if (ignore) {
        const action = toAction(uri, finding, ignore, false)!;
        const line = ignore.edits[0].range.start.line;
        action.command = { title: 'Type the reason', command: SELECT_REASON_COMMAND, arguments: [uri, line] };
        others.push(action);
      }
      others.push({
        title: `Show documentation for ${finding.ruleId} (${finding.code})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(finding)],
        command: { title: 'Show rule documentation', command: SHOW_DOCS_COMMAND, arguments: [finding.ruleId] },
      });
    }
    actions.push(...fixes, ...suggestions, ...others);
  }
  // Fix all re-analyses the file a few times: only when asked for by kind (on save, "Source Action..."),
  // never for the lightbulb that follows the cursor.
  if (params.context.only && wants(params, FIX_ALL_KIND)) {
    const fixEverything = fixAllAction(context);
    if (fixEverything) actions.push(fixEverything);
  }
  return actions;
}

/** `source.fixAll.dockguard`: every safe fix in the file, as one edit; suggestions are never applied in bulk. */
export function fixAllAction(context: ActionContext): CodeAction | undefined {
  if (!context.findings.some((f) => f.fixes.some((fix) => fix.kind === 'fix'))) return undefined;
  const before = context.document.getText();
  const result = fixAll(before, context.analyzeOptions);
  const edit = minimalEdit(before, result.text);
  if (!edit) return undefined;
  return {
    title: `Fix all safe dockguard findings (${result.applied})`,
    kind: FIX_ALL_KIND,
    edit: {
      changes: {
        [context.document.uri]: [
          { range: { start: context.document.positionAt(edit.start), end: context.document.positionAt(edit.end) }, newText: edit.newText },
        ],
      },
    },
  };
}
