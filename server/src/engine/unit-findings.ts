import type { DockerfileModel } from './documents/dockerfile';
import type { InstructionUnit } from './documents/dockerfile-units';
import { unitShellSources } from './documents/shell-source';
import type { DockerfileRule, Report, RuleContext, UnitContext } from './rule';
import type { Finding, Position, Range } from './types';

/**
 * The per-instruction checks of a rule (rule.ts) on every unit, reusing what each unit found before: findings
 * are kept with the unit, with the line of its instruction when they were made, and moved by however many lines
 * the instruction has moved since. A unit whose findings reach outside its own lines is checked anew every time.
 */
export function unitFindings(
  rule: DockerfileRule,
  model: DockerfileModel,
  base: Omit<UnitContext, 'report'>,
  toFinding: (report: Report) => Finding,
  findings: Finding[],
  onError: (error: unknown) => void,
): void {
  // The model reads every unit's shell sources once, and keeps them with the unit, where the checks find them.
  void model.shellSources;
  for (const unit of model.units.units) {
    let kept = unit.derived.get(rule) as KeptFindings | undefined;
    if (!kept) {
      kept = checkUnit(rule, unit, base, toFinding, onError);
      if (kept.cacheable) unit.derived.set(rule, kept);
    }
    const line = unit.instruction.getRange().start.line;
    const delta = line - kept.line;
    for (const finding of kept.findings) findings.push(delta === 0 ? finding : moveFinding(finding, delta));
  }
}

interface KeptFindings {
  line: number;
  findings: Finding[];
  cacheable: boolean;
}

function checkUnit(
  rule: DockerfileRule,
  unit: InstructionUnit,
  base: Omit<UnitContext, 'report'>,
  toFinding: (report: Report) => Finding,
  onError: (error: unknown) => void,
): KeptFindings {
  const found: Finding[] = [];
  const report = (r: Report) => found.push(toFinding(r));
  const sources = unitShellSources(unit);
  const range = unit.instruction.getRange();
  try {
    if (rule.checkInstruction) {
      rule.checkInstruction({
        ...base,
        report,
        instruction: unit.instruction,
        onbuild: false,
        shellSources: unit.trigger ? sources.filter((s) => !s.onbuild) : sources,
      });
      if (unit.trigger) rule.checkInstruction({ ...base, report, instruction: unit.trigger, onbuild: true, shellSources: sources.filter((s) => s.onbuild) });
    }
    if (rule.checkShellSource) for (const source of sources) rule.checkShellSource({ ...base, report, source });
  } catch (error) {
    onError(error);
    return { line: range.start.line, findings: found, cacheable: false };
  }
  const inside = (p: Position) => p.line >= range.start.line && p.line <= range.end.line;
  const cacheable = found.every((f) => within(f.range, inside) && f.fixes.every((fix) => fix.edits.every((edit) => within(edit.range, inside))));
  return { line: range.start.line, findings: found, cacheable };
}

function within(range: Range, inside: (p: Position) => boolean): boolean {
  return inside(range.start) && inside(range.end);
}

function moveRange(range: Range, delta: number): Range {
  return { start: { line: range.start.line + delta, character: range.start.character }, end: { line: range.end.line + delta, character: range.end.character } };
}

function moveFinding(finding: Finding, delta: number): Finding {
  return {
    ...finding,
    range: moveRange(finding.range, delta),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: moveRange(edit.range, delta) })) })),
  };
}

/** Every check of a rule on the whole model, keeping nothing: for measuring a rule on its own (bench/). */
export function checkWholeModel(rule: DockerfileRule, context: RuleContext<DockerfileModel>): void {
  const base = { text: context.model.text, lines: context.model.lines, config: context.config, report: context.report };
  if (rule.checkInstruction || rule.checkShellSource) {
    for (const { instruction, onbuild } of context.model.instructions) {
      rule.checkInstruction?.({ ...base, instruction, onbuild, shellSources: context.model.shellSources.filter((s) => s.instruction === instruction) });
    }
    if (rule.checkShellSource) for (const source of context.model.shellSources) rule.checkShellSource({ ...base, source });
  }
  rule.check?.(context);
}
