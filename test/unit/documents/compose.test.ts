import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { parseCompose } from '../../../server/src/engine/documents/compose';
import { isTrue, keyValues, lookup, scalarString, seqItems } from '../../../server/src/engine/documents/compose-values';

const ANCHORS = `x-defaults: &defaults
  read_only: true
  cap_drop: [ALL]
x-more: &more
  user: "1000"
services:
  web:
    <<: [*defaults, *more]
    image: nginx:1.27
    read_only: false
  api:
    <<: *defaults
    image: api:1
  worker:
    extends: api
    command: work
  job:
    extends:
      service: worker
  loop-a:
    extends: loop-b
  loop-b:
    extends: loop-a
  half:
`;

describe('compose model', () => {
  const model = parseCompose(ANCHORS);
  const service = (name: string) => model.services.find((s) => s.name === name)!;

  it('lists services in file order with their name ranges', () => {
    assert.deepEqual(
      model.services.map((s) => s.name),
      ['web', 'api', 'worker', 'job', 'loop-a', 'loop-b', 'half'],
    );
    assert.deepEqual(service('web').nameRange, { start: { line: 6, character: 2 }, end: { line: 6, character: 5 } });
  });

  it('lets own keys win over merge keys', () => {
    const entry = service('web').get('read_only')!;
    assert.equal(entry.own, true);
    assert.equal(isTrue(model, entry.value), false);
  });

  it('resolves settings inherited from anchors, reporting on the service name', () => {
    const web = service('web');
    const user = web.get('user')!;
    assert.equal(scalarString(model, user.value), '1000');
    assert.equal(user.own, false);
    assert.deepEqual(web.reportRange('user'), web.nameRange);
    assert.deepEqual(
      seqItems(model, web.get('cap_drop')!.value).map((n) => scalarString(model, n)),
      ['ALL'],
    );
  });

  it('follows extends in the short and the long form', () => {
    assert.equal(isTrue(model, service('worker').get('read_only')!.value), true);
    assert.equal(scalarString(model, service('job').get('image')!.value), 'api:1');
    assert.equal(scalarString(model, service('job').get('command')!.value), 'work');
    assert.deepEqual(service('job').entries('extends').length, 2, "its own extends, then the extended service's");
  });

  it('survives extends cycles and empty services', () => {
    assert.equal(service('loop-a').get('image'), undefined);
    assert.equal(service('half').map, undefined);
    assert.equal(service('half').get('image'), undefined);
  });

  it('detects the indentation step and quote style', () => {
    assert.equal(model.indentUnit, '  ');
    assert.equal(model.quote, '"');
    const four = parseCompose("services:\n    web:\n        image: 'a'\n        user: 'b'\n");
    assert.equal(four.indentUnit, '    ');
    assert.equal(four.quote, "'");
  });

  it('reads environment as a map or a list', () => {
    const m = parseCompose('services:\n  a:\n    environment:\n      A: "1"\n      B:\n  b:\n    environment:\n      - C=3\n      - D\n');
    const [a, b] = m.services;
    assert.deepEqual(
      keyValues(m, a.get('environment')!.value).map((e) => [e.name, e.value]),
      [
        ['A', '1'],
        ['B', undefined],
      ],
    );
    assert.deepEqual(
      keyValues(m, b.get('environment')!.value).map((e) => [e.name, e.value]),
      [
        ['C', '3'],
        ['D', undefined],
      ],
    );
    assert.equal(lookup(m, a.map, ['environment', 'A'])?.value !== undefined, true);
  });

  it('bounds alias expansion: an alias bomb is analysed without blowing up', () => {
    let bomb = 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++)
      bomb += `x${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    bomb += 'services:\n  web:\n    image: nginx:1.27\n    cap_add: *a11\n    environment: *a11\n    volumes: *a11\n';
    const findings = analyze(bomb, { kind: 'compose' });
    assert.ok(Array.isArray(findings));
  });

  it('treats a self-referencing alias as unknown, not a hang', () => {
    const m = parseCompose('services:\n  web: &w\n    image: nginx:1.27\n    extends: *w\n');
    assert.equal(scalarString(m, m.services[0].get('image')!.value), 'nginx:1.27');
  });
});
