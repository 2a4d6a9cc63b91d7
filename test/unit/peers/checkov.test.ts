// Checkov's own cases (tests/dockerfile/checks/example_<Check>/*/Dockerfile in bridgecrewio/checkov) for the
// CKV_DOCKER checks our rules map; each case is the whole test file. Checkov names the failing resource
// (Dockerfile.ADD, Dockerfile.USER); the line is that instruction's, or the final stage's FROM for a check of the
// whole file (no USER, no HEALTHCHECK). The failure files of ReferenceLatestTag are not in the index read.
import { peerSuite, type PeerCase } from './peer-cases';

const cases: PeerCase[] = [
  // an ADD of a URL: add-remote-without-checksum reports it, add-instead-of-copy the local ones
  {
    peer: 'CKV_DOCKER_4 AddExists failure/Dockerfile',
    rule: ['add-instead-of-copy', 'add-remote-without-checksum'],
    code: ['FROM  base', '', 'LABEL foo="bar baz"', 'ADD http://example.com/package.zip /temp', 'USER  me', ''].join('\n'),
    fires: [4],
  },
  { peer: 'CKV_DOCKER_1 ExposePort22 failure/Dockerfile', rule: 'ssh-server', code: ['FROM busybox', '', 'EXPOSE 8080 22', ''].join('\n'), fires: [3] },
  { peer: 'CKV_DOCKER_1 ExposePort22 failure_tcp/Dockerfile', rule: 'ssh-server', code: ['FROM busybox', '', 'EXPOSE 22/tcp', ''].join('\n'), fires: [3] },
  { peer: 'CKV_DOCKER_1 ExposePort22 success/Dockerfile', rule: 'ssh-server', code: ['FROM busybox', '', 'EXPOSE 8080', ''].join('\n') },
  // no CMD or ENTRYPOINT, and base is no image known to run a service
  {
    peer: 'CKV_DOCKER_2 HealthcheckExists failure/Dockerfile',
    rule: 'missing-healthcheck',
    code: ['FROM base', '', 'LABEL foo="bar baz', 'USER  me', ''].join('\n'),
    fires: [1],
    deviation: { reason: 'a final stage that runs nothing' },
  },
  {
    peer: 'CKV_DOCKER_2 HealthcheckExists success/Dockerfile',
    rule: 'missing-healthcheck',
    code: ['FROM base', '', 'LABEL foo="bar baz', 'USER  me', '', 'HEALTHCHECK CMD curl --fail http://localhost:3000 || exit 1', ''].join('\n'),
  },
  { peer: 'CKV_DOCKER_7 ReferenceLatestTag success/Dockerfile', rule: 'unpinned-base-image', code: ['FROM alpine:3', ''].join('\n') },
  {
    peer: 'CKV_DOCKER_7 ReferenceLatestTag success_arg_default_tag/Dockerfile',
    rule: 'unpinned-base-image',
    code: ['ARG BASE_IMAGE=node:18.17.0', 'FROM ${BASE_IMAGE}'].join('\n'),
  },
  {
    peer: 'CKV_DOCKER_7 ReferenceLatestTag success_multi_stage_capital/Dockerfile',
    rule: 'unpinned-base-image',
    code: ['FROM alpine:3 AS base', 'COPY test.sh /test.sh', '', 'FROM base AS build', 'LABEL maintainer=checkov', '', 'FROM base', ''].join('\n'),
  },
  {
    peer: 'CKV_DOCKER_7 ReferenceLatestTag success_multi_stage_platform/Dockerfile',
    rule: 'unpinned-base-image',
    code: ['FROM --platform=$BUILDPLATFORM python:3.11-slim AS build', 'COPY test.sh /test.sh', '', 'FROM build as run', 'LABEL maintainer=checkov', ''].join(
      '\n',
    ),
  },
  {
    peer: 'CKV_DOCKER_7 ReferenceLatestTag success_multi_stage_scratch/Dockerfile',
    rule: 'unpinned-base-image',
    code: ['FROM scratch as base', 'COPY test.sh /test.sh', '', 'FROM base', 'LABEL maintainer=checkov', ''].join('\n'),
  },
  { peer: 'CKV_DOCKER_8 RootUser failure/Dockerfile', rule: 'root-user', code: ['FROM base', '', 'USER root', ''].join('\n'), fires: [3] },
  {
    peer: 'CKV_DOCKER_8 RootUser success/Dockerfile',
    rule: 'root-user',
    code: ['FROM base', '', 'USER root', 'COPY test.sh /test.sh', '', 'USER checkov', ''].join('\n'),
  },
  { peer: 'CKV_DOCKER_3 UserExists failure/Dockerfile', rule: 'root-user', code: ['FROM base', '', 'LABEL foo="bar baz', ''].join('\n'), fires: [1] },
  {
    peer: 'CKV_DOCKER_3 UserExists failure_no_gosu_cmd/Dockerfile',
    rule: 'root-user',
    code: ['FROM base', '', 'LABEL foo="bar baz"', 'CMD ["gosu"]', ''].join('\n'),
    fires: [1],
  },
  {
    peer: 'CKV_DOCKER_3 UserExists failure_no_gosu_entrypoint/Dockerfile',
    rule: 'root-user',
    code: ['FROM base', '', 'LABEL foo="bar baz"', 'ENTRYPOINT ["gosu"]', ''].join('\n'),
    fires: [1],
  },
  { peer: 'CKV_DOCKER_3 UserExists failure_no_user/Dockerfile', rule: 'root-user', code: ['FROM base', '', 'LABEL foo="bar baz"', ''].join('\n'), fires: [1] },
  {
    peer: 'CKV_DOCKER_3 UserExists success_gosu/Dockerfile',
    rule: 'root-user',
    code: ['FROM base', '', 'LABEL foo="bar baz"', 'ENTRYPOINT ["gosu", "me", "tini", "--", "/bin/sh"]', ''].join('\n'),
    deviation: {
      reason: 'an ENTRYPOINT (or entrypoint script) that drops to a user with gosu fires as information',
      fires: [1],
    },
  },
  { peer: 'CKV_DOCKER_3 UserExists success_user/Dockerfile', rule: 'root-user', code: ['FROM base', '', 'LABEL foo="bar baz"', 'USER  me', ''].join('\n') },
  {
    peer: 'CKV_DOCKER_5 UpdateNotAlone failure/Dockerfile',
    rule: 'package-index-update-alone',
    code: ['FROM base', '', 'RUN apk update', ''].join('\n'),
    fires: [3],
  },
  {
    peer: 'CKV_DOCKER_5 UpdateNotAlone failure/Dockerfile.simple',
    rule: 'package-index-update-alone',
    code: ['FROM base', '', 'RUN apk update'].join('\n'),
    fires: [3],
  },
  {
    peer: 'CKV_DOCKER_5 UpdateNotAlone success/Dockerfile',
    rule: 'package-index-update-alone',
    code: [
      'FROM base',
      '',
      'RUN apt-get update \\',
      ' && apt-get install -y --no-install-recommends foo \\',
      ' && echo gooo',
      '',
      'RUN apk update \\',
      ' && apk add --no-cache suuu looo',
      '',
      'RUN apk --update add moo',
      '',
    ].join('\n'),
  },
  {
    peer: 'CKV_DOCKER_1005 SecretsInEnvArg Dockerfile.fail',
    rule: ['hardcoded-secret', 'secret-build-arg', 'credentials-in-url', 'secret-on-command-line'],
    code: [
      'FROM ubuntu:20.04',
      '',
      '# Bad practice: secrets stored directly in ENV or ARG',
      'ENV API_KEY=abcd1234',
      'ENV DB_PASSWORD=mysecretpass',
      'ARG ACCESS_TOKEN=xyz789',
      'RUN echo "Using secret environment variables"',
      '',
      '',
    ].join('\n'),
    fires: [4, 5, 6],
  },
  {
    peer: 'CKV_DOCKER_1005 SecretsInEnvArg Dockerfile.privatekey.fail',
    rule: ['hardcoded-secret', 'secret-build-arg', 'credentials-in-url', 'secret-on-command-line'],
    code: ['FROM python:3.10-slim', 'ENV PRIVATE_KEY="-----BEGIN PRIVATE KEY-----abc123xyz"', ''].join('\n'),
    fires: [2],
  },
  {
    peer: 'CKV_DOCKER_1005 SecretsInEnvArg Dockerfile.pass',
    rule: ['hardcoded-secret', 'secret-build-arg', 'credentials-in-url', 'secret-on-command-line'],
    code: [
      'FROM ubuntu:20.04',
      '',
      '# Safe: no secrets or sensitive data in ENV/ARG',
      'ENV APP_ENV=production',
      'ENV LOG_LEVEL=info',
      'ARG BUILD_VERSION=1.0.0',
      'RUN echo "Building image safely without secrets"',
      '',
    ].join('\n'),
  },
];

peerSuite('Checkov', 'dockerfile', cases);
