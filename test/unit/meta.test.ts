import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRuleMetas, composeRules, dockerfileRules } from '../../server/src/engine/rules';

const root = join(__dirname, '..', '..');

describe('every rule', () => {
  it('has a unique kebab-case id and a unique DGnnn code', () => {
    const ids = new Set<string>();
    const codes = new Set<string>();
    for (const meta of allRuleMetas) {
      assert.match(meta.id, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, meta.id);
      assert.match(meta.code, /^DG\d{3}$/, meta.code);
      assert.ok(!ids.has(meta.id), `duplicate id ${meta.id}`);
      assert.ok(!codes.has(meta.code), `duplicate code ${meta.code}`);
      ids.add(meta.id);
      codes.add(meta.code);
    }
  });

  for (const [kind, rules] of [
    ['dockerfile', dockerfileRules],
    ['compose', composeRules],
  ] as const) {
    it(`is registered: each rule file in rules/${kind} is listed in its index`, () => {
      const dir = join(root, 'server', 'src', 'engine', 'rules', kind);
      const files = readdirSync(dir)
        .filter((f) => f !== 'index.ts' && f.endsWith('.ts'))
        .map((f) => f.replace(/\.ts$/, ''));
      assert.deepEqual(files.sort(), rules.map((r) => r.meta.id).sort(), 'file names must equal rule ids, and every file must be registered');
    });
  }

  for (const meta of allRuleMetas) {
    it(`${meta.id}: has a documentation page with why, bad, good and fix`, () => {
      const page = join(root, 'docs', 'rules', `${meta.id}.md`);
      assert.ok(existsSync(page), `missing ${page}`);
      const text = readFileSync(page, 'utf8');
      assert.match(text, new RegExp(`^# ${meta.id} \\(${meta.code}\\)`), 'the title names the id and code');
      for (const section of ['## Why', '## Bad', '## Good', '## Fix']) assert.ok(text.includes(section), `${meta.id}.md lacks "${section}"`);
      if (meta.references.cis) assert.ok(text.includes(`CIS Docker Benchmark ${meta.references.cis}`), 'the page names its CIS reference');
      for (const dl of meta.references.hadolint ?? []) assert.ok(text.includes(dl), `the page names ${dl}`);
    });

    if (meta.kind !== 'any') {
      it(`${meta.id}: has unit tests`, () => {
        assert.ok(existsSync(join(root, 'test', 'unit', 'rules', meta.kind, `${meta.id}.test.ts`)), `missing test/unit/rules/${meta.kind}/${meta.id}.test.ts`);
      });
    }

    it(`${meta.id}: metadata states its fixes and references honestly`, () => {
      assert.ok(meta.title.length > 0 && meta.description.length > 20);
      assert.ok(['error', 'warning', 'info'].includes(meta.severity));
    });
  }
});
