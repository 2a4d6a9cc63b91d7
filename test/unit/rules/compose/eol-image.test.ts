import rule from '../../../../server/src/engine/rules/compose/eol-image';
import { testRule } from '../../../support/rule-tester';

// Analysed on the rule tester's fixed day, 2026-12-05.
const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

testRule(rule, {
  valid: [
    {
      name: 'supported releases',
      code: 'services:\n  web:\n    image: nginx:1.27-alpine\n  db:\n    image: postgres:16.3\n  cache:\n    image: redis:7.4\n  api:\n    image: node:22-bookworm-slim\n',
    },
    {
      name: 'a service that builds its image names it, it does not pull it',
      code: 'services:\n  api:\n    build: ./api\n    image: python:3.6\n',
    },
    {
      name: 'latest, no tag, moving tags: unpinned-image',
      code: 'services:\n  a:\n    image: postgres\n  b:\n    image: node:lts\n  c:\n    image: debian:oldstable-slim\n',
    },
    { name: 'a version from the environment is unknown', code: 'services:\n  db:\n    image: postgres:${PG_VERSION}\n' },
    { name: 'other publishers', code: 'services:\n  db:\n    image: bitnami/postgresql:11\n  app:\n    image: ghcr.io/acme/python:3.6\n' },
    { name: 'half-typed and empty images', code: 'services:\n  web:\n    image:\n  api:\n    image: ""\n  job:\n    image: "python:"\n' },
    { name: 'before the end of life', now: new Date('2023-06-01T00:00:00Z'), code: 'services:\n  db:\n    image: postgres:12\n' },
  ],
  invalid: [
    {
      name: 'a database: on the tag, the supported release named, no one-click upgrade of its data',
      code: 'services:\n  db:\n    image: postgres:11\n',
      findings: [
        {
          line: 3,
          column: 21,
          endColumn: 23,
          messageId: 'endOfLife',
          data: {
            image: 'postgres:11',
            release: 'PostgreSQL 11',
            date: '2023-11-09',
            remedy: 'a supported release such as postgres:15, migrating the data first (a new major version may not read the old data directory)',
          },
        },
      ],
      output: null,
    },
    {
      name: 'a language image: the nearest supported release with the same variant, quoted',
      code: 'services:\n  app:\n    image: "python:3.7-slim-buster"\n    read_only: true\n',
      findings: [
        {
          line: 3,
          column: 20,
          endColumn: 35,
          messageId: 'endOfLife',
          data: { release: 'Python 3.7 on Debian 10 (buster)', remedy: 'a supported release such as python:3.11-slim-bookworm' },
          suggestions: [
            {
              title: /^Use python:3\.11-slim-bookworm \(supported until 2027-10-31; test the application on it\)$/,
              output: 'services:\n  app:\n    image: "python:3.11-slim-bookworm"\n    read_only: true\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a digest and a Docker Hub prefix: still past its end of life; the suggestion drops the digest',
      code: `services:\n  app:\n    image: docker.io/library/node:16-alpine@${DIGEST}\n`,
      findings: [
        {
          line: 3,
          column: 35,
          endColumn: 44,
          messageId: 'endOfLife',
          suggestions: [{ title: /pin its digest again/, output: 'services:\n  app:\n    image: docker.io/library/node:22-alpine\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a version from a variable default: reported on the value, no edit',
      code: 'services:\n  db:\n    image: mysql:${MYSQL_VERSION:-5.7}\n',
      findings: [{ line: 3, column: 12, messageId: 'endOfLife', data: { image: 'mysql:${MYSQL_VERSION:-5.7} (mysql:5.7)', release: 'MySQL 5.7' } }],
      output: null,
    },
    {
      name: 'distributions, and an image from an anchor reported once where written',
      code: 'x-base: &base\n  image: ubuntu:bionic\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n  c:\n    image: centos:7\n  d:\n    image: alpine:3.18\n',
      findings: [
        {
          line: 2,
          column: 17,
          messageId: 'endOfLife',
          data: { release: 'Ubuntu 18.04 (bionic)' },
          suggestions: [
            {
              output:
                'x-base: &base\n  image: ubuntu:jammy\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n  c:\n    image: centos:7\n  d:\n    image: alpine:3.18\n',
            },
          ],
        },
        { line: 9, messageId: 'endOfLife', data: { release: 'CentOS Linux 7' } },
        {
          line: 11,
          messageId: 'endOfLife',
          data: { release: 'Alpine Linux 3.18' },
          suggestions: [
            {
              output:
                'x-base: &base\n  image: ubuntu:bionic\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n  c:\n    image: centos:7\n  d:\n    image: alpine:3.22\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
