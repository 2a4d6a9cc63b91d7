import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { parseDockguardConfig } from '../../../server/src/engine/config-file';
import { defineDockerfileRule } from '../../../server/src/engine/rule';
import { dockerfileRules } from '../../../server/src/engine/rules';
import type { Range } from '../../../server/src/engine/types';

const meta = {
  code: 'DG999',
  severity: 'warning',
  category: 'hygiene',
  title: 'probe',
  description: 'A rule for these tests only.',
  fixable: false,
  hasSuggestions: false,
  messages: { found: 'found', noRange: 'no range' },
} as const;
const RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
const throwing = defineDockerfileRule({
  meta: { ...meta, id: 'throwing' },
  check() {
    throw new TypeError('boom');
  },
});
const reporting = defineDockerfileRule({
  meta: { ...meta, id: 'reporting' },
  check({ report }) {
    report({ range: RANGE, messageId: 'found' });
  },
});
/** Reports a finding without a range: the sort of findings after the rules fails on it. */
const malformed = defineDockerfileRule({
  meta: { ...meta, id: 'malformed' },
  check({ report }) {
    report({ range: undefined as unknown as Range, messageId: 'noRange' });
    report({ range: RANGE, messageId: 'found' });
  },
});

describe('a failure inside the analysis is contained', () => {
  it('a rule that throws: one analysis-failed finding naming it, the other rules still report', () => {
    const logged: string[] = [];
    const findings = analyze('FROM alpine:3.23\n', { kind: 'dockerfile', rules: [throwing, reporting], onRuleError: (id) => logged.push(id) });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.message]),
      [
        [
          'analysis-failed',
          'This file could not be analysed: rule throwing failed: boom. Findings may be missing; this is a dockguard defect, please report it.',
        ],
        ['reporting', 'found'],
      ],
    );
    assert.deepEqual(logged, ['throwing']);
  });

  it('a failure outside the rules: one analysis-failed finding for the file', () => {
    const findings = analyze('FROM alpine:3.23\n', { kind: 'dockerfile', rules: [malformed] });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'analysis-failed');
    assert.equal(findings[0].severity, 'warning');
    assert.deepEqual(findings[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('the note can be turned off like any rule', () => {
    const findings = analyze('FROM alpine:3.23\n', { kind: 'dockerfile', rules: [throwing], config: resolveConfig({ rules: { 'analysis-failed': 'off' } }) });
    assert.deepEqual(findings, []);
  });

  it('every real rule runs without one on an ordinary file', () => {
    const findings = analyze('FROM alpine:3.23\nRUN apk add curl\n', { kind: 'dockerfile', rules: dockerfileRules });
    assert.ok(!findings.some((f) => f.ruleId === 'analysis-failed'));
  });
});

describe('YAML nested too deeply is reported, not parsed', () => {
  const tooDeep = (text: string) => {
    const findings = analyze(text, { kind: 'compose' });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.message]),
      [['not-analyzed', 'dockguard did not analyse this file: it is nested more than 256 levels deep.']],
      JSON.stringify(text.slice(0, 40)),
    );
  };

  it('50,000 flow levels (yaml reported "Maximum call stack size exceeded" as a YAML error)', () => {
    tooDeep('services:\n  a: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n');
    tooDeep('x: ' + '{a: '.repeat(50_000) + '}'.repeat(50_000) + '\n');
  });

  it('2,000 `    k: 1` without a line break, which yaml nests as compact mappings', () => {
    tooDeep('    k: 1'.repeat(2_000));
  });

  it('block sequences nested on one line, which overflowed yaml and could abort the process', () => {
    tooDeep('- '.repeat(8_000) + 'x\n');
    tooDeep('? '.repeat(8_000) + 'x\n');
  });

  it('still analyses files nested as deep as real ones and far deeper', () => {
    const nested = 'services:\n  web:\n    image: nginx:1.27\n    labels:\n      a: ' + '['.repeat(200) + ']'.repeat(200) + '\n';
    assert.ok(!analyze(nested, { kind: 'compose' }).some((f) => f.ruleId === 'not-analyzed'));
    let staircase = 'services:\n  web:\n    image: nginx:1.27\n    x:\n';
    for (let depth = 3; depth < 60; depth++) staircase += ' '.repeat(2 * depth) + `k${depth}:\n`;
    assert.ok(!analyze(staircase, { kind: 'compose' }).some((f) => f.ruleId === 'not-analyzed'));
  });

  it('a configuration file nested too deeply is a problem of that file, not an exception', () => {
    const parsed = parseDockguardConfig('rules: ' + '['.repeat(50_000));
    assert.deepEqual(
      parsed.problems.map((p) => p.message),
      ['The file is nested more than 256 levels deep, so it was not read.'],
    );
  });
});
