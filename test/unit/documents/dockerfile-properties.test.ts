import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Arg, DockerfileParser, Env, type Property } from 'dockerfile-ast';
import { propertiesOf } from '../../../server/src/engine/documents/dockerfile-properties';
import { seededRandom as random } from '../../support/seeded-random';

const view = (p: Property) => ({ name: p.getName(), value: p.getValue(), range: p.getRange(), nameRange: p.getNameRange(), valueRange: p.getValueRange() });

/**
 * Every ENV/ARG of the text: propertiesOf must say what getProperties says, except that an ARG of several words
 * whose first has no `=` has one property per word (BuildKit's reading). Returns how many ARGs took the shortcut.
 */
function compare(text: string): number {
  let shortcuts = 0;
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (!(instruction instanceof Env || instruction instanceof Arg)) continue;
    if (instruction instanceof Arg && instruction.getProperty()) shortcuts++;
    const words = instruction.getPropertyArguments();
    const perWord = instruction instanceof Arg && words.length >= 2 && !words[0].getValue().includes('=');
    const expected = perWord ? words.map((word) => word.getRange()) : instruction.getProperties().map(view);
    const actual = propertiesOf(instruction).map((p) => (perWord ? p.getRange() : view(p)));
    assert.deepEqual(actual, expected, JSON.stringify(text));
  }
  return shortcuts;
}

const PIECES = ['ARG ', 'ENV ', ' ', '\t', '\n', '\r\n', '\\\n', '\\ \n', '# c\n', 'A', 'B_2', '=', '"', "'", 'v', 'x y', '\\', '$', '${A}', '`'];

describe('propertiesOf', () => {
  it('reads ARG and ENV properties as getProperties does', () => {
    assert.equal(compare('ARG A=1\nARG B\nARG C D\nARG E="x y" F=2\nENV G=3 H=4\nENV I j k\n'), 2);
    const arg = DockerfileParser.parse('ARG C D=2 \\\n  E\n').getInstructions()[0] as Arg;
    assert.deepEqual(
      propertiesOf(arg).map((p) => [p.getName(), p.getValue()]),
      [
        ['C', null],
        ['D', '2'],
        ['E', null],
      ],
    );
    const next = random(0x51ab);
    let shortcuts = 0;
    for (let round = 0; round < 3000; round++) {
      let text = (next() < 0.2 ? '# escape=`\n' : '') + (next() < 0.5 ? 'ARG ' : 'ENV ');
      const pieces = 1 + Math.floor(next() * 12);
      for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      shortcuts += compare(text);
    }
    assert.ok(shortcuts > 300, `only ${shortcuts} single-property ARGs generated`);
  });
});
