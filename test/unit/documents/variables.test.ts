import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SUBSTITUTION_DEPTH, type Scope, substitute } from '../../../server/src/engine/documents/variables';

const scope: Scope = new Map([
  ['SET', 'value'],
  ['EMPTY', ''],
  ['DECLARED', undefined],
]);

describe('substitute', () => {
  const cases: [string, string | undefined][] = [
    ['plain', 'plain'],
    ['$SET/${SET}', 'value/value'],
    ['${UNSET:-a}', 'a'],
    ['${EMPTY:-a}|${EMPTY-a}', 'a|'],
    ['${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}|${UNSET+alt}', 'alt||alt|'],
    ['${DECLARED}', undefined],
    ['${DECLARED-a}', undefined],
    ['${DECLARED:-a}', 'a'],
    // Text that is no reference stays as written.
    ['$ ${ $1 ${1} ${SET', '$ ${ $1 ${1} ${SET'],
    ['${SET:?err}', '${SET:?err}'],
    ['a$', 'a$'],
    ['${UNSET:-{x}}', '{x}'],
    // A default holding a reference of its own, as BuildKit reads it (the first `}` ended the default).
    ['${UNSET:-${SET}}', 'value'],
    ['${UNSET:-${ALSO_UNSET:-debian:12}}', 'debian:12'],
    ['${UNSET:-a${SET}b}c', 'avaluebc'],
    ['${SET:-${DECLARED}}', 'value'],
    ['${UNSET:-${DECLARED}}', undefined],
    ['${UNSET:-${SET}', '${UNSET:-value'],
  ];
  for (const [text, expected] of cases) {
    it(`${text} → ${expected}`, () => assert.equal(substitute(text, scope), expected));
  }

  it(`follows defaults ${MAX_SUBSTITUTION_DEPTH} deep, and calls deeper ones unknown`, () => {
    const nest = (depth: number) => '${U:-'.repeat(depth) + 'x' + '}'.repeat(depth);
    assert.equal(substitute(nest(MAX_SUBSTITUTION_DEPTH), scope), 'x');
    assert.equal(substitute(nest(MAX_SUBSTITUTION_DEPTH + 2), scope), undefined);
  });

  it('reads 20,000 nested or unclosed references (the hostile-inputs benchmark times them)', () => {
    assert.equal(substitute('${U:-'.repeat(20_000) + '}'.repeat(20_000), scope), undefined);
    assert.equal(substitute('${U:-'.repeat(20_000), scope), '${U:-'.repeat(20_000));
  });
});
