import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';

describe('input the engine will not analyse gets one clear note', () => {
  for (const kind of ['dockerfile', 'compose'] as const) {
    it(`${kind}: a file over 1 MB`, () => {
      const line = kind === 'dockerfile' ? 'RUN echo hello world\n' : '# padding comment line\n';
      const findings = analyze('FROM alpine:3.23\n'.repeat(kind === 'dockerfile' ? 1 : 0) + line.repeat(60_000), { kind });
      assert.deepEqual(
        findings.map((f) => [f.code, f.severity, f.range.start.line]),
        [['DG001', 'info', 0]],
      );
      assert.equal(findings[0].messageId, 'tooLarge');
      assert.equal(findings[0].message, 'dockguard did not analyse this file: it is larger than 1 MB.');
    });

    it(`${kind}: a binary file`, () => {
      const findings = analyze('\u0000\u0001\u0002PK\u0003\u0004', { kind });
      assert.deepEqual(
        findings.map((f) => f.code),
        ['DG001'],
      );
      assert.equal(findings[0].messageId, 'binary');
    });

    it(`${kind}: the note can be turned off like any rule`, () => {
      assert.deepEqual(analyze('\u0000', { kind, config: resolveConfig({ rules: { 'not-analyzed': 'off' } }) }), []);
    });
  }
});
