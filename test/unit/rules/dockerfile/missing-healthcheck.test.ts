import rule from '../../../../server/src/engine/rules/dockerfile/missing-healthcheck';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'hadolint DL3057: HEALTHCHECK inherited from a scratch stage through FROM base',
      code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\nCMD ["/bin/app"]\n',
    },
    {
      name: 'inherited through two stages, with an exec-form HEALTHCHECK',
      code: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD ["/bin/check"]\nFROM base AS mid\nRUN true\nFROM mid\nENTRYPOINT ["/bin/app"]\n',
    },
    { code: 'FROM node:20-alpine\nHEALTHCHECK --interval=30s CMD wget -qO- http://127.0.0.1:3000/health || exit 1\nCMD ["node", "index.js"]\n' },
    { name: 'exec-form healthcheck', code: 'FROM alpine:3.20\nHEALTHCHECK CMD ["/app", "--health"]\nENTRYPOINT ["/app"]\n' },
    {
      name: 'healthcheck inherited from a stage the final one builds on',
      code: 'FROM nginx:1.27 AS web\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nFROM web\nCOPY site /usr/share/nginx/html\n',
    },
    {
      name: 'a builder-only file runs nothing',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM scratch AS export\nCOPY --from=build /out/app /\n',
    },
    { name: 'a base image without a command', code: 'FROM debian:12-slim\nRUN apt-get update\n' },
    { name: 'builder stages need no healthcheck', code: 'FROM node:20 AS build\nCMD ["npm", "test"]\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'a half-typed HEALTHCHECK is not reported', code: 'FROM node:20\nHEALTHCHECK \nCMD ["node"]\n' },
    {
      name: 'an interactive shell or REPL runs no service to probe (issue 12)',
      code: 'FROM php:8.3-cli\nCMD ["php", "-a"]\n',
    },
    {
      name: 'python3, irb, bash, node without a script',
      code: 'FROM python:3.12\nCMD ["python3"]\nFROM ruby:3.3\nCMD irb\nFROM debian:12\nCMD ["/bin/bash", "-l"]\nFROM node:22\nCMD ["node"]\n',
    },
    {
      name: 'through an entrypoint wrapper, tini or sh -c',
      code: 'FROM php:8.3-cli\nENTRYPOINT ["docker-php-entrypoint"]\nCMD ["php", "-a"]\nFROM alpine:3.20\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["sh", "-c", "exec python3 -q"]\n',
    },
    { name: 'half-typed FROM', code: 'FROM ' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    {
      name: 'the interpreters run a program: a service',
      code: 'FROM python:3.12\nCMD ["python3", "-m", "http.server"]\n',
      findings: [{ line: 1, messageId: 'noHealthcheck' }],
      output: null,
    },
    {
      name: 'a shell running a script, node running a file, php serving',
      code: 'FROM node:22\nENTRYPOINT ["tini", "--"]\nCMD ["sh", "-c", "node server.js"]\n',
      findings: [{ line: 1, messageId: 'noHealthcheck' }],
      output: null,
    },
    {
      name: 'CMD without HEALTHCHECK: reported on the final FROM',
      code: 'FROM node:20-alpine AS build\nRUN npm ci\nFROM node:20-alpine\nCOPY --from=build /app /app\nCMD ["node", "/app/index.js"]\n',
      findings: [{ line: 3, column: 1, endColumn: 20, messageId: 'noHealthcheck' }],
      output: null,
    },
    {
      name: 'ENTRYPOINT only',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      findings: [{ line: 1, messageId: 'noHealthcheck' }],
      output: null,
    },
    {
      name: 'CMD inherited from a stage the final one builds on',
      code: 'FROM python:3.12-slim AS base\nCMD ["python", "app.py"]\nFROM base\nCOPY . /app\n',
      findings: [{ line: 3, messageId: 'noHealthcheck' }],
      output: null,
    },
    {
      name: 'a service image runs its server by convention',
      code: 'FROM nginx:1.27-alpine\nCOPY site /usr/share/nginx/html\n',
      findings: [{ line: 1, messageId: 'noHealthcheck' }],
      output: null,
    },
    {
      name: 'a service image through a stage',
      code: 'FROM postgres:16 AS db\nFROM db\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
      findings: [{ line: 2, messageId: 'noHealthcheck' }],
      output: null,
    },
    {
      name: 'HEALTHCHECK NONE: reported on NONE',
      code: 'FROM node:20-alpine\nHEALTHCHECK NONE\nCMD ["node", "index.js"]\n',
      findings: [{ line: 2, column: 13, endColumn: 17, messageId: 'healthcheckNone' }],
      output: null,
    },
    {
      name: 'NONE after a healthcheck of the base stage switches it off',
      code: 'FROM node:20-alpine AS base\nHEALTHCHECK CMD wget -q http://localhost || exit 1\nFROM base\nHEALTHCHECK none\nCMD ["node"]\n',
      findings: [{ line: 4, column: 13, messageId: 'healthcheckNone' }],
      output: null,
    },
    {
      name: 'a healthcheck in a builder stage does not count',
      code: 'FROM node:20 AS build\nHEALTHCHECK CMD true\nFROM node:20-alpine\nCMD ["node", "server.js"]\n',
      findings: [{ line: 3, messageId: 'noHealthcheck' }],
      output: null,
    },
    {
      name: 'hadolint DL3057: a HEALTHCHECK in a stage the final one does not build on does not count',
      code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\nCOPY --from=base /bin/app /bin/app\nCMD ["/bin/app"]\n',
      findings: [{ line: 3, messageId: 'noHealthcheck' }],
      output: null,
    },
  ],
});
