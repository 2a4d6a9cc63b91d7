// The engine holds rules to their metadata: a fix needs `fixable`, a suggestion needs `hasSuggestions`, and every
// message comes from `meta.messages` with its data complete. The rule tester runs rules this way, so a rule that
// breaks its contract fails its own tests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defineDockerfileRule } from '../../../server/src/engine/rule';
import type { Fix } from '../../../server/src/engine/types';

const FIX: Fix = {
  title: 'Add a comment',
  kind: 'fix',
  edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# x\n' }],
};
const SUGGESTION: Fix = { ...FIX, kind: 'suggestion' };

function probe(options: { fixable: boolean; hasSuggestions: boolean; report: { messageId: string; data?: Record<string, string>; fixes?: Fix[] } }) {
  return defineDockerfileRule({
    meta: {
      id: 'probe',
      code: 'DG998',
      severity: 'warning',
      category: 'hygiene',
      title: 'probe',
      description: 'reports the first FROM, as told',
      messages: { plain: 'Plain.', named: 'Image {{image}}.' },
      fixable: options.fixable,
      hasSuggestions: options.hasSuggestions,
    },
    check({ model, report }) {
      const from = model.stages[0]?.from;
      if (from) report({ range: from.getRange(), ...(options.report as { messageId: 'plain' }) });
    },
  });
}

const rethrow = (_ruleId: string, error: unknown) => {
  throw error;
};
const run = (rule: ReturnType<typeof probe>) => analyze('FROM alpine:3.23\n', { kind: 'dockerfile', rules: [rule], onRuleError: rethrow });

describe('rule metadata is enforced', () => {
  it('rejects a fix from a rule that is not fixable', () => {
    assert.throws(
      () => run(probe({ fixable: false, hasSuggestions: true, report: { messageId: 'plain', fixes: [FIX] } })),
      /probe reported a fix .* fixable: false/,
    );
  });

  it('rejects a suggestion from a rule without hasSuggestions', () => {
    assert.throws(
      () => run(probe({ fixable: true, hasSuggestions: false, report: { messageId: 'plain', fixes: [SUGGESTION] } })),
      /probe reported a suggestion .* hasSuggestions: false/,
    );
  });

  it('accepts what the metadata declares', () => {
    const findings = run(probe({ fixable: true, hasSuggestions: true, report: { messageId: 'plain', fixes: [FIX, SUGGESTION] } }));
    assert.equal(findings[0].fixes.length, 2);
  });

  it('builds the message from its id and data, and keeps both on the finding', () => {
    const [finding] = run(probe({ fixable: false, hasSuggestions: false, report: { messageId: 'named', data: { image: 'alpine' } } }));
    assert.equal(finding.message, 'Image alpine.');
    assert.equal(finding.messageId, 'named');
    assert.deepEqual(finding.data, { image: 'alpine' });
  });

  it('rejects an unknown messageId and a message without its data', () => {
    assert.throws(() => run(probe({ fixable: false, hasSuggestions: false, report: { messageId: 'nope' } })), /unknown messageId "nope"/);
    assert.throws(() => run(probe({ fixable: false, hasSuggestions: false, report: { messageId: 'named' } })), /without data\.image/);
  });

  it('hands a broken contract to onRuleError, like any rule failure, and reports it as the analysis failing', () => {
    const errors: string[] = [];
    const findings = analyze('FROM alpine:3.23\n', {
      kind: 'dockerfile',
      rules: [probe({ fixable: false, hasSuggestions: false, report: { messageId: 'plain', fixes: [FIX] } })],
      onRuleError: (ruleId, error) => errors.push(`${ruleId}: ${(error as Error).message}`),
    });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['analysis-failed'],
    );
    assert.match(findings[0].message, /rule probe failed: probe reported a fix/);
    assert.match(errors[0], /^probe: probe reported a fix/);
  });
});
