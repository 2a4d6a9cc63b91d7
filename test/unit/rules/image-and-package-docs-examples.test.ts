import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig, type DockguardConfig } from '../../../server/src/engine/config';
import { dockerfileRules } from '../../../server/src/engine/rules';

/** The base-image and package rules' pages: each "Bad" block fires its rule, each "Good" block does not. */
const CHECKED: Record<string, DockguardConfig> = {
  'non-minimal-base-image': {},
  'unpinned-base-image': {},
  'base-image-not-pinned-by-digest': {},
  'untrusted-registry': { trustedRegistries: ['registry.example.com'] }, // as the page's examples say in a comment
  'apt-install-recommends': {},
  'package-cache-kept': {},
  'sudo-in-run': {},
  'ssh-server': {},
  'missing-healthcheck': {},
};

function blocks(page: string, section: string): string[] {
  const start = page.indexOf(`## ${section}\n`);
  if (start < 0) return [];
  const end = page.indexOf('\n## ', start + 1);
  return [...page.slice(start, end < 0 ? undefined : end).matchAll(/```dockerfile\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('base-image and package rule pages: the examples tell the truth', () => {
  for (const [id, config] of Object.entries(CHECKED)) {
    const rule = dockerfileRules.find((r) => r.meta.id === id)!;
    const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', `${id}.md`), 'utf8');
    const run = (code: string) => analyze(code, { kind: 'dockerfile', rules: [rule], config: resolveConfig({ profile: 'strict' }, config) });
    it(`${id}: every Bad example is caught`, () => {
      const bad = blocks(page, 'Bad');
      assert.ok(bad.length > 0);
      for (const code of bad) assert.ok(run(code).length > 0, `not caught:\n${code}`);
    });
    it(`${id}: every Good example is clean`, () => {
      const good = blocks(page, 'Good');
      assert.ok(good.length > 0);
      for (const code of good) assert.deepEqual(run(code).map((f) => f.message), [], code);
    });
  }
});
