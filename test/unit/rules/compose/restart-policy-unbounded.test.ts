import rule from '../../../../server/src/engine/rules/compose/restart-policy-unbounded';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'bounded, no restart, default, from the environment',
      code: 'services:\n  a:\n    image: a:1\n    restart: on-failure:5\n  b:\n    image: b:1\n    restart: "no"\n  c:\n    image: c:1\n  d:\n    image: d:1\n    restart: ${RESTART}\n  e:\n    image: e:1\n    restart: on-failure:3\n',
    },
    {
      name: 'deploy policies with few attempts or no restart',
      code: 'services:\n  a:\n    image: a:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 5\n  b:\n    image: b:1\n    deploy:\n      restart_policy:\n        condition: none\n',
    },
  ],
  invalid: [
    {
      name: 'always: on key and value; the suggestion bounds it, comments kept',
      code: 'services:\n  a:\n    image: a:1\n    restart: always # keep it up\n',
      findings: [
        {
          line: 4,
          column: 5,
          endColumn: 20,
          messageId: 'restart',
          data: { policy: 'always' },
          suggestions: [{ title: /on-failure:5/, output: 'services:\n  a:\n    image: a:1\n    restart: on-failure:5 # keep it up\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'unless-stopped quoted, on-failure without a count, on-failure:0 (no limit), on-failure:10, a default',
      code: 'services:\n  a:\n    image: a:1\n    restart: "unless-stopped"\n  b:\n    image: b:1\n    restart: on-failure\n  c:\n    image: c:1\n    restart: on-failure:0\n  d:\n    image: d:1\n    restart: on-failure:10\n  e:\n    image: e:1\n    restart: ${RESTART:-always}\n',
      findings: [
        {
          line: 4,
          messageId: 'restart',
          data: { policy: 'unless-stopped' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    restart: "on-failure:5"\n  b:\n    image: b:1\n    restart: on-failure\n  c:\n    image: c:1\n    restart: on-failure:0\n  d:\n    image: d:1\n    restart: on-failure:10\n  e:\n    image: e:1\n    restart: ${RESTART:-always}\n',
            },
          ],
        },
        {
          line: 7,
          messageId: 'restart',
          data: { policy: 'on-failure' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    restart: "unless-stopped"\n  b:\n    image: b:1\n    restart: on-failure:5\n  c:\n    image: c:1\n    restart: on-failure:0\n  d:\n    image: d:1\n    restart: on-failure:10\n  e:\n    image: e:1\n    restart: ${RESTART:-always}\n',
            },
          ],
        },
        {
          line: 10,
          messageId: 'restart',
          data: { policy: 'on-failure:0' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    restart: "unless-stopped"\n  b:\n    image: b:1\n    restart: on-failure\n  c:\n    image: c:1\n    restart: on-failure:5\n  d:\n    image: d:1\n    restart: on-failure:10\n  e:\n    image: e:1\n    restart: ${RESTART:-always}\n',
            },
          ],
        },
        {
          line: 13,
          messageId: 'tooMany',
          data: { policy: 'on-failure:10', count: 10 },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    restart: "unless-stopped"\n  b:\n    image: b:1\n    restart: on-failure\n  c:\n    image: c:1\n    restart: on-failure:0\n  d:\n    image: d:1\n    restart: on-failure:5\n  e:\n    image: e:1\n    restart: ${RESTART:-always}\n',
            },
          ],
        },
        {
          line: 16,
          messageId: 'restart',
          data: { policy: 'always' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    restart: "unless-stopped"\n  b:\n    image: b:1\n    restart: on-failure\n  c:\n    image: c:1\n    restart: on-failure:0\n  d:\n    image: d:1\n    restart: on-failure:10\n  e:\n    image: e:1\n    restart: on-failure:5\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'deploy.restart_policy without max_attempts (on its key, the suggestion adds it), or with too many',
      code: 'services:\n  a:\n    image: a:1\n    deploy:\n      restart_policy:\n        condition: any\n  b:\n    image: b:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 20\n',
      findings: [
        {
          line: 5,
          column: 7,
          endColumn: 21,
          messageId: 'deploy',
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    deploy:\n      restart_policy:\n        condition: any\n        max_attempts: 5\n  b:\n    image: b:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 20\n',
            },
          ],
        },
        {
          line: 12,
          messageId: 'deployTooMany',
          data: { count: 20 },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    deploy:\n      restart_policy:\n        condition: any\n  b:\n    image: b:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 5\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'in an anchor: once, no edit; flow style (edited in place); extends',
      code: 'x-r: &r\n  restart: always\nservices:\n  a:\n    <<: *r\n    image: a:1\n  b:\n    <<: *r\n    image: b:1\n  c: {image: c:1, restart: unless-stopped}\n  d:\n    extends: c\n',
      findings: [
        { line: 2, messageId: 'restart' },
        {
          line: 10,
          messageId: 'restart',
          data: { policy: 'unless-stopped' },
          suggestions: [
            {
              output:
                'x-r: &r\n  restart: always\nservices:\n  a:\n    <<: *r\n    image: a:1\n  b:\n    <<: *r\n    image: b:1\n  c: {image: c:1, restart: on-failure:5}\n  d:\n    extends: c\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
