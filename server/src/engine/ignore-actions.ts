import type { AnalysisState } from './analysis-state';
import { parseCompose, type ComposeModel } from './documents/compose';
import { parseDockerfile, type DockerfileModel } from './documents/dockerfile';
import { composeExtents, dockerfileExtents } from './documents/extents';
import { insertAt } from './fixes';
import { isAnalysable } from './input-limits';
import type { Suppression } from './suppress';
import type { LineIndex } from './text';
import type { DocumentKind, Finding, Fix } from './types';

/** The placeholder the user replaces; the VS Code client selects it right after inserting. */
export const REASON_PLACEHOLDER = 'reason';

/**
 * "Ignore <rule> for this line" and "... for this file": a `dockguard-ignore` comment above the instruction or
 * YAML entry holding the finding (indented like it), or at the top of the file, below Dockerfile parser
 * directives, which must stay first.
 */
export function ignoreFixes(text: string, kind: DocumentKind, finding: Finding, state?: AnalysisState): Fix[] {
  if (!isAnalysable(text)) return [];
  try {
    return ignoreComments(text, kind, finding, state);
  } catch {
    return []; // analyze reports the failure
  }
}

function ignoreComments(text: string, kind: DocumentKind, finding: Finding, state?: AnalysisState): Fix[] {
  const model = modelOf(text, kind, state);
  const extents = model.kind === 'dockerfile' ? dockerfileExtents(model) : composeExtents(model);
  const lines = model.lines;
  const eol = lines.eol;

  const anchor = extents.anchorFor(finding.range.start.line);
  const indent = lines.indentOf(anchor);
  // A grouped finding is silenced through the rules it stands for: they are what suppressions and configuration name.
  const names = finding.grouped ? finding.grouped.map((m) => m.ruleId).join(',') : finding.ruleId;
  const label = finding.grouped
    ? `these ${finding.grouped.length} rules (${finding.grouped.map((m) => m.code).join(', ')})`
    : `${finding.ruleId} (${finding.code})`;
  const forLine: Fix = {
    title: `Ignore ${label} for this ${kind === 'dockerfile' ? 'instruction' : 'entry'}`,
    kind: 'suggestion',
    edits: [insertAt({ line: anchor, character: 0 }, `${indent}# dockguard-ignore ${names} -- ${REASON_PLACEHOLDER}${eol}`)],
  };

  let top = 0;
  if (model.kind === 'dockerfile') {
    for (const directive of model.units.directives) top = Math.max(top, directive.getRange().end.line + 1);
  }
  const atEnd = top >= lines.lineCount;
  const forFile: Fix = {
    title: `Ignore ${label} for this file`,
    kind: 'suggestion',
    edits: [
      atEnd
        ? insertAt(lines.positionAt(text.length), `${text.endsWith('\n') ? '' : eol}# dockguard-ignore-file ${finding.ruleId} -- ${REASON_PLACEHOLDER}${eol}`)
        : insertAt({ line: top, character: 0 }, `# dockguard-ignore-file ${names} -- ${REASON_PLACEHOLDER}${eol}`),
    ],
  };
  return [forLine, forFile];
}

/** Removes a suppression that does nothing (`unusedCount` of its names are unused): the whole comment line, when all are. */
export function removeSuppressionFix(lines: LineIndex, suppression: Suppression, unusedCount: number, yaml: boolean): Fix[] {
  const line = suppression.range.start.line;
  const everythingUnused = suppression.names.length === 0 || unusedCount >= suppression.names.length;
  if (!everythingUnused) return []; // rewriting a comment that still does something is left to the user
  const start = lines.lineStartOffset(line);
  // To the line break that ends the comment: in YAML a lone CR ends no line, so what follows it is comment too.
  const lineFeed = lines.text.indexOf('\n', lines.lineEndOffset(line));
  let end = yaml ? (lineFeed < 0 ? lines.text.length : lineFeed + 1) : line + 1 < lines.lineCount ? lines.lineStartOffset(line + 1) : lines.text.length;
  // Among a Dockerfile's first comments, this one may be what ends the parser directives (none above it on the
  // first line): without it, a `# escape=`` below would become one. Leave an empty line, which ends them the same way.
  if (!yaml && onlyCommentsAbove(lines, line) && mayBeDirective(lines, line + 1)) end = lines.lineEndOffset(line);
  return [{ title: 'Remove the unused suppression', kind: 'fix', edits: [{ range: lines.rangeAt(start, end), newText: '' }] }];
}

function onlyCommentsAbove(lines: LineIndex, line: number): boolean {
  for (let above = 0; above < line; above++) if (!/^\s*#/.test(lines.lineText(above))) return false;
  return true;
}

/** A comment with a `=` is a parser directive (`# escape=``, `# syntax=…`) when nothing but directives precede it. */
function mayBeDirective(lines: LineIndex, line: number): boolean {
  return line < lines.lineCount && /^\s*#.*=/.test(lines.lineText(line));
}

/** The model of `text`: the one its last analysis built, or a fresh parse. */
export function modelOf(text: string, kind: DocumentKind, state?: AnalysisState): DockerfileModel | ComposeModel {
  const kept = state?.modelOf(text);
  if (kept?.kind === kind) return kept;
  return kind === 'dockerfile' ? parseDockerfile(text) : parseCompose(text);
}
