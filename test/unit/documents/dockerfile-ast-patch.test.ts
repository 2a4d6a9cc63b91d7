// dockguard relies on two internals of dockerfile-ast (documents/ast-memo.ts says which and why): this test
// fails as soon as the installed version, or either internal, is not what that patch was written against.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { originalGetRawArguments } from '../../../server/src/engine/documents/dockerfile-parse';
import { parseDockerfile } from '../../../server/src/engine/documents/dockerfile';
import { escapeCharOf } from '../../../server/src/engine/documents/instruction-args';

const root = join(__dirname, '..', '..', '..');
const PATCHED_VERSION = '0.7.1';

describe('the dockerfile-ast patch (documents/ast-memo.ts)', () => {
  it(`is pinned to exactly ${PATCHED_VERSION}, in package.json and installed`, () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(manifest.devDependencies['dockerfile-ast'], PATCHED_VERSION);
    const installed = JSON.parse(readFileSync(join(root, 'node_modules', 'dockerfile-ast', 'package.json'), 'utf8'));
    assert.equal(installed.version, PATCHED_VERSION);
  });

  it('finds getRawArguments on the instruction prototype, and the memo answers as it does', () => {
    const text = 'FROM a\nRUN apt-get install -y \\\n  curl "b c"\nCOPY --from=x /a /b\n';
    const plain = DockerfileParser.parse(text).getInstructions();
    const model = parseDockerfile(text);
    assert.equal(model.instructions.length, plain.length);
    plain.forEach((instruction, i) => {
      const scan = (Object.getPrototypeOf(instruction) as { getRawArguments?: unknown }).getRawArguments;
      assert.equal(typeof scan, 'function', `${instruction.getKeyword()}: prototype getRawArguments`);
      const memoized = model.instructions[i].instruction;
      const values = (args: { getValue(): string }[]) => args.map((a) => a.getValue());
      assert.deepEqual(values(memoized.getArguments()), values(instruction.getArguments()));
      assert.notEqual(memoized.getArguments(), memoized.getArguments(), 'a fresh array each time (ModifiableInstruction shifts flags off it)');
    });
  });

  it('puts the linear argument split in place of getRawArguments, once per instruction', () => {
    const prototype = Instruction.prototype as unknown as { getRawArguments: unknown };
    assert.notEqual(prototype.getRawArguments, originalGetRawArguments, 'the engine installed its split');
    assert.equal(typeof originalGetRawArguments, 'function', 'the original is where the patch was written against');
    const [run] = DockerfileParser.parse('RUN echo "a b" \\\n  c\n').getInstructions();
    const values = (args: { getValue(): string }[]) => args.map((a) => a.getValue());
    assert.deepEqual(values(run.getArguments()), values(originalGetRawArguments.call(run)));
    assert.notEqual(run.getArguments(), run.getArguments(), 'a fresh array each time');
  });

  it('reads the escape character from the instance field dockerfile-ast sets', () => {
    const field = (instruction: Instruction) => (instruction as unknown as { escapeChar?: unknown }).escapeChar;
    const [backslash] = DockerfileParser.parse('RUN a\n').getInstructions();
    const [backtick] = DockerfileParser.parse('# escape=`\nRUN a\n').getInstructions();
    assert.equal(field(backslash), '\\');
    assert.equal(field(backtick), '`');
    assert.equal(escapeCharOf(backtick), '`');
  });
});
