import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { composeRules } from '../../../server/src/engine/rules';

/**
 * The runtime-hardening rule pages: each "Bad" block fires the page's rule, and each "Good" block is clean under
 * every compose rule (strict profile), so a page never recommends what another rule reports.
 */
const PAGES = [
  'privileged', 'missing-cap-drop-all', 'dangerous-capability', 'writable-root-filesystem', 'missing-resource-limits', 'missing-pids-limit',
  'missing-no-new-privileges', 'confinement-disabled', 'host-namespace', 'host-devices', 'healthcheck-disabled', 'logging-disabled',
];

function blocks(page: string, section: string): string[] {
  const start = page.indexOf(`## ${section}\n`);
  if (start < 0) return [];
  const end = page.indexOf('\n## ', start + 1);
  return [...page.slice(start, end < 0 ? undefined : end).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('runtime-hardening rule pages: examples tell the truth', () => {
  const config = resolveConfig({ profile: 'strict' });
  for (const id of PAGES) {
    const rule = composeRules.find((r) => r.meta.id === id);
    const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', `${id}.md`), 'utf8');
    it(`${id}: every Bad example is caught`, () => {
      const bad = blocks(page, 'Bad');
      assert.ok(rule && bad.length > 0);
      for (const code of bad) assert.ok(analyze(code, { kind: 'compose', rules: [rule], config }).length > 0, `not caught:\n${code}`);
    });
    it(`${id}: every Good example is clean under every compose rule`, () => {
      const good = blocks(page, 'Good');
      assert.ok(good.length > 0);
      for (const code of good) {
        const findings = analyze(code, { kind: 'compose', rules: composeRules, config });
        assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.message}`), [], code);
      }
    });
  }
});
