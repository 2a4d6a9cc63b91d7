import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { resolveConfig } from '../../../../server/src/engine/config';
import { dockerfileRules } from '../../../../server/src/engine/rules/dockerfile';

const IDS = [
  'non-minimal-base-image',
  'unpinned-base-image',
  'base-image-not-pinned-by-digest',
  'untrusted-registry',
  'apt-install-recommends',
  'package-cache-kept',
  'sudo-in-run',
  'ssh-server',
  'missing-healthcheck',
];
const rules = dockerfileRules.filter((rule) => IDS.includes(rule.meta.id));
const config = resolveConfig({ profile: 'strict', trustedRegistries: ['gcr.io', 'registry.example.com/team'] });

/** Something of everything these rules read: ARG-built images, digests, heredocs, exec forms, ONBUILD, stage chains. */
const SAMPLE = `# syntax=docker/dockerfile:1
ARG BASE=node:20@sha256:beefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdead
ARG VERSION
FROM \${BASE} AS base
RUN --mount=type=cache,target=/var/cache/apt apt-get -o APT::Install-Recommends=false install -y curl \\
    openssh-server && sudo rm -rf /var/lib/apt/lists/*
FROM base AS build
RUN <<EOF
apk add --virtual .deps gcc
dnf install -y x && microdnf install y
EOF
RUN ["apt-get", "install", "-y", "dropbear"]
ONBUILD RUN sudo apt install -y x
FROM python:\${VERSION}-slim
FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine
FROM registry.access.redhat.com/ubi9/ubi:9.4-12
FROM build
EXPOSE 22/tcp 20-30 \${PORT}
HEALTHCHECK --interval=3s CMD ["curl", "-f", "http://localhost/"]
HEALTHCHECK NONE
USER node:node
CMD ["node", "index.js"]
ENTRYPOINT node index.js
`;

describe('base-image and package rules on half-typed and odd input', () => {
  it('never throw on any prefix, suffix or gap of a rich Dockerfile', () => {
    for (let i = 0; i <= SAMPLE.length; i++) {
      for (const text of [SAMPLE.slice(0, i), SAMPLE.slice(i), SAMPLE.slice(0, i) + SAMPLE.slice(i + 7)]) {
        assert.doesNotThrow(() => analyze(text, { kind: 'dockerfile', rules, config }), JSON.stringify(text.slice(-40)));
      }
    }
  });

  it('report on the sample what each rule is about', () => {
    const ids = new Set(analyze(SAMPLE, { kind: 'dockerfile', rules, config }).map((f) => f.ruleId));
    assert.deepEqual([...ids].sort(), [...IDS].sort());
  });

  // No timing assertion (speed lives in bench/): the test timeout only catches a hang, e.g. a backtracking regex.
  it('finish on a long RUN line and many RUNs', { timeout: 60_000 }, () => {
    const long = `FROM node:20\nRUN ${'apt-get install -y x && '.repeat(5000)}true\nRUN apk add ${'a'.repeat(100000)}\nFROM ${'x'.repeat(50000)}:${'y'.repeat(50000)}\n`;
    const many = `FROM debian:12\n${'RUN apt-get install -y x\n'.repeat(2000)}CMD ["x"]\n`;
    for (const text of [long, many]) {
      analyze(text, { kind: 'dockerfile', rules, config });
    }
  });
});
