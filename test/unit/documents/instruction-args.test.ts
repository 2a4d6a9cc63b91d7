import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { argumentSpans, firstArgumentOffset } from '../../../server/src/engine/documents/instruction-args';
import { LineIndex } from '../../../server/src/engine/text';
import { seededRandom as random } from '../../support/seeded-random';

/** What dockerfile-ast's own scan says, as offsets; undefined when it throws (the model then sees no arguments). */
function reference(instruction: Instruction, lines: LineIndex): { value: string; start: number; end: number }[] | undefined {
  const raw = Object.getPrototypeOf(instruction) as { getRawArguments(): { getValue(): string; getRange(): { start: never; end: never } }[] };
  try {
    return raw.getRawArguments
      .call(instruction)
      .map((a) => ({ value: a.getValue(), start: lines.offsetAt(a.getRange().start), end: lines.offsetAt(a.getRange().end) }));
  } catch {
    return undefined;
  }
}

function compare(text: string): void {
  const lines = new LineIndex(text);
  const all: Instruction[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    all.push(instruction);
    const trigger = (instruction as { getTriggerInstruction?: () => Instruction | null }).getTriggerInstruction?.();
    if (trigger) all.push(trigger);
  }
  for (const instruction of all) {
    const expected = reference(instruction, lines);
    if (expected === undefined) continue;
    assert.deepEqual(argumentSpans(instruction, lines), expected, `${JSON.stringify(text)}: ${instruction.getKeyword()}`);
    assert.equal(firstArgumentOffset(instruction, lines), expected[0]?.start ?? -1, `${JSON.stringify(text)}: first argument of ${instruction.getKeyword()}`);
  }
}

const PIECES = [
  'RUN ',
  'COPY ',
  'ONBUILD RUN ',
  'ENV ',
  'FROM ',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\\',
  '\\\n',
  '\\ \n',
  '\\\t\r\n',
  '`',
  '`\n',
  '#',
  '# c\n',
  'a',
  'bc',
  '$',
  '"',
  "'",
  '--',
  '--mount=type=cache,target=/x',
  '<<EOF',
  '\nEOF\n',
  '=',
  '[',
  ']',
  ',',
];

describe('argumentSpans', () => {
  it('splits arguments as dockerfile-ast does, at document offsets', () => {
    compare('FROM a\nRUN apt-get update \\\n  # a comment\n  && apt-get install -y curl\nCOPY --from=b /x /y\n');
    compare('RUN echo \\$HOME a\\ b \\\n\n  c');
    compare('# escape=`\nRUN echo a `\n  b\n');
    compare('RUN a \\  \n b \\ c');
    compare('RUN a\r\nRUN b \\\r\n c\r\n');
    compare('COPY "\\ \n \\\\ \n'); // an argument that starts with an escape right after one ended by a continuation
  });

  it('agrees with dockerfile-ast on random text of continuations, escapes, comments and quotes', () => {
    const next = random(0xa265);
    for (let round = 0; round < 3000; round++) {
      let text = next() < 0.2 ? '# escape=`\n' : '';
      const pieces = 1 + Math.floor(next() * 14);
      for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      compare(text);
    }
  });
});
