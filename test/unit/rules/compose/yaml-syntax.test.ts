import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';

const run = (text: string) => analyze(text, { kind: 'compose', rules: [] });

describe('yaml-syntax (DG002)', () => {
  it('reports an unterminated quote where the parser found it', () => {
    const findings = run('services:\n  web:\n    image: "nginx:1.27\n    read_only: true\n');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'DG002');
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].messageId, 'syntax');
    assert.match(findings[0].message, /quote/i);
    assert.ok(!findings[0].message.includes('\n'), 'one-line message');
  });

  it('reports duplicate keys', () => {
    const findings = run('services:\n  web:\n    image: a\n    image: b\n');
    assert.deepEqual(
      findings.map((f) => [f.code, f.range.start.line]),
      [['DG002', 3]],
    );
  });

  it('stays silent on valid YAML, empty files and comments only', () => {
    for (const text of ['services:\n  web:\n    image: nginx:1.27\n', '', '# nothing yet\n', 'services:\n']) assert.deepEqual(run(text), []);
  });

  it('survives half-typed and hostile input without throwing', () => {
    const inputs = ['services:\n  web:\n    ports: [\n', '{{{{', ': : :', 'services: [a, b', '\t\tservices:', 'a: &x [*x]\n', '---\n---\n'];
    for (const text of inputs) assert.doesNotThrow(() => analyze(text, { kind: 'compose' }));
  });
});
