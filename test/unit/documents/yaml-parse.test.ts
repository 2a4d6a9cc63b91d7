import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, type Document } from 'yaml';
import { MAX_YAML_NESTING, parseYamlDocument } from '../../../server/src/engine/documents/yaml-parse';
import { seededRandom as random } from '../../support/seeded-random';

const OPTIONS = { merge: false, uniqueKeys: true, prettyErrors: false } as const;

const PIECES = [
  'a',
  'b',
  '1',
  '"1"',
  "'a'",
  ':',
  ': ',
  '- ',
  '\n',
  '\n  ',
  '\n    ',
  '{',
  '}',
  '[',
  ']',
  ', ',
  '&x ',
  '*x',
  '? ',
  '<<: *x',
  '# c',
  '"',
  'null',
  '~',
  '---\n',
  '|\n  x',
  'a: 1',
  'a: 2',
  'k: {a: 1, a: 2}',
];

function randomYaml(next: () => number): string {
  let text = '';
  for (let i = 1 + Math.floor(next() * 30); i > 0; i--) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

/** The errors, positions included, and the value. */
const summary = (doc: Document) => ({
  errors: doc.errors.map((e) => [e.code, e.pos, e.message]).sort((a, b) => String(a).localeCompare(String(b))),
  contents: JSON.stringify(doc.toJS({ maxAliasCount: 100, mapAsMap: true }) ?? null, (_k, v) => (v instanceof Map ? [...v] : v)),
});

/** Block mappings as compose files write them: keys from a small set (so some repeat), values, nesting, comments. */
function composeLike(next: () => number): string {
  const keys = ['image', 'ports', 'web', '"web"', 'db', '1', '<<'];
  const lines: string[] = [];
  for (let i = 1 + Math.floor(next() * 12); i > 0; i--) {
    const indent = '  '.repeat(Math.floor(next() * 3));
    const roll = next();
    const key = keys[Math.floor(next() * keys.length)];
    lines.push(roll < 0.1 ? `${indent}# note` : roll < 0.3 ? `${indent}${key}:` : `${indent}${key}: v${Math.floor(next() * 3)}`);
  }
  return lines.join('\n') + '\n';
}

describe('parseYamlDocument', () => {
  it("gives yaml's own parse, unique-key errors included, on 20,000 random documents", () => {
    const next = random(0x7a31);
    let duplicates = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = randomYaml(next);
      const ours = parseYamlDocument(text, OPTIONS);
      assert.ok(ours, JSON.stringify(text));
      const theirs = parseDocument(text, OPTIONS);
      let expected: unknown;
      let actual: unknown;
      try {
        expected = summary(theirs);
        actual = summary(ours);
      } catch {
        continue; // toJS refuses some documents (alias loops): the errors are compared below
      }
      assert.deepEqual(actual, expected, JSON.stringify(text));
      if (theirs.errors.some((e) => e.code === 'DUPLICATE_KEY')) duplicates++;
    }
    assert.ok(duplicates > 500, `only ${duplicates} documents had duplicate keys`);
  });

  it('places duplicate-key errors where yaml does in 10,000 compose-like documents whose keys have values', () => {
    const next = random(0xd0b);
    let compared = 0;
    for (let n = 0; n < 10_000; n++) {
      const text = composeLike(next);
      const theirs = parseDocument(text, OPTIONS);
      if (!theirs.errors.some((e) => e.code === 'DUPLICATE_KEY')) continue;
      compared++;
      assert.deepEqual(summary(parseYamlDocument(text, OPTIONS)!), summary(theirs), JSON.stringify(text));
    }
    assert.ok(compared > 200, `only ${compared} documents compared`);
  });

  it('finds duplicate keys of a mapping of 50,000 keys without comparing each with every other', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\nk7: again\n';
    const doc = parseYamlDocument(text, OPTIONS)!;
    assert.deepEqual(
      doc.errors.map((e) => [e.code, e.pos[0]]),
      [['DUPLICATE_KEY', text.lastIndexOf('k7')]],
    );
  });

  it("keeps yaml's first 1,000 errors of a file of 40,000, and nothing else changes", () => {
    const text = 'services:\n  web:\n   ' + '"'.repeat(80_000) + ' volumes:\n      - .:/app:z\n';
    const ours = parseYamlDocument(text, OPTIONS)!;
    const theirs = parseDocument(text, OPTIONS);
    assert.ok(theirs.errors.length > 30_000, `${theirs.errors.length} errors`);
    assert.equal(ours.errors.length, 1_000);
    assert.deepEqual(
      ours.errors.map((e) => [e.code, e.pos[0], e.message]),
      theirs.errors.slice(0, 1_000).map((e) => [e.code, e.pos[0], e.message]),
    );
    assert.deepEqual(ours.toJS(), theirs.toJS());
  });

  it(`refuses nesting past ${MAX_YAML_NESTING} levels before parsing it, and keeps the rest`, () => {
    assert.equal(parseYamlDocument('a: ' + '['.repeat(MAX_YAML_NESTING + 10), OPTIONS), undefined);
    assert.ok(parseYamlDocument('a: ' + '['.repeat(100) + ']'.repeat(100), OPTIONS));
  });
});
