import rule from '../../../../server/src/engine/rules/dockerfile/root-user';
import { testRule } from '../../../support/rule-tester';

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
  ],
});
