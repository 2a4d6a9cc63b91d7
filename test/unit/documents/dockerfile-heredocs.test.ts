import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { heredocsOf } from '../../../server/src/engine/documents/instruction-args';
import { nameSpan } from '../../../server/src/engine/documents/dockerfile-heredocs';
import { LineIndex } from '../../../server/src/engine/text';
import type { Position } from '../../../server/src/engine/types';
import { seededRandom as random } from '../../support/seeded-random';

type Range = { start: never; end: never };

/** dockerfile-ast's own getHeredocs as offsets; none when it throws (as the model's scan memo answered). */
function reference(instruction: Instruction, lines: LineIndex): { bodyStart: number; bodyEnd: number }[] {
  const own = instruction as unknown as { getHeredocs?(): { getContentRange(): Range | null }[] };
  if (!own.getHeredocs) return [];
  try {
    const firstLine = instruction.getRange().start.line;
    return own.getHeredocs().map((h) => {
      const content = h.getContentRange() as { start: Position; end: Position } | null;
      // A heredoc with nothing after the line that opens it, or after the previous heredoc's delimiter, has no
      // body yet; dockerfile-ast then places one starting before the arguments, which we read as none.
      if (!content || content.start.line === firstLine) return { bodyStart: -1, bodyEnd: -1 };
      return { bodyStart: lines.offsetAt(content.start), bodyEnd: lines.offsetAt(content.end) };
    });
  } catch {
    return [];
  }
}

function compare(text: string): number {
  const lines = new LineIndex(text);
  let found = 0;
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'RUN' && keyword !== 'COPY' && keyword !== 'ADD') continue;
    const expected = reference(instruction, lines);
    found += expected.length;
    assert.deepEqual(heredocsOf(instruction, lines), expected, `${JSON.stringify(text)}: ${keyword}`);
  }
  return found;
}

const PIECES = [
  'RUN ',
  'COPY ',
  'ADD ',
  'RUN --mount=type=cache,target=/x ',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\\',
  '\\\n',
  '\\ \n',
  '`\n',
  '#',
  '# c\n',
  'a',
  'EOF',
  'END',
  '$',
  '"',
  "'",
  '<<EOF',
  '<<-EOF',
  '<<"EOF"',
  "<<'END'",
  '<<<',
  '<<',
  '<',
  '\nEOF\n',
  '\n\tEOF\n',
  '\nEOF',
  'EOF\r\n',
  '\nEND\n',
  'cat ',
  'python3 ',
  '/dst',
  '\n\n',
];

describe('heredocsOf', () => {
  it('finds bodies as dockerfile-ast does, at document offsets', () => {
    assert.equal(compare('RUN <<EOF\necho a\nEOF\nCOPY <<-END /x\n\tdata\n\tEND\n'), 2);
    assert.equal(compare('RUN <<EOF cat <<END\na\nEOF\nb\nEND\n'), 2);
    assert.equal(compare('RUN <<EOF\r\necho a\r\nEOF\r\n'), 1);
    assert.equal(compare('RUN --mount=type=cache,target=/x <<EOF\nunfinished'), 1);
    assert.equal(compare('# escape=`\nRUN <<EOF `\n  cat\nEOF\nRUN <<EOF'), 2);
    compare('RUN echo a \\\n  <<EOF\nb\nEOF\n');
  });

  it('agrees with dockerfile-ast on random text of heredocs, continuations, escapes and line breaks', () => {
    const next = random(0x4e7d);
    let heredocs = 0;
    for (let round = 0; round < 4000; round++) {
      let text = next() < 0.2 ? '# escape=`\n' : '';
      // Mostly an instruction with a heredoc on its first line, then anything.
      if (next() < 0.8) text += PIECES[Math.floor(next() * 4)] + PIECES[21 + Math.floor(next() * 4)];
      const pieces = 1 + Math.floor(next() * 16);
      for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      heredocs += compare(text);
    }
    assert.ok(heredocs > 1000, `only ${heredocs} heredocs generated`);
  });
});

describe('nameSpan', () => {
  /** dockerfile-ast's getNameRange on `content` as the whole document, as offsets. */
  function reference(content: string, escapeChar: string): [number, number] {
    const instruction = DockerfileParser.parse('RUN x')!.getInstructions()[0] as unknown as {
      document: { getText(): string; offsetAt(p: Position): number; positionAt(o: number): Position };
      escapeChar: string;
      getNameRange(range: unknown): { start: Position; end: Position };
    };
    const lines = new LineIndex(content);
    const document = {
      getText: (range?: { start: Position; end: Position }) => (range ? content.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)) : content),
      offsetAt: (p: Position) => lines.offsetAt(p),
      positionAt: (o: number) => lines.positionAt(o),
    };
    const range = Object.assign(Object.create(Object.getPrototypeOf(instruction)), instruction, { document, escapeChar }).getNameRange(
      lines.rangeAt(0, content.length),
    );
    return [lines.offsetAt(range.start), lines.offsetAt(range.end)];
  }

  it('finds the delimiter name where dockerfile-ast does, on random arguments', () => {
    const next = random(0x5a11);
    const parts = ['<<', '<<-', '-', '"', "'", '\\', '`', '\n', ' ', '\t', '#', 'E', 'O', 'F', '<', '\r'];
    for (let round = 0; round < 5000; round++) {
      let content = next() < 0.7 ? '<<' : '';
      const length = 1 + Math.floor(next() * 12);
      for (let i = 0; i < length; i++) content += parts[Math.floor(next() * parts.length)];
      for (const escapeChar of ['\\', '`']) {
        assert.deepEqual(nameSpan(content, escapeChar), reference(content, escapeChar), `${JSON.stringify(content)} escape ${escapeChar}`);
      }
    }
  });

  it('reads a name of 100,000 escape characters in one pass', () => {
    const content = `<<-"X${'\\'.repeat(100_000)}"`;
    assert.deepEqual(nameSpan(content, '\\'), [4, 5]); // X: the escape characters are not part of it
  });
});
