import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, parseDocument } from 'yaml';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig, type DockguardConfig, type ResolvedConfig } from '../../../server/src/engine/config';
import { parseDockguardConfig } from '../../../server/src/engine/config-file';
import type { Rule } from '../../../server/src/engine/rule';
import { composeRules, dockerfileRules } from '../../../server/src/engine/rules';
import { MemoryWorkspace, ROOT } from '../../support/memory-context';
import { TEST_NOW } from '../../support/rule-tester';

const LANGUAGE = { dockerfile: 'dockerfile', compose: 'yaml' } as const;
const CONFIG_COMMENT = '# .dockguard.yaml:';

/** The fenced code blocks of one section of a rule page, in the page's file language. */
function blocks(page: string, section: string, language: string): string[] {
  const start = page.indexOf(`\n## ${section}\n`);
  if (start < 0) return [];
  const end = page.indexOf('\n## ', start + 1);
  return [...page.slice(start, end < 0 ? undefined : end).matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/** The configuration a block's first line asks for (`# .dockguard.yaml: {…}`), checked as dockguard checks the file. */
function blockConfig(code: string): DockguardConfig {
  const first = code.split('\n', 1)[0];
  if (!first.startsWith(CONFIG_COMMENT)) return {};
  const text = first.slice(CONFIG_COMMENT.length);
  const doc = parseDocument(text);
  assert.ok(doc.errors.length === 0 && isMap(doc.contents) && doc.contents.flow, `"${first}" must end in a YAML flow mapping`);
  const { config, problems } = parseDockguardConfig(text);
  assert.deepEqual(
    problems.map((p) => p.message),
    [],
    `"${first}" is not a valid configuration`,
  );
  return config;
}

/**
 * Strict-profile rules a Good example need not satisfy unless they are its page's rule: each would add to every example
 * (a version on every package an example installs would bury what the example is about).
 */
const NOT_SHOWN_EVERYWHERE = {
  'base-image-not-pinned-by-digest': 'off',
  'missing-healthcheck': 'off',
  'image-not-pinned-by-digest': 'off',
  'service-missing-healthcheck': 'off',
  'unpinned-package': 'off',
} as const;

/**
 * The findings for one block. Without `rules`, every rule of the kind runs, with what the engine itself reports
 * (YAML syntax errors, suppressions that suppress nothing), as in the editor.
 */
function findings(code: string, kind: 'dockerfile' | 'compose', rules: Rule[] | undefined, ...layers: DockguardConfig[]): string[] {
  const config: ResolvedConfig = resolveConfig(blockConfig(code), ...layers);
  const context = buildContext(code);
  const host = context ? { uri: `${ROOT}/Dockerfile`, readFile: context.readFile, listDirectory: context.listDirectory } : {};
  return analyze(code, { kind, rules, config, ...host, now: TEST_NOW }).map((f) => `${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`);
}

/**
 * The folder a Dockerfile example is built from, for the rules that read it (sensitive-build-context): leading
 * comments `# build context: .env app.py src/` (names; a trailing `/` makes a folder) and
 * `# .dockerignore: .git, .env` (its lines, comma-separated).
 */
function buildContext(code: string): MemoryWorkspace | undefined {
  const comments = code.split('\n').filter((line, i, all) => line.startsWith('#') && all.slice(0, i).every((l) => l.startsWith('#')));
  const names = comments.find((line) => line.startsWith('# build context:'))?.slice('# build context:'.length);
  if (names === undefined) return undefined;
  const ignore = comments.find((line) => line.startsWith('# .dockerignore:'))?.slice('# .dockerignore:'.length);
  const files: Record<string, string> = { Dockerfile: code };
  for (const name of names.trim().split(/\s+/)) files[name] = '';
  if (ignore !== undefined)
    files['.dockerignore'] =
      ignore
        .split(',')
        .map((l) => l.trim())
        .join('\n') + '\n';
  return new MemoryWorkspace(files);
}

/**
 * Every rule page tells the truth. Each fenced block in the page's file language (```dockerfile for Dockerfile rules,
 * ```yaml for compose rules):
 * - under "## Bad" fires the page's rule;
 * - under "## Good" is clean under every rule of its kind: the recommended profile with the page's own rule on (it
 *   may be a strict-profile rule), so no page recommends what another rule reports; and the strict profile too,
 *   so a page stays true for a project that turns the strict rules on, except for digest pinning and HEALTHCHECK,
 *   which a Good example shows only on their own pages.
 *
 * A block whose first line is a comment `# .dockguard.yaml: {trustedRegistries: [registry.example.com]}` (a YAML
 * flow mapping after the colon, read as dockguard reads `.dockguard.yaml`, and which must have no problem) is
 * analysed with that configuration. Use it only where an example means nothing without one. A Dockerfile block
 * starting with `# build context: …` is analysed as built from a folder holding those files (see buildContext).
 */
describe('rule pages: examples', () => {
  for (const rule of [...dockerfileRules, ...composeRules] as Rule[]) {
    const { id, kind } = rule.meta;
    const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', `${id}.md`), 'utf8');
    const own: DockguardConfig = { rules: { [id]: 'on' } };
    const good = blocks(page, 'Good', LANGUAGE[kind]);

    it(`${id}: every Bad example is caught`, () => {
      const bad = blocks(page, 'Bad', LANGUAGE[kind]);
      assert.ok(bad.length > 0, 'the page has a Bad example');
      for (const code of bad) assert.ok(findings(code, kind, [rule], own).length > 0, `not caught:\n${code}`);
    });

    it(`${id}: every Good example is clean under every ${kind} rule`, () => {
      assert.ok(good.length > 0, 'the page has a Good example');
      for (const code of good) assert.deepEqual(findings(code, kind, undefined, own), [], code);
    });

    it(`${id}: every Good example is clean under the strict profile`, () => {
      for (const code of good) assert.deepEqual(findings(code, kind, undefined, { profile: 'strict', rules: NOT_SHOWN_EVERYWHERE }, own), [], code);
    });
  }
});
