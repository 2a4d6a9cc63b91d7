import type { Instruction } from 'dockerfile-ast';
import { rememberedHeredocs, rememberHeredocs } from './ast-memo';
import { scanHeredocs, type HeredocSpan } from './dockerfile-heredocs';
import type { LineIndex } from '../text';
import { MAX_INSTRUCTION_CHARS } from '../input-limits';

/** An instruction argument as document offsets, with the value dockerfile-ast gives it (escapes resolved). */
export interface ArgumentSpan {
  value: string;
  start: number;
  end: number;
}

/**
 * The arguments of an instruction exactly as dockerfile-ast's `getRawArguments` splits them, but as offsets:
 * its own scan converts every start and end to a position with a binary search and allocates two positions and
 * a range per argument, which made it the costliest thing our rules asked of an instruction. Same state
 * machine, line for line (escaped newlines, whitespace after an escape, comment lines inside continuations);
 * test/unit/documents/instruction-args.test.ts compares the two on every input of the equivalence corpus.
 */
export function argumentSpans(instruction: Instruction, lines: LineIndex): ArgumentSpan[] {
  const from = lines.offsetAt(instruction.getInstructionRange().end);
  const to = lines.offsetAt(instruction.getRange().end);
  return scanArguments(lines.text, from, to, escapeCharOf(instruction));
}

/**
 * Offset of the instruction's first argument, or -1 when it has none: what `argumentSpans(…)[0].start` gives,
 * without splitting the whole instruction. Before any escape character, dockerfile-ast's scan skips whitespace
 * and starts the first argument at the first other character; past an escape character (a continuation, an
 * escaped first character) this asks the full scan.
 */
export function firstArgumentOffset(instruction: Instruction, lines: LineIndex): number {
  const from = lines.offsetAt(instruction.getInstructionRange().end);
  const to = lines.offsetAt(instruction.getRange().end);
  const text = lines.text;
  const escapeChar = escapeCharOf(instruction);
  for (let i = from; i < to; i++) {
    const char = text.charAt(i);
    if (isWhitespace(char)) continue;
    if (char !== escapeChar) return i;
    break;
  }
  const args = scanArguments(text, from, to, escapeChar);
  return args.length ? args[0].start : -1;
}

/**
 * dockerfile-ast keeps the parser's escape character on the instruction, in a field it does not publish (part of
 * the pinned patch described in ast-memo.ts); `\` unless `# escape=` says otherwise.
 */
export function escapeCharOf(instruction: Instruction): string {
  return (instruction as unknown as { escapeChar?: string }).escapeChar ?? '\\';
}

/**
 * The instruction's heredocs as offsets, read once per instruction and only when the arguments hold a `<` (a
 * heredoc needs `<<`; an escaped `\<` still shows its `<`). dockerfile-ast's getHeredocs, ported in
 * documents/dockerfile-heredocs; RUN, COPY and ADD have heredocs, and their flags come before them.
 */
export function heredocsOf(instruction: Instruction, lines: LineIndex): readonly HeredocSpan[] {
  // Asked by the RUN sources and two rules for every RUN/COPY/ADD: remembered, none included.
  const known = rememberedHeredocs<readonly HeredocSpan[]>(instruction);
  if (known) return known;
  const from = lines.offsetAt(instruction.getInstructionRange().end);
  const to = lines.offsetAt(instruction.getRange().end);
  if (!occursBetween(lines.text, '<', from, to)) return rememberHeredocs(instruction, NO_HEREDOCS);
  const escapeChar = escapeCharOf(instruction);
  const args = scanArguments(lines.text, from, to, escapeChar);
  const flags = (instruction as unknown as { getFlags?(): unknown[] }).getFlags?.().length ?? 0;
  return rememberHeredocs(instruction, scanHeredocs(instruction, lines, flags ? args.slice(flags) : args, escapeChar));
}

const NO_HEREDOCS: readonly HeredocSpan[] = Object.freeze([]);

/** True when `char` occurs in text[from, to): a bounded search, where indexOf could run on to the end of the file. */
export function occursBetween(text: string, char: string, from: number, to: number): boolean {
  const code = char.charCodeAt(0);
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

const isNewline = (c: string) => c === '\r' || c === '\n';
const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** Arguments past MAX_INSTRUCTION_CHARS are not read: such an instruction is not analysed (isOverlong). */
export function scanArguments(text: string, from: number, to: number, escapeChar: string): ArgumentSpan[] {
  const args: ArgumentSpan[] = [];
  const fullArgs = text.slice(from, Math.max(from, Math.min(to, from + MAX_INSTRUCTION_CHARS)));
  const n = fullArgs.length;
  let start = false;
  let comment = false;
  let found = -1;
  // Whitespace that belongs to an escaped newline sequence, and whether we are inside one.
  let escapedWhitespaceDetected = false;
  let escaping = false;
  let escapeMarker = -1;
  let escapedArg = '';
  // Until an argument meets an escape character its value is its text: taken with one slice, not built up.
  let literal = true;
  for (let i = 0; i < n; i++) {
    const char = fullArgs.charAt(i);
    if (isWhitespace(char)) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (isNewline(char)) {
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        args.push({ value: literal ? fullArgs.slice(found, i) : escapedArg, start: from + found, end: from + (escapeMarker === -1 ? i : escapeMarker) });
        escapeMarker = -1;
        escapedArg = '';
        literal = true;
        found = -1;
      }
    } else if (char === escapeChar) {
      if (literal) {
        if (found !== -1) escapedArg = fullArgs.slice(found, i);
        literal = false;
      }
      const next = fullArgs.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        whitespaceCheck: for (let j = i + 2; j < n; j++) {
          const after = fullArgs.charAt(j);
          switch (after) {
            case ' ':
            case '\t':
              continue;
            case '\r':
            case '\n':
              if (after === '\r') j++; // dockerfile-ast steps over the character after a carriage return
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) escapeMarker = i;
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (found === -1) i = j - 1;
              break whitespaceCheck;
          }
        }
      } else if (next === '\r') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push({ value: escapedArg, start: from + found, end: from + escapeMarker });
          escapedArg = ''; // the next argument starts here, with an escape: built up, not literal
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === '$') {
          escapedArg = escapedArg + char + next;
        } else if (next === '') {
          break; // the end of the text
        } else {
          escapedArg = escapedArg + next;
        }
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && char === '#') {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push({ value: escapedArg, start: from + found, end: from + escapeMarker });
          escapedArg = '';
          literal = true;
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        if (!literal) escapedArg = escapedArg + char;
        if (found === -1) found = i;
      }
      start = false;
    }
  }
  if (found !== -1)
    args.push({ value: literal ? fullArgs.slice(found, n) : escapedArg, start: from + found, end: from + (escapeMarker === -1 ? n : escapeMarker) });
  return args;
}
