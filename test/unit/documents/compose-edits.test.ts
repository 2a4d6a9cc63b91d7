import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, type Node, type YAMLSeq } from 'yaml';
import { parseCompose } from '../../../server/src/engine/documents/compose';
import {
  appendToSeq,
  ensurePath,
  insertIntoService,
  insertSequence,
  quoted,
  removeFlowSeqItem,
  removePair,
  removeSeqItem,
  replaceScalar,
} from '../../../server/src/engine/documents/compose-edits';
import { mapPair } from '../../../server/src/engine/documents/compose-merge-keys';
import { applyEdits, applyFixes } from '../../../server/src/engine/fixes';
import type { TextEdit } from '../../../server/src/engine/types';

function apply(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'expected an edit');
  const result = applyEdits(text, [edit]);
  assert.deepEqual(parseDocument(result).errors, [], 'the result parses');
  return result;
}

describe('compose edits keep the file as written', () => {
  it('appends keys at the service key indentation, after trailing comments of the last value', () => {
    const text = 'services:\n  web:\n    image: nginx:1.27 # pinned\n    ports:\n      - "80:80"\n\n  # the database\n  db:\n    image: postgres:16\n';
    const model = parseCompose(text);
    const result = apply(text, insertIntoService(model, model.services[0], [['read_only', 'true']]));
    assert.equal(
      result,
      'services:\n  web:\n    image: nginx:1.27 # pinned\n    ports:\n      - "80:80"\n    read_only: true\n\n  # the database\n  db:\n    image: postgres:16\n',
    );
  });

  it('uses four-space indentation where the file does, and adds a final line break when missing', () => {
    const text = 'services:\n    web:\n        image: nginx:1.27';
    const model = parseCompose(text);
    const result = apply(
      text,
      ensurePath(
        model,
        model.services[0].map,
        ['deploy', 'resources', 'limits'],
        [
          ['cpus', quoted(model, '0.50')],
          ['memory', '512M'],
        ],
      ),
    );
    assert.equal(
      result,
      'services:\n    web:\n        image: nginx:1.27\n        deploy:\n            resources:\n                limits:\n                    cpus: "0.50"\n                    memory: 512M\n',
    );
  });

  it('merges into an existing deploy map and only adds missing keys', () => {
    const text = "services:\n  web:\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          cpus: '1'\n    image: x:1\n";
    const model = parseCompose(text);
    const result = apply(
      text,
      ensurePath(
        model,
        model.services[0].map,
        ['deploy', 'resources', 'limits'],
        [
          ['cpus', "'0.50'"],
          ['memory', '512M'],
        ],
      ),
    );
    assert.equal(
      result,
      "services:\n  web:\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          cpus: '1'\n          memory: 512M\n    image: x:1\n",
    );
  });

  it('refuses to edit through an alias or into a flow map', () => {
    const text = 'x: &d\n  resources: {}\nservices:\n  web:\n    deploy: *d\n  api: {image: a}\n';
    const model = parseCompose(text);
    assert.equal(ensurePath(model, model.services[0].map, ['deploy', 'resources', 'limits'], [['memory', '1G']]), undefined);
    assert.equal(insertIntoService(model, model.services[1], [['read_only', 'true']]), undefined);
  });

  it('appends to block and one-line flow sequences', () => {
    const block = 'services:\n  web:\n    security_opt:\n      - apparmor:docker-default\n    image: a\n';
    let model = parseCompose(block);
    assert.equal(
      apply(block, appendToSeq(model, model.services[0].get('security_opt')!.value, '"no-new-privileges:true"')),
      'services:\n  web:\n    security_opt:\n      - apparmor:docker-default\n      - "no-new-privileges:true"\n    image: a\n',
    );
    const flow = 'services:\n  web:\n    cap_drop: [NET_RAW ]\n    cap_add: []\n';
    model = parseCompose(flow);
    assert.equal(
      apply(flow, appendToSeq(model, model.services[0].get('cap_drop')!.value, 'ALL')),
      'services:\n  web:\n    cap_drop: [NET_RAW, ALL ]\n    cap_add: []\n',
    );
    assert.equal(
      apply(flow, appendToSeq(model, model.services[0].get('cap_add')!.value, 'ALL')),
      'services:\n  web:\n    cap_drop: [NET_RAW ]\n    cap_add: [ALL]\n',
    );
    // Found by the fuzzer: a trailing comma already separates the new item (`[NET_RAW,, ALL]` is a YAML error).
    const trailing = 'services:\n  web:\n    cap_drop: [NET_RAW, ]\n';
    model = parseCompose(trailing);
    assert.equal(apply(trailing, appendToSeq(model, model.services[0].get('cap_drop')!.value, 'ALL')), 'services:\n  web:\n    cap_drop: [NET_RAW, ALL ]\n');
    const multiline = 'services:\n  web:\n    cap_drop: [\n      NET_RAW\n    ]\n';
    model = parseCompose(multiline);
    assert.equal(appendToSeq(model, model.services[0].get('cap_drop')!.value, 'ALL'), undefined);
  });

  it('removes a pair with its whole lines, comments of other keys kept', () => {
    const text = 'services:\n  web:\n    image: a # keep\n    privileged: true # remove me\n    # about ports\n    ports: []\n';
    const model = parseCompose(text);
    const web = model.services[0];
    assert.equal(
      apply(text, removePair(model, web.map, mapPair(model, web.map, 'privileged')!)),
      'services:\n  web:\n    image: a # keep\n    # about ports\n    ports: []\n',
    );
  });

  it('replaces scalars inside their quotes', () => {
    const text = 'services:\n  web:\n    ports:\n      - "8080:80"\n      - 9090:90\n';
    const model = parseCompose(text);
    const [quotedPort, plainPort] = (model.services[0].get('ports')!.value as YAMLSeq).items;
    assert.equal(
      apply(text, replaceScalar(model, quotedPort, '127.0.0.1:8080:80')),
      'services:\n  web:\n    ports:\n      - "127.0.0.1:8080:80"\n      - 9090:90\n',
    );
    assert.equal(
      apply(text, replaceScalar(model, plainPort, '127.0.0.1:9090:90')),
      'services:\n  web:\n    ports:\n      - "8080:80"\n      - 127.0.0.1:9090:90\n',
    );
  });

  it('offers nothing on broken YAML', () => {
    const text = 'services:\n  web:\n    image: "a\n';
    const model = parseCompose(text);
    assert.equal(insertIntoService(model, model.services[0], [['read_only', 'true']]), undefined);
  });
});

describe('compose edits for lists', () => {
  it('adds a key holding a block list, indented like the file', () => {
    const text = 'services:\n    web:\n        image: a:1 # pinned\n';
    const model = parseCompose(text);
    assert.equal(
      apply(text, insertSequence(model, model.services[0].map, 'secrets', ['db_password', 'api_key'])),
      'services:\n    web:\n        image: a:1 # pinned\n        secrets:\n            - db_password\n            - api_key\n',
    );
    assert.equal(
      insertSequence(parseCompose('services:\n  web: {image: a}\n'), parseCompose('services:\n  web: {image: a}\n').services[0].map, 'secrets', ['x']),
      undefined,
    );
  });

  it('removes one item of a block list with its line, and refuses flow lists', () => {
    const text = 'services:\n  web:\n    environment:\n      - A=1 # first\n      # keep me\n      - B=2\n    image: a\n';
    const model = parseCompose(text);
    const seq = model.services[0].get('environment')!.value as YAMLSeq<Node>;
    assert.equal(apply(text, removeSeqItem(model, seq, seq.items[0])), 'services:\n  web:\n    environment:\n      # keep me\n      - B=2\n    image: a\n');
    assert.equal(
      apply(text, removeSeqItem(model, seq, seq.items[1])),
      'services:\n  web:\n    environment:\n      - A=1 # first\n      # keep me\n    image: a\n',
    );
    const flow = parseCompose('services:\n  web:\n    environment: [A=1, B=2]\n');
    const flowSeq = flow.services[0].get('environment')!.value as YAMLSeq<Node>;
    assert.equal(removeSeqItem(flow, flowSeq, flowSeq.items[0]), undefined);
  });
});

describe('compose edits through merge keys and in flow lists', () => {
  it('ensurePath never edits a mapping that a merge key brings in, nor hides it', () => {
    const text =
      'x-base: &base\n  deploy:\n    replicas: 2\nservices:\n  web:\n    <<: *base\n    image: a\n  api:\n    <<: *base\n    deploy:\n      replicas: 1\n';
    const model = parseCompose(text);
    const [web, api] = model.services;
    assert.equal(ensurePath(model, web.map, ['deploy', 'resources', 'limits'], [['memory', '512M']]), undefined);
    assert.equal(
      apply(text, ensurePath(model, api.map, ['deploy', 'resources', 'limits'], [['memory', '512M']])),
      'x-base: &base\n  deploy:\n    replicas: 2\nservices:\n  web:\n    <<: *base\n    image: a\n  api:\n    <<: *base\n    deploy:\n      replicas: 1\n      resources:\n        limits:\n          memory: 512M\n',
    );
  });

  it('removes an item of a one-line flow list with its comma, quotes and spacing of the others kept', () => {
    const text = 'services:\n  web:\n    cap_add: [SYS_ADMIN, "NET_ADMIN" ,CHOWN]\n    cap_drop: [ ALL ]\n';
    const model = parseCompose(text);
    const seq = model.services[0].get('cap_add')!.value as YAMLSeq<Node>;
    assert.equal(apply(text, removeFlowSeqItem(model, seq, seq.items[0])), 'services:\n  web:\n    cap_add: ["NET_ADMIN" ,CHOWN]\n    cap_drop: [ ALL ]\n');
    assert.equal(apply(text, removeFlowSeqItem(model, seq, seq.items[1])), 'services:\n  web:\n    cap_add: [SYS_ADMIN, CHOWN]\n    cap_drop: [ ALL ]\n');
    assert.equal(apply(text, removeFlowSeqItem(model, seq, seq.items[2])), 'services:\n  web:\n    cap_add: [SYS_ADMIN, "NET_ADMIN"]\n    cap_drop: [ ALL ]\n');
    const only = model.services[0].get('cap_drop')!.value as YAMLSeq<Node>;
    assert.equal(
      apply(text, removeFlowSeqItem(model, only, only.items[0])),
      'services:\n  web:\n    cap_add: [SYS_ADMIN, "NET_ADMIN" ,CHOWN]\n    cap_drop: [  ]\n',
    );
  });

  it('refuses block lists, multi-line flow lists and anchored lists', () => {
    for (const text of [
      'services:\n  web:\n    cap_add:\n      - SYS_ADMIN\n',
      'services:\n  web:\n    cap_add: [\n      SYS_ADMIN, NET_ADMIN]\n',
      'x: &caps [SYS_ADMIN]\nservices:\n  web:\n    cap_add: *caps\n',
    ]) {
      const model = parseCompose(text);
      // As written: the alias itself for the anchored list (callers check that a resolved node is their own).
      const written = model.services[0].get('cap_add')!.pair.value;
      const seq = model.services[0].get('cap_add')!.value as YAMLSeq<Node>;
      assert.equal(removeFlowSeqItem(model, written, seq.items[0]), undefined, text);
    }
  });
});

describe('compose edits applied together', () => {
  it('a key added to a nested mapping and one added to its parent at the same point land in a valid order, whichever is accepted first', () => {
    const text = 'services:\n  web:\n    image: a:1\n    deploy:\n      replicas: 2\n';
    const model = parseCompose(text);
    const web = model.services[0];
    const nested = { title: 'limits', kind: 'fix' as const, edits: [ensurePath(model, web.map, ['deploy', 'resources', 'limits'], [['memory', '512M']])!] };
    const parent = { title: 'read_only', kind: 'fix' as const, edits: [insertIntoService(model, web, [['read_only', 'true']])!] };
    const expected =
      'services:\n  web:\n    image: a:1\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          memory: 512M\n    read_only: true\n';
    for (const order of [
      [nested, parent],
      [parent, nested],
    ]) {
      const { text: result, skipped } = applyFixes(text, order);
      assert.deepEqual(skipped, []);
      assert.equal(result, expected);
    }
  });
});
