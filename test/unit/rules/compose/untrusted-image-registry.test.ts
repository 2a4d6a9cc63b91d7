import rule from '../../../../server/src/engine/rules/compose/untrusted-image-registry';
import { testRule } from '../../../support/rule-tester';

const trusted = { trustedRegistries: ['docker.io', 'registry.example.com/team'] };

testRule(rule, {
  valid: [
    { name: 'silent while no registry is trusted', code: 'services:\n  web:\n    image: quay.io/x/y:1\n' },
    {
      name: 'Docker Hub official and user images',
      code: 'services:\n  a:\n    image: nginx:1.27\n  b:\n    image: bitnami/redis:7.2\n  c:\n    image: docker.io/library/postgres:16\n',
      config: trusted,
    },
    { name: 'a trusted path prefix', code: 'services:\n  a:\n    image: registry.example.com/team/api:2.1\n', config: trusted },
    { name: 'image names what build: produces', code: 'services:\n  a:\n    build: .\n    image: ghcr.io/acme/api:1\n', config: trusted },
    {
      name: 'a variable after a trusted registry',
      code: 'services:\n  a:\n    image: registry.example.com/team/${APP}:1\n',
      config: { trustedRegistries: ['registry.example.com'] },
    },
    { name: 'half-typed', code: 'services:\n  a:\n    image:\n', config: trusted },
  ],
  invalid: [
    {
      name: 'another registry, on the image value',
      code: 'services:\n  web:\n    image: quay.io/prometheus/node-exporter:v1.8.0\n',
      config: trusted,
      findings: [
        {
          line: 3,
          column: 12,
          messageId: 'untrusted',
          data: { service: 'web', image: 'quay.io/prometheus/node-exporter:v1.8.0', registry: 'quay.io', trusted: 'docker.io, registry.example.com/team' },
        },
      ],
      output: null,
    },
    {
      name: 'the same registry outside the trusted path, inherited through an anchor and reported once',
      code: 'x-base: &base\n  image: registry.example.com/other/api:1\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n',
      config: trusted,
      findings: [{ line: 2, column: 10, messageId: 'untrusted' }],
      output: null,
    },
    {
      name: 'a registry from the environment cannot be checked',
      code: 'services:\n  web:\n    image: ${REGISTRY}/api:1\n',
      config: trusted,
      findings: [{ line: 3, messageId: 'unknownRegistry' }],
      output: null,
    },
  ],
});
