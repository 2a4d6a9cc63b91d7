import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../../server/src/engine/config';
import { describeDifference, replay } from '../../support/replay';

// Every rule on, so every check's reuse is compared; a trusted-registry list for the registry rules.
const CONFIG = resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] });

const read = (path: string) => readFileSync(path, 'utf8');
const EXAMPLE = read('examples/Dockerfile');
const DOCKERFILES = [
  EXAMPLE,
  read('test/fixtures/e2e-workspace/Dockerfile'),
  read('test/fixtures/e2e-suppression/Dockerfile'),
  // A longer file: edits far from each other, and instructions moved by many lines.
  [EXAMPLE, read('test/fixtures/e2e-project-config/Dockerfile'), EXAMPLE].join('\n'),
  // SHELL changes (inherited through FROM <stage>, non-POSIX shells), exec forms and package managers: a SHELL
  // added, moved or removed above a RUN changes what the RUN's unchanged text means.
  [
    'FROM debian:12 AS base',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'RUN curl -fsSL https://x | bash',
    'RUN ["sh", "-c", "apt-get install curl && curl https://x | sh"]',
    'FROM base',
    'SHELL ["pwsh", "-Command"]',
    'RUN sudo apt-get install -y curl | tee log',
    'RUN apt-get update',
    'FROM alpine:3.23',
    'RUN ["apk", "add", "curl"]',
    'RUN pip install flask && npm install express',
    'ONBUILD RUN wget -qO- https://x | sh',
    'SHELL ["cmd", "/S", "/C"]',
    'RUN yum install httpd && zypper in -y vim',
    'RUN <<EOF',
    'apt-get dist-upgrade',
    'EOF',
    '',
  ].join('\n'),
];
const DOCKERFILE_POOL = DOCKERFILES.join('\n').split('\n');
const COMPOSE_EXAMPLE = read('examples/compose.yaml');
const COMPOSE_FILES = [
  COMPOSE_EXAMPLE,
  read('test/fixtures/e2e-compose/compose.yaml'),
  // Anchors and merge keys across top-level entries, an extends chain, several services to move around.
  [
    'x-defaults: &defaults',
    '  restart: unless-stopped',
    '  privileged: true',
    'x-limits: &limits',
    '  deploy:',
    '    resources: { limits: { memory: 512M } }',
    'services:',
    '  base:',
    '    <<: *defaults',
    '    image: nginx:1.27',
    '  web:',
    '    extends: base',
    '    <<: [*defaults, *limits]',
    '    ports: ["80:80"]',
    '  # the worker',
    '  worker:',
    '    image: python:latest',
    '    volumes:',
    '      - /var/run/docker.sock:/var/run/docker.sock',
    'volumes:',
    '  data: {}',
    '',
  ].join('\n'),
];
const COMPOSE_POOL = COMPOSE_FILES.join('\n').split('\n');

describe('incremental analysis gives exactly the findings of a full analysis', () => {
  // A seeded slice here; `npm run replay` runs many more (scripts/replay.ts).
  for (const seed of [1, 2, 3]) {
    it(`Dockerfiles, seed ${seed}: after every random edit`, () => {
      const result = replay({ kind: 'dockerfile', starts: DOCKERFILES, pool: DOCKERFILE_POOL, seed, steps: 90, config: CONFIG });
      assert.equal(result.edits, DOCKERFILES.length * 90);
      assert.ok(result.findings > result.edits, 'the edited files still have findings to compare');
      assert.deepEqual(result.differences.map(describeDifference), []);
    });
  }
  for (const seed of [1, 2]) {
    it(`compose files, seed ${seed}: after every random edit`, () => {
      const result = replay({ kind: 'compose', starts: COMPOSE_FILES, pool: COMPOSE_POOL, seed, steps: 90, config: CONFIG });
      assert.equal(result.edits, COMPOSE_FILES.length * 90);
      assert.ok(result.findings > result.edits, 'the edited files still have findings to compare');
      assert.deepEqual(result.differences.map(describeDifference), []);
    });
  }
});
