import { From, type Instruction, type Onbuild } from 'dockerfile-ast';
import { Dockerfile as AstDockerfile } from 'dockerfile-ast/lib/dockerfile';
import { Parser } from 'dockerfile-ast/lib/parser';
import type { ParserDirective } from 'dockerfile-ast/lib/parserDirective';
import { LineIndex } from '../text';
import { MAX_INSTRUCTION_CHARS } from '../input-limits';
import { forgetOffsets, memoizeScans } from './ast-memo';
import { endOfLine, linearlyScannedText } from './dockerfile-parse';
import { drain } from '../steps';
import { LiveDocument } from './live-document';

/**
 * DESIGN: a Dockerfile as a list of instructions that an edit re-parses only where it changed.
 *
 * dockerfile-ast's parser is a loop over the text that, at the start of each line outside an instruction,
 * skips blanks and comments and reads one instruction (with its continuation lines, the comment lines inside
 * them and its heredoc bodies) up to the line break that ends it. So the reading of an instruction depends only
 * on its own text, the escape character, and on the loop being outside an instruction where it starts. After
 * an edit, the instructions wholly before the edit are the same objects; the parse restarts at the first
 * instruction the edit may touch and runs, in place on the new text, until it reaches an instruction that
 * starts on an unchanged line at the same place an old instruction started: from there on every instruction is
 * the old one, moved down or up by the lines the edit added or removed. Where the edit opened a heredoc or
 * continued a line into the next instruction, the parse simply runs on until the text lines up again.
 *
 * Moved instructions keep their nodes: every node reads the text through one LiveDocument, which is pointed at
 * the new text, and the positions a node computed earlier (its ranges, arguments, flags, properties) are moved by
 * the line difference. Offsets the engine remembered with an instruction (documents/ast-memo) are forgotten and
 * computed again on demand; what it derived from the instruction (its shell sources, the findings of the
 * per-instruction checks) is kept with the unit (`sources`, `findings`, `derived`) and moved by its own `move`. The parser directives at the head (`# escape=`, `# syntax=`) change how every
 * instruction reads: an edit that reaches them parses the whole file again.
 *
 * test/unit/engine/incremental-replay.test.ts replays thousands of random edits and compares every analysis with
 * a full one; `npm run replay` runs a larger set.
 */
export interface InstructionUnit {
  /** Offset of the instruction's first character in the current text. */
  start: number;
  instruction: Instruction;
  /** An ONBUILD's trigger, read once with it (dockerfile-ast builds a new one per call). */
  trigger?: Instruction;
  /** What the engine derived from this instruction alone and keeps while its text is unchanged. */
  derived: Map<unknown, unknown>;
  /**
   * Two such things that every keystroke reads for every unit, in fields of their own rather than in `derived`:
   * the unit's shell sources (documents/shell-source, moved with the unit) and the findings of the per-instruction
   * checks (unit-findings).
   */
  sources?: { move(delta: number): void };
  findings?: unknown;
}

/** An instruction too long to analyse (MAX_INSTRUCTION_CHARS): no shell sources, no checks, a note instead. */
export function isOverlong(unit: InstructionUnit, lines: LineIndex): boolean {
  return unitLength(unit, lines) > MAX_INSTRUCTION_CHARS;
}

/** The unit's instruction's length in characters, continuation lines and heredoc bodies included. */
export function unitLength(unit: InstructionUnit, lines: LineIndex): number {
  return lines.offsetAt(unit.instruction.getRange().end) - unit.start;
}

/** Private members of dockerfile-ast 0.7.1's Parser that the in-place parse drives (pinned; see ast-memo.ts). */
interface ParserInternals {
  escapeChar: string;
  document: LiveDocument;
  buffer: string;
  getParserDirectives(document: LiveDocument, buffer: string): ParserDirective[];
  processInstruction(dockerfile: AstDockerfile, char: string, start: number): number;
}

/** What an update did: the units parsed anew (the others are the same objects, maybe moved). */
export interface UnitsUpdate {
  fullParse: boolean;
  reparsed: number;
  moved: number;
}

export class DockerfileUnits {
  lines: LineIndex;
  readonly document: LiveDocument;
  directives: ParserDirective[] = [];
  escapeChar = '\\';
  /** Where the first instruction may start: after the directives (and a byte-order mark). */
  private parseStart = 0;
  units: InstructionUnit[] = [];
  /** The dockerfile-ast view of the current instructions, for what still asks dockerfile-ast's Dockerfile. */
  private astCache?: AstDockerfile;
  /**
   * The nodes read a text other than the document's (dockerfile-parse's linear-time substitute for a head that
   * would make dockerfile-ast's directive scan quadratic): such a file is parsed whole on every change.
   */
  private substituted = false;

  private constructor(text: string) {
    this.lines = new LineIndex(text);
    this.document = new LiveDocument(this.lines);
  }

  static parse(text: string): DockerfileUnits {
    return drain(DockerfileUnits.parseInSteps(text));
  }

  /**
   * The same parse in steps of some PARSE_STEP_CHARS of text: a file of 40,000 short instructions took half a
   * second to parse, one step of the language server's analysis.
   */
  static *parseInSteps(text: string): Generator<void, DockerfileUnits, void> {
    const units = new DockerfileUnits(text);
    yield* units.parseAll();
    return units;
  }

  get text(): string {
    return this.lines.text;
  }

  /** The instructions as dockerfile-ast's Dockerfile would hold them, with the directives; built when asked. */
  get ast(): AstDockerfile {
    if (!this.astCache) {
      const ast = new AstDockerfile(this.document as never);
      ast.setDirectives(this.directives);
      const froms: From[] = [];
      for (const unit of this.units) {
        ast.addInstruction(unit.instruction);
        (unit.instruction as unknown as { dockerfile: AstDockerfile }).dockerfile = ast;
        if (unit.instruction instanceof From) froms.push(unit.instruction);
      }
      // dockerfile-ast filters every instruction for the FROMs on each resolveVariable: once per stage's USER
      // with a variable, over the whole file. The list does not change while this object lives.
      ast.getFROMs = () => froms.slice();
      this.astCache = ast;
    }
    return this.astCache;
  }

  /** Brings the units to `text`, re-parsing only what the change from the current text can have changed. */
  update(text: string): UnitsUpdate {
    return drain(this.updateInSteps(text));
  }

  /**
   * update in steps, as parseInSteps. Left unfinished (a newer version cancelled the analysis), the units are
   * half updated: the caller must not use them again (AnalysisState parses afresh).
   */
  *updateInSteps(text: string): Generator<void, UnitsUpdate, void> {
    const old = this.lines;
    if (text === old.text) return { fullParse: false, reparsed: 0, moved: 0 };
    if (this.substituted) {
      this.lines = new LineIndex(text);
      this.astCache = undefined;
      yield* this.parseAll();
      return { fullParse: true, reparsed: this.units.length, moved: 0 };
    }
    const lines = new LineIndex(text);
    const prefix = commonPrefix(old.text, text);
    const suffix = commonSuffix(old.text, text, prefix);
    this.lines = lines;
    this.document.update(lines);
    this.astCache = undefined;
    // The directives decide the escape character for every instruction; so does the line after them, which an
    // edit can turn into one more directive.
    const directiveLines = this.directives.length + 1;
    if (prefix < old.lineStartOffset(directiveLines) || directiveLines >= old.lineCount) {
      yield* this.parseAll();
      return { fullParse: true, reparsed: this.units.length, moved: 0 };
    }
    const delta = text.length - old.text.length;
    const changedEnd = text.length - suffix; // end of the changed text, in the new text

    // The first unit the edit can touch: the one holding the character before the change.
    const units = this.units;
    let first = lastUnitStartingAtOrBefore(units, prefix - 1);
    const from = first < 0 ? this.parseStart : units[first].start;
    if (first < 0) first = 0;
    const parsed = yield* this.parseFrom(from, (offset) => {
      if (offset < changedEnd) return -1;
      const lineStart = lineStartBefore(text, offset);
      // The instruction's whole first line must be unchanged and start a line in the old text too.
      if (lineStart < changedEnd || (lineStart - delta > 0 && !isLineBreak(old.text.charCodeAt(lineStart - delta - 1)))) return -1;
      const index = unitStartingAt(units, offset - delta, first);
      return index;
    });
    const resumed = parsed.resumeAt < 0 ? [] : units.slice(parsed.resumeAt);
    const lineDelta = lines.lineCount - old.lineCount;
    for (const unit of resumed) moveUnit(unit, delta, lineDelta);
    this.units = [...units.slice(0, first), ...parsed.units, ...resumed];
    return { fullParse: false, reparsed: parsed.units.length, moved: lineDelta !== 0 || delta !== 0 ? resumed.length : 0 };
  }

  private *parseAll(): Generator<void, void, void> {
    const parser = new Parser() as unknown as ParserInternals;
    // What dockerfile-ast reads: the text itself, unless its directive scan would be quadratic on it.
    const text = linearlyScannedText(this.text);
    this.substituted = text !== this.text;
    this.document.update(this.substituted ? new LineIndex(text) : this.lines);
    this.directives = parser.getParserDirectives(this.document, text);
    const probe = new AstDockerfile(this.document as never);
    probe.setDirectives(this.directives);
    this.escapeChar = this.directives.length ? probe.getEscapeCharacter() : '\\';
    if (this.directives.length) this.parseStart = this.document.offsetAt({ line: this.directives.length, character: 0 });
    else this.parseStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.units = (yield* this.parseFrom(this.parseStart, () => -1)).units;
  }

  /**
   * dockerfile-ast's parse loop (Parser.parse), on the current text from `from`. Before each instruction that
   * starts at or after the change, `resumeAt` says whether an old unit starts there (its index) to stop.
   */
  private *parseFrom(from: number, resumeAt: (offset: number) => number): Generator<void, { units: InstructionUnit[]; resumeAt: number }, void> {
    const parser = new Parser() as unknown as ParserInternals;
    const text = this.document.getText();
    parser.document = this.document;
    parser.buffer = text;
    parser.escapeChar = this.escapeChar;
    const dockerfile = new AstDockerfile(this.document as never);
    const instructions = dockerfile.getInstructions();
    const units: InstructionUnit[] = [];
    let stepEnd = from + PARSE_STEP_CHARS;
    for (let i = from; i < text.length; i++) {
      if (i >= stepEnd) {
        yield;
        stepEnd = i + PARSE_STEP_CHARS;
      }
      const char = text.charAt(i);
      switch (char) {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
          break;
        case '#':
          // To the end of its line, as dockerfile-ast's processComment reads it, without the Comment object and
          // the two positions it makes: nothing here reads comments, and a file of them made the parse slow.
          i = endOfLine(text, i + 1);
          break;
        default: {
          const old = resumeAt(i);
          if (old >= 0) return { units, resumeAt: old };
          const start = i;
          i = parser.processInstruction(dockerfile, char, i);
          units.push(newUnit(start, instructions[instructions.length - 1]));
        }
      }
    }
    return { units, resumeAt: -1 };
  }
}

/** Text parsed between two steps: a step of some 20 ms on a file of short instructions. */
const PARSE_STEP_CHARS = 16 * 1024;

function newUnit(start: number, instruction: Instruction): InstructionUnit {
  memoizeScans(instruction);
  const unit: InstructionUnit = { start, instruction, derived: new Map(), sources: undefined, findings: undefined };
  if (instruction.getKeyword() === 'ONBUILD') {
    const trigger = (instruction as Onbuild).getTriggerInstruction();
    if (trigger) {
      memoizeScans(trigger);
      unit.trigger = trigger;
    }
  }
  return unit;
}

/**
 * Moves an unchanged instruction with the text around it: its start offset, every position its nodes hold, and
 * what the engine derived from it (which says how to move itself). Offsets remembered in the nodes are dropped.
 */
function moveUnit(unit: InstructionUnit, delta: number, lineDelta: number): void {
  unit.start += delta;
  unit.sources?.move(delta);
  for (const value of unit.derived.values()) (value as { move?(delta: number): void }).move?.(delta);
  forgetOffsets(unit.instruction);
  if (unit.trigger) forgetOffsets(unit.trigger);
  if (lineDelta === 0) return;
  const seen = new Set<object>();
  shiftPositions(unit.instruction, lineDelta, seen);
  if (unit.trigger) shiftPositions(unit.trigger, lineDelta, seen);
}

/**
 * Adds `lineDelta` to the line of every position reachable from a node (ranges, arguments, flags, properties,
 * JSON strings, whatever dockerfile-ast cached), once per position: dockerfile-ast shares position objects
 * between ranges. The document and the Dockerfile a node points to are not its own.
 */
function shiftPositions(root: object, lineDelta: number, seen: Set<object>): void {
  const stack: object[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.line === 'number' && typeof record.character === 'number') {
      record.line += lineDelta;
      continue;
    }
    for (const key in record) {
      if (key === 'document' || key === 'dockerfile') continue;
      const value = record[key];
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
}

function lastUnitStartingAtOrBefore(units: InstructionUnit[], offset: number): number {
  let low = 0;
  let high = units.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (units[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

function unitStartingAt(units: InstructionUnit[], offset: number, from: number): number {
  const index = lastUnitStartingAtOrBefore(units, offset);
  return index >= from && units[index].start === offset ? index : -1;
}

function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const code = text.charCodeAt(i - 1);
    if (code !== 32 && code !== 9) break;
    i--;
  }
  return i;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Length of the common prefix, compared a block at a time (string equality of slices is a memory compare). */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  for (let block = 1024; i + block <= max && a.slice(i, i + block) === b.slice(i, i + block);) i += block;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix that does not overlap the common prefix. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  for (let block = 1024; i + block <= max && a.slice(a.length - i - block, a.length - i) === b.slice(b.length - i - block, b.length - i);) i += block;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
