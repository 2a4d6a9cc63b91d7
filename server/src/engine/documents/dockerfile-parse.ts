import { Argument, DockerfileParser, Instruction, type Dockerfile } from 'dockerfile-ast';
import { scanArguments } from './instruction-args';

/**
 * More `# name=value` parser directives on one line than this are cut short (see parseDockerfileAst). A real
 * Dockerfile has one per line; BuildKit reads a whole line as one directive.
 */
export const MAX_DIRECTIVES_PER_LINE = 8;

/**
 * dockerfile-ast's parse, in linear time. Its parser-directive scan (`# escape=`, `# syntax=`, dockerfile-ast
 * 0.7.1 `Parser.getParserDirectives`) is quadratic in two cases, which a file of `#` alone or random bytes reach:
 *
 * - a `#` line of the file's head with no line break after it: the scan reads to the end of the text, then
 *   starts again from every later `#` of that line (100 KB of `#`: 10 s). None of these later scans can find a
 *   directive (no `=` is left), so a line break appended to the text ends the first scan with the same result:
 *   the directives, comments and instructions are those of the text as it is.
 * - many directives on one line (`#a=b #a=b …`): each reads to the end of the line. Past
 *   MAX_DIRECTIVES_PER_LINE on a line, the `#` that would start the next one is handed to the parser as `x`,
 *   which ends the scan there. The text is otherwise the same, and the line stays a directive line, which the
 *   instruction parse skips. (dockerfile-ast's reading of such a line is wrong anyway: it skips one line of the
 *   file per directive.)
 *
 * test/unit/documents/dockerfile-parse.test.ts compares the result with dockerfile-ast's on random heads.
 */
export function parseDockerfileAst(text: string): Dockerfile {
  return DockerfileParser.parse(linearlyScannedText(text));
}

/** The text dockerfile-ast is handed: `text` itself unless its directive scan would be quadratic. */
export function linearlyScannedText(text: string): string {
  const scan = scanDirectives(text);
  let handed = text;
  if (scan.cutAt >= 0) handed = handed.slice(0, scan.cutAt) + 'x' + handed.slice(scan.cutAt + 1);
  if (scan.endsAtEnd) handed += '\n';
  return handed;
}

interface DirectiveScan {
  /** The scan of a `#` line reached the end of the text. */
  endsAtEnd: boolean;
  /** Where a directive past the per-line limit starts; -1 when none. */
  cutAt: number;
}

/**
 * dockerfile-ast's directive scan, step for step, reading every character once: a directive's value ends at its
 * first blank, and the rest of its line is only read to find the line's end, which is remembered.
 */
function scanDirectives(text: string): DirectiveScan {
  const length = text.length;
  let lineEnd = -1; // end of the line the last directive was on
  let onLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < length; i++) {
    const char = text.charCodeAt(i);
    if (char === SPACE || char === TAB) continue;
    if (char !== HASH) break; // a line break, or anything else, ends the directives
    let nameStart = -1;
    let j = i + 1;
    for (; j < length; j++) {
      const c = text.charCodeAt(j);
      if (c === CR || c === LF) return { endsAtEnd: false, cutAt: -1 };
      if (c === EQUALS) break;
      if (nameStart < 0 && c !== SPACE && c !== TAB) nameStart = j;
    }
    if (j === length) return { endsAtEnd: true, cutAt: -1 };
    if (nameStart < 0) break; // `#=x`: a comment
    if (i > lineEnd) {
      onLine = 0;
      lineEnd = endOfLine(text, j);
    }
    if (++onLine > MAX_DIRECTIVES_PER_LINE) return { endsAtEnd: false, cutAt: i };
    let valueStart = -1;
    let valueEnd = -1;
    for (let k = j + 1; k < lineEnd; k++) {
      const c = text.charCodeAt(k);
      if (c === SPACE || c === TAB) {
        if (valueStart >= 0) {
          valueEnd = k;
          break;
        }
      } else if (valueStart < 0) {
        valueStart = k;
      }
    }
    if (valueStart < 0 || valueEnd < 0) valueEnd = lineEnd;
    i = text.charCodeAt(valueEnd) === CR ? valueEnd + 1 : valueEnd;
  }
  return { endsAtEnd: false, cutAt: -1 };
}

/** The offset of the first line break at or after `from`, or the text's length. */
export function endOfLine(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === CR || c === LF) return k;
  }
  return text.length;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const EQUALS = 61;

/**
 * dockerfile-ast's `Instruction.getRawArguments` (private in 0.7.1, the version package.json pins exactly)
 * splits an instruction's arguments anew on every call, building each value a character at a time and
 * converting two positions per argument; its parser calls it some ten times per RUN (every JSONInstruction
 * constructor asks four times, for a throwaway first-line instruction and the real one), and on one long
 * argument its cost grows faster than the argument (1 MB of quoted words: 1.2 s to parse). In its place: the same
 * split by documents/instruction-args.ts (a line-for-line port over offsets, compared with the original on
 * every input of the equivalence corpus), made once per instruction. Callers get a fresh array each time, as
 * before (ModifiableInstruction.getArguments shifts the flags off the array it receives).
 * test/unit/documents/dockerfile-ast-patch.test.ts checks the version and the hook.
 */
type Scanned = {
  document: { getText(): string; offsetAt(position: unknown): number; positionAt(offset: number): { line: number; character: number } };
  escapeChar: string;
  getInstructionRange(): unknown;
  getRange(): { end: unknown };
  scannedArguments?: Argument[];
};

export const originalGetRawArguments = (Instruction.prototype as unknown as { getRawArguments(): Argument[] }).getRawArguments;

function getRawArguments(this: Scanned): Argument[] {
  if (!this.scannedArguments) {
    const document = this.document;
    const from = document.offsetAt((this.getInstructionRange() as { end: unknown }).end);
    const to = document.offsetAt(this.getRange().end);
    this.scannedArguments = scanArguments(document.getText(), from, to, this.escapeChar).map(
      (span) => new LazyArgument(span.value, span.start, span.end, document) as unknown as Argument,
    );
  }
  return this.scannedArguments.slice();
}

(Instruction.prototype as unknown as { getRawArguments(): Argument[] }).getRawArguments = getRawArguments;

type Position = { line: number; character: number };

/**
 * An Argument whose range is made when first asked (Argument's methods all read `this.range`): the parse asks
 * for the values of a RUN's words but the ranges of a few, and a range is three objects per word (a megabyte of
 * words: a million objects, most of the parse's time in the collector).
 */
class LazyArgument {
  private made?: { start: Position; end: Position };
  constructor(
    readonly value: string,
    private readonly start: number,
    private readonly end: number,
    private readonly document: { positionAt(offset: number): Position },
  ) {}

  get range(): { start: Position; end: Position } {
    return (this.made ??= { start: this.document.positionAt(this.start), end: this.document.positionAt(this.end) });
  }
}
Object.setPrototypeOf(LazyArgument.prototype, Argument.prototype);
