import rule from '../../../../server/src/engine/rules/dockerfile/sensitive-file-copied';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
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
      name: 'an SSH private key',
      code: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n',
      findings: [{ line: 2, column: 6, endColumn: 12, message: /SSH private key.*--mount=type=ssh.*\.dockerignore/ }],
      output: null,
    },
    {
      name: 'every SSH key type, inside paths',
      code: 'FROM alpine:3.20\nCOPY keys/id_dsa keys/id_ecdsa deploy/id_ed25519 /root/.ssh/\n',
      findings: [
        { line: 2, column: 6, endColumn: 17 },
        { line: 2, column: 18, endColumn: 31 },
        { line: 2, column: 32, endColumn: 49 },
      ],
      output: null,
    },
    {
      name: 'the .ssh directory and a file in it',
      code: 'FROM alpine:3.20\nCOPY .ssh /root/.ssh\nCOPY .ssh/config /root/.ssh/config\n',
      findings: [
        { line: 2, column: 6, endColumn: 10, message: /SSH directory/ },
        { line: 3, column: 6, endColumn: 17 },
      ],
      output: null,
    },
    {
      name: '.env and its variants, a glob too',
      code: 'FROM node:22-alpine\nCOPY .env ./\nCOPY .env.production .env.local ./\nCOPY .env* ./\n',
      findings: [
        { line: 2, column: 6, endColumn: 10, message: /environment file/ },
        { line: 3, column: 6 },
        { line: 3, column: 22 },
        { line: 4, column: 6, endColumn: 11 },
      ],
      output: null,
    },
    {
      name: 'keys and keystores, globs included',
      code: 'FROM nginx:1.27\nCOPY certs/*.pem /etc/nginx/certs/\nCOPY server.key tls.p12 store.pfx app.jks /etc/tls/\n',
      findings: [
        { line: 2, column: 6, endColumn: 17, message: /PEM file/ },
        { line: 3, column: 6 },
        { line: 3, column: 17 },
        { line: 3, column: 25 },
        { line: 3, column: 35 },
      ],
      output: null,
    },
    {
      name: 'cloud, cluster, keyring and registry credentials',
      code: 'FROM alpine:3.20\nCOPY .aws/ /root/.aws/\nCOPY .kube/config /root/.kube/config\nCOPY .gnupg /root/.gnupg\nCOPY .docker/config.json /root/.docker/config.json\n',
      findings: [
        { line: 2, message: /AWS/ },
        { line: 3, message: /Kubernetes/ },
        { line: 4, message: /GnuPG/ },
        { line: 5, message: /Docker client/ },
      ],
      output: null,
    },
    {
      name: 'package-manager and login credentials',
      code: 'FROM python:3.12-slim\nCOPY .npmrc .pypirc .netrc .git-credentials /root/\n',
      findings: [
        { line: 2, column: 6, message: /npm/ },
        { line: 2, column: 13, message: /PyPI/ },
        { line: 2, column: 21, message: /netrc/ },
        { line: 2, column: 28, message: /Git credential/ },
      ],
      output: null,
    },
    {
      name: 'ADD, ONBUILD COPY and COPY --from',
      code: 'FROM golang:1.23 AS build\nADD --chown=1:1 secrets/server.key /etc/\nFROM alpine:3.20\nCOPY --from=build /root/.ssh/id_ed25519 /tmp/\nONBUILD COPY .npmrc /app/\n',
      findings: [
        { line: 2, column: 17, message: /ADD bakes/ },
        { line: 4, column: 19, endColumn: 40 },
        { line: 5, column: 14, endColumn: 20 },
      ],
      output: null,
    },
    {
      name: 'exec form: the range is the string inside the quotes',
      code: 'FROM alpine:3.20\nCOPY ["id_ed25519", "/root/.ssh/"]\n',
      findings: [{ line: 2, column: 8, endColumn: 18 }],
      output: null,
    },
    {
      name: 'a variable prefix does not hide .ssh',
      code: 'FROM alpine:3.20\nARG HOME_DIR=/home/me\nCOPY ${HOME_DIR}/.ssh/id_rsa /root/.ssh/\n',
      findings: [{ line: 3, column: 6 }],
      output: null,
    },
    {
      name: 'a lone source is reported while the destination is being typed',
      code: 'FROM alpine:3.20\nCOPY id_rsa',
      findings: [{ line: 2, column: 6 }],
      output: null,
    },
  ],
});
