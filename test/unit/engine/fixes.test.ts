import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../../server/src/engine/config';
import { fixAll } from '../../../server/src/engine/fix-all';
import { applyFixes } from '../../../server/src/engine/fixes';
import { defineDockerfileRule } from '../../../server/src/engine/rule';
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

describe('fixAll', () => {
  /** Offers, on every analysis, a fix that inserts text and resolves nothing: what an unclosed quote made of a real fix. */
  const neverDone = defineDockerfileRule({
    meta: {
      id: 'never-done',
      code: 'DG997',
      severity: 'warning',
      category: 'hygiene',
      title: 'probe',
      description: 'A fix that does not fix.',
      messages: { again: 'Again.' },
      fixable: true,
      hasSuggestions: false,
    },
    check({ model, report }) {
      const end = model.lines.positionAt(model.text.length);
      report({
        range: { start: end, end },
        messageId: 'again',
        fixes: [{ title: 'Append a line', kind: 'fix', edits: [{ range: { start: end, end }, newText: '# more\n' }] }],
      });
    },
  });

  it('applies a fix that comes back after being applied once, not up to its pass limit', () => {
    const result = fixAll('FROM alpine:3.23\n', { kind: 'dockerfile', rules: [neverDone] });
    assert.equal(result.text, 'FROM alpine:3.23\n# more\n');
    assert.equal(result.applied, 1);
    assert.deepEqual(result.stalled, ['Append a line']);
  });

  it('still runs the passes that fixes need, and has nothing left to do on its own result', () => {
    const text = 'FROM alpine:3.23\n# dockguard-ignore root-user -- stale\nRUN apk add curl\nADD app.py /app/\nUSER app\n';
    const result = fixAll(text, { kind: 'dockerfile', config: resolveConfig({ profile: 'strict' }) });
    assert.equal(result.text, 'FROM alpine:3.23\nRUN apk add --no-cache curl\nCOPY app.py /app/\nUSER app\n');
    assert.deepEqual(result.stalled, []);
    assert.equal(fixAll(result.text, { kind: 'dockerfile', config: resolveConfig({ profile: 'strict' }) }).applied, 0);
  });

  it('removes 20,000 unused suppressions in one pass (overlaps are found by position, not by pairs)', () => {
    const text = 'FROM alpine:3.23\n' + '# dockguard-ignore root-user\n'.repeat(20_000) + 'USER app\n';
    const result = fixAll(text, { kind: 'dockerfile' });
    assert.equal(result.text, 'FROM alpine:3.23\nUSER app\n');
    assert.equal(result.applied, 20_000);
  });
});
