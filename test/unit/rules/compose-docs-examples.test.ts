import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { composeRules } from '../../../server/src/engine/rules';

/**
 * The compose rule pages' examples: each "Bad" block fires the page's rule, and each "Good" block is clean under
 * every one of these rules, so a page never recommends what another rule reports.
 */
const CHECKED = ['writable-bind-mount', 'sensitive-host-mount', 'docker-socket-mount', 'port-on-all-interfaces', 'insecure-docker-daemon', 'plaintext-secret', 'unpinned-image', 'service-runs-as-root'];

function blocks(page: string, section: string): string[] {
  const start = page.indexOf(`## ${section}\n`);
  if (start < 0) return [];
  const end = page.indexOf('\n## ', start + 1);
  const body = page.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('compose rule pages: examples tell the truth', () => {
  const checked = composeRules.filter((r) => CHECKED.includes(r.meta.id));
  const config = resolveConfig({ profile: 'strict' });
  for (const id of CHECKED) {
    const rule = composeRules.find((r) => r.meta.id === id);
    const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', `${id}.md`), 'utf8');
    it(`${id}: every Bad example is caught`, () => {
      const bad = blocks(page, 'Bad');
      assert.ok(rule && bad.length > 0);
      for (const code of bad) assert.ok(analyze(code, { kind: 'compose', rules: [rule], config }).length > 0, `not caught:\n${code}`);
    });
    it(`${id}: every Good example is clean`, () => {
      const good = blocks(page, 'Good');
      assert.ok(good.length > 0);
      for (const code of good) {
        const findings = analyze(code, { kind: 'compose', rules: checked, config });
        assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.message}`), [], code);
      }
    });
  }
});
