import rule from '../../../../server/src/engine/rules/compose/writable-root-filesystem';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'read_only: true, quoted or from a default',
      code: 'services:\n  a:\n    image: a:1\n    read_only: true\n  b:\n    image: b:1\n    read_only: "true"\n  c:\n    image: c:1\n    read_only: ${RO:-true}\n',
    },
    {
      name: 'read-only from an anchor or an extended service',
      code: 'x-base: &base\n  read_only: true\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    image: b:1\n    read_only: true\n  c:\n    extends: b\n',
    },
    { name: 'decided by the environment', code: 'services:\n  a:\n    image: a:1\n    read_only: ${READ_ONLY}\n' },
    { name: 'not a container yet', code: 'services:\n  a:\n' },
  ],
  invalid: [
    {
      name: 'missing: the fix adds read_only: true, the suggestion adds a tmpfs at /tmp too; comments kept',
      code: 'services:\n  web:\n    image: nginx:1.27 # pinned\n    # only local\n    ports: ["127.0.0.1:80:80"]\n\nvolumes: {}\n',
      findings: [
        {
          line: 2,
          column: 3,
          endColumn: 6,
          messageId: 'writable',
          data: { service: 'web' },
          suggestions: [
            {
              output:
                'services:\n  web:\n    image: nginx:1.27 # pinned\n    # only local\n    ports: ["127.0.0.1:80:80"]\n    read_only: true\n\nvolumes: {}\n',
            },
            {
              title: /tmpfs at \/tmp/,
              output:
                'services:\n  web:\n    image: nginx:1.27 # pinned\n    # only local\n    ports: ["127.0.0.1:80:80"]\n    read_only: true\n    tmpfs: [/tmp]\n\nvolumes: {}\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: '4-space indentation; an existing tmpfs list gets /tmp appended (merged, not duplicated)',
      code: 'services:\n    web:\n        image: a:1\n        tmpfs:\n            - /run\n',
      findings: [
        {
          line: 2,
          column: 5,
          messageId: 'writable',
          suggestions: [
            { output: 'services:\n    web:\n        image: a:1\n        tmpfs:\n            - /run\n        read_only: true\n' },
            { output: 'services:\n    web:\n        image: a:1\n        tmpfs:\n            - /run\n            - /tmp\n        read_only: true\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a tmpfs at /tmp already: only read_only is offered',
      code: "services:\n  web:\n    image: 'a:1'\n    tmpfs: ['/tmp:size=64m', /run]\n",
      findings: [
        {
          line: 2,
          messageId: 'writable',
          suggestions: [{ output: "services:\n  web:\n    image: 'a:1'\n    tmpfs: ['/tmp:size=64m', /run]\n    read_only: true\n" }],
        },
      ],
      output: null,
    },
    {
      name: "read_only: false is the author's choice: flipped by a suggestion only, inside the quotes",
      code: 'services:\n  web:\n    image: a:1\n    read_only: "false" # writes to /var/cache\n',
      findings: [
        {
          line: 4,
          column: 5,
          endColumn: 23,
          messageId: 'readOnlyFalse',
          data: { service: 'web' },
          suggestions: [
            { title: /read_only: true/, output: 'services:\n  web:\n    image: a:1\n    read_only: "true" # writes to /var/cache\n' },
            { title: /tmpfs/, output: 'services:\n  web:\n    image: a:1\n    read_only: "true" # writes to /var/cache\n    tmpfs: [/tmp]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'services built from anchors: the fix goes into each service, never into the anchor',
      code: 'x-base: &base\n  restart: always\n  tmpfs: [/run]\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    <<: *base\n    build: ./b\n',
      findings: [
        {
          line: 5,
          column: 3,
          messageId: 'writable',
          suggestions: [
            {
              output:
                'x-base: &base\n  restart: always\n  tmpfs: [/run]\nservices:\n  a:\n    <<: *base\n    image: a:1\n    read_only: true\n  b:\n    <<: *base\n    build: ./b\n',
            },
          ],
        },
        {
          line: 8,
          column: 3,
          messageId: 'writable',
          suggestions: [
            {
              output:
                'x-base: &base\n  restart: always\n  tmpfs: [/run]\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    <<: *base\n    build: ./b\n    read_only: true\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'read_only: false in an anchor: a suggestion overrides it in the service',
      code: 'x-base: &base\n  read_only: false\nservices:\n  a:\n    <<: *base\n    image: a:1\n',
      findings: [
        {
          line: 4,
          column: 3,
          messageId: 'readOnlyFalse',
          suggestions: [
            { output: 'x-base: &base\n  read_only: false\nservices:\n  a:\n    <<: *base\n    image: a:1\n    read_only: true\n' },
            { output: 'x-base: &base\n  read_only: false\nservices:\n  a:\n    <<: *base\n    image: a:1\n    read_only: true\n    tmpfs: [/tmp]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'flow-style and aliased services: no fix',
      code: 'x-base: &base\n  image: a:1\nservices:\n  a: {image: a:1}\n  b: *base\n',
      findings: [
        { line: 4, messageId: 'writable' },
        { line: 5, messageId: 'writable' },
      ],
      output: null,
    },
  ],
});
