import rule from '../../../../server/src/engine/rules/dockerfile/root-user';
import { testRule } from '../../../support/rule-tester';

// Entrypoint scripts in the style of the official images (docker-library/postgres, redis, mongo, rabbitmq): the drop
// is conditional on running as root and re-execs the script itself as the service user.
const POSTGRES_ENTRYPOINT = `#!/usr/bin/env bash
set -Eeo pipefail
# usage: file_env VAR [DEFAULT]
docker_create_db_directories() {
	local user; user="$(id -u)"
	mkdir -p "$PGDATA"
	if [ "$user" = '0' ]; then
		find "$PGDATA" \\! -user postgres -exec chown postgres '{}' +
	fi
}
_main() {
	if [ "\${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi
	if [ "$1" = 'postgres' ] && ! _pg_want_help "$@"; then
		docker_setup_env
		docker_create_db_directories
		if [ "$(id -u)" = '0' ]; then
			# then restart script as postgres user
			exec gosu postgres "$BASH_SOURCE" "$@"
		fi
	fi
	exec "$@"
}
_main "$@"
`;
const REDIS_ALPINE_ENTRYPOINT = `#!/bin/sh
set -e
if [ "$1" = 'redis-server' -a "$(id -u)" = '0' ]; then
	find . \\! -user redis -exec chown redis '{}' +
	exec su-exec redis "$0" "$@"
fi
exec "$@"
`;
const CONDITIONAL_NO_CHOWN = '#!/bin/sh\nset -e\nif [ "$(id -u)" = 0 ]; then\n  exec setpriv --reuid=app --regid=app --init-groups "$0" "$@"\nfi\nexec "$@"\n';
const UNCONDITIONAL = '#!/bin/sh\nset -e\nchown -R app:app /data\nexec gosu app "$@"\n';
const NEVER_DROPS = '#!/bin/sh\nset -e\necho "starting"\nexec "$@"\n';
const DROPS_TO_ROOT = '#!/bin/sh\nexec gosu root "$@"\n';
const SU_KEEPS_ROOT = '#!/bin/sh\nexec su app -c "$*"\n';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nUSER app\nCMD ["sh"]\n' },
    { code: 'FROM debian:12\nUSER 1000:1000\n' },
    { name: 'builder stages may run as root', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM gcr.io/distroless/static-debian12\nUSER nonroot\n' },
    { name: 'user inherited from an earlier stage', code: 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node"]\n' },
    { name: 'nginx-unprivileged runs as nginx (uid 101) by default', code: 'FROM nginxinc/nginx-unprivileged:1.27-alpine\nCOPY site /usr/share/nginx/html\n' },
    { name: 'distroless nonroot tag', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { name: "user from a build-time variable is the author's choice", code: 'ARG APP_USER\nFROM alpine:3.20\nARG APP_USER\nUSER ${APP_USER}\n' },
    { name: 'root for setup, then back to a user', code: 'FROM node:20\nUSER root\nRUN apt-get update\nUSER node\n' },
    { name: 'empty file', code: '' },
    { name: 'half-typed FROM', code: 'FROM ' },
    { name: 'no FROM at all', code: 'RUN echo hi\n' },
  ],
  invalid: [
    {
      name: 'last line ends with a continuation: the suggestion drops the dangling `\\` instead of appending USER into the RUN (issue 12)',
      code: 'FROM node:20\nRUN npm ci \\',
      findings: [{ line: 1, messageId: 'noUser', suggestions: [{ output: 'FROM node:20\nRUN npm ci \nUSER node\n' }] }],
      output: null,
    },
    {
      name: 'a final `FROM x\\`, with a line break after it and a comment inside the continuation',
      code: 'FROM alpine:3.20 \\\n# still the FROM\n',
      findings: [
        {
          line: 1,
          messageId: 'noUser',
          suggestions: [{ output: 'FROM alpine:3.20 \n# still the FROM\nRUN addgroup -S app && adduser -S -G app app\nUSER app\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'the escape directive decides what continues: a backquote',
      code: '# escape=`\nFROM node:20\nRUN npm ci `\r\n',
      findings: [{ line: 2, messageId: 'noUser', suggestions: [{ output: '# escape=`\nFROM node:20\nRUN npm ci \r\nUSER node\n' }] }],
      output: null,
    },
    {
      name: 'a heredoc never closed: the USER lines would be more of its body, so no suggestion',
      code: 'FROM node:20\nRUN <<EOF\nnpm ci\n',
      findings: [{ line: 1, messageId: 'noUser' }],
      output: null,
    },
    {
      name: 'heredocs declared on the last line, bodies not started: no suggestion',
      code: 'FROM node:20\nRUN cat > /x <<E1 && sh <<E2',
      findings: [{ line: 1, messageId: 'noUser' }],
      output: null,
    },
    {
      name: 'two escape characters ending the last line still continue it: no suggestion',
      code: 'FROM node:20\nRUN echo a\\\\\r\n',
      findings: [{ line: 1, messageId: 'noUser' }],
      output: null,
    },
    {
      name: 'a closed heredoc at the end takes the USER after it',
      code: 'FROM node:20\nRUN <<EOF\nnpm ci\nEOF',
      findings: [{ line: 1, messageId: 'noUser', suggestions: [{ output: 'FROM node:20\nRUN <<EOF\nnpm ci\nEOF\nUSER node\n' }] }],
      output: null,
    },
    {
      name: 'no USER on an Alpine image: BusyBox adduser before CMD',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["sh"]\n',
      findings: [
        {
          line: 1,
          column: 1,
          endColumn: 17,
          messageId: 'noUser',
          suggestions: [{ output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["sh"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'the seed example: python:3.5 with groupadd and no USER switch',
      code: 'FROM python:3.5\nRUN groupadd -r myuser && useradd -r -g myuser myuser\nCMD ["python"]\n',
      findings: [
        {
          line: 1,
          messageId: 'noUser',
          suggestions: [{ output: 'FROM python:3.5\nRUN groupadd -r myuser && useradd -r -g myuser myuser\nUSER myuser\nCMD ["python"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'Debian family, comment above CMD stays with it',
      code: 'FROM debian:bookworm-slim\nCOPY app /app\n# start\nENTRYPOINT ["/app"]\n',
      findings: [
        {
          line: 1,
          messageId: 'noUser',
          suggestions: [
            { output: 'FROM debian:bookworm-slim\nCOPY app /app\nRUN groupadd -r app && useradd -r -g app app\nUSER app\n# start\nENTRYPOINT ["/app"]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'explicit USER root',
      code: 'FROM node:20-alpine\nUSER root\nCMD ["node", "index.js"]',
      findings: [
        {
          line: 2,
          column: 6,
          endColumn: 10,
          messageId: 'userRoot',
          suggestions: [{ output: 'FROM node:20-alpine\nUSER root\nUSER node\nCMD ["node", "index.js"]' }],
        },
      ],
      output: null,
    },
    {
      name: 'USER 0:0',
      code: 'FROM registry.access.redhat.com/ubi9/ubi:9.4\nUSER 0:0\n',
      findings: [
        {
          line: 2,
          messageId: 'userRoot',
          suggestions: [{ output: 'FROM registry.access.redhat.com/ubi9/ubi:9.4\nUSER 0:0\nRUN groupadd -r app && useradd -r -g app app\nUSER app\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'scratch gets a numeric user, appended without a trailing newline',
      code: 'FROM golang:1.22 AS build\nUSER nobody\nFROM scratch\nCOPY --from=build /app /app',
      findings: [
        {
          line: 3,
          messageId: 'noUser',
          suggestions: [{ output: 'FROM golang:1.22 AS build\nUSER nobody\nFROM scratch\nCOPY --from=build /app /app\nUSER 10001:10001\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'distroless without the nonroot tag',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /\nCMD ["/app"]\n',
      findings: [
        { line: 1, messageId: 'noUser', suggestions: [{ output: 'FROM gcr.io/distroless/static-debian12\nCOPY app /\nUSER nonroot\nCMD ["/app"]\n' }] },
      ],
      output: null,
    },
    {
      name: 'root inherited from an earlier stage',
      code: 'FROM ubuntu:24.04 AS base\nUSER root\nFROM base\nCMD ["bash"]\n',
      findings: [
        {
          line: 2,
          messageId: 'userRootInherited',
          suggestions: [{ output: 'FROM ubuntu:24.04 AS base\nUSER root\nFROM base\nRUN groupadd -r app && useradd -r -g app app\nUSER app\nCMD ["bash"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'image from an unresolved ARG: numeric user',
      code: 'ARG BASE\nFROM ${BASE}\nCMD ["x"]\n',
      findings: [{ line: 2, messageId: 'noUser', suggestions: [{ output: 'ARG BASE\nFROM ${BASE}\nUSER 10001:10001\nCMD ["x"]\n' }] }],
      output: null,
    },
    {
      name: 'image from a resolved ARG default picks its family',
      code: 'ARG BASE=python:3.12-alpine\nFROM ${BASE}\nCMD ["python"]\n',
      findings: [
        {
          line: 2,
          messageId: 'noUser',
          suggestions: [{ output: 'ARG BASE=python:3.12-alpine\nFROM ${BASE}\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["python"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a RUN after CMD: the user goes last so the RUN keeps root',
      code: 'FROM alpine:3.20\nCMD ["sh"]\nRUN apk add curl\n',
      findings: [
        {
          line: 1,
          messageId: 'noUser',
          suggestions: [{ output: 'FROM alpine:3.20\nCMD ["sh"]\nRUN apk add curl\nRUN addgroup -S app && adduser -S -G app app\nUSER app\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'CRLF line endings are kept',
      code: 'FROM alpine:3.20\r\nCMD ["sh"]\r\n',
      findings: [
        {
          line: 1,
          messageId: 'noUser',
          suggestions: [{ output: 'FROM alpine:3.20\r\nRUN addgroup -S app && adduser -S -G app app\r\nUSER app\r\nCMD ["sh"]\r\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'official-image style: COPY docker-entrypoint.sh /usr/local/bin/ on PATH, the drop conditional on id -u, chown first',
      code: 'FROM debian:bookworm-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n',
      files: { 'docker-entrypoint.sh': POSTGRES_ENTRYPOINT },
      findings: [
        {
          line: 1,
          messageId: 'scriptDrops',
          severity: 'info',
          data: { script: 'docker-entrypoint.sh', user: 'postgres', tool: 'gosu' },
          suggestions: [
            {
              title: /USER postgres\): docker-entrypoint\.sh then skips chown, so volumes must already belong to that user$/,
              output:
                'FROM debian:bookworm-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nUSER postgres\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the same script, with the severity configured: one step below it',
      code: 'FROM debian:bookworm-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
      files: { 'docker-entrypoint.sh': POSTGRES_ENTRYPOINT },
      config: { rules: { 'root-user': 'error' } },
      findings: [
        {
          line: 1,
          messageId: 'scriptDrops',
          severity: 'warning',
          suggestions: [
            { output: 'FROM debian:bookworm-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nUSER postgres\nENTRYPOINT ["docker-entrypoint.sh"]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'Alpine redis style: su-exec, shell-form ENTRYPOINT with an absolute path, copied under another name',
      code: 'FROM alpine:3.20\nCOPY scripts/entry.sh /usr/local/bin/docker-entrypoint.sh\nENTRYPOINT /usr/local/bin/docker-entrypoint.sh redis-server\n',
      files: { 'scripts/entry.sh': REDIS_ALPINE_ENTRYPOINT },
      findings: [
        {
          line: 1,
          messageId: 'scriptDrops',
          severity: 'info',
          data: { script: 'scripts/entry.sh', user: 'redis', tool: 'su-exec' },
          suggestions: [
            {
              title: /skips chown/,
              output:
                'FROM alpine:3.20\nCOPY scripts/entry.sh /usr/local/bin/docker-entrypoint.sh\nUSER redis\nENTRYPOINT /usr/local/bin/docker-entrypoint.sh redis-server\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a conditional setpriv drop with nothing root-only before it: the USER suggestion stays the preferred one',
      code: 'FROM debian:12\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./bin/start.sh"]\n',
      files: { 'bin/start.sh': CONDITIONAL_NO_CHOWN },
      findings: [
        {
          line: 1,
          messageId: 'scriptDrops',
          severity: 'info',
          data: { script: 'bin/start.sh', user: 'app', tool: 'setpriv' },
          suggestions: [
            { title: /^Run as a non-root user \(USER app\)$/, output: 'FROM debian:12\nWORKDIR /app\nCOPY . .\nUSER app\nENTRYPOINT ["./bin/start.sh"]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an unconditional drop: the USER suggestion says the gosu call must go too',
      code: 'FROM debian:12\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/usr/bin/tini", "--", "/entrypoint.sh"]\n',
      files: { 'entrypoint.sh': UNCONDITIONAL },
      findings: [
        {
          line: 1,
          messageId: 'scriptDrops',
          severity: 'info',
          data: { script: 'entrypoint.sh', user: 'app', tool: 'gosu' },
          suggestions: [
            {
              title: /USER app\): then remove gosu from entrypoint\.sh, which fails without root$/,
              output: 'FROM debian:12\nCOPY entrypoint.sh /entrypoint.sh\nUSER app\nENTRYPOINT ["/usr/bin/tini", "--", "/entrypoint.sh"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'CMD runs the script when there is no ENTRYPOINT, through bash; USER root stays the range',
      code: 'FROM ubuntu:24.04\nUSER root\nCOPY --chmod=755 run.sh /srv/\nWORKDIR /srv\nCMD ["bash", "-e", "run.sh"]\n',
      files: { 'run.sh': UNCONDITIONAL },
      findings: [
        {
          line: 2,
          column: 6,
          messageId: 'scriptDrops',
          severity: 'info',
          data: { script: 'run.sh' },
          suggestions: [{ output: 'FROM ubuntu:24.04\nUSER root\nCOPY --chmod=755 run.sh /srv/\nWORKDIR /srv\nUSER app\nCMD ["bash", "-e", "run.sh"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a heredoc COPY: the script is read from the Dockerfile itself',
      code: 'FROM alpine:3.20\nCOPY --chmod=755 <<"EOF" /entrypoint.sh\n#!/bin/sh\nif [ "$(id -u)" = 0 ]; then exec su-exec nobody "$0" "$@"; fi\nexec "$@"\nEOF\nENTRYPOINT ["/entrypoint.sh"]\n',
      findings: [
        {
          line: 1,
          messageId: 'scriptDrops',
          severity: 'info',
          data: { script: '/entrypoint.sh', user: 'nobody', tool: 'su-exec' },
          suggestions: [
            {
              output:
                'FROM alpine:3.20\nCOPY --chmod=755 <<"EOF" /entrypoint.sh\n#!/bin/sh\nif [ "$(id -u)" = 0 ]; then exec su-exec nobody "$0" "$@"; fi\nexec "$@"\nEOF\nUSER nobody\nENTRYPOINT ["/entrypoint.sh"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the final stage builds on a stage that copies the script; ENTRYPOINT inherited',
      code: 'FROM debian:12 AS base\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nFROM base\nRUN echo hi\n',
      files: { 'docker-entrypoint.sh': POSTGRES_ENTRYPOINT },
      findings: [
        {
          line: 4,
          messageId: 'scriptDrops',
          severity: 'info',
          suggestions: [
            {
              output:
                'FROM debian:12 AS base\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nFROM base\nRUN echo hi\nUSER postgres\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the ENTRYPOINT drops itself (exec form): USER replaces gosu',
      code: 'FROM node:20\nCOPY . /app\nENTRYPOINT ["gosu", "node", "node", "/app/server.js"]\n',
      findings: [
        {
          line: 1,
          messageId: 'entrypointDrops',
          severity: 'info',
          data: { user: 'node', tool: 'gosu' },
          suggestions: [
            { title: /^Run as node with USER node instead of gosu$/, output: 'FROM node:20\nCOPY . /app\nUSER node\nENTRYPOINT ["node", "/app/server.js"]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the ENTRYPOINT drops itself behind tini, in shell form, with su-exec user:group',
      code: 'FROM alpine:3.20\nENTRYPOINT exec tini -- su-exec app:app /usr/bin/app --serve\n',
      findings: [
        {
          line: 1,
          messageId: 'entrypointDrops',
          data: { user: 'app:app', tool: 'su-exec' },
          suggestions: [{ output: 'FROM alpine:3.20\nUSER app:app\nENTRYPOINT exec tini -- /usr/bin/app --serve\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a drop to a user from a variable: no USER can name it, so the generic user and a warning in the title',
      code: 'FROM debian:12\nENTRYPOINT ["sh", "-c", "exec gosu \\"$APP_USER\\" /app"]\n',
      findings: [
        {
          line: 1,
          messageId: 'entrypointDrops',
          data: { user: '$APP_USER', tool: 'gosu' },
          suggestions: [
            {
              title: /then remove gosu from the start command, which fails without root$/,
              output: 'FROM debian:12\nRUN groupadd -r app && useradd -r -g app app\nUSER app\nENTRYPOINT ["sh", "-c", "exec gosu \\"$APP_USER\\" /app"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a script that never drops: the usual finding',
      code: 'FROM debian:12\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
      files: { 'docker-entrypoint.sh': NEVER_DROPS },
      findings: [
        {
          line: 1,
          messageId: 'noUser',
          severity: 'warning',
          suggestions: [
            {
              output:
                'FROM debian:12\nCOPY docker-entrypoint.sh /usr/local/bin/\nRUN groupadd -r app && useradd -r -g app app\nUSER app\nENTRYPOINT ["docker-entrypoint.sh"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'gosu root, and su (which stays behind as a root parent), are no drops',
      code: 'FROM debian:12\nCOPY a.sh b.sh /opt/\nENTRYPOINT ["/opt/a.sh"]\nFROM debian:12\nCOPY b.sh /b.sh\nENTRYPOINT ["/b.sh"]\n',
      files: { 'a.sh': DROPS_TO_ROOT, 'b.sh': SU_KEEPS_ROOT },
      findings: [
        {
          line: 4,
          messageId: 'noUser',
          severity: 'warning',
          suggestions: [
            {
              output:
                'FROM debian:12\nCOPY a.sh b.sh /opt/\nENTRYPOINT ["/opt/a.sh"]\nFROM debian:12\nCOPY b.sh /b.sh\nRUN groupadd -r app && useradd -r -g app app\nUSER app\nENTRYPOINT ["/b.sh"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the script comes from another stage (COPY --from): not read, the usual finding',
      code: 'FROM debian:12 AS build\nCOPY docker-entrypoint.sh /out/\nFROM debian:12\nCOPY --from=build /out/docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
      files: { 'docker-entrypoint.sh': POSTGRES_ENTRYPOINT, 'out/docker-entrypoint.sh': POSTGRES_ENTRYPOINT },
      findings: [
        {
          line: 3,
          messageId: 'noUser',
          suggestions: [
            {
              output:
                'FROM debian:12 AS build\nCOPY docker-entrypoint.sh /out/\nFROM debian:12\nCOPY --from=build /out/docker-entrypoint.sh /usr/local/bin/\nRUN groupadd -r app && useradd -r -g app app\nUSER app\nENTRYPOINT ["docker-entrypoint.sh"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the script is missing from the context: the usual finding',
      code: 'FROM debian:12\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
      files: {},
      findings: [
        {
          line: 1,
          messageId: 'noUser',
          suggestions: [
            {
              output:
                'FROM debian:12\nCOPY docker-entrypoint.sh /usr/local/bin/\nRUN groupadd -r app && useradd -r -g app app\nUSER app\nENTRYPOINT ["docker-entrypoint.sh"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a script copied into a directory not on PATH is not what a bare name runs',
      code: 'FROM debian:12\nCOPY docker-entrypoint.sh /opt/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
      files: { 'docker-entrypoint.sh': POSTGRES_ENTRYPOINT },
      findings: [
        {
          line: 1,
          messageId: 'noUser',
          suggestions: [
            {
              output:
                'FROM debian:12\nCOPY docker-entrypoint.sh /opt/\nRUN groupadd -r app && useradd -r -g app app\nUSER app\nENTRYPOINT ["docker-entrypoint.sh"]\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
