import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeReferences } from '../../../server/src/engine/documents/compose-references';

describe('composeReferences', () => {
  it('lists include entries (short, path, a list of paths) and extends files, each once', () => {
    const text =
      'include:\n  - stack/db.yml\n  - path: ../common/compose.yaml\n    project_directory: ..\n  - path:\n      - base.yml\n      - override.yml\nservices:\n  a:\n    extends:\n      file: common/base.yml\n      service: base\n  b:\n    extends: {file: common/base.yml, service: other}\n  c:\n    extends: a\n';
    assert.deepEqual(composeReferences(text), ['stack/db.yml', '../common/compose.yaml', 'base.yml', 'override.yml', 'common/base.yml']);
  });

  it('takes defaults of variables, leaves out what depends on the environment, and survives broken input', () => {
    assert.deepEqual(composeReferences('include:\n  - ${STACK:-stack.yml}\n  - ${OTHER}/x.yml\n'), ['stack.yml']);
    assert.deepEqual(composeReferences('include: [a.yml\n'), ['a.yml'], 'what parsed of a broken file');
    assert.deepEqual(composeReferences('- just\n- a list\n'), []);
    assert.deepEqual(composeReferences('include: nope\nservices: 3\n'), []);
  });
});
