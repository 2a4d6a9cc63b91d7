import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { composeRules, dockerfileRules } from '../../../server/src/engine/rules';

const LANGUAGE = { dockerfile: 'dockerfile', compose: 'yaml' } as const;

/** The fenced code blocks of one section of a rule page, in the page's file language. */
function blocks(page: string, section: string, language: string): string[] {
  const start = page.indexOf(`\n## ${section}\n`);
  if (start < 0) return [];
  const end = page.indexOf('\n## ', start + 1);
  return [...page.slice(start, end < 0 ? undefined : end).matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/**
 * Every rule page tells the truth: each "Bad" example fires the page's rule, and each "Good" example is clean
 * under every rule of its kind (the recommended profile, plus the page's own rule), so no page recommends what
 * another rule reports.
 */
describe('rule pages: examples', () => {
  for (const rule of [...dockerfileRules, ...composeRules]) {
    const { id, kind } = rule.meta;
    const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', `${id}.md`), 'utf8');
    const all = kind === 'dockerfile' ? dockerfileRules : composeRules;
    it(`${id}: every Bad example is caught`, () => {
      const bad = blocks(page, 'Bad', LANGUAGE[kind]);
      assert.ok(bad.length > 0, 'the page has a Bad example');
      for (const code of bad) {
        const found = analyze(code, { kind, rules: [rule], config: resolveConfig({ rules: { [id]: 'on' } }) });
        assert.ok(found.length > 0, `not caught:\n${code}`);
      }
    });
    it(`${id}: every Good example is clean under every ${kind} rule`, () => {
      const good = blocks(page, 'Good', LANGUAGE[kind]);
      assert.ok(good.length > 0, 'the page has a Good example');
      for (const code of good) {
        const findings = analyze(code, { kind, rules: all, config: resolveConfig({ rules: { [id]: 'on' } }) });
        assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`), [], code);
      }
    });
  }
});
