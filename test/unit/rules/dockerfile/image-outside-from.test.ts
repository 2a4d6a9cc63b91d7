import rule from '../../../../server/src/engine/rules/dockerfile/image-outside-from';
import { testRule } from '../../../support/rule-tester';

const DIGEST = 'sha256:' + 'c'.repeat(64);

testRule(rule, {
  valid: [
    { name: 'a stage defined earlier', code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM debian:12\nCOPY --from=build /app /app\n' },
    { name: 'a stage index', code: 'FROM golang:1.22\nRUN true\nFROM debian:12\nCOPY --from=0 /app /app\n' },
    { name: 'a pinned image', code: 'FROM debian:12\nCOPY --from=nginx:1.27.0 /etc/nginx /etc/nginx\n' },
    { name: 'a digest wins', code: `FROM debian:12\nCOPY --from=nginx:latest@${DIGEST} /etc/nginx /etc/nginx\n` },
    {
      name: 'mount from an earlier stage',
      code: 'FROM alpine:3.20 AS tools\nRUN true\nFROM debian:12\nRUN --mount=type=bind,from=tools,source=/bin,target=/tools /tools/x\n',
    },
    { name: 'a variable without a default', code: 'ARG TOOLS\nFROM debian:12\nCOPY --from=${TOOLS} /x /x\n' },
    { name: "ONBUILD names the downstream build's stages", code: 'FROM debian:12\nONBUILD COPY --from=build /app /app\n' },
    {
      name: 'trusted registry',
      code: 'FROM debian:12\nCOPY --from=registry.example.com/tools:1.2 /x /x\n',
      config: { trustedRegistries: ['registry.example.com'] },
    },
  ],
  invalid: [
    {
      name: 'COPY --from=nginx:latest (the issue example), on the image',
      code: 'FROM debian:12\nCOPY --from=nginx:latest /etc/nginx /etc/nginx\n',
      findings: [{ line: 2, column: 13, endColumn: 25, messageId: 'movingTag', data: { image: 'nginx:latest', via: 'COPY --from', tag: 'latest' } }],
    },
    {
      name: 'the moving tags of FROM (knowledge/moving-tags): with a variant, a branch; a snapshot names a release',
      code: 'FROM debian:12\nCOPY --from=node:lts-alpine /usr/local/bin/node /node\nCOPY --from=ghcr.io/acme/tools:main /x /x\nCOPY --from=ghcr.io/acme/tools:main-3f9a2c1 /y /y\n',
      findings: [
        { line: 2, column: 13, messageId: 'movingTag', data: { image: 'node:lts-alpine', tag: 'lts-alpine' } },
        { line: 3, column: 13, messageId: 'movingTag', data: { tag: 'main' } },
      ],
    },
    {
      name: 'no tag; a stage defined later is an image (DL3022)',
      code: 'FROM debian:12\nCOPY --from=builder /app /app\nFROM golang:1.22 AS builder\nRUN true\n',
      findings: [{ line: 2, column: 13, messageId: 'noTag', data: { image: 'builder' } }],
    },
    {
      name: 'RUN --mount from an image, lower-case, through an ARG default, ONBUILD with a tag',
      code: 'ARG TOOLS=ghcr.io/acme/tools:stable\nFROM debian:12\nrun --mount=type=bind,from=ghcr.io/x/tools,source=/bin,target=/t /t/x\nCOPY --from=${TOOLS} /x /x\nONBUILD COPY --from=busybox:latest /bin/sh /sh\n',
      findings: [
        { line: 3, column: 28, messageId: 'noTag', data: { via: 'RUN --mount' } },
        { line: 4, column: 13, messageId: 'movingTag', data: { image: 'ghcr.io/acme/tools:stable' } },
        { line: 5, column: 21, messageId: 'movingTag' },
      ],
    },
    {
      name: 'untrusted registry when trustedRegistries is set',
      code: 'FROM registry.example.com/debian:12\nCOPY --from=docker.io/library/nginx:1.27 /etc/nginx /etc/nginx\n',
      config: { trustedRegistries: ['registry.example.com'] },
      findings: [{ line: 2, column: 13, messageId: 'untrusted', data: { registry: 'docker.io' } }],
    },
  ],
});
