import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Arg, DockerfileParser, Env, type Property } from 'dockerfile-ast';
import { propertiesOf } from '../../../server/src/engine/documents/dockerfile-properties';
import { seededRandom as random } from '../../support/seeded-random';

const view = (p: Property) => ({ name: p.getName(), value: p.getValue(), range: p.getRange(), nameRange: p.getNameRange(), valueRange: p.getValueRange() });

/** Every ENV/ARG of the text: propertiesOf must say what getProperties says. Returns how many ARGs took the shortcut. */
function compare(text: string): number {
  let shortcuts = 0;
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (!(instruction instanceof Env || instruction instanceof Arg)) continue;
    if (instruction instanceof Arg && instruction.getProperty()) shortcuts++;
    assert.deepEqual(propertiesOf(instruction).map(view), instruction.getProperties().map(view), JSON.stringify(text));
  }
  return shortcuts;
}

const PIECES = ['ARG ', 'ENV ', ' ', '\t', '\n', '\r\n', '\\\n', '\\ \n', '# c\n', 'A', 'B_2', '=', '"', "'", 'v', 'x y', '\\', '$', '${A}', '`'];

describe('propertiesOf', () => {
  it('reads ARG and ENV properties as getProperties does', () => {
    assert.equal(compare('ARG A=1\nARG B\nARG C D\nARG E="x y" F=2\nENV G=3 H=4\nENV I j k\n'), 2);
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
