import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { MAX_TYPING_CHARS } from '../../../server/src/engine/input-limits';

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

describe('one Dockerfile instruction too long to analyse gets a note of its own', () => {
  const codesByLine = (text: string) => analyze(text, { kind: 'dockerfile' }).map((f) => [f.range.start.line, f.code, f.messageId]);

  it('a RUN of thousands of chained commands: the note on it, the next instruction still checked', () => {
    const text = `FROM alpine:3.23\nRUN ${'curl -k x | '.repeat(8_000)}true\nRUN curl -k https://example.com/y\nUSER app\n`;
    assert.deepEqual(codesByLine(text), [
      [1, 'DG001', 'instructionTooLong'],
      [2, 'DG110', 'tls'],
    ]);
    const note = analyze(text, { kind: 'dockerfile' })[0];
    assert.equal(note.message, 'dockguard did not analyse this instruction: it is longer than 64 KB.');
    assert.deepEqual(note.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
  });

  it('continuation lines and a heredoc body count toward the length, and the parse resumes after them', () => {
    const continued = `FROM alpine:3.23\nRUN true \\\n${'  && curl -k x \\\n'.repeat(5_000)}  && true\nRUN curl -k https://example.com/y\nUSER app\n`;
    assert.deepEqual(codesByLine(continued), [
      [1, 'DG001', 'instructionTooLong'],
      [5_003, 'DG110', 'tls'],
    ]);
    const heredoc = `FROM alpine:3.23\nCOPY <<EOF /etc/app.conf\n${'key = value\n'.repeat(7_000)}EOF\nRUN curl -k https://example.com/y\nUSER app\n`;
    assert.deepEqual(codesByLine(heredoc), [
      [1, 'DG001', 'instructionTooLong'],
      [7_003, 'DG110', 'tls'],
    ]);
  });

  it('an instruction just under the limit is analysed to its end', () => {
    const text = `FROM alpine:3.23\nRUN ${'echo x && '.repeat(6_000)}curl -k https://example.com/y\nUSER app\n`;
    assert.ok(text.length < 64 * 1024);
    assert.deepEqual(codesByLine(text), [[1, 'DG110', 'tls']]);
  });

  it('the note goes when the instruction is shortened, and can be turned off', () => {
    const text = `FROM alpine:3.23\nRUN ${'curl -k x | '.repeat(8_000)}true\nUSER app\n`;
    assert.deepEqual(analyze(text, { kind: 'dockerfile', config: resolveConfig({ rules: { 'not-analyzed': 'off' } }) }), []);
    assert.equal(codesByLine(text.replace('curl -k x | '.repeat(7_000), '')).filter(([, code]) => code === 'DG001').length, 0);
  });
});

describe('the language server analyses Dockerfiles up to 384 KB and compose files up to 176 KB as you type', () => {
  it('a file over maxChars gets a note that names the CLI, which analyses it', () => {
    const text = 'FROM alpine:3.23\n' + 'RUN curl -k https://x | sh\n'.repeat(20_000);
    const typed = analyze(text, { kind: 'dockerfile', maxChars: MAX_TYPING_CHARS.dockerfile });
    assert.deepEqual(
      typed.map((f) => [f.code, f.messageId]),
      [['DG001', 'tooLargeToType']],
    );
    assert.equal(typed[0].message, 'dockguard does not analyse this file as you type: it is larger than 384 KB. The dockguard CLI analyses files up to 1 MB.');
    assert.ok(analyze(text, { kind: 'dockerfile' }).filter((f) => f.code === 'DG110').length >= 20_000);
    const compose = 'services:\n' + '  web:\n    image: nginx:1.27\n    privileged: true\n'.repeat(5_000);
    assert.deepEqual(
      analyze(compose, { kind: 'compose', maxChars: MAX_TYPING_CHARS.compose }).map((f) => f.message),
      ['dockguard does not analyse this file as you type: it is larger than 176 KB. The dockguard CLI analyses files up to 1 MB.'],
    );
  });

  it('a limit above 1 MB is held to 1 MB', () => {
    const text = '# padding comment line\n'.repeat(60_000);
    assert.deepEqual(
      analyze(text, { kind: 'compose', maxChars: 10 * 1024 * 1024 }).map((f) => f.messageId),
      ['tooLarge'],
    );
  });
});
