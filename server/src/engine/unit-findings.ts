import type { DockerfileModel } from './documents/dockerfile';
import type { InstructionUnit } from './documents/dockerfile-units';
import { unitShellSources } from './documents/shell-source';
import type { DockerfileRule, Report, RuleContext, UnitContext } from './rule';
import type { Finding, Position, Range } from './types';

/** A rule's per-instruction checks (rule.ts), with how its reports become findings under the configuration. */
export interface UnitCheck {
  rule: DockerfileRule;
  toFinding(report: Report): Finding;
  onError(error: unknown): void;
}

/** Units checked between two steps of a stepped analysis (a step of about a millisecond on a large file). */
const UNITS_PER_STEP = 500;

/**
 * The per-instruction checks of every rule on every unit, reusing what each unit found before: its findings
 * are kept with the unit, with the line of its instruction when they were made, and moved by however many lines
 * the instruction has moved since. A unit whose findings reach outside its own lines (or whose check failed) is
 * checked anew every time. The checks and the rules that run are fixed for the life of the kept state
 * (AnalysisState starts afresh when the configuration or the rules change).
 *
 * The order of findings across rules does not matter: analyze sorts them by position and code.
 */
export function* unitFindings(
  checks: UnitCheck[],
  model: DockerfileModel,
  base: Omit<UnitContext, 'report'>,
  findings: Finding[],
): Generator<void, void, void> {
  // The model reads every unit's shell sources once, and keeps them with the unit, where the checks find them.
  void model.shellSources;
  const units = model.units.units;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    let kept = unit.derived.get(KEPT) as KeptFindings | undefined;
    if (!kept) {
      kept = checkUnit(checks, unit, base);
      if (kept.cacheable) unit.derived.set(KEPT, kept);
    }
    if (kept.findings.length) {
      const delta = unit.instruction.getRange().start.line - kept.line;
      for (const finding of kept.findings) findings.push(delta === 0 ? finding : moveFinding(finding, delta));
    }
    if (i % UNITS_PER_STEP === UNITS_PER_STEP - 1) yield;
  }
}

const KEPT = Symbol('findings of the per-instruction checks');

interface KeptFindings {
  line: number;
  findings: Finding[];
  cacheable: boolean;
}

function checkUnit(checks: UnitCheck[], unit: InstructionUnit, base: Omit<UnitContext, 'report'>): KeptFindings {
  const found: Finding[] = [];
  const sources = unitShellSources(unit);
  const own = unit.trigger ? sources.filter((s) => !s.onbuild) : sources;
  const triggered = unit.trigger ? sources.filter((s) => s.onbuild) : [];
  const range = unit.instruction.getRange();
  let failed = false;
  for (const { rule, toFinding, onError } of checks) {
    const report = (r: Report) => found.push(toFinding(r));
    try {
      if (rule.checkInstruction) {
        rule.checkInstruction({ ...base, report, instruction: unit.instruction, onbuild: false, shellSources: own });
        if (unit.trigger) rule.checkInstruction({ ...base, report, instruction: unit.trigger, onbuild: true, shellSources: triggered });
      }
      if (rule.checkShellSource) for (const source of sources) rule.checkShellSource({ ...base, report, source });
    } catch (error) {
      failed = true;
      onError(error);
    }
  }
  const inside = (p: Position) => p.line >= range.start.line && p.line <= range.end.line;
  const cacheable = !failed && found.every((f) => within(f.range, inside) && f.fixes.every((fix) => fix.edits.every((edit) => within(edit.range, inside))));
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
