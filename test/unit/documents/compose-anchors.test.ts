import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAlias, visit, type Alias } from 'yaml';
import { parseCompose } from '../../../server/src/engine/documents/compose';

/** Every alias of the text with what the model resolves it to, next to yaml's own (slow, exact) answer. */
function resolutions(text: string): { source: string; ours: unknown; yamls: unknown }[] {
  const model = parseCompose(text);
  const aliases: Alias[] = [];
  visit(model.doc, { Alias: (_key, node) => void aliases.push(node) });
  assert.ok(aliases.length > 0, 'the case has aliases');
  return aliases.map((alias) => ({
    source: alias.source,
    ours: model.resolve(alias),
    yamls: (() => {
      let found: unknown = alias;
      for (let hops = 0; isAlias(found) && hops < 60; hops++) found = found.resolve(model.doc);
      return isAlias(found) ? null : (found ?? null);
    })(),
  }));
}

// The model finds anchors in one walk that skips collections with no `&` or `*` in their text: these are the
// places where an anchor is written outside its node's range, or where skipping would be wrong.
const CASES: Record<string, string> = {
  'anchor on the first key of a block map': 'a: 1\nb:\n  &k key: v\n  other: *k\n',
  'anchor on the first key, map anchored too': 'b: &m\n  &k key: v\nc: *m\nd: *k\n',
  'anchor on the document root first key': '&r a: 1\nb: *r\n',
  'flow map with anchored key': 'x: { &k a: 1, b: *k }\n',
  'anchor on a flow sequence and a complex key': 'x:\n  - &s [a, b]\n  - ? &c cx\n    : 1\ny: [*s, *c]\n',
  'tag before the anchor': 'x: !!map &t\n  a: 1\ny: *t\n',
  'anchor redefined: the latest before the alias wins': 'a: &x 1\nb: *x\nc: &x 2\nd: *x\n',
  'alias before any anchor of its name': 'a: *late\nb: &late 1\n',
  'anchor deep in a collection with no marker before it':
    'services:\n  web:\n    image: a\n    deploy:\n      resources:\n        limits: &lim\n          cpus: "1"\n  api:\n    deploy:\n      resources:\n        limits: *lim\n',
  'anchor as the first item of a block sequence of maps': 'x:\n  - &first a: 1\n    b: 2\n  - *first\n',
  'anchor on an empty value': 'a: &e\nb: *e\n',
  'stars and ampersands inside strings': 'a: "x && y * z"\nb: &real {k: v}\nc: "*real"\nd: *real\n',
  'half-typed anchor': 'a: &\nb: *\nc: &ok 1\nd: *ok\n',
  'merge keys over several anchors': 'x: &a {p: 1}\ny: &b {q: 2}\nz:\n  <<: [*a, *b]\n',
};

describe('compose model: aliases resolve to the node yaml names', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(name, () => {
      for (const { source, ours, yamls } of resolutions(text)) assert.equal(ours, yamls, `*${source}`);
    });
  }
});
