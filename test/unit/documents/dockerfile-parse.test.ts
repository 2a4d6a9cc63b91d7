import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { linearlyScannedText, MAX_DIRECTIVES_PER_LINE, parseDockerfileAst } from '../../../server/src/engine/documents/dockerfile-parse';
import { seededRandom as random } from '../../support/seeded-random';

/** Everything of a parse the engine reads: directives, escape character, comments, instructions and their arguments. */
function summary(ast: Dockerfile): unknown {
  return {
    escape: ast.getEscapeCharacter(),
    directives: ast.getDirectives().map((d) => [d.getName(), d.getValue(), d.getRange(), d.getNameRange(), d.getValueRange()]),
    comments: ast.getComments().map((c) => [c.getContent(), c.getRange()]),
    instructions: ast.getInstructions().map((i) => [i.getKeyword(), i.getRange(), i.getInstructionRange(), i.getArgumentsContent()]),
  };
}

const HEAD_PIECES = ['#', '#', '# ', '=', ' ', '\t', '\n', '\r\n', '\r', 'a', 'escape', 'syntax', '`', '\\', '\uFEFF', 'FROM x', 'RUN a \\\n b', 'x=y'];

function randomHead(next: () => number): string {
  let text = '';
  const pieces = 1 + Math.floor(next() * 30);
  for (let i = 0; i < pieces; i++) text += HEAD_PIECES[Math.floor(next() * HEAD_PIECES.length)];
  // A head without a line break after its `#` lines is the case the workaround changes.
  return next() < 0.4 ? text.replace(/[\r\n]+/g, ' ') : text;
}

describe('dockerfile-ast parse in linear time', () => {
  it('gives the same parse as dockerfile-ast on 20,000 random heads', () => {
    const next = random(0xd1e);
    let changed = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = randomHead(next);
      if (linearlyScannedText(text) !== text) changed++;
      assert.deepEqual(summary(parseDockerfileAst(text)), summary(DockerfileParser.parse(text)), JSON.stringify(text));
    }
    assert.ok(changed > 500, `only ${changed} inputs exercised the workaround`);
  });

  it('ends the scan of a `#` line without a line break, which dockerfile-ast restarts at every `#`', () => {
    assert.equal(linearlyScannedText('#'.repeat(10)), '#'.repeat(10) + '\n');
    assert.equal(linearlyScannedText('# escape=`\n# # #'), '# escape=`\n# # #\n');
    assert.equal(linearlyScannedText('#'.repeat(10) + '\n'), '#'.repeat(10) + '\n');
    assert.equal(linearlyScannedText('FROM x\n# a'), 'FROM x\n# a');
    assert.deepEqual((summary(parseDockerfileAst('#'.repeat(200_000))) as { comments: unknown }).comments, [
      ['#'.repeat(199_999), { start: { line: 0, character: 0 }, end: { line: 0, character: 200_000 } }],
    ]);
  });

  it(`keeps ${MAX_DIRECTIVES_PER_LINE} directives of a line and reads the rest of it as their line`, () => {
    const line = '#a=b '.repeat(MAX_DIRECTIVES_PER_LINE + 2);
    const text = `${line}\nFROM alpine\n`;
    const handed = linearlyScannedText(text);
    assert.equal(handed.length, text.length);
    assert.equal(handed.slice(0, 5 * MAX_DIRECTIVES_PER_LINE), text.slice(0, 5 * MAX_DIRECTIVES_PER_LINE));
    assert.equal(parseDockerfileAst(text).getDirectives().length, MAX_DIRECTIVES_PER_LINE);
    // Up to the limit, the same directives as dockerfile-ast.
    const within = '#a=b '.repeat(MAX_DIRECTIVES_PER_LINE) + '\nFROM alpine\n';
    assert.equal(linearlyScannedText(within), within);
  });
});
