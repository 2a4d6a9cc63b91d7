import rule from '../../../../server/src/engine/rules/dockerfile/hardcoded-secret';
import { testRule } from '../../../support/rule-tester';

const GITHUB_TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`;

testRule(rule, {
  valid: [
    {
      name: 'a build argument of a builder stage, and a non-secret one copied to ENV',
      code: 'FROM node:22 AS build\nARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN}\nRUN npm ci\nFROM node:22-alpine\nARG APP_VERSION\nENV APP_VERSION=${APP_VERSION}\nCOPY --from=build /app /app\n',
    },
    { name: 'a global ARG not declared in the stage is empty there', code: 'ARG DB_PASSWORD\nFROM postgres:16\nENV DB_PASSWORD=${DB_PASSWORD}\n' },
    { name: 'secret files by convention', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password PASSWORD_PATH=/etc/app/pw\n' },
    {
      name: 'switches and settings',
      code: 'FROM bitnami/mysql:8.0\nENV ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=1 PASSWORD_MIN_LENGTH=8 TOKEN_TTL=3600\n',
    },
    { name: 'build arguments without a default', code: 'FROM node:22-alpine\nARG NPM_TOKEN\nARG GITHUB_TOKEN=\n' },
    {
      name: 'references to variables of the environment, not build arguments',
      code: 'FROM node:22-alpine\nENV TOKEN=${GITHUB_TOKEN} API_KEY=$API_KEY DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\n',
    },
    {
      name: 'names that describe a secret',
      code: 'FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=${AWS_KEY} KEY_NAME=deploy SECRET_NAME=prod/db TOKEN_URL=https://auth.example.com/token SECRETS_DIR=/run/secrets\n',
    },
    {
      name: 'public values',
      code: 'FROM node:22-alpine\nENV NEXT_PUBLIC_API_KEY=pk_live_abc PUBLIC_KEY="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH" STRIPE_PUBLISHABLE_KEY=pk_test_123\n',
    },
    {
      name: 'the GPG key fingerprint of the official python image',
      code: 'FROM buildpack-deps:bookworm\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n',
    },
    { name: 'versions, PWD and tokenizer settings', code: 'FROM python:3.12\nENV PYTHON_VERSION=3.12.4 PWD=/app TOKENIZERS_PARALLELISM=false\n' },
    { name: 'empty values and placeholders', code: 'FROM alpine:3.20\nENV DB_PASSWORD= API_TOKEN="<your token here>" CLIENT_SECRET=xxxxx\n' },
    { name: 'a secret mount is the right way', code: 'FROM node:22-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n' },
    {
      name: 'a URL without a password',
      code: 'FROM alpine:3.20\nRUN git clone https://github.com/acme/app.git && git clone https://${TOKEN}@github.com/acme/private.git\n',
    },
    {
      name: 'dummy values for an asset build are RUN arguments, not image configuration',
      code: 'FROM ruby:3.4-slim\nRUN SECRET_KEY_BASE_DUMMY=1 DATABASE_PASSWORD=dummy bundle exec rails assets:precompile\n',
    },
    {
      name: 'an ARG of several names without defaults declares each of them (BuildKit), it does not set TOKEN to A',
      code: 'FROM alpine:3.20\nARG TOKEN A\nARG API_KEY \\\n    REGION\n',
    },
    { name: 'half-typed ENV', code: 'FROM alpine:3.20\nENV PASSWORD' },
    { name: 'half-typed ENV with no property', code: 'FROM alpine:3.20\nENV ' },
    { name: 'empty', code: '' },
  ],
  invalid: [
    {
      name: 'a build argument among references: only it is reported',
      code: 'FROM node:22-alpine\nARG GITHUB_TOKEN\nENV TOKEN=${GITHUB_TOKEN} API_KEY=$API_KEY DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\n',
      findings: [{ line: 3, column: 11, messageId: 'buildArgInEnv', data: { name: 'TOKEN', arg: 'GITHUB_TOKEN', what: 'a token', id: 'github_token' } }],
      output: null,
    },
    {
      name: 'ENV DB_PASSWORD=${DB_PASSWORD} after ARG DB_PASSWORD writes the build argument into the image (issue 12)',
      code: 'FROM postgres:16\nARG DB_PASSWORD\nENV DB_PASSWORD=${DB_PASSWORD}\nARG API_KEY\nENV TOKEN="$API_KEY" LOG_LEVEL=info\n',
      findings: [
        {
          line: 3,
          column: 17,
          endColumn: 31,
          messageId: 'buildArgInEnv',
          data: { name: 'DB_PASSWORD', arg: 'DB_PASSWORD', what: 'a password', id: 'db_password' },
        },
        { line: 5, messageId: 'buildArgInEnv', data: { name: 'TOKEN', arg: 'API_KEY', what: 'an API key', id: 'api_key' } },
      ],
      output: null,
    },
    {
      name: 'ENV read by a later RUN: moved to a secret mount on that RUN',
      code: 'FROM node:22-alpine\nENV NPM_TOKEN=s3cr3t-value\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\nCMD ["node", "index.js"]\n',
      findings: [
        {
          line: 2,
          column: 15,
          endColumn: 27,
          messageId: 'nameBuildTime',
          data: { name: 'NPM_TOKEN', what: 'a token', exposure: 'anyone with the image can read (docker inspect)', id: 'npm_token' },
          suggestions: [
            {
              title: /Move NPM_TOKEN to a build secret mounted into the RUN that uses it/,
              output:
                'FROM node:22-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\nCMD ["node", "index.js"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a run-time secret among other properties on continuation lines',
      code: 'FROM python:3.12-slim\nENV APP_ENV=production \\\n    DJANGO_SECRET_KEY=django-insecure-abc123 \\\n    PORT=8000\nCMD ["gunicorn", "app.wsgi"]\n',
      findings: [
        {
          line: 3,
          column: 23,
          endColumn: 45,
          messageId: 'nameRunTime',
          data: { name: 'DJANGO_SECRET_KEY', what: 'a secret key', exposure: 'anyone with the image can read (docker inspect)', id: 'django_secret_key' },
          suggestions: [
            { title: /pass it at run time/, output: 'FROM python:3.12-slim\nENV APP_ENV=production \\\n    PORT=8000\nCMD ["gunicorn", "app.wsgi"]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the first of several properties',
      code: 'FROM alpine:3.20\nENV API_KEY=abcd1234 REGION=eu-west-1\n',
      findings: [
        {
          line: 2,
          column: 13,
          endColumn: 21,
          messageId: 'nameRunTime',
          data: { what: 'an API key' },
          suggestions: [{ output: 'FROM alpine:3.20\nENV REGION=eu-west-1\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'the only property on the last line, without a final newline',
      code: 'FROM alpine:3.20\nENV DB_PASSWORD=hunter2',
      findings: [
        {
          line: 2,
          column: 17,
          endColumn: 24,
          messageId: 'nameRunTime',
          data: { what: 'a password', id: 'db_password' },
          suggestions: [{ output: 'FROM alpine:3.20' }],
        },
      ],
      output: null,
    },
    {
      name: 'a quoted value: the range is inside the quotes',
      code: 'FROM ruby:3.3-slim\nENV PGUSER="owner" \\\n    PGPASSWORD="rjW5XJgH4hKv"\n',
      findings: [
        {
          line: 3,
          column: 17,
          endColumn: 29,
          messageId: 'nameRunTime',
          data: { name: 'PGPASSWORD', what: 'a password', exposure: 'anyone with the image can read (docker inspect)', id: 'pgpassword' },
          suggestions: [{ output: 'FROM ruby:3.3-slim\nENV PGUSER="owner"\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'legacy ENV syntax',
      code: 'FROM mysql:8.4\nENV MYSQL_ROOT_PASSWORD my-secret-pw\nEXPOSE 3306\n',
      findings: [{ line: 2, column: 25, endColumn: 37, messageId: 'nameRunTime', suggestions: [{ output: 'FROM mysql:8.4\nEXPOSE 3306\n' }] }],
      output: null,
    },
    {
      name: 'a global ARG reaches the RUN of a stage that redeclares it',
      code: `ARG GITHUB_TOKEN=${GITHUB_TOKEN}\nFROM golang:1.23 AS build\nARG GITHUB_TOKEN\nRUN git config --global url."https://\${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/" && go mod download\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n`,
      findings: [
        {
          line: 1,
          column: 18,
          endColumn: 58,
          messageId: 'valueBuildTime',
          data: { name: 'GITHUB_TOKEN', what: 'a GitHub token', exposure: 'the image history records (docker history)', id: 'github_token' },
          suggestions: [
            {
              output: `FROM golang:1.23 AS build\nARG GITHUB_TOKEN\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN git config --global url."https://\${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/" && go mod download\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an ARG default no RUN reads is still a build secret',
      code: 'FROM alpine:3.20\nARG DEPLOY_KEY_PASSPHRASE=correct-horse\nRUN echo building\n',
      findings: [
        {
          line: 2,
          messageId: 'nameBuildTime',
          data: { name: 'DEPLOY_KEY_PASSPHRASE', what: 'a passphrase', exposure: 'the image history records (docker history)', id: 'deploy_key_passphrase' },
          suggestions: [
            { title: /Remove the hard-coded DEPLOY_KEY_PASSPHRASE \(pass it as a build secret\)/, output: 'FROM alpine:3.20\nRUN echo building\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'ENV inherited by a stage built FROM this one, exec-form RUN included',
      code: 'FROM python:3.12-slim AS base\nENV SECRET_KEY=s3cr3t-k3y\nFROM base AS assets\nRUN python manage.py collectstatic --noinput\nRUN ["sh", "-c", "python manage.py check --key $SECRET_KEY"]\nRUN echo ${SECRET_KEY:-none}\n',
      findings: [
        {
          line: 2,
          column: 16,
          messageId: 'nameBuildTime',
          suggestions: [
            {
              title: /the 2 RUNs that use it/,
              output:
                'FROM python:3.12-slim AS base\nFROM base AS assets\nRUN python manage.py collectstatic --noinput\nRUN --mount=type=secret,id=secret_key,env=SECRET_KEY ["sh", "-c", "python manage.py check --key $SECRET_KEY"]\nRUN --mount=type=secret,id=secret_key,env=SECRET_KEY echo ${SECRET_KEY:-none}\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'RUNs before the ENV and in unrelated stages are left alone',
      code: 'FROM alpine:3.20 AS one\nRUN echo $API_TOKEN\nENV API_TOKEN=tok-123456\nFROM alpine:3.20 AS two\nRUN echo $API_TOKEN\n',
      findings: [
        {
          line: 3,
          column: 15,
          messageId: 'nameBuildTime',
          suggestions: [
            { title: /pass it as a build secret/, output: 'FROM alpine:3.20 AS one\nRUN echo $API_TOKEN\nFROM alpine:3.20 AS two\nRUN echo $API_TOKEN\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'ENV of a builder stage the final image does not inherit',
      code: 'FROM node:22-alpine AS build\nENV NPM_TOKEN=s3cr3t-value\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=build /app /app\n',
      findings: [
        {
          line: 2,
          column: 15,
          messageId: 'nameBuildTime',
          data: { name: 'NPM_TOKEN', what: 'a token', exposure: 'the build stage, its cache and anyone reading this Dockerfile keep', id: 'npm_token' },
          suggestions: [
            { title: /pass it as a build secret/, output: 'FROM node:22-alpine AS build\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=build /app /app\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a literal default behind a reference',
      code: 'FROM alpine:3.20\nENV DB_PASSWORD=${DB_PASSWORD:-changeme}\n',
      findings: [{ line: 2, column: 17, messageId: 'nameRunTime', suggestions: [{ output: 'FROM alpine:3.20\n' }] }],
      output: null,
    },
    {
      name: "credential-shaped values whatever the name (a password in a URL is credentials-in-url's)",
      code: 'FROM alpine:3.20\nENV SLACK_HOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nENV DATABASE_URL=postgres://app:s3cret@db:5432/app\nENV SSH_PRIVATE_KEY="-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA"\n',
      findings: [
        {
          line: 2,
          column: 16,
          messageId: 'valueRunTime',
          data: { what: 'a Slack webhook' },
          suggestions: [
            {
              output:
                'FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nENV DATABASE_URL=postgres://app:s3cret@db:5432/app\nENV SSH_PRIVATE_KEY="-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA"\n',
            },
          ],
        },
        {
          line: 3,
          column: 23,
          messageId: 'valueRunTime',
          data: { what: 'an AWS access key id' },
          suggestions: [
            {
              output:
                'FROM alpine:3.20\nENV SLACK_HOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\nENV DATABASE_URL=postgres://app:s3cret@db:5432/app\nENV SSH_PRIVATE_KEY="-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA"\n',
            },
          ],
        },
        {
          line: 5,
          column: 22,
          endColumn: 57,
          messageId: 'valueRunTime',
          data: { what: 'a private key' },
          suggestions: [
            {
              output:
                'FROM alpine:3.20\nENV SLACK_HOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nENV DATABASE_URL=postgres://app:s3cret@db:5432/app\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'camelCase and lower-case names',
      code: 'FROM node:22-alpine\nENV dbPassword=pa55word apiKey=0123456789abcdef\n',
      findings: [
        {
          line: 2,
          column: 16,
          messageId: 'nameRunTime',
          data: { what: 'a password', id: 'dbpassword' },
          suggestions: [{ output: 'FROM node:22-alpine\nENV apiKey=0123456789abcdef\n' }],
        },
        {
          line: 2,
          column: 32,
          messageId: 'nameRunTime',
          data: { what: 'an API key' },
          suggestions: [{ output: 'FROM node:22-alpine\nENV dbPassword=pa55word\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'credentials written into RUN lines: reported on the credential, no suggestion (not the URL password: credentials-in-url)',
      code: `FROM alpine:3.20\nRUN git clone https://deploy:Sup3rS3cret@git.example.com/app.git /src\nRUN curl -H "Authorization: token ${GITHUB_TOKEN}" https://api.github.com/user\nRUN aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE\n`,
      findings: [
        { line: 3, column: 35, endColumn: 75, messageId: 'credentialInRun', data: { what: 'a GitHub token' } },
        { line: 4, column: 41, endColumn: 61, messageId: 'credentialInRun', data: { what: 'an AWS access key id' } },
      ],
      output: null,
    },
    {
      name: 'fuzz regression: removing TOKEN=… from an ARG of several names leaves ARG TOKEN REGION, two names without defaults',
      code: 'FROM alpine:3.20\nARG TOKEN=s3cr3tv4lue \\\n    TOKEN \\\n    REGION\n',
      findings: [
        {
          line: 2,
          column: 11,
          endColumn: 22,
          messageId: 'nameBuildTime',
          data: { name: 'TOKEN', what: 'a token' },
          suggestions: [{ title: /Remove the hard-coded TOKEN/, output: 'FROM alpine:3.20\nARG TOKEN \\\n    REGION\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a name=value among names of an ARG',
      code: 'FROM alpine:3.20\nARG REGION TOKEN=s3cr3tv4lue\n',
      findings: [
        {
          line: 2,
          column: 18,
          messageId: 'nameBuildTime',
          data: { name: 'TOKEN' },
          suggestions: [{ title: /Remove the hard-coded TOKEN/, output: 'FROM alpine:3.20\nARG REGION\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'an ENV mixing name=value with a bare name (BuildKit rejects it): reported, no suggestion, as removing the pair would leave ENV TOKEN REGION=eu, TOKEN set to REGION=eu',
      code: 'FROM alpine:3.20\nENV DB_PASSWORD=hunter22 TOKEN REGION=eu\n',
      findings: [{ line: 2, column: 17, messageId: 'nameRunTime', data: { name: 'DB_PASSWORD' } }],
      output: null,
    },
    {
      name: 'ONBUILD ENV: reported, the other build decides how to move it',
      code: 'FROM alpine:3.20\nONBUILD ENV API_TOKEN=abc123def\n',
      findings: [{ line: 2, column: 23, messageId: 'nameRunTime' }],
      output: null,
    },
  ],
});
