import rule from '../../../../server/src/engine/rules/dockerfile/credentials-in-url';
import { testRule } from '../../../support/rule-tester';

const token = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4';

testRule(rule, {
  valid: [
    { name: 'variables as user and password', code: 'FROM alpine:3.20\nRUN git clone https://${GIT_USER}:${GIT_TOKEN}@github.com/acme/app.git\n' },
    {
      name: 'password from a secret file',
      code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=pw curl -o x https://ci:$(cat /run/secrets/pw)@example.com/x\n',
    },
    {
      name: 'no password, an empty one, SSH',
      code: 'FROM alpine:3.20\nRUN git clone https://deploy@git.example.com/a.git && git clone https://deploy:@git.example.com/b.git && git clone git@github.com:acme/c.git\n',
    },
    {
      name: 'placeholders',
      code: 'FROM alpine:3.20\n# pip install --index-url https://<user>:<password>@pypi.example.com/simple\nENV INDEX=https://user:***@pypi.example.com/simple\n',
    },
    {
      name: "a token shape in the URL is hardcoded-secret's",
      code: 'FROM alpine:3.20\nRUN git clone https://ghp_0123456789abcdefghijABCDEFGHIJ012345@github.com/acme/app.git\n',
    },
    { name: 'a short user name alone', code: 'FROM alpine:3.20\nRUN git clone https://x-access-token@github.com/acme/app.git\n' },
    { name: 'an e-mail address', code: 'FROM alpine:3.20\nLABEL maintainer="ops@example.com" url="https://example.com/a@b"\n' },
    { name: 'half-typed', code: 'FROM alpine:3.20\nRUN curl https://u:' },
  ],
  invalid: [
    {
      name: 'git clone with a password: suggestion mounts a build secret and reads it in the URL',
      code: 'FROM alpine:3.20\nRUN git clone https://deploy:Sup3rS3cret@git.example.com/app.git /src\n',
      findings: [
        {
          line: 2,
          column: 30,
          endColumn: 41,
          messageId: 'history',
          data: { what: 'a password' },
          suggestions: [
            {
              title: /GIT_PASSWORD/,
              output:
                'FROM alpine:3.20\nRUN --mount=type=secret,id=git_password,env=GIT_PASSWORD git clone https://deploy:${GIT_PASSWORD}@git.example.com/app.git /src\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'git config insteadOf with a bare token, across a continuation with a comment, in double quotes',
      code: `FROM golang:1.23 AS build\nRUN apk add git && \\\n    # private modules\n    git config --global url."https://${token}@github.com/".insteadOf "https://github.com/"\n`,
      findings: [
        {
          line: 4,
          column: 38,
          endColumn: 38 + token.length,
          messageId: 'history',
          data: { what: 'a token' },
          suggestions: [
            {
              output: `FROM golang:1.23 AS build\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN apk add git && \\\n    # private modules\n    git config --global url."https://\${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"\n`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'x-oauth-basic puts the token in the user part; oauth2:<token>; ${USER} with a literal password',
      code: `FROM alpine:3.20\nRUN git clone https://${token}:x-oauth-basic@github.com/a.git && git clone https://oauth2:glsecret42@gitlab.com/b.git && curl -O https://\${CI_USER}:hunter2@files.example.com/c\n`,
      findings: [
        {
          line: 2,
          column: 23,
          endColumn: 23 + token.length,
          messageId: 'history',
          data: { what: 'a token' },
          suggestions: [
            {
              output: `FROM alpine:3.20\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN git clone https://\${GITHUB_TOKEN}:x-oauth-basic@github.com/a.git && git clone https://oauth2:glsecret42@gitlab.com/b.git && curl -O https://\${CI_USER}:hunter2@files.example.com/c\n`,
            },
          ],
        },
        {
          line: 2,
          column: 111,
          endColumn: 121,
          messageId: 'history',
          suggestions: [
            {
              output: `FROM alpine:3.20\nRUN --mount=type=secret,id=gitlab_password,env=GITLAB_PASSWORD git clone https://${token}:x-oauth-basic@github.com/a.git && git clone https://oauth2:\${GITLAB_PASSWORD}@gitlab.com/b.git && curl -O https://\${CI_USER}:hunter2@files.example.com/c\n`,
            },
          ],
        },
        {
          line: 2,
          column: 169,
          endColumn: 176,
          messageId: 'history',
          suggestions: [
            {
              output: `FROM alpine:3.20\nRUN --mount=type=secret,id=files_password,env=FILES_PASSWORD git clone https://${token}:x-oauth-basic@github.com/a.git && git clone https://oauth2:glsecret42@gitlab.com/b.git && curl -O https://\${CI_USER}:\${FILES_PASSWORD}@files.example.com/c\n`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'single quotes: no suggestion (the shell would not expand the variable)',
      code: "FROM python:3.12-slim\nRUN pip install --index-url 'https://ci:pa55word@pypi.example.com/simple' app\n",
      findings: [{ line: 2, column: 41, endColumn: 49, messageId: 'history' }],
      output: null,
    },
    {
      name: 'a heredoc that writes a config file, a heredoc script, exec form, lower-case run: no suggestion',
      code: 'FROM python:3.12-slim\nRUN cat <<EOF > /etc/pip.conf\n[global]\nindex-url = https://ci:pa55word@pypi.example.com/simple\nEOF\nRUN <<-EOT bash\n\tgit clone https://ci:pa55word@git.example.com/a.git\nEOT\nRUN ["git", "clone", "https://ci:pa55word@git.example.com/a.git"]\nrun ["sh", "-c", "curl https://ci:pa55word@example.com/x"]\n',
      findings: [
        { line: 4, column: 24, endColumn: 32, messageId: 'history' },
        { line: 7, column: 23, endColumn: 31, messageId: 'history' },
        { line: 9, column: 34, endColumn: 42, messageId: 'history' },
        { line: 10, column: 35, endColumn: 43, messageId: 'history' },
      ],
      output: null,
    },
    {
      name: 'ENV, LABEL and ONBUILD keep it in the configuration; ARG and ADD in the history; every stage',
      code: 'FROM node:22 AS build\nARG REGISTRY=https://npm:t0ps3cret@npm.example.com/\nADD https://dl:t0ps3cret@files.example.com/app.tgz /tmp/\nFROM node:22-slim\nENV DATABASE_URL=postgres://app:s3cret@db:5432/app\nLABEL source="https://bot:t0ps3cret@git.example.com/app"\nONBUILD RUN git clone https://ci:t0ps3cret@git.example.com/app.git\n',
      findings: [
        { line: 2, column: 26, endColumn: 35, messageId: 'history' },
        { line: 3, column: 16, endColumn: 25, messageId: 'history' },
        { line: 5, column: 33, endColumn: 39, messageId: 'config' },
        { line: 6, column: 27, endColumn: 36, messageId: 'config' },
        { line: 7, column: 34, endColumn: 43, messageId: 'config' },
      ],
      output: null,
    },
    {
      name: 'CRLF line endings',
      code: 'FROM alpine:3.20\r\nRUN wget https://u:pw0rd@example.com/f\r\n',
      findings: [
        {
          line: 2,
          column: 20,
          endColumn: 25,
          messageId: 'history',
          suggestions: [
            {
              output:
                'FROM alpine:3.20\r\nRUN --mount=type=secret,id=example_password,env=EXAMPLE_PASSWORD wget https://u:${EXAMPLE_PASSWORD}@example.com/f\r\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
