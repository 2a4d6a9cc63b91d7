import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { analyze } from '../../../../server/src/engine/analyze';
import { applyEdits } from '../../../../server/src/engine/fixes';
import rule from '../../../../server/src/engine/rules/compose/service-runs-as-root';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'a non-root user', code: 'services:\n  web:\n    image: nginx:1.27\n    user: "101:101"\n  api:\n    user: app\n' },
    { name: "a user from the environment is the operator's choice", code: 'services:\n  web:\n    user: ${APP_UID}:${APP_GID}\n' },
    { name: 'a pulled image without user: is not guessed at', code: 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n' },
    {
      name: 'an inline Dockerfile with a USER',
      code: 'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.20\n        USER app\n',
    },
    {
      name: 'an inline Dockerfile whose target stage is not root',
      code: 'services:\n  app:\n    build:\n      target: run\n      dockerfile_inline: |\n        FROM alpine:3.20 AS run\n        USER app\n        FROM alpine:3.20 AS debug\n',
    },
    { name: 'a build whose Dockerfile cannot be read stays silent', code: 'services:\n  api:\n    build: ./api\n' },
  ],
  invalid: [
    {
      name: 'user: root, comments kept, plain value quoted',
      code: 'services:\n  web:\n    image: nginx:1.27 # pinned\n    user: root # for now\n',
      findings: [
        {
          line: 4,
          column: 11,
          endColumn: 15,
          messageId: 'userRoot',
          data: { user: 'root' },
          suggestions: [{ title: /10001:10001/, output: 'services:\n  web:\n    image: nginx:1.27 # pinned\n    user: "10001:10001" # for now\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'user "0" and "0:0", quotes kept, 4-space indentation',
      code: 'services:\n    a:\n        user: \'0:0\'\n    b:\n        user: "0"\n',
      findings: [
        { line: 3, messageId: 'userRoot', suggestions: [{ output: 'services:\n    a:\n        user: \'10001:10001\'\n    b:\n        user: "0"\n' }] },
        { line: 5, messageId: 'userRoot', suggestions: [{ output: 'services:\n    a:\n        user: \'0:0\'\n    b:\n        user: "10001:10001"\n' }] },
      ],
      output: null,
    },
    {
      name: 'a numeric 0 and a root default',
      code: 'services:\n  a:\n    user: 0\n  b:\n    user: ${UID:-0}\n',
      findings: [
        { line: 3, messageId: 'userRoot', suggestions: [{ output: 'services:\n  a:\n    user: "10001:10001"\n  b:\n    user: ${UID:-0}\n' }] },
        { line: 5, messageId: 'userRoot' },
      ],
      output: null,
    },
    {
      name: 'user from an anchor: reported once, where written, not edited',
      code: 'x-base: &base\n  user: root\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n',
      findings: [{ line: 2, column: 9, messageId: 'userRoot' }],
      output: null,
    },
    {
      name: 'flow style',
      code: 'services:\n  web: {image: "a:1", user: root}\n',
      findings: [{ line: 2, messageId: 'userRoot', suggestions: [{ output: 'services:\n  web: {image: "a:1", user: "10001:10001"}\n' }] }],
      output: null,
    },
    {
      name: 'an inline Dockerfile without USER: on the build key, suggestion adds user:',
      code: 'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM debian:12\n        CMD ["bash"]\n    restart: always\n',
      findings: [
        {
          line: 3,
          column: 5,
          endColumn: 10,
          messageId: 'builtNoUser',
          data: { service: 'app', dockerfile: 'an inline Dockerfile (dockerfile_inline)', stage: 'its final stage' },
          suggestions: [
            {
              output:
                'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM debian:12\n        CMD ["bash"]\n    restart: always\n    user: "10001:10001"\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an inline Dockerfile with USER root',
      code: 'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM debian:12\n        USER root\n        CMD ["bash"]\n',
      findings: [
        {
          line: 3,
          messageId: 'builtUserRoot',
          data: { service: 'app', stage: 'its final stage', user: 'root' },
          suggestions: [
            {
              output:
                'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM debian:12\n        USER root\n        CMD ["bash"]\n    user: "10001:10001"\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the build target inherits USER 0 from an earlier stage',
      code: 'services:\n  app:\n    build:\n      target: run\n      dockerfile_inline: |\n        FROM debian:12 AS base\n        USER 0\n        FROM base AS run\n        CMD ["bash"]\n',
      findings: [
        {
          line: 3,
          messageId: 'builtUserRootInherited',
          data: { stage: 'its stage run', user: '0' },
          suggestions: [
            {
              output:
                'services:\n  app:\n    build:\n      target: run\n      dockerfile_inline: |\n        FROM debian:12 AS base\n        USER 0\n        FROM base AS run\n        CMD ["bash"]\n    user: "10001:10001"\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'built from a Dockerfile whose entrypoint script, in the build context, drops to a user: information, user: that user',
      code: 'services:\n  db:\n    build:\n      context: ./db\n      dockerfile: docker/Dockerfile\n',
      files: {
        'db/docker/Dockerfile': 'FROM debian:12\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
        'db/docker-entrypoint.sh': '#!/bin/sh\nif [ "$(id -u)" = 0 ]; then\n  chown -R postgres /data\n  exec gosu postgres "$0" "$@"\nfi\nexec "$@"\n',
      },
      findings: [
        {
          line: 3,
          messageId: 'builtDrops',
          severity: 'info',
          data: { service: 'db', dockerfile: './db/docker/Dockerfile', user: 'postgres', tool: 'gosu' },
          suggestions: [
            {
              title: /^Run as postgres \(user: "postgres"\): docker-entrypoint\.sh then skips chown, so volumes must already belong to that user$/,
              output: 'services:\n  db:\n    build:\n      context: ./db\n      dockerfile: docker/Dockerfile\n    user: "postgres"\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an inline Dockerfile whose ENTRYPOINT drops itself',
      code: 'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM node:20\n        ENTRYPOINT ["gosu", "node", "node", "server.js"]\n',
      findings: [
        {
          line: 3,
          messageId: 'builtDrops',
          data: { user: 'node', tool: 'gosu' },
          suggestions: [
            {
              title: /then remove gosu from the start command, which fails without root$/,
              output:
                'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM node:20\n        ENTRYPOINT ["gosu", "node", "node", "server.js"]\n    user: "node"\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

/** Runs the rule on a compose file at /project/compose.yaml with these files around it. */
function scan(compose: string, files: Record<string, string>) {
  const uri = '/project/compose.yaml';
  const read: string[] = [];
  const findings = analyze(compose, {
    kind: 'compose',
    uri,
    rules: [rule],
    readFile: (file) => {
      // Every compose analysis asks for the .env beside it (documents/dotenv): only the Dockerfiles are counted here.
      if (path.basename(file) !== '.env') read.push(file);
      return files[path.relative('/project', file).split(path.sep).join('/')];
    },
  });
  return { findings, read };
}

describe('service-runs-as-root across files', () => {
  const rootDockerfile = 'FROM node:20-alpine\nCOPY . /app\nCMD ["node", "/app/index.js"]\n';
  const userDockerfile = 'FROM node:20-alpine\nCOPY . /app\nUSER node\nCMD ["node", "/app/index.js"]\n';

  it('reads build: ./dir/Dockerfile and reports on the build key, naming the Dockerfile', () => {
    const { findings, read } = scan('services:\n  api:\n    build: ./api\n', { 'api/Dockerfile': rootDockerfile });
    assert.deepEqual(read, [path.resolve('/project/api/Dockerfile')]);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
    assert.equal(findings[0].messageId, 'builtNoUser');
    assert.deepEqual(findings[0].data, { service: 'api', dockerfile: './api/Dockerfile', stage: 'its final stage' });
    const suggestion = findings[0].fixes[0];
    assert.equal(suggestion.kind, 'suggestion');
    assert.equal(applyEdits('services:\n  api:\n    build: ./api\n', suggestion.edits), 'services:\n  api:\n    build: ./api\n    user: "10001:10001"\n');
  });

  it('is silent once the Dockerfile switches to a non-root user, or the service sets one', () => {
    assert.equal(scan('services:\n  api:\n    build: ./api\n', { 'api/Dockerfile': userDockerfile }).findings.length, 0);
    const { findings, read } = scan('services:\n  api:\n    build: ./api\n    user: "1000"\n', { 'api/Dockerfile': rootDockerfile });
    assert.equal(findings.length, 0);
    assert.deepEqual(read, [], 'with user: set, the Dockerfile is not even read');
  });

  it('follows context + dockerfile and build.target, and names USER root', () => {
    const dockerfile =
      'FROM golang:1.22 AS build\nUSER root\nRUN go build\nFROM gcr.io/distroless/static-debian12:nonroot AS run\nCOPY --from=build /app /app\n';
    const compose =
      'services:\n  svc:\n    build:\n      context: services/svc/\n      dockerfile: build/Dockerfile.prod\n      target: build\n  prod:\n    build:\n      context: services/svc\n      dockerfile: build/Dockerfile.prod\n';
    const { findings } = scan(compose, { 'services/svc/build/Dockerfile.prod': dockerfile });
    assert.equal(findings.length, 1, 'the final stage runs as nonroot; only the service built at target build is root');
    assert.equal(findings[0].messageId, 'builtUserRoot');
    assert.deepEqual(findings[0].data, { service: 'svc', dockerfile: 'services/svc/build/Dockerfile.prod', stage: 'its stage build', user: 'root' });
  });

  it('reads one Dockerfile once for several services, and lands on the service name when build comes from an anchor', () => {
    const compose = 'x-build: &build\n  build: .\nservices:\n  a:\n    <<: *build\n  b:\n    <<: *build\n';
    const { findings, read } = scan(compose, { Dockerfile: rootDockerfile });
    assert.equal(read.length, 1);
    assert.deepEqual(
      findings.map((f) => f.range.start),
      [
        { line: 3, character: 2 },
        { line: 5, character: 2 },
      ],
    );
    const fixed = applyEdits(compose, findings[0].fixes[0].edits);
    assert.equal(fixed, 'x-build: &build\n  build: .\nservices:\n  a:\n    <<: *build\n    user: "10001:10001"\n  b:\n    <<: *build\n');
    assert.deepEqual(parseDocument(fixed).errors, []);
  });

  it('does not follow remote contexts or paths from variables', () => {
    const compose =
      'services:\n  a:\n    build: https://github.com/acme/app.git#main\n  b:\n    build: ${APP_DIR}\n  c:\n    build:\n      context: .\n      dockerfile: ${DOCKERFILE}\n';
    const { findings, read } = scan(compose, { Dockerfile: rootDockerfile });
    assert.deepEqual(findings, []);
    assert.deepEqual(read, []);
  });

  it('stays silent without a file reader (the rule tester, untitled documents)', () => {
    assert.deepEqual(analyze('services:\n  api:\n    build: .\n', { kind: 'compose', rules: [rule] }), []);
  });
});
