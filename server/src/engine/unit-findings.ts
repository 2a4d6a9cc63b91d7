import type { DockerfileModel } from './documents/dockerfile';
import { unitLength, type InstructionUnit } from './documents/dockerfile-units';
import { MAX_INSTRUCTION_CHARS } from './input-limits';
import { unitShellSources } from './documents/shell-source';
import type { LocalShellSource } from './documents/shell-source';
import type { DockerfileRule, InstructionContext, Report, RuleContext, ShellSourceContext, UnitContext } from './rule';
import { compareFindings } from './text';
import type { Finding, Range } from './types';
import type { RunShell } from './documents/run-shell';

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
  overlongNote: (instruction: Range) => Finding | undefined,
): Generator<void, void, void> {
  // The model reads every unit's shell sources once, and keeps them with the unit, where the checks find them.
  void model.shellSources;
  const units = model.units.units;
  let unitsChecked = 0;
  let charsChecked = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    let kept = unit.findings as KeptFindings | undefined;
    if (!kept || !sameShells(kept)) {
      const length = unitLength(unit, base.lines);
      if (length > MAX_INSTRUCTION_CHARS) kept = overlong(unit, overlongNote);
      else kept = length > LARGE_UNIT_CHARS ? yield* checkUnitInSteps(checks, unit, base) : checkUnit(checks, unit, base);
      if (kept.cacheable) unit.findings = kept;
      unitsChecked++;
      charsChecked += length;
    }
    if (kept.findings.length) {
      const delta = unit.instruction.getRange().start.line - kept.line;
      for (const finding of kept.findings) findings.push(delta === 0 ? finding : moveFinding(finding, delta));
    }
    // A step ends after so many units, or so much text, checked: sixty RUNs of 15 KB are as much work as one of 900.
    if (unitsChecked >= UNITS_PER_STEP || charsChecked >= LARGE_UNIT_CHARS) {
      unitsChecked = charsChecked = 0;
      yield;
    }
  }
}

interface KeptFindings {
  line: number;
  findings: Finding[];
  cacheable: boolean;
  /** The shell each of the unit's sources ran in when checked: a SHELL added or changed above means a new check. */
  shells?: RunShell[];
  /** The unit's shell sources, which are kept with it as long as these findings are (documents/shell-source). */
  sources: readonly LocalShellSource[];
}

function sameShells(kept: KeptFindings): boolean {
  const shells = kept.shells;
  if (!shells) return true;
  const sources = kept.sources;
  for (let i = 0; i < sources.length; i++) if (sources[i].shell !== shells[i]) return false;
  return true;
}

/**
 * An instruction longer than this has its rules checked one per step: one huge RUN (thousands of commands, a
 * megabyte of words) would otherwise hold the server for the whole of its checks.
 */
const LARGE_UNIT_CHARS = 16_384;

/** An instruction too long to analyse has no checks, only the note that says so. */
function overlong(unit: InstructionUnit, note: (instruction: Range) => Finding | undefined): KeptFindings {
  const finding = note(unit.instruction.getInstructionRange());
  return { line: unit.instruction.getRange().start.line, findings: finding ? [finding] : [], cacheable: true, sources: [] };
}

function checkUnit(checks: UnitCheck[], unit: InstructionUnit, base: Omit<UnitContext, 'report'>): KeptFindings {
  const run = new UnitRun(unit, base);
  for (const check of checks) run.check(check);
  return run.kept();
}

function* checkUnitInSteps(checks: UnitCheck[], unit: InstructionUnit, base: Omit<UnitContext, 'report'>): Generator<void, KeptFindings, void> {
  const run = new UnitRun(unit, base);
  yield; // reading its shell sources is a step of its own
  for (const check of checks) {
    run.check(check);
    yield;
  }
  return run.kept();
}

/** The checks of one unit: the contexts are made once, their report pointed at each rule in turn. */
class UnitRun {
  private readonly found: Finding[] = [];
  private readonly sources: readonly LocalShellSource[];
  private readonly instruction: InstructionContext;
  private readonly triggered: InstructionContext | undefined;
  private readonly shell: ShellSourceContext;
  private current: UnitCheck | undefined;
  private failed = false;

  constructor(
    private readonly unit: InstructionUnit,
    base: Omit<UnitContext, 'report'>,
  ) {
    // A fresh context per rule and per unit made this loop the costliest part of a first analysis.
    const sources = (this.sources = unitShellSources(unit));
    const trigger = unit.trigger;
    const report = (r: Report) => this.found.push(this.current!.toFinding(r));
    this.instruction = {
      text: base.text,
      lines: base.lines,
      config: base.config,
      report,
      instruction: unit.instruction,
      onbuild: false,
      shellSources: trigger ? sources.filter((s) => !s.onbuild) : sources,
    };
    this.triggered = trigger ? { ...this.instruction, instruction: trigger, onbuild: true, shellSources: sources.filter((s) => s.onbuild) } : undefined;
    this.shell = { text: base.text, lines: base.lines, config: base.config, report, source: sources[0] };
  }

  check(check: UnitCheck): void {
    this.current = check;
    const rule = check.rule;
    try {
      if (rule.checkInstruction) {
        rule.checkInstruction(this.instruction);
        if (this.triggered) rule.checkInstruction(this.triggered);
      }
      if (rule.checkShellSource) {
        for (const source of this.sources) {
          this.shell.source = source;
          rule.checkShellSource(this.shell);
        }
      }
    } catch (error) {
      this.failed = true;
      check.onError(error);
    }
  }

  kept(): KeptFindings {
    const found = this.found;
    const sources = this.sources;
    // Sorted as analyze sorts all findings, and kept so: the whole list then comes in long sorted runs.
    found.sort(compareFindings);
    const range = this.unit.instruction.getRange();
    const first = range.start.line;
    const last = range.end.line;
    let cacheable = !this.failed;
    for (let i = 0; cacheable && i < found.length; i++) {
      const finding = found[i];
      if (!within(finding.range, first, last)) cacheable = false;
      for (const fix of finding.fixes) for (const edit of fix.edits) if (!within(edit.range, first, last)) cacheable = false;
    }
    return { line: first, findings: found, cacheable, shells: sources.length ? sources.map((s) => s.shell) : undefined, sources };
  }
}

function within(range: Range, first: number, last: number): boolean {
  return range.start.line >= first && range.start.line <= last && range.end.line >= first && range.end.line <= last;
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
