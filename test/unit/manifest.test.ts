import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildManifestRules, buildRulesIndex, buildSchema } from '../../scripts/manifest-model';
import { allRuleMetas } from '../../server/src/engine/rules';
import type { RuleMeta } from '../../server/src/engine/types';

const root = join(__dirname, '..', '..');

describe('manifest and schema follow the rule registry (run `npm run sync-manifest` when this fails)', () => {
  it('package.json offers every rule in the dockguard.rules setting', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.configuration.properties['dockguard.rules'].properties, buildManifestRules());
  });

  it('schemas/dockguard.schema.json is current', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(root, 'schemas', 'dockguard.schema.json'), 'utf8')), buildSchema());
  });

  it('docs/rules/README.md lists every rule', () => {
    assert.equal(readFileSync(join(root, 'docs', 'rules', 'README.md'), 'utf8'), buildRulesIndex());
  });

  it('every setting the server reads is declared, resource-scoped, with a markdown description', () => {
    const properties = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.configuration.properties;
    for (const key of ['enable', 'profile', 'rules', 'trustedRegistries', 'limits.cpus', 'limits.memory', 'limits.pids', 'ignorePaths', 'allowSuppressions']) {
      const setting = properties[`dockguard.${key}`];
      assert.ok(setting, `dockguard.${key} is declared`);
      assert.equal(setting.scope, 'resource', `dockguard.${key} is resource-scoped`);
      assert.ok(setting.markdownDescription, `dockguard.${key} has a markdown description`);
    }
  });
});

/** The `| Key | value |` rows of the metadata table at the top of a rule page. */
function metadataTable(page: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of page.split('\n').slice(0, 14)) {
    const row = /^\| ([A-Z][A-Za-z ]+) \| (.*) \|$/.exec(line);
    if (row) rows.set(row[1], row[2]);
  }
  return rows;
}

const APPLIES_TO: Record<RuleMeta['kind'], RegExp> = { dockerfile: /^Dockerfile\b/, compose: /^compose files\b/, any: /./ };

describe('each rule page states the metadata the rule declares', () => {
  for (const meta of allRuleMetas) {
    it(meta.id, () => {
      const table = metadataTable(readFileSync(join(root, 'docs', 'rules', `${meta.id}.md`), 'utf8'));
      assert.equal(table.get('Severity')?.split(/[;\s]/)[0], meta.severity, 'Severity: the default comes first');
      assert.equal(table.get('Category'), meta.category, 'Category');
      const profile = table.get('Profile');
      if (meta.profile === 'strict') assert.ok(profile?.startsWith('strict'), 'Profile: strict rules say so');
      else if (profile !== undefined) assert.ok(profile.startsWith('recommended'), 'Profile');
      assert.match(table.get('Applies to') ?? '', APPLIES_TO[meta.kind], 'Applies to');
      const fix = table.get('Fix') ?? '';
      assert.equal(/^yes\b/.test(fix), meta.fixable, `Fix: starts with "yes" exactly when the rule is fixable (${fix})`);
      assert.equal(/\bsuggestions?\b/.test(fix), meta.hasSuggestions, `Fix: names a suggestion exactly when the rule has suggestions (${fix})`);
      if (!meta.fixable && !meta.hasSuggestions) assert.match(fix, /^none\b/, 'Fix: none');
    });
  }
});
