// A file the host refuses to read is reported where the reference is written, and the checks that needed it
// stay silent rather than guess.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import type { FileReader } from '../../../server/src/engine/analyze';

const BASE = 'file:///ws/compose.yaml';
const refuseOutside: FileReader = (uri) => (uri.startsWith('file:///ws/') ? 'FROM node:22\nCMD ["node"]\n' : { refused: 'it is outside the workspace' });

const notRead = (text: string, readFile: FileReader = refuseOutside) =>
  analyze(text, { kind: 'compose', uri: BASE, readFile })
    .filter((f) => f.ruleId === 'file-not-read')
    .map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, messageId: f.messageId, data: f.data }));

describe('file-not-read', () => {
  it('reports a build context outside the workspace on the build key, and skips the root check', () => {
    const text = 'services:\n  api:\n    build:\n      context: /etc\n';
    assert.deepEqual(notRead(text), [{ line: 3, column: 5, messageId: 'notRead', data: { path: '/etc/Dockerfile', reason: 'it is outside the workspace' } }]);
    const codes = analyze(text, { kind: 'compose', uri: BASE, readFile: refuseOutside }).map((f) => f.code);
    assert.ok(!codes.includes('DG219'), 'the Dockerfile was not read, so nothing is said about its user');
  });

  it('reports an extends file that leaves the workspace on the extends key', () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n    extends:\n      file: ../../shared/base.yaml\n      service: hardened\n';
    assert.deepEqual(notRead(text), [
      { line: 4, column: 5, messageId: 'notRead', data: { path: '../../shared/base.yaml', reason: 'it is outside the workspace' } },
    ]);
  });

  it('says nothing when the file is read, or simply missing', () => {
    assert.deepEqual(notRead('services:\n  api:\n    build: ./api\n'), []);
    assert.deepEqual(
      notRead('services:\n  api:\n    build: ./api\n', () => undefined),
      [],
    );
  });

  it('reports an entrypoint script the host will not read on the COPY source, and keeps root-user at its severity', () => {
    const text = 'FROM debian:12\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n';
    const readFile: FileReader = () => ({ refused: 'it is a symbolic link' });
    const findings = analyze(text, { kind: 'dockerfile', uri: 'file:///ws/Dockerfile', readFile });
    const note = findings.find((f) => f.ruleId === 'file-not-read');
    assert.deepEqual(note?.data, { path: 'docker-entrypoint.sh', reason: 'it is a symbolic link' });
    assert.deepEqual(note?.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 25 } });
    const root = findings.find((f) => f.ruleId === 'root-user');
    assert.equal(root?.messageId, 'noUser');
    assert.equal(root?.severity, 'warning');
  });
});
