import rule from '../../../../server/src/engine/rules/compose/privileged';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'no privileged key', code: 'services:\n  web:\n    image: nginx:1.27\n' },
    {
      name: 'privileged: false, quoted or not',
      code: 'services:\n  a:\n    image: a:1\n    privileged: false\n  b:\n    image: b:1\n    privileged: "false"\n',
    },
    { name: 'a privileged build is not a privileged container', code: 'services:\n  a:\n    build:\n      context: .\n      privileged: true\n' },
    { name: 'decided by the environment', code: 'services:\n  a:\n    image: a:1\n    privileged: ${PRIVILEGED}\n' },
    { name: 'an anchor no service uses', code: 'x-debug: &debug\n  privileged: true\nservices:\n  a:\n    image: a:1\n' },
    { name: 'half-typed', code: 'services:\n  a:\n    privileged:\n' },
  ],
  invalid: [
    {
      name: 'privileged: true, comments kept by the suggestion',
      code: 'services:\n  web:\n    image: nginx:1.27 # pinned\n    privileged: true # needed?\n    # ports below\n    ports: ["127.0.0.1:80:80"]\n',
      findings: [
        {
          line: 4,
          column: 5,
          endColumn: 21,
          messageId: 'privileged',
          suggestions: [
            {
              title: /Remove privileged: true/,
              output: 'services:\n  web:\n    image: nginx:1.27 # pinned\n    # ports below\n    ports: ["127.0.0.1:80:80"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'quoted "true", a default from the environment, 4-space indentation',
      code: 'services:\n    a:\n        image: a:1\n        privileged: "true"\n    b:\n        privileged: ${PRIV:-true}\n        image: b:1\n',
      findings: [
        {
          line: 4,
          column: 9,
          endColumn: 27,
          messageId: 'privileged',
          suggestions: [{ output: 'services:\n    a:\n        image: a:1\n    b:\n        privileged: ${PRIV:-true}\n        image: b:1\n' }],
        },
        {
          line: 6,
          messageId: 'privileged',
          suggestions: [{ output: 'services:\n    a:\n        image: a:1\n        privileged: "true"\n    b:\n        image: b:1\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'from an anchor: reported once where written, not edited (that would change every service using it)',
      code: 'x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    <<: *base\n    image: b:1\n',
      findings: [{ line: 2, column: 3, messageId: 'privileged' }],
      output: null,
    },
    {
      name: 'a service that only builds, in flow style: no edit',
      code: 'services:\n  app: {build: ., privileged: true}\n',
      findings: [{ line: 2, column: 19, messageId: 'privileged' }],
      output: null,
    },
  ],
});
