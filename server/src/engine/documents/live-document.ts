import type { LineIndex } from '../text';
import type { Position, Range } from '../types';

/**
 * The document every dockerfile-ast node of an analysed file reads: the file's current text. dockerfile-ast keeps
 * a TextDocument in each node and asks it for the text (all of it, or a range's), offsets and positions (only
 * `getText`, `offsetAt` and `positionAt`: the pinned 0.7.1, see ast-memo.ts). An incremental analysis keeps the nodes of the instructions an
 * edit did not touch and hands them this one object, which it points at the new text after every edit, so what
 * they compute from then on is computed on the current text; the positions they computed earlier are moved with
 * their instruction (documents/dockerfile-units).
 *
 * The conversions are vscode-languageserver-textdocument 1.0's, line for line (an offset between `\r` and `\n`
 * belongs before the `\r`), on the analysis's own line index instead of a second one.
 */
export class LiveDocument {
  private current!: LineIndex;

  constructor(lines: LineIndex) {
    this.update(lines);
  }

  update(lines: LineIndex): void {
    this.current = lines;
  }

  get lines(): LineIndex {
    return this.current;
  }

  /** The text, or the part of it a range covers (dockerfile-ast asks for both). */
  getText(range?: Range): string {
    const text = this.current.text;
    if (!range) return text;
    return text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    const text = this.current.text;
    const lineOffsets = this.current.lineStarts;
    offset = Math.max(Math.min(offset, text.length), 0);
    let low = 0;
    let high = lineOffsets.length;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = ensureBeforeEOL(text, offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const text = this.current.text;
    const lineOffsets = this.current.lineStarts;
    if (position.line >= lineOffsets.length) return text.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : text.length;
    return ensureBeforeEOL(text, Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }
}

function ensureBeforeEOL(text: string, offset: number, lineOffset: number): number {
  while (offset > lineOffset) {
    const code = text.charCodeAt(offset - 1);
    if (code !== 10 && code !== 13) break;
    offset--;
  }
  return offset;
}
