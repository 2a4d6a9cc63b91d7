import type { Instruction } from 'dockerfile-ast';
import type { LineIndex } from '../text';
import type { ArgumentSpan } from './instruction-args';

/** A heredoc of an instruction: where its body lies in the document, when it has one (bodyStart -1 when not). */
export interface HeredocSpan {
  bodyStart: number;
  bodyEnd: number;
}

/** dockerfile-ast's private helper that reads the delimiter name of a `<<EOF` argument, asked once per heredoc. */
type NameReader = {
  getName(nameRange: unknown): string;
};

const NO_BODY: HeredocSpan = Object.freeze({ bodyStart: -1, bodyEnd: -1 });

/**
 * The heredocs of a RUN/COPY/ADD exactly as dockerfile-ast's `getHeredocs` finds them, as offsets. Its own scan
 * converts a position for every body line and re-reads the delimiter name for every line, and it asks for the
 * arguments through dockerfile-ast's argument scan (which for a heredoc covers the whole body); this is the same
 * state machine over our argument offsets (documents/instruction-args), with the name read once per heredoc.
 * test/unit/documents/dockerfile-heredocs.test.ts compares the two on random input.
 *
 * `args` are the instruction's arguments after its flags (what dockerfile-ast's getArguments gives).
 * Where dockerfile-ast's scan throws (more body lines than heredocs), the answer is no heredocs, as the scan
 * memo in ast-memo gave before.
 */
export function scanHeredocs(instruction: Instruction, lines: LineIndex, args: ArgumentSpan[], escapeChar: string): HeredocSpan[] {
  if (args.length === 0) return [];
  const range = instruction.getRange();
  if (range.start.line === range.end.line) return singleLineHeredocs(args);

  const text = lines.text;
  const startOffset = args[0].start;
  const endOffset = lines.offsetAt(range.end);
  const content = text.slice(startOffset, Math.max(startOffset, endOffset));
  const n = content.length;
  const definitions: ArgumentSpan[] = [];
  const names: string[] = [];
  const heredocs: HeredocSpan[] = [];
  let processed = false;
  let escaping = false;
  let contentStart = -1;
  let contentEnd = -1;
  let lineStart = -1;
  let current = 0;

  contentLoop: for (let i = 0; i < n; i++) {
    const char = content.charAt(i);
    if (char === escapeChar) {
      escaping = true;
      for (let j = i + 1; j < n; j++) {
        const after = content.charAt(j);
        if (after === ' ' || after === '\t') continue;
        if (after === '\r') j++;
        i = j;
        continue contentLoop;
      }
      continue;
    }
    switch (char) {
      case '\r':
        continue;
      case '\n':
        if (escaping) continue;
        if (processed) {
          if (contentStart === -1) contentStart = i;
          contentEnd = i;
          if (current >= definitions.length) return []; // dockerfile-ast throws here
          const definition = definitions[current];
          if (
            isDelimiter(
              text,
              definition,
              (names[current] ??= readName(instruction, lines, definitions[current], escapeChar)),
              startOffset + lineStart,
              startOffset + i,
            )
          ) {
            heredocs.push({ bodyStart: documentOffset(text, startOffset + contentStart), bodyEnd: documentOffset(text, startOffset + lineStart - 1) });
            contentStart = -1;
            current++;
          }
          lineStart = -1;
        } else {
          // The first unescaped newline: the heredocs are the `<<` arguments before it.
          const limit = startOffset + i;
          for (const arg of args) {
            if (arg.start >= limit) break;
            if (arg.value.startsWith('<<')) definitions.push(arg);
          }
          processed = true;
          lineStart = -1;
        }
        continue;
    }
    if (escaping && (char === ' ' || char === '\t')) continue;
    if (escaping && char === '#') {
      // A comment line inside a continuation: skip to its end.
      const newline = content.indexOf('\n', i + 1);
      if (newline >= 0) {
        i = newline;
        continue;
      }
    }
    escaping = false;
    if (processed) {
      if (contentStart === -1) contentStart = i;
      if (lineStart === -1) lineStart = i;
    }
  }
  if (!processed) return singleLineHeredocs(args);

  if (current >= definitions.length) return []; // dockerfile-ast throws here
  const last = definitions[current];
  // The last line of the instruction is the last heredoc's delimiter, or the body runs on to the end.
  if (contentStart === -1) {
    // Nothing after the line that opens the heredocs, or after the previous one's delimiter (`RUN <<A <<B`, A
    // closed): no body yet. dockerfile-ast places one starting a character before the arguments.
    heredocs.push(NO_BODY);
  } else if (
    !isDelimiter(text, last, (names[current] ??= readName(instruction, lines, definitions[current], escapeChar)), startOffset + lineStart, endOffset)
  ) {
    heredocs.push({ bodyStart: documentOffset(text, startOffset + contentStart), bodyEnd: endOffset });
  } else if (contentEnd !== -1) {
    heredocs.push({ bodyStart: documentOffset(text, startOffset + contentStart), bodyEnd: documentOffset(text, startOffset + contentEnd) });
  } else {
    heredocs.push(NO_BODY);
  }
  for (current++; current < definitions.length; current++) heredocs.push(NO_BODY);
  return heredocs;
}

/** An instruction on one line: its heredocs can have no body yet. */
function singleLineHeredocs(args: ArgumentSpan[]): HeredocSpan[] {
  const heredocs: HeredocSpan[] = [];
  for (const arg of args) if (arg.value.startsWith('<<') && hasHeredocName(arg.value)) heredocs.push(NO_BODY);
  return heredocs;
}

/** dockerfile-ast's Util.parseHeredocName(value) !== null: quotes must close, and `<<<` is a here-string. */
function hasHeredocName(value: string): boolean {
  let name = value.substring(2);
  if (name.charAt(0) === '-') name = name.substring(1);
  for (const quote of ['"', "'"]) {
    if (name.charAt(0) !== quote) continue;
    if (name.charAt(name.length - 1) !== quote) return false;
    name = name.substring(1, name.length - 1);
  }
  return name.charAt(0) !== '<';
}

function readName(instruction: Instruction, lines: LineIndex, definition: ArgumentSpan, escapeChar: string): string {
  const [start, end] = nameSpan(lines.text.slice(definition.start, definition.end), escapeChar);
  return (instruction as unknown as NameReader).getName(lines.rangeAt(definition.start + start, definition.start + end));
}

/**
 * Where the delimiter name lies in a `<<"EOF"` argument, as dockerfile-ast's `getNameRange` finds it, offsets
 * into the argument. Its scan looks for a line break after every escape character, from that character to the end
 * (a name of 27,000 backslashes: 0.6 s); the last line break, found once, answers the same question.
 */
export function nameSpan(content: string, escapeChar: string): [number, number] {
  const lastNewline = content.lastIndexOf('\n');
  let endFound = false;
  let searchHyphen = false;
  let start = -1;
  let end = -1;
  let escaping = false;
  let quote: string | null = null;
  scan: for (let i = 0; i < content.length; i++) {
    const ch = content.charAt(i);
    if (ch === '"' || ch === "'") {
      if (quote === ch) break;
      quote = ch;
      continue;
    }
    if (ch === escapeChar) {
      if (lastNewline > i) escaping = true;
      continue;
    }
    switch (ch) {
      case ' ':
      case '\t':
      case '\r':
      case '\n':
        continue;
      case '<':
        if (endFound) searchHyphen = true;
        else endFound = true;
        continue;
      case '-':
        if (searchHyphen) {
          searchHyphen = false;
          continue;
        }
        break;
    }
    // A `#`, or a `-` that is not `<<-`'s: after an escaped line break, a comment to the end of its line.
    if ((ch === '#' || ch === '-') && escaping && lastNewline > i) {
      i = content.indexOf('\n', i + 1);
      continue;
    }
    if (start === -1) start = i;
    if (quote === null) break scan;
    end = i + 1;
  }
  if (start === -1) return [content.length, content.length];
  return [start, quote !== null ? end : content.length];
}

/** Whether the line text[from, to) closes the heredoc: its name, after leading tabs for `<<-`. */
function isDelimiter(text: string, definition: ArgumentSpan, name: string, from: number, to: number): boolean {
  // As dockerfile-ast reads it: through positions (so never past a line break) and substring (which swaps ends).
  let line = text.substring(documentOffset(text, from), documentOffset(text, to));
  if (definition.value.startsWith('<<-')) {
    let tabs = 0;
    while (line.charAt(tabs) === '\t') tabs++;
    line = line.substring(tabs);
  }
  return line === name;
}

/**
 * An offset after a round trip through a document position, as dockerfile-ast's ranges give it: clamped to the
 * text, and never between the `\r` and `\n` of a line break (vscode-languageserver-textdocument moves it before).
 */
function documentOffset(text: string, offset: number): number {
  const clamped = Math.max(0, Math.min(offset, text.length));
  if (clamped > 0 && text.charCodeAt(clamped - 1) === 13 && text.charCodeAt(clamped) === 10) return clamped - 1;
  return clamped;
}
