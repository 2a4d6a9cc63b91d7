import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { fixAll } from '../../../server/src/engine/fix-all';
import { parseDocument } from 'yaml';
import type { DocumentKind } from '../../../server/src/engine/types';

function exercise(kind: DocumentKind, text: string): void {
  const config = resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io'] });
  // Rule errors rethrown: any exception fails the test with the input that caused it.
  const onRuleError = (_ruleId: string, error: unknown) => {
    throw error;
  };
  const findings = analyze(text, { kind, config, uri: '/w/compose.yaml', readFile: () => 'FROM alpine:3.23\n', onRuleError });
  for (const finding of findings) assert.ok(finding.range.start.line >= 0 && finding.range.end.line >= finding.range.start.line);
  const fixed = fixAll(text, { kind, config });
  if (kind === 'compose' && parseDocument(text).errors.length === 0) {
    assert.deepEqual(
      parseDocument(fixed.text).errors.map((e) => e.message),
      [],
      `fix all broke valid YAML:\n${JSON.stringify(text)}`,
    );
  }
}

// Random documents (built from awkward pieces, and mutated from every example) are the fuzzer's:
// test/unit/engine/fuzz.test.ts runs a seeded slice of it.
describe('no input makes the engine throw', () => {
  it('empty, whitespace-only, binary and huge input', { timeout: 120_000 }, () => {
    for (const kind of ['dockerfile', 'compose'] as const) {
      for (const text of ['', ' ', '\n\n\n', '\r', '\t\t', '\u0000\u0001binary', 'x'.repeat(5 * 1024 * 1024)]) exercise(kind, text);
    }
  });
});
