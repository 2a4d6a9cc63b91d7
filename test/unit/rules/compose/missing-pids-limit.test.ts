import rule from '../../../../server/src/engine/rules/compose/missing-pids-limit';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'pids_limit, or deploy.resources.limits.pids',
      code: 'services:\n  a:\n    image: a:1\n    pids_limit: 100\n  b:\n    image: b:1\n    deploy:\n      resources:\n        limits:\n          pids: "50"\n',
    },
    {
      name: 'from an anchor, an extended service, or the environment',
      code: 'x-base: &base\n  pids_limit: 64\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    extends: a\n  c:\n    image: c:1\n    pids_limit: ${PIDS}\n',
    },
  ],
  invalid: [
    {
      name: 'missing: the fix adds pids_limit from the configuration, comments kept',
      code: 'services:\n  web:\n    image: a:1 # pinned\n    # no limits yet\n',
      config: { limits: { pids: 128 } },
      findings: [
        {
          line: 2,
          column: 3,
          endColumn: 6,
          messageId: 'missing',
          data: { service: 'web', pids: '128' },
          suggestions: [{ output: 'services:\n  web:\n    image: a:1 # pinned\n    pids_limit: 128\n    # no limits yet\n' }],
        },
      ],
      output: null,
    },
    {
      name: '4-space indentation; a service with deploy.resources.limits gets pids there, next to the other limits',
      code: "services:\n    web:\n        image: 'a:1'\n        deploy:\n            resources:\n                limits:\n                    memory: 256M\n    api:\n        build: .\n",
      findings: [
        {
          line: 2,
          column: 5,
          messageId: 'missing',
          suggestions: [
            {
              output:
                "services:\n    web:\n        image: 'a:1'\n        deploy:\n            resources:\n                limits:\n                    memory: 256M\n                    pids: 200\n    api:\n        build: .\n",
            },
          ],
        },
        {
          line: 8,
          column: 5,
          messageId: 'missing',
          suggestions: [
            {
              output:
                "services:\n    web:\n        image: 'a:1'\n        deploy:\n            resources:\n                limits:\n                    memory: 256M\n    api:\n        build: .\n        pids_limit: 200\n",
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'pids_limit: -1 lifts the limit on purpose: a suggestion sets one, quotes kept',
      code: 'services:\n  web:\n    image: a:1\n    pids_limit: "-1" # unlimited\n',
      findings: [
        {
          line: 4,
          column: 5,
          endColumn: 21,
          messageId: 'unlimited',
          data: { key: 'pids_limit', value: '-1', service: 'web', pids: '200' },
          suggestions: [{ title: /Limit processes to 200/, output: 'services:\n  web:\n    image: a:1\n    pids_limit: "200" # unlimited\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'deploy.resources.limits.pids: 0 written in the service',
      code: 'services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          pids: 0\n',
      findings: [
        {
          line: 7,
          column: 11,
          messageId: 'unlimited',
          data: { key: 'pids', value: '0', service: 'web', pids: '200' },
          suggestions: [{ output: 'services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          pids: 200\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a service built from an anchor: pids_limit goes into the service, never into the anchor',
      code: 'x-base: &base\n  restart: always\nservices:\n  a:\n    <<: *base\n    image: a:1\n',
      findings: [
        {
          line: 4,
          column: 3,
          messageId: 'missing',
          suggestions: [{ output: 'x-base: &base\n  restart: always\nservices:\n  a:\n    <<: *base\n    image: a:1\n    pids_limit: 200\n' }],
        },
      ],
      output: null,
    },
    {
      name: "an anchor's pids_limit: -1 is overridden in the service by a suggestion",
      code: 'x-unlimited: &unlimited\n  pids_limit: -1\nservices:\n  b:\n    <<: *unlimited\n    image: b:1\n',
      findings: [
        {
          line: 4,
          column: 3,
          messageId: 'unlimited',
          data: { key: 'pids_limit', value: '-1', service: 'b', pids: '200' },
          suggestions: [{ output: 'x-unlimited: &unlimited\n  pids_limit: -1\nservices:\n  b:\n    <<: *unlimited\n    image: b:1\n    pids_limit: 200\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'flow style: no fix',
      code: 'services:\n  a: {image: a:1}\n',
      findings: [{ line: 2, messageId: 'missing' }],
      output: null,
    },
  ],
});
