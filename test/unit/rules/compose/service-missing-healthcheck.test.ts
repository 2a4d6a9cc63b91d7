import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { resolveConfig } from '../../../../server/src/engine/config';
import rule from '../../../../server/src/engine/rules/compose/service-missing-healthcheck';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'a healthcheck, a disabled one (healthcheck-disabled), one from an anchor or extends',
      code: 'x-hc: &hc\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  a:\n    image: a:1\n    healthcheck:\n      test: ["CMD", "/app/health"]\n  b:\n    image: b:1\n    healthcheck:\n      disable: true\n  c:\n    <<: *hc\n    image: c:1\n  d:\n    extends: a\n',
    },
    {
      name: 'jobs: profiles, restart "no", deploy condition none; a service still being typed',
      code: 'services:\n  migrate:\n    image: a:1\n    profiles: [tools]\n  seed:\n    image: a:1\n    restart: "no"\n  once:\n    image: a:1\n    deploy:\n      restart_policy:\n        condition: none\n  typing:\n    environment: {}\n',
    },
  ],
  invalid: [
    {
      name: 'on the service name; an inline Dockerfile without HEALTHCHECK',
      code: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n  web:\n    build:\n      dockerfile_inline: |\n        FROM nginx:1.27\n',
      findings: [
        { line: 2, column: 3, endColumn: 6, messageId: 'noHealthcheck', data: { service: 'api' } },
        { line: 4, column: 3, messageId: 'noHealthcheck', data: { service: 'web' } },
      ],
      output: null,
    },
    {
      name: 'flow style, a merge key without healthcheck, restart always',
      code: 'x-b: &b\n  restart: always\nservices:\n  a: {image: a:1}\n  b:\n    <<: *b\n    image: b:1\n',
      findings: [
        { line: 4, messageId: 'noHealthcheck', data: { service: 'a' } },
        { line: 5, messageId: 'noHealthcheck', data: { service: 'b' } },
      ],
      output: null,
    },
  ],
});

/** The rule on /project/compose.yaml with these files around it. */
function scan(compose: string, files: Record<string, string>, uri = '/project/compose.yaml') {
  return analyze(compose, {
    kind: 'compose',
    uri,
    rules: [rule],
    config: resolveConfig({ profile: 'strict' }),
    readFile: (file) => files[path.relative('/project', file).split(path.sep).join('/')],
  });
}

describe('service-missing-healthcheck across files', () => {
  it('is silent when the built Dockerfile (or a stage it builds on) has a HEALTHCHECK, and reports when it has none', () => {
    const withCheck = 'FROM node:20 AS base\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nFROM base\nCMD ["node", "app.js"]\n';
    const without = 'FROM node:20\nCMD ["node", "app.js"]\n';
    assert.equal(scan('services:\n  api:\n    build: ./api\n', { 'api/Dockerfile': withCheck }).length, 0);
    assert.equal(scan('services:\n  api:\n    build: ./api\n', { 'api/Dockerfile': without }).length, 1);
    assert.equal(scan('services:\n  api:\n    build: ./api\n', {}).length, 1, 'an unreadable Dockerfile is not assumed to have one');
  });

  it('follows extends into another file, and leaves override files alone', () => {
    const common = 'services:\n  base:\n    image: a:1\n    healthcheck:\n      test: ["CMD", "true"]\n';
    assert.equal(scan('services:\n  api:\n    extends:\n      file: common.yaml\n      service: base\n', { 'common.yaml': common }).length, 0);
    assert.equal(scan('services:\n  api:\n    image: a:1\n', {}, '/project/compose.override.yaml').length, 0);
  });
});
