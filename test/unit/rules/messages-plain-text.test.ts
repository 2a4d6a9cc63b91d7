// Messages are plain text: the Problems panel, the CLI and SARIF viewers print them as they are, so Markdown
// backticks show up literally (`read_only`). Hovers and rule pages are where Markdown goes.
//
// IF THIS FAILS FOR YOUR RULE: write the message without backticks. Names, keys and commands read well as they are
// ("add cap_drop: [ALL]", "end the RUN with apt-get clean"); a placeholder's value is printed as given. If a value
// you fill in (data) comes from a table with backticks, strip them there. One sentence: the risk, then the remedy.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { parseDockguardConfig } from '../../../server/src/engine/config-file';
import { groupHardening } from '../../../server/src/engine/hardening-group';
import { allRuleMetas } from '../../../server/src/engine/rules';
import type { DocumentKind } from '../../../server/src/engine/types';

const root = join(__dirname, '..', '..', '..');

/** Every fenced Dockerfile and compose block of the rule pages, and the example files. */
function samples(): { where: string; kind: DocumentKind; text: string }[] {
  const found: { where: string; kind: DocumentKind; text: string }[] = [];
  const docs = join(root, 'docs', 'rules');
  for (const name of readdirSync(docs).filter((n) => n.endsWith('.md'))) {
    const page = readFileSync(join(docs, name), 'utf8');
    for (const match of page.matchAll(/```(dockerfile|yaml)\n([\s\S]*?)```/g)) {
      found.push({ where: `docs/rules/${name}`, kind: match[1] === 'yaml' ? 'compose' : 'dockerfile', text: match[2] });
    }
  }
  const examples = join(root, 'examples');
  for (const name of readdirSync(examples, { recursive: true }) as string[]) {
    const kind: DocumentKind | undefined = /(^|\/)Dockerfile[^/]*$/.test(name)
      ? 'dockerfile'
      : /(^|\/)(docker-)?compose[^/]*\.ya?ml$/.test(name)
        ? 'compose'
        : undefined;
    if (kind) found.push({ where: `examples/${name}`, kind, text: readFileSync(join(examples, name), 'utf8') });
  }
  return found;
}

describe('messages are plain text, without Markdown backticks (see the top of this file when it fails)', () => {
  it('every message template of every rule', () => {
    const offending = allRuleMetas.flatMap((meta) =>
      Object.entries(meta.messages)
        .filter(([, text]) => text.includes('`'))
        .map(([id, text]) => `${meta.id} (${meta.code}) messages.${id}: ${text}`),
    );
    assert.deepEqual(offending, [], 'write these messages without backticks');
  });

  it('every finding on the rule pages and the examples, with what fills the placeholders, in both profiles', () => {
    const offending = new Set<string>();
    for (const profile of ['recommended', 'strict'] as const) {
      const config = resolveConfig({ profile });
      for (const { where, kind, text } of samples()) {
        for (const finding of groupHardening(analyze(text, { kind, config }), config)) {
          if (finding.message.includes('`')) offending.add(`${where}: ${finding.ruleId}: ${finding.message}`);
        }
      }
    }
    assert.deepEqual([...offending], []);
  });

  it('the problems reported on a .dockguard.yaml', () => {
    const { problems } = parseDockguardConfig(
      'profile: lax\nrules:\n  root-usr: off\n  root-user: loud\nlimits:\n  cpus: x\n  memory: x\n  pids: -1\n  disk: 1\ntrustedRegistries: 3\nallowSuppressions: maybe\nextra: 1\n',
    );
    assert.ok(problems.length >= 8, JSON.stringify(problems));
    assert.deepEqual(
      problems.map((p) => p.message).filter((m) => m.includes('`')),
      [],
    );
  });
});
