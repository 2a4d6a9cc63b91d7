import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildManifestRules, buildRulesIndex, buildSchema } from '../../scripts/manifest-model';

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
