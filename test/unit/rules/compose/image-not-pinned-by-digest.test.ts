import rule from '../../../../server/src/engine/rules/compose/image-not-pinned-by-digest';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'digests, with or without a tag; built images; no tag or latest (unpinned-image); variables',
      code: 'services:\n  a:\n    image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  b:\n    image: nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  c:\n    build: .\n    image: ghcr.io/acme/app:1.0\n  d:\n    image: nginx\n  e:\n    image: nginx:latest\n  f:\n    image: nginx:${TAG}\n  g:\n    image: ${IMAGE}\n',
    },
    {
      name: 'other moving tags are unpinned-image findings too',
      code: 'services:\n  a:\n    image: node:lts-alpine\n  b:\n    image: nginx:stable\n  c:\n    image: ghcr.io/acme/app:nightly\n  d:\n    image: nginx:${TAG:-mainline}\n',
    },
  ],
  invalid: [
    {
      name: 'on the tag; registry with a port; a default',
      code: 'services:\n  a:\n    image: nginx:1.27-alpine\n  b:\n    image: "localhost:5000/foo:v1.2.3"\n  c:\n    image: redis:${TAG:-7.2}\n',
      findings: [
        { line: 3, column: 18, endColumn: 29, messageId: 'tagOnly', data: { image: 'nginx:1.27-alpine' } },
        { line: 5, column: 32, endColumn: 38, messageId: 'tagOnly', data: { image: 'localhost:5000/foo:v1.2.3' } },
        { line: 7, column: 12, messageId: 'tagOnly', data: { image: 'redis:7.2' } },
      ],
      output: null,
    },
    {
      name: 'in an anchor: once; flow style; extends',
      code: 'x-i: &i\n  image: postgres:16\nservices:\n  a:\n    <<: *i\n  b:\n    <<: *i\n  c: {image: "mysql:8.4"}\n  d:\n    extends: c\n',
      findings: [
        { line: 2, messageId: 'tagOnly', data: { image: 'postgres:16' } },
        { line: 8, messageId: 'tagOnly', data: { image: 'mysql:8.4' } },
      ],
      output: null,
    },
  ],
});
