// Checks of the compose benchmark's input (not of speed: no test asserts a time).
// `npx tsx --test bench/test/*.test.ts`
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isMap, parseDocument } from 'yaml';
import { analyze, resolveConfig } from '../../server/src/engine';
import { generateCompose } from '../support/generate-compose';

const servicesOf = (text: string) => {
  const doc = parseDocument(text, { merge: false, uniqueKeys: true, prettyErrors: false });
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
  );
  const services = doc.get('services');
  assert.ok(isMap(services));
  return services.items.map((pair) => String((pair.key as { value: unknown }).value));
};

describe('generateCompose', () => {
  for (const count of [3, 30, 300]) {
    test(`${count} services: exactly that many, valid YAML, the same text every time`, () => {
      const text = generateCompose(count);
      assert.equal(servicesOf(text).length, count);
      assert.equal(generateCompose(count), text);
    });
  }

  test('other seeds give other valid files of the same size', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const text = generateCompose(30, seed);
      assert.notEqual(text, generateCompose(30));
      assert.equal(servicesOf(text).length, 30);
    }
  });

  test('has the constructs the benchmark promises', () => {
    const text = generateCompose(300);
    const expected: [string, RegExp][] = [
      ['an anchor', /^x-defaults: &defaults$/m],
      ['a merge key', /^ {4}<<: \*defaults$/m],
      ['a merge of two anchors', /^ {4}<<: \[\*defaults, \*hardened\]$/m],
      ['a merge inside a nested mapping', /^ {6}<<: \*(?:common-env|small-limits)$/m],
      ['an alias as a whole value', /^ {4}healthcheck: \*http-healthcheck$/m],
      ['extends, short form', /^ {4}extends: [a-z]+-\d+$/m],
      ['extends, long form', /^ {4}extends:\n {6}service: /m],
      ['build: with a path', /^ {4}build: \.\//m],
      ['build: with context and dockerfile', /^ {4}build:\n {6}context: .+\n {6}dockerfile: /m],
      ['an image with a tag', /^ {4}image: [^\s:]+:\d/m],
      ['an image without a tag', /^ {4}image: [a-z/]+$/m],
      ['a short port', /^ {6}- "\d+:\d+"$/m],
      ['a long port', /^ {6}- target: \d+\n {8}published: /m],
      ['a named volume', /^ {6}- [a-z]+-data:\/var\/lib\//m],
      ['a bind mount', /^ {6}- \.\/[a-z/]+:\//m],
      ['a long volume', /^ {6}- type: bind\n {8}source: /m],
      ['an environment map', /^ {4}environment:\n {6}(?:<<: \*common-env|PORT: )/m],
      ['an environment list', /^ {4}environment:\n {6}- PORT=/m],
      ['a secret in plain text', /^ {6}(?:- )?(?:DB_PASSWORD|API_TOKEN|SECRET_KEY|AWS_SECRET_ACCESS_KEY)[:=] ?"?[^$]/m],
      ['deploy.resources', /^ {4}deploy:\n(?: {6}.+\n)* {6}resources:\n {8}limits:/m],
      ['security_opt', /^ {4}security_opt:\n {6}- no-new-privileges:true$/m],
      ['cap_add', /^ {4}cap_add: /m],
      ['cap_drop', /^ {4}cap_drop:/m],
      ['a health check', /^ {4}healthcheck:\n {6}test: /m],
      ['comments', /^ {2}# /m],
      ['a trailing comment', /\S {2}# /],
    ];
    for (const [what, pattern] of expected) assert.match(text, pattern, what);
  });

  test('every compose rule has something to report at 300 services', () => {
    const config = resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io', 'ghcr.io/acme'] });
    const rules = new Set(analyze(generateCompose(300), { kind: 'compose', config }).map((f) => f.ruleId));
    for (const rule of [
      'privileged',
      'missing-cap-drop-all',
      'dangerous-capability',
      'writable-root-filesystem',
      'missing-resource-limits',
      'missing-pids-limit',
      'missing-no-new-privileges',
      'confinement-disabled',
      'host-namespace',
      'writable-bind-mount',
      'sensitive-host-mount',
      'docker-socket-mount',
      'port-on-all-interfaces',
      'insecure-docker-daemon',
      'plaintext-secret',
      'unpinned-image',
      'host-devices',
      'healthcheck-disabled',
      'logging-disabled',
    ]) {
      assert.ok(rules.has(rule), `no ${rule} finding`);
    }
    assert.ok(!rules.has('yaml-syntax'));
  });
});
