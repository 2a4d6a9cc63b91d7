import rule from '../../../../server/src/engine/rules/compose/unpinned-image';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'version tags and digests',
      code: 'services:\n  web:\n    image: nginx:1.27-alpine\n  db:\n    image: "postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"\n  cache:\n    image: registry.example.com:5000/team/redis:7.2\n',
    },
    {
      name: 'a service that builds its image names it, it does not pull it',
      code: 'services:\n  api:\n    build: ./api\n    image: registry.example.com/api\n  worker:\n    build:\n      context: .\n    image: worker:latest\n',
    },
    {
      name: 'a variable with a pinned default, or only in the registry part',
      code: 'services:\n  web:\n    image: nginx:${NGINX_TAG:-1.27}\n  api:\n    image: ${REGISTRY}/api:1.4.2\n  job:\n    image: ${JOB_IMAGE:-job:2.0}\n',
    },
    {
      name: 'snapshots of a moving tag, and words that only start like one',
      code: 'services:\n  a:\n    image: debian:stable-20240110\n  b:\n    image: example/app:latest-2024\n  c:\n    image: example/app:mainframe-1\n  d:\n    image: example/app:release\n',
    },
    { name: 'half-typed and empty images', code: 'services:\n  web:\n    image:\n  api:\n    image: ""\n' },
  ],
  invalid: [
    {
      name: 'moving tags: a channel, a branch, a moving word with a variant; on the tag',
      code: 'services:\n  web:\n    image: nginx:stable-alpine\n  app:\n    image: node:lts\n  ci:\n    image: ghcr.io/acme/runner:main\n  os:\n    image: opensuse/tumbleweed:latest\n  sid:\n    image: debian:sid\n',
      findings: [
        { line: 3, column: 18, endColumn: 31, messageId: 'latest', data: { image: 'nginx:stable-alpine', tag: 'stable-alpine' } },
        { line: 5, column: 17, endColumn: 20, messageId: 'latest', data: { tag: 'lts' } },
        { line: 7, column: 32, endColumn: 36, messageId: 'latest', data: { tag: 'main' } },
        { line: 9, messageId: 'latest', data: { tag: 'latest' } },
        { line: 11, messageId: 'latest', data: { tag: 'sid' } },
      ],
      output: null,
    },
    {
      name: 'no tag',
      code: 'services:\n  web:\n    image: nginx\n',
      findings: [{ line: 3, column: 12, endColumn: 17, messageId: 'noTag', data: { image: 'nginx' } }],
      output: null,
    },
    {
      name: 'latest, on the tag, quoted, any registry',
      code: "services:\n  web:\n    image: 'ghcr.io/acme/web:latest'\n  db:\n    image: postgres:LATEST\n",
      findings: [
        { line: 3, column: 30, endColumn: 36, messageId: 'latest' },
        { line: 5, column: 21, endColumn: 27, messageId: 'latest' },
      ],
      output: null,
    },
    {
      name: 'versions from variables without a pinned default',
      code: 'services:\n  web:\n    image: nginx:${TAG}\n  api:\n    image: ${API_IMAGE}\n  job:\n    image: job:${TAG:-latest}\n',
      findings: [
        { line: 3, messageId: 'variableTag' },
        { line: 5, messageId: 'variableTag' },
        { line: 7, messageId: 'latest' },
      ],
      output: null,
    },
    {
      name: 'an image from an anchor is reported once, where written',
      code: 'x-base: &base\n  image: redis\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n',
      findings: [{ line: 2, column: 10, messageId: 'noTag' }],
      output: null,
    },
    {
      name: 'flow style',
      code: 'services:\n  web: {image: "nginx:latest"}\n',
      findings: [{ line: 2, column: 23, endColumn: 29, messageId: 'latest' }],
      output: null,
    },
  ],
});
