import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { fixAll } from '../../../server/src/engine/fix-all';
import { parseDocument } from 'yaml';
import type { DocumentKind } from '../../../server/src/engine/types';
import { seededRandom as random } from '../../support/seeded-random';

const DOCKERFILE_PIECES = [
  'FROM ',
  'alpine:3.20',
  ' AS build',
  '\n',
  '\r\n',
  '\r',
  ' \\\n',
  ' \\\r\n',
  ' \\\r',
  '# c\n',
  'RUN ',
  'curl -k https://x | sh',
  ' && ',
  'apt-get install -y curl',
  'USER ',
  'root',
  '0:0',
  'ENV ',
  'PASSWORD=hunter2',
  'ARG ',
  'TOKEN',
  '=',
  '"',
  "'",
  '$',
  '${',
  '}',
  '{',
  'COPY ',
  '--from=build ',
  'id_rsa',
  ' /x',
  'ADD ',
  'https://x/y.tgz',
  '<<EOF',
  '\nEOF\n',
  '<<-"E"',
  'ONBUILD ',
  'HEALTHCHECK ',
  'NONE',
  'CMD ["sh"]',
  '[',
  ']',
  ',',
  '\t',
  '\u0085',
  'é',
  '😀',
  '\u2028',
  '# escape=`\n',
  '`\n',
  '# syntax=docker/dockerfile:1\n',
  'EXPOSE 22',
  'SHELL ["pwsh"]',
  '# dockguard-ignore root-user -- x\n',
  '# hadolint ignore=DL3002\n',
];
const COMPOSE_PIECES = [
  'services:',
  '\n',
  '\r\n',
  '  ',
  '    ',
  'web:',
  'image: ',
  'nginx',
  ':latest',
  'privileged: true',
  'ports:',
  '- "8080:80"',
  '- 5432:5432',
  'volumes:',
  '- /var/run/docker.sock:/var/run/docker.sock',
  '- ./data:/data:z',
  'environment:',
  'DB_PASSWORD: secret',
  '- TOKEN=ghp_123',
  'cap_add: [SYS_ADMIN',
  ']',
  '[',
  '{',
  '}',
  '&a',
  '*a',
  '<<: *a',
  'extends: web',
  'build: .',
  'deploy:',
  'resources:',
  'limits:',
  'memory: 1G',
  'security_opt:',
  '- seccomp:unconfined',
  'user: root',
  '"',
  "'",
  '#',
  '# dockguard-ignore privileged -- x',
  ':',
  '-',
  '---',
  '...',
  '\t',
  '!!binary',
  '? ',
  '|',
  '>',
  'é',
  '😀',
  '\u0000'.repeat(0),
];

function build(next: () => number, pieces: string[], length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
  return text;
}

function exercise(kind: DocumentKind, text: string): void {
  const config = resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io'] });
  // Rule errors rethrown: any exception fails the test with the input that caused it.
  const onRuleError = (_ruleId: string, error: unknown) => {
    throw error;
  };
  const findings = analyze(text, { kind, config, uri: '/w/compose.yaml', readFile: () => 'FROM alpine:3.20\n', onRuleError });
  for (const finding of findings) assert.ok(finding.range.start.line >= 0 && finding.range.end.line >= finding.range.start.line);
  const fixed = fixAll(text, { kind, config });
  if (kind === 'compose' && parseDocument(text).errors.length === 0) {
    assert.deepEqual(
      parseDocument(fixed.text).errors.map((e) => e.message),
      [],
      `fix all broke valid YAML:\n${JSON.stringify(text)}`,
    );
  }
}

describe('no input makes the engine throw', () => {
  for (const [kind, pieces] of [
    ['dockerfile', DOCKERFILE_PIECES],
    ['compose', COMPOSE_PIECES],
  ] as const) {
    it(`${kind}: 3,000 random documents built from awkward pieces`, { timeout: 120_000 }, () => {
      const next = random(kind === 'dockerfile' ? 1 : 2);
      for (let i = 0; i < 3000; i++) {
        const text = build(next, pieces, 1 + Math.floor(next() * 40));
        try {
          exercise(kind, text);
        } catch (error) {
          assert.fail(`input ${JSON.stringify(text)} failed: ${(error as Error).stack}`);
        }
      }
    });
  }

  it('empty, whitespace-only, binary and huge input', { timeout: 120_000 }, () => {
    for (const kind of ['dockerfile', 'compose'] as const) {
      for (const text of ['', ' ', '\n\n\n', '\r', '\t\t', '\u0000\u0001binary', 'x'.repeat(5 * 1024 * 1024)]) exercise(kind, text);
    }
  });
});
