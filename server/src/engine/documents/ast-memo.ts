import type { Instruction } from 'dockerfile-ast';

/**
 * AN EXPLICIT PATCH OF dockerfile-ast 0.7.1 (pinned exactly in package.json). It relies on two internals, and
 * test/unit/documents/dockerfile-ast-patch.test.ts fails the moment an upgrade changes either:
 * - `Instruction.prototype.getRawArguments()`, the scan this module memoizes per instance (below);
 * - the instance field `escapeChar` (documents/instruction-args `escapeCharOf`), the parser's escape character.
 * Upgrading dockerfile-ast means re-reading both in its source and updating that test.
 */

/**
 * dockerfile-ast re-scans an instruction's text on every getArguments() call (about 5 µs, most of it positionAt
 * lookups), and dockerfile-ast and the rules ask for them several times per instruction: measured on a
 * 2,000-line Dockerfile, these repeated scans were the largest part of analyze's time after the parse itself.
 * A parsed document never changes, so each instruction remembers its first answer. (Heredocs are read from our
 * own offsets, documents/dockerfile-heredocs, and kept here too.)
 *
 * Callers get a fresh array every time, as before: dockerfile-ast's own ModifiableInstruction.getArguments
 * shifts the flags off the array it receives. The Argument objects inside are shared; nothing modifies them.
 *
 * The scans also throw on some odd input (a stray carriage return inside a continuation, in dockerfile-ast
 * 0.7.1): such an instruction then has no arguments, rather than taking every rule down with it.
 *
 * Every instruction gets the same function, which keeps their answers in fields of the instruction: a
 * closure per instruction would give each instance a hidden class of its own, which V8 keeps in old space,
 * and the whole parsed document would then outlive every young-generation collection.
 */
type Scan = 'getRawArguments';
type Memoized = Record<Scan, () => unknown[]> & {
  memoRawArguments?: unknown[];
  memoTransfer?: unknown;
  memoHeredocSpans?: unknown;
  memoReadings?: Map<symbol, unknown>;
  memoKeyword?: string;
};

/**
 * The instruction's keyword in upper case (`RUN`, `ENV`), read once per instruction: dockerfile-ast upper-cases
 * it on every getKeyword(). It says the instruction's class (dockerfile-ast creates the class from it, ONBUILD
 * triggers included), so a keyword test stands for an `instanceof`.
 */
export function keywordOf(instruction: Instruction): string {
  const target = instruction as unknown as Memoized;
  return (target.memoKeyword ??= instruction.getKeyword());
}

/**
 * A reading of the instruction's own text that a rule's whole-file check asks for on every analysis (the
 * variables a RUN references), kept with the instruction: an incremental analysis keeps the instruction, and with
 * it the reading, for as long as its text is unchanged. It must hold neither offsets nor positions, which change
 * when the instruction moves.
 */
export function textReading<T, C = undefined>(instruction: Instruction, key: symbol, read: (instruction: Instruction, context: C) => T, context?: C): T {
  const target = instruction as unknown as Memoized;
  const readings = (target.memoReadings ??= new Map());
  // One lookup for what is there (every keystroke), a second only for a reading that is undefined. `read` gets
  // the instruction and `context`, so that a caller need not make a closure on every keystroke to ask.
  let value = readings.get(key) as T | undefined;
  if (value === undefined && !readings.has(key)) readings.set(key, (value = read(instruction, context as C)));
  return value as T;
}

/**
 * A slot for one derived reading of the instruction that several rules share (knowledge/copy-add's COPY/ADD
 * arguments), kept with the instruction like the scans above.
 */
export function sharedReading<T>(instruction: Instruction, read: () => T): T {
  const target = instruction as unknown as Memoized;
  if (target.memoTransfer === undefined) target.memoTransfer = read();
  return target.memoTransfer as T;
}

/** The instruction's heredocs as offsets (documents/dockerfile-heredocs), asked by the RUN sources and two rules. */
export function rememberedHeredocs<T>(instruction: Instruction): T | undefined {
  return (instruction as unknown as Memoized).memoHeredocSpans as T | undefined;
}

export function rememberHeredocs<T>(instruction: Instruction, heredocs: T): T {
  (instruction as unknown as Memoized).memoHeredocSpans = heredocs;
  return heredocs;
}

function scanOnce(instruction: Memoized, scan: Scan): unknown[] {
  try {
    // The instance's own property is this memo; the prototype's is dockerfile-ast's scan.
    return (Object.getPrototypeOf(instruction) as Memoized)[scan].call(instruction);
  } catch {
    return [];
  }
}

function getRawArguments(this: Memoized): unknown[] {
  this.memoRawArguments ??= scanOnce(this, 'getRawArguments');
  return this.memoRawArguments.slice();
}

/**
 * An incremental analysis moved the instruction (documents/dockerfile-units): what is remembered as document
 * offsets (the heredoc spans) no longer holds and is read again when asked. Everything else remembered here holds
 * positions, which the move shifts.
 */
export function forgetOffsets(instruction: Instruction): void {
  (instruction as unknown as Memoized).memoHeredocSpans = undefined;
}

export function memoizeScans(instruction: Instruction): void {
  const target = instruction as unknown as Memoized;
  target.memoRawArguments = undefined;
  target.memoTransfer = undefined;
  target.memoHeredocSpans = undefined;
  target.memoReadings = undefined;
  target.memoKeyword = undefined;
  target.getRawArguments = getRawArguments;
}
