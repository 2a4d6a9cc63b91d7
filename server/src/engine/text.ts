import type { Finding, Position, Range } from './types';

/**
 * Converts between string offsets and LSP positions.
 * JavaScript strings are UTF-16, which is exactly what LSP characters count, so no re-encoding is needed.
 */
export class LineIndex {
  /** Offset of the start of each line (after `\n`, `\r\n` or a lone `\r`), as vscode-languageserver-textdocument counts them. */
  readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    // Most files break lines with \n alone: indexOf finds them several times faster than a loop over every character.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      } else if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    const end = this.lineEndOffset(position.line);
    return Math.min(start + Math.max(position.character, 0), end);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  rangeAt(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  lineStartOffset(line: number): number {
    return this.lineStarts[Math.min(Math.max(line, 0), this.lineStarts.length - 1)];
  }

  /** Offset just past the last character of the line, before its line break. */
  lineEndOffset(line: number): number {
    if (line + 1 < this.lineStarts.length) {
      let end = this.lineStarts[line + 1] - 1;
      if (end > 0 && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
      return end;
    }
    return this.text.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStartOffset(line), this.lineEndOffset(line));
  }

  /** The line break the file already uses, so inserted lines match it. */
  get eol(): string {
    const first = this.lineStarts[1];
    if (first === undefined) return '\n';
    return this.text.charCodeAt(first - 2) === 13 ? '\r\n' : '\n';
  }

  /**
   * The column of an offset as YAML indentation counts it: a byte-order mark before the first line takes no column
   * (editors hide it; a file read from disk still has it), and the YAML parser reads the spaces right after one as
   * separation, not indentation (`\uFEFF  a: 1` then `b: 2` is one mapping at column 0), so they take none either.
   */
  indentColumnAt(offset: number): number {
    const { line, character } = this.positionAt(offset);
    if (line !== 0 || character === 0 || this.text.charCodeAt(0) !== 0xfeff) return character;
    let spaces = 1;
    while (spaces < character && this.text.charCodeAt(spaces) === 32) spaces++;
    return character - spaces;
  }

  /** Leading whitespace of a line. */
  indentOf(line: number): string {
    const text = this.lineText(line);
    return text.slice(0, text.length - text.trimStart().length);
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** The order of an analysis's findings: by where they start, then by rule code. */
export function compareFindings(a: Finding, b: Finding): number {
  const x = a.range.start;
  const y = b.range.start;
  return x.line - y.line || x.character - y.character || a.code.localeCompare(b.code);
}

export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
