// Writes what the manifest and the JSON schema derive from the rule registry, so they never drift from it:
// the `dockguard.rules` setting's per-rule completions in package.json, schemas/dockguard.schema.json, and the
// rule index docs/rules/README.md.
// Run with `npm run sync-manifest`; test/unit/manifest.test.ts fails when they are out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifestRules, buildRulesIndex, buildSchema } from './manifest-model';

const root = join(__dirname, '..');
const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.contributes.configuration.properties['dockguard.rules'].properties = buildManifestRules();
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
writeFileSync(join(root, 'schemas', 'dockguard.schema.json'), JSON.stringify(buildSchema(), null, 2) + '\n');
writeFileSync(join(root, 'docs', 'rules', 'README.md'), buildRulesIndex());
console.log('package.json, schemas/dockguard.schema.json and docs/rules/README.md updated from the rule registry.');
