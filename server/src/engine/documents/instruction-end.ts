import type { Instruction } from 'dockerfile-ast';
import type { LineIndex } from '../text';
import { escapeCharOf, heredocsOf } from './instruction-args';

/**
 * How an instruction ends, for fixes that add text after it or at its end. Text inserted after an instruction
 * whose last line ends with the escape character (`RUN make \` as the file's last line) continues that
 * instruction, and text after an unterminated heredoc is more of its body: the fuzzer found fixes appending
 * `USER app` into a RUN again and again.
 */
export interface InstructionEnd {
  /**
   * Whether text can follow the instruction as an instruction of its own: not after a heredoc that is never
   * closed (its body runs on to the end of the file), nor after `\\` ending the last line (escape characters
   * ending a line continue it however many there are, and which of them the author meant is anyone's guess).
   */
  closable: boolean;
  /** Offset of a single escape character ending the last line, which continues the instruction; -1 when none. */
  danglingEscape: number;
}

export function instructionEnd(instruction: Instruction, lines: LineIndex): InstructionEnd {
  const text = lines.text;
  const range = instruction.getRange();
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  // A heredoc's body starts on the next line and ends at its delimiter line: one that runs to the instruction's
  // end was never closed, and one declared on an instruction's only line has not even started.
  const heredocs = heredocsOf(instruction, lines);
  const openHeredoc = heredocs.some((heredoc) => (heredoc.bodyStart >= 0 ? heredoc.bodyEnd >= end : range.start.line === range.end.line));
  if (openHeredoc) return { closable: false, danglingEscape: -1 };
  const escape = trailingEscapes(text, start, end, escapeCharOf(instruction));
  return { closable: escape.count <= 1, danglingEscape: escape.count === 1 ? escape.at : -1 };
}

/** The escape characters ending the last line of text[start, end) that is neither blank nor a comment. */
function trailingEscapes(text: string, start: number, end: number, escapeChar: string): { at: number; count: number } {
  let lineEnd = end;
  while (lineEnd > start) {
    let lineStart = lineEnd;
    while (lineStart > start && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    const content = text.slice(lineStart, lineEnd).trimEnd();
    if (content.trim() !== '' && !content.trimStart().startsWith('#')) {
      let at = lineStart + content.length;
      while (at > lineStart && text[at - 1] === escapeChar) at--;
      return { at, count: lineStart + content.length - at };
    }
    lineEnd = lineStart - 1;
    if (lineEnd > start && text[lineEnd] === '\n' && text[lineEnd - 1] === '\r') lineEnd--;
  }
  return { at: -1, count: 0 };
}
