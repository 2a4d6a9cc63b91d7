import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { originalGetRawArguments } from '../../../server/src/engine/documents/dockerfile-parse';
import { argumentSpans, firstArgumentOffset } from '../../../server/src/engine/documents/instruction-args';
import { LineIndex } from '../../../server/src/engine/text';
import { seededRandom as random } from '../../support/seeded-random';

type RawScan = () => { getValue(): string; getRange(): { start: never; end: never } }[];

/**
 * What dockerfile-ast's own scan says, as offsets. The scan throws on some odd input (a stray carriage return in a
 * continuation): that input is not compared. A missing scan method is not
 * odd input: it fails the test, so a renamed reference can never leave it comparing nothing.
 */
function reference(instruction: Instruction, lines: LineIndex): { value: string; start: number; end: number }[] | undefined {
  // The engine puts the port in the prototype's place (documents/dockerfile-parse.ts): compare with the original.
  const scan = originalGetRawArguments as unknown as RawScan;
  assert.equal(typeof scan, 'function', 'dockerfile-ast instructions have getRawArguments on their prototype');
  let raw: ReturnType<RawScan>;
  try {
    raw = scan!.call(instruction);
  } catch (error) {
    assert.ok(error instanceof Error, `the scan throws an Error: ${String(error)}`);
    return undefined;
  }
  return raw.map((a) => ({ value: a.getValue(), start: lines.offsetAt(a.getRange().start), end: lines.offsetAt(a.getRange().end) }));
}

let compared = 0;

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
    if (!expected) continue;
    compared++;
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
    assert.equal(compared, 9, `compared ${compared} instructions`);
  });

  it('agrees with dockerfile-ast on random text of continuations, escapes, comments and quotes', () => {
    const next = random(0xa265);
    for (let round = 0; round < 3000; round++) {
      let text = next() < 0.2 ? '# escape=`\n' : '';
      const pieces = 1 + Math.floor(next() * 14);
      for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      compare(text);
    }
    assert.ok(compared > 3000, `compared ${compared} instructions`);
  });
});
