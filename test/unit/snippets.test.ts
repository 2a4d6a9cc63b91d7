import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { TEST_NOW } from '../support/rule-tester';
import { resolveConfig } from '../../server/src/engine/config';
import type { DocumentKind } from '../../server/src/engine/types';

const root = join(__dirname, '..', '..');

/** Expands a snippet body the way accepting every default would: `${1:x}` → x, `$1` → '', `\$` → $. */
function expand(body: string): string {
  let text = body;
  for (let i = 0; i < 5 && /\$\{\d+:[^{}]*\}/.test(text); i++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  return text.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\\$/g, '$');
}

/**
 * The snippets are linted with every rule of the strict profile, except where a template cannot comply:
 * no digest can be shipped in a template that stays valid, and a distroless image has nothing to run a
 * healthcheck with.
 */
const EXCEPTIONS: Record<string, string[]> = {
  '*': ['base-image-not-pinned-by-digest', 'image-not-pinned-by-digest'],
  'dockguard: hardened Go image': ['missing-healthcheck'],
};

function lint(kind: DocumentKind, name: string, text: string) {
  const off = Object.fromEntries([...EXCEPTIONS['*'], ...(EXCEPTIONS[name] ?? [])].map((id) => [id, 'off' as const]));
  return analyze(text, { kind, config: resolveConfig({ profile: 'strict', rules: off }), now: TEST_NOW });
}

function snippets(file: string): [string, { body: string[] }][] {
  return Object.entries(JSON.parse(readFileSync(join(root, 'snippets', file), 'utf8')));
}

describe('snippets are clean under our own rules', () => {
  const dockerfiles = snippets('dockerfile.json');
  it('cover Node, Python and Go', () => {
    const names = dockerfiles.map(([name]) => name).join(' ');
    for (const language of ['Node', 'Python', 'Go']) assert.match(names, new RegExp(language));
  });

  for (const [name, snippet] of dockerfiles) {
    it(name, () => {
      const text = expand(snippet.body.join('\n'));
      assert.deepEqual(
        lint('dockerfile', name, text).map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.message}`),
        [],
      );
      assert.match(text, /\nUSER \S+/, 'switches to a non-root user');
      assert.ok((text.match(/^FROM /gm) ?? []).length >= 2, 'multi-stage');
    });
  }

  for (const [name, snippet] of snippets('compose.json')) {
    it(name, () => {
      const body = expand(snippet.body.join('\n'));
      // A service snippet is inserted under `services:`; lint it there, with the secret it names.
      const text = body.startsWith('services:')
        ? body
        : `services:\n${body
            .split('\n')
            .map((line) => (line ? `  ${line}` : line))
            .join('\n')}\nsecrets:\n  app_secret:\n    file: ./secrets/app_secret.txt\n`;
      assert.deepEqual(
        lint('compose', name, text).map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.message}`),
        [],
      );
    });
  }
});
