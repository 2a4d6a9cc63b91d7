import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { dockerfileRules } from '../../../server/src/engine/rules';

/** Rules whose documentation examples are checked: each "Bad" block fires the rule, each "Good" block does not. */
const CHECKED = ['hardcoded-secret', 'sensitive-file-copied', 'add-instead-of-copy', 'add-remote-without-checksum', 'pipe-to-shell', 'verification-disabled'];

function blocks(page: string, section: string): string[] {
  const start = page.indexOf(`## ${section}\n`);
  if (start < 0) return [];
  const end = page.indexOf('\n## ', start + 1);
  const body = page.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/```dockerfile\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('documentation examples tell the truth', () => {
  for (const id of CHECKED) {
    const rule = dockerfileRules.find((r) => r.meta.id === id);
    const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', `${id}.md`), 'utf8');
    const run = (code: string) => analyze(code, { kind: 'dockerfile', rules: [rule!], config: resolveConfig({ profile: 'strict' }) });
    it(`${id}: every Bad example is caught`, () => {
      const bad = blocks(page, 'Bad');
      assert.ok(rule && bad.length > 0);
      for (const code of bad) assert.ok(run(code).length > 0, `not caught:\n${code}`);
    });
    it(`${id}: every Good example is clean`, () => {
      const good = blocks(page, 'Good');
      assert.ok(good.length > 0);
      for (const code of good) assert.deepEqual(run(code).map((f) => f.message), [], code);
    });
  }
});
