// Teams switching from hadolint keep their .hadolint.yaml and their inline comments: every hadolint code a rule
// maps (references.hadolint, listed in docs/rules/README.md's mapping table) keeps doing what it did there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PEER_DEVIATIONS } from '../../../scripts/peer-deviations';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig, severityOf, type DockguardConfig } from '../../../server/src/engine/config';
import { parseDockguardConfig, parseHadolintConfig } from '../../../server/src/engine/config-file';
import { applyEdits } from '../../../server/src/engine/fixes';
import { ignoreFixes } from '../../../server/src/engine/ignore-actions';
import { dockerfileRules, findRule } from '../../../server/src/engine/rules';

const mapped = dockerfileRules.map((rule) => rule.meta).filter((meta) => meta.references.hadolint?.length);

/** The Bad examples of a rule's page, and the configuration that turns the rule on (strict rules are off by default). */
function badExamples(id: string): string[] {
  const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', `${id}.md`), 'utf8');
  const bad = page.slice(page.indexOf('\n## Bad\n'), page.indexOf('\n## Good\n'));
  return [...bad.matchAll(/```dockerfile\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** A page example may start with the configuration it needs (`# .dockguard.yaml: {trustedRegistries: [...]}`). */
function exampleConfig(text: string): DockguardConfig {
  const first = text.split('\n', 1)[0];
  return first.startsWith('# .dockguard.yaml:') ? parseDockguardConfig(first.slice('# .dockguard.yaml:'.length)).config : {};
}

const findingsOf = (id: string, text: string, config: DockguardConfig) =>
  analyze(text, { kind: 'dockerfile', config: resolveConfig({ profile: 'strict' }, exampleConfig(text), config) }).filter((f) => f.ruleId === id);

describe('.hadolint.yaml and hadolint comments keep working for every mapped code', () => {
  it('maps at least the codes hadolint users rely on most', () => {
    const codes = mapped.flatMap((meta) => meta.references.hadolint!);
    for (const code of ['DL3002', 'DL3006', 'DL3007', 'DL3009', 'DL3015', 'DL3020', 'DL3004']) assert.ok(codes.includes(code), code);
  });

  for (const meta of mapped) {
    const codes = meta.references.hadolint!;
    it(`${meta.id} (${codes.join(', ')}): ignored turns it off once all its codes are ignored`, () => {
      const { config } = parseHadolintConfig(`ignored:\n${codes.map((c) => `  - ${c}\n`).join('')}`);
      assert.equal(severityOf(meta, resolveConfig({ profile: 'strict' }, config)), 'off');
      for (const text of badExamples(meta.id)) {
        assert.ok(findingsOf(meta.id, text, {}).length > 0, `the Bad example fires without the file:\n${text}`);
        assert.deepEqual(findingsOf(meta.id, text, config), []);
      }
      if (codes.length > 1) {
        for (const code of codes) {
          const one = parseHadolintConfig(`ignored: [${code}]\n`).config;
          assert.notEqual(severityOf(meta, resolveConfig({ profile: 'strict' }, one)), 'off', `${code} alone leaves the rule's other checks on`);
        }
      }
    });

    it(`${meta.id}: override sets its severity; an inline hadolint ignore silences the instruction`, () => {
      const { config } = parseHadolintConfig(`ignored: [${codes.join(', ')}]\noverride:\n  error: [${codes[0]}]\n`);
      assert.equal(severityOf(meta, resolveConfig(config)), 'error', 'a severity for one of its codes wins over ignored');
      for (const code of codes) {
        for (const text of badExamples(meta.id)) {
          const [finding] = findingsOf(meta.id, text, {});
          const [ignore] = ignoreFixes(text, 'dockerfile', finding);
          const commented = applyEdits(text, ignore.edits).replace(`dockguard-ignore ${meta.id} -- reason`, `hadolint ignore=${code}`);
          // The comment is one line above the instruction: the finding would now be one line lower.
          const moved = (f: { range: { start: { line: number; character: number } } }) =>
            f.range.start.line === finding.range.start.line + 1 && f.range.start.character === finding.range.start.character;
          assert.deepEqual(findingsOf(meta.id, commented, {}).filter(moved), [], commented);
        }
      }
    });
  }

  it('names only registered rules in the deliberate deviations of the mapping table', () => {
    for (const id of Object.keys(PEER_DEVIATIONS)) assert.ok(findRule(id), `scripts/peer-deviations.ts names ${id}, which is not a rule`);
  });
});
