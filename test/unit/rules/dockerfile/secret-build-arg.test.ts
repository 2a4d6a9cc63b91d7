import rule from '../../../../server/src/engine/rules/dockerfile/secret-build-arg';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: "a literal default is hardcoded-secret's", code: 'FROM node:22\nARG NPM_TOKEN=4f9c2e71b3a8d605\nRUN npm ci\n' },
    {
      name: 'names that describe a secret rather than hold it, public values, ids',
      code: 'FROM node:22\nARG NPM_TOKEN_FILE\nARG TOKEN_URL AWS_REGION AWS_ACCESS_KEY_ID\nARG NEXT_PUBLIC_API_KEY\nARG GPG_KEY\nRUN npm ci\n',
    },
    { name: 'a global ARG only used by FROM', code: 'ARG REGISTRY_TOKEN_IMAGE=node:22\nARG BASE_SECRET\nFROM node:22\nRUN npm ci\n' },
    { name: 'already a secret mount', code: 'FROM node:22\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n' },
  ],
  invalid: [
    {
      name: 'ARG read by a RUN of the final stage: suggestion mounts a secret and removes the ARG',
      code: 'FROM node:22-alpine\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
      findings: [
        {
          line: 2,
          column: 5,
          endColumn: 14,
          messageId: 'history',
          data: { name: 'NPM_TOKEN', what: 'a token', id: 'npm_token' },
          suggestions: [
            {
              title: /build secret mounted into the RUN that uses it/,
              output:
                'FROM node:22-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'global ARG redeclared in the stage, a reference as default, lower-case arg, heredoc and exec-form RUNs',
      code: 'ARG GITHUB_TOKEN\nFROM golang:1.23\narg GITHUB_TOKEN=${CI_TOKEN}\nRUN <<EOF\ngit config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf https://github.com/\nEOF\nRUN ["sh", "-c", "go mod download $GITHUB_TOKEN"]\n',
      findings: [
        {
          line: 3,
          column: 5,
          messageId: 'history',
          suggestions: [
            {
              title: /the 2 RUNs/,
              output:
                'ARG GITHUB_TOKEN\nFROM golang:1.23\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN <<EOF\ngit config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf https://github.com/\nEOF\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN ["sh", "-c", "go mod download $GITHUB_TOKEN"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'several properties: only the secret goes; a later RUN that does not read it keeps its history entry',
      code: 'FROM python:3.12-slim\nARG VERSION=1.0 PIP_PASSWORD\nRUN pip install --index-url "https://ci:${PIP_PASSWORD}@pypi.example.com/simple" app==${VERSION}\nRUN python -m compileall .\n',
      findings: [
        {
          line: 2,
          column: 17,
          messageId: 'history',
          data: { what: 'a password' },
          suggestions: [
            {
              output:
                'FROM python:3.12-slim\nARG VERSION=1.0\nRUN --mount=type=secret,id=pip_password,env=PIP_PASSWORD pip install --index-url "https://ci:${PIP_PASSWORD}@pypi.example.com/simple" app==${VERSION}\nRUN python -m compileall .\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'copied into ENV too: no suggestion (the ENV would lose it)',
      code: 'FROM node:22\nARG API_KEY\nENV API_KEY=${API_KEY}\nRUN node build.js\n',
      findings: [{ line: 2, column: 5, messageId: 'history', data: { what: 'an API key' } }],
      output: null,
    },
    {
      name: 'a builder stage: info, its history is not shipped',
      code: 'FROM golang:1.23 AS build\nARG GOPRIVATE_TOKEN\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n',
      findings: [{ line: 2, column: 5, messageId: 'buildOnly', data: { place: 'build stage (its history is not shipped)' } }],
      output: null,
    },
    {
      name: 'no RUN after it in the final stage: info',
      code: 'FROM nginx:1.27\nARG DEPLOY_SECRET\nCOPY site /usr/share/nginx/html\n',
      findings: [{ line: 2, column: 5, messageId: 'buildOnly', data: { place: 'stage' } }],
      output: null,
    },
  ],
});
