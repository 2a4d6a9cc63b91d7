import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes } from '../../../server/src/engine/fixes';
import type { Fix } from '../../../server/src/engine/types';

const at = (line: number, character: number) => ({ line, character });
const fix = (title: string, start: [number, number], end: [number, number], newText: string): Fix => ({
  title,
  kind: 'fix',
  edits: [{ range: { start: at(...start), end: at(...end) }, newText }],
});

describe('applyFixes', () => {
  it('applies insertions at the same point in the order given', () => {
    const result = applyFixes('a\nb\n', [fix('one', [1, 0], [1, 0], 'x\n'), fix('two', [1, 0], [1, 0], 'y\n')]);
    assert.equal(result.text, 'a\nx\ny\nb\n');
    assert.equal(result.skipped.length, 0);
  });

  it('skips a fix whose edit overlaps an accepted one, whole', () => {
    const result = applyFixes('hello world', [fix('a', [0, 0], [0, 5], 'HELLO'), fix('b', [0, 3], [0, 8], '!!')]);
    assert.equal(result.text, 'HELLO world');
    assert.deepEqual(
      result.skipped.map((f) => f.title),
      ['b'],
    );
  });

  it('skips an insertion strictly inside replaced text, but not one at its edge', () => {
    const inside = applyFixes('abcdef', [fix('replace', [0, 1], [0, 4], 'X'), fix('insert', [0, 2], [0, 2], '!')]);
    assert.equal(inside.text, 'aXef');
    const edge = applyFixes('abcdef', [fix('replace', [0, 1], [0, 4], 'X'), fix('insert', [0, 4], [0, 4], '!')]);
    assert.equal(edge.text, 'aX!ef');
  });

  it('applies all edits of a fix together', () => {
    const twoEdits: Fix = {
      title: 't',
      kind: 'fix',
      edits: [
        { range: { start: at(0, 0), end: at(0, 1) }, newText: 'A' },
        { range: { start: at(0, 2), end: at(0, 3) }, newText: 'C' },
      ],
    };
    assert.equal(applyFixes('abc', [twoEdits]).text, 'AbC');
  });
});
