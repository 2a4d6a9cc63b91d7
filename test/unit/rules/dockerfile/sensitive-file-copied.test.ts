import rule from '../../../../server/src/engine/rules/dockerfile/sensitive-file-copied';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'credentials variables pointing outside every copy, at a variable, or into another stage (Trivy DS031 allowed cases)',
      code: 'FROM busybox:1.36 AS build\nCOPY . /app/\nFROM busybox:1.36\nENV GOOGLE_APPLICATION_CREDENTIALS=/credentials/google-storage-service.json\nCOPY /src /src\nENV GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json AWS_CONFIG_FILE=$HOME/.aws/config\nCOPY --from=build /app /opt/app\nENV AWS_SHARED_CREDENTIALS_FILE=/opt/app/credentials\nCOPY app.py $APP_DIR\n',
    },
    { name: 'the whole context', code: 'FROM node:22-alpine\nCOPY . .\n' },
    { name: 'ordinary sources', code: 'FROM node:22-alpine\nCOPY package.json package-lock.json ./\nCOPY src/ ./src/\n' },
    {
      name: 'public keys and known hosts',
      code: 'FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\nCOPY .ssh/known_hosts /root/.ssh/known_hosts\nCOPY keys/id_ed25519.pub /etc/keys/\n',
    },
    { name: 'the destination is not a source', code: 'FROM alpine:3.20\nCOPY known_hosts /root/.ssh/\nCOPY settings.json /app/.env\n' },
    { name: '.env templates', code: 'FROM node:22-alpine\nCOPY .env.example .env.sample .env.template .env.dist ./\n' },
    {
      name: 'certificates, not keys',
      code: 'FROM alpine:3.20\nCOPY ca.pem cert.pem fullchain.pem corp-root-ca.pem /usr/local/share/ca-certificates/\nCOPY server.crt /etc/ssl/\n',
    },
    {
      name: 'a project .docker folder is build files, not the client configuration',
      code: 'FROM nginx:1.27\nCOPY .docker/nginx/default.conf /etc/nginx/conf.d/\n',
    },
    { name: 'files merely named like env', code: 'FROM alpine:3.20\nCOPY app.env environment.ts /app/\n' },
    { name: 'heredoc COPY', code: 'FROM alpine:3.20\nCOPY <<EOF /app/.env\nMODE=production\nEOF\n' },
    { name: 'a plain wildcard', code: 'FROM alpine:3.20\nCOPY * /app/\n' },
    { name: 'half-typed COPY', code: 'FROM alpine:3.20\nCOPY ' },
    { name: 'empty', code: '' },
  ],
  invalid: [
    {
      name: 'copied to the file a tool reads its credentials from (Trivy DS031 test_deny_copy_secret_file)',
      code: 'FROM busybox:1.36\nCOPY ./config $AWS_CONFIG_FILE\nCOPY sa.json ${GOOGLE_APPLICATION_CREDENTIALS}\n',
      findings: [
        { line: 2, column: 6, endColumn: 14, messageId: 'credentialDestination', data: { source: './config', variable: 'AWS_CONFIG_FILE', keyword: 'COPY' } },
        { line: 3, column: 6, messageId: 'credentialDestination', data: { source: 'sa.json', variable: 'GOOGLE_APPLICATION_CREDENTIALS' } },
      ],
      output: null,
    },
    {
      name: 'an ENV pointing a credentials variable into what a COPY put in the image, relative to WORKDIR (Trivy DS031)',
      code: 'FROM busybox:1.36\nCOPY /src /app/\nENV GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json\nFROM busybox:1.36\nWORKDIR /srv\nCOPY . .\nENV AWS_SHARED_CREDENTIALS_FILE "keys/credentials"\n',
      findings: [
        {
          line: 3,
          column: 36,
          messageId: 'credentialFileInImage',
          data: { variable: 'GOOGLE_APPLICATION_CREDENTIALS', path: './app/google-storage-service.json' },
        },
        { line: 7, messageId: 'credentialFileInImage', data: { variable: 'AWS_SHARED_CREDENTIALS_FILE', path: 'keys/credentials' } },
      ],
      output: null,
    },
    {
      name: 'a quoted source: BuildKit removes the quotes',
      code: 'FROM alpine:3.20\nCOPY "id_rsa" /root/.ssh/id_rsa\n',
      findings: [{ line: 2, column: 6, endColumn: 14, messageId: 'sensitiveFile', data: { source: 'id_rsa', what: 'an SSH private key', keyword: 'COPY' } }],
      output: null,
    },
    {
      name: 'an SSH private key',
      code: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n',
      findings: [{ line: 2, column: 6, endColumn: 12, messageId: 'sensitiveFile', data: { source: 'id_rsa', what: 'an SSH private key', keyword: 'COPY' } }],
      output: null,
    },
    {
      name: 'every SSH key type, inside paths',
      code: 'FROM alpine:3.20\nCOPY keys/id_dsa keys/id_ecdsa deploy/id_ed25519 /root/.ssh/\n',
      findings: [
        { line: 2, column: 6, endColumn: 17, messageId: 'sensitiveFile' },
        { line: 2, column: 18, endColumn: 31, messageId: 'sensitiveFile' },
        { line: 2, column: 32, endColumn: 49, messageId: 'sensitiveFile' },
      ],
      output: null,
    },
    {
      name: 'the .ssh directory and a file in it',
      code: 'FROM alpine:3.20\nCOPY .ssh /root/.ssh\nCOPY .ssh/config /root/.ssh/config\n',
      findings: [
        { line: 2, column: 6, endColumn: 10, messageId: 'sensitiveFile', data: { what: 'an SSH directory, with private keys' } },
        { line: 3, column: 6, endColumn: 17, messageId: 'sensitiveFile' },
      ],
      output: null,
    },
    {
      name: '.env and its variants, a glob too',
      code: 'FROM node:22-alpine\nCOPY .env ./\nCOPY .env.production .env.local ./\nCOPY .env* ./\n',
      findings: [
        { line: 2, column: 6, endColumn: 10, messageId: 'sensitiveFile', data: { what: 'an environment file, which usually holds secrets' } },
        { line: 3, column: 6, messageId: 'sensitiveFile' },
        { line: 3, column: 22, messageId: 'sensitiveFile' },
        { line: 4, column: 6, endColumn: 11, messageId: 'sensitiveFile' },
      ],
      output: null,
    },
    {
      name: 'keys and keystores, globs included',
      code: 'FROM nginx:1.27\nCOPY certs/*.pem /etc/nginx/certs/\nCOPY server.key tls.p12 store.pfx app.jks /etc/tls/\n',
      findings: [
        { line: 2, column: 6, endColumn: 17, messageId: 'sensitiveFile', data: { what: 'a PEM file, which usually holds a private key' } },
        { line: 3, column: 6, messageId: 'sensitiveFile' },
        { line: 3, column: 17, messageId: 'sensitiveFile' },
        { line: 3, column: 25, messageId: 'sensitiveFile' },
        { line: 3, column: 35, messageId: 'sensitiveFile' },
      ],
      output: null,
    },
    {
      name: 'cloud, cluster, keyring and registry credentials',
      code: 'FROM alpine:3.20\nCOPY .aws/ /root/.aws/\nCOPY .kube/config /root/.kube/config\nCOPY .gnupg /root/.gnupg\nCOPY .docker/config.json /root/.docker/config.json\n',
      findings: [
        { line: 2, messageId: 'sensitiveFile', data: { what: 'an AWS configuration directory with access keys' } },
        { line: 3, messageId: 'sensitiveFile', data: { what: 'a Kubernetes configuration with cluster credentials' } },
        { line: 4, messageId: 'sensitiveFile', data: { what: 'a GnuPG keyring, with private keys' } },
        { line: 5, messageId: 'sensitiveFile', data: { what: 'a Docker client configuration with registry credentials' } },
      ],
      output: null,
    },
    {
      name: 'package-manager and login credentials',
      code: 'FROM python:3.12-slim\nCOPY .npmrc .pypirc .netrc .git-credentials /root/\n',
      findings: [
        { line: 2, column: 6, messageId: 'sensitiveFile', data: { source: '.npmrc', what: 'an npm configuration file, which usually holds a registry token' } },
        { line: 2, column: 13, messageId: 'sensitiveFile', data: { what: 'a PyPI configuration file, which holds upload credentials' } },
        { line: 2, column: 21, messageId: 'sensitiveFile', data: { source: '.netrc', what: 'a .netrc file, which holds login credentials' } },
        { line: 2, column: 28, messageId: 'sensitiveFile', data: { what: 'a Git credential store' } },
      ],
      output: null,
    },
    {
      name: 'ADD, ONBUILD COPY and COPY --from',
      code: 'FROM golang:1.23 AS build\nADD --chown=1:1 secrets/server.key /etc/\nFROM alpine:3.20\nCOPY --from=build /root/.ssh/id_ed25519 /tmp/\nONBUILD COPY .npmrc /app/\n',
      findings: [
        { line: 2, column: 17, messageId: 'sensitiveFile', data: { source: 'secrets/server.key', what: 'a private key', keyword: 'ADD' } },
        { line: 4, column: 19, endColumn: 40, messageId: 'sensitiveFile' },
        { line: 5, column: 14, endColumn: 20, messageId: 'sensitiveFile' },
      ],
      output: null,
    },
    {
      name: 'exec form: the range is the string inside the quotes',
      code: 'FROM alpine:3.20\nCOPY ["id_ed25519", "/root/.ssh/"]\n',
      findings: [{ line: 2, column: 8, endColumn: 18, messageId: 'sensitiveFile' }],
      output: null,
    },
    {
      name: 'a variable prefix does not hide .ssh',
      code: 'FROM alpine:3.20\nARG HOME_DIR=/home/me\nCOPY ${HOME_DIR}/.ssh/id_rsa /root/.ssh/\n',
      findings: [{ line: 3, column: 6, messageId: 'sensitiveFile' }],
      output: null,
    },
    {
      name: 'a lone source is reported while the destination is being typed',
      code: 'FROM alpine:3.20\nCOPY id_rsa',
      findings: [{ line: 2, column: 6, messageId: 'sensitiveFile' }],
      output: null,
    },
  ],
});
