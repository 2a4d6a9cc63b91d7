import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { composeRules } from '../../../server/src/engine/rules';

/** The volume, port, secret, image and user rules on input as it is while being typed, and on hostile input. */
const IDS = [
  'writable-bind-mount',
  'sensitive-host-mount',
  'docker-socket-mount',
  'port-on-all-interfaces',
  'insecure-docker-daemon',
  'plaintext-secret',
  'unpinned-image',
  'service-runs-as-root',
];
const rules = composeRules.filter((r) => IDS.includes(r.meta.id));
const config = resolveConfig({ profile: 'strict' });
const readFile = () => 'FROM debian:12\nUSER root\n';
const run = (text: string) => analyze(text, { kind: 'compose', rules, config, uri: '/p/compose.yaml', readFile });

const SAMPLE = `x-base: &base
  user: root
  environment: &env
    DB_PASSWORD: "hunter2hunter2"
services:
  web:
    <<: *base
    image: nginx
    ports: ["8080:80", {target: 443, host_ip: "::"}, "[::]:9229:9229/udp"]
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - type: bind
        source: \${HOME}/.ssh
        target: /root/.ssh
      - './data:/data:rw,z'
    command: ["dockerd", "-H", "tcp://0.0.0.0:2375"]
  api:
    build:
      context: ./api
      dockerfile: Dockerfile
      target: build
      args:
        - NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789
    environment:
      - DOCKER_HOST=tcp://x:2375
    secrets: [a]
secrets:
  a:
    file: ./a.txt
`;

describe('compose rules on half-typed and hostile input', () => {
  it('never throw on any prefix of a file being typed', () => {
    for (let i = 0; i <= SAMPLE.length; i++) run(SAMPLE.slice(0, i));
  });

  it('find every problem in the complete sample', () => {
    const ids = new Set(run(SAMPLE).map((f) => f.ruleId));
    assert.deepEqual([...ids].sort(), [...IDS].sort());
  });

  // No timing assertion (speed lives in bench/): the test timeout only catches a hang, e.g. a backtracking regex.
  it('finish on long lines and many services', { timeout: 60_000 }, () => {
    const long = `services:\n  a:\n    ports:\n      - "${':'.repeat(50_000)}80"\n    volumes:\n      - "${'/..'.repeat(20_000)}/etc:/x"\n    command: "${'-H '.repeat(20_000)}"\n    image: "${'a'.repeat(50_000)}"\n`;
    run(long);
    const many =
      'services:\n' +
      Array.from(
        { length: 2000 },
        (_, i) =>
          `  s${i}:\n    image: app:${i}\n    ports:\n      - "127.0.0.1:${3000 + i}:80"\n    volumes:\n      - ./d${i}:/d:ro\n    environment:\n      LEVEL: info\n`,
      ).join('');
    assert.deepEqual(run(many), []);
  });
});
