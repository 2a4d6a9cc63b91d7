import rule from '../../../../server/src/engine/rules/compose/missing-no-new-privileges';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'every spelling Docker accepts',
      code: 'services:\n  a:\n    image: a:1\n    security_opt: [no-new-privileges]\n  b:\n    image: b:1\n    security_opt: ["no-new-privileges:true"]\n  c:\n    image: c:1\n    security_opt:\n      - seccomp=./profile.json\n      - no-new-privileges=true\n',
    },
    {
      name: 'from an anchor, or merged along extends',
      code: 'x-h: &h\n  security_opt: [no-new-privileges:true]\nservices:\n  a:\n    <<: *h\n    image: a:1\n  b:\n    extends: a\n    security_opt: [apparmor=docker-default]\n',
    },
    { name: 'an item from the environment', code: 'services:\n  a:\n    image: a:1\n    security_opt: ["${SECURITY_OPT}"]\n' },
    {
      name: 'the setting written as a mapping item (a slip compose rejects): mistyped, not missing',
      code: 'services:\n  a:\n    image: a:1\n    security_opt:\n      - no-new-privileges: true\n',
    },
  ],
  invalid: [
    {
      name: 'a mapping item sets no option (KICS no_new_privileges_not_set positive2: - apparmor: false)',
      code: 'services:\n  web:\n    image: a:1\n    security_opt:\n      - apparmor: false\n',
      findings: [
        {
          line: 4,
          column: 5,
          messageId: 'missing',
          data: { service: 'web' },
          suggestions: [{ output: 'services:\n  web:\n    image: a:1\n    security_opt:\n      - apparmor: false\n      - "no-new-privileges:true"\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'missing: the fix adds security_opt with the option quoted like the file, comments kept',
      code: "services:\n  web:\n    image: 'nginx:1.27' # pinned\n    # local only\n    ports: ['127.0.0.1:80:80']\n",
      findings: [
        {
          line: 2,
          column: 3,
          endColumn: 6,
          messageId: 'missing',
          data: { service: 'web' },
          suggestions: [
            {
              output:
                "services:\n  web:\n    image: 'nginx:1.27' # pinned\n    # local only\n    ports: ['127.0.0.1:80:80']\n    security_opt: ['no-new-privileges:true']\n",
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: '4-space indentation; an existing block list with a seccomp profile gets the option appended',
      code: 'services:\n    web:\n        image: a:1\n        security_opt:\n            - seccomp=profile.json # tuned\n            - apparmor=docker-default\n        user: "1000"\n',
      findings: [
        {
          line: 4,
          column: 9,
          endColumn: 21,
          messageId: 'missing',
          suggestions: [
            {
              output:
                'services:\n    web:\n        image: a:1\n        security_opt:\n            - seccomp=profile.json # tuned\n            - apparmor=docker-default\n            - no-new-privileges:true\n        user: "1000"\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a quoted block list and a one-line flow list get quoted items',
      code: 'services:\n  a:\n    image: a:1\n    security_opt:\n      - "label:type:container_t"\n  b:\n    image: b:1\n    security_opt: [apparmor=docker-default]\n',
      findings: [
        {
          line: 4,
          messageId: 'missing',
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    security_opt:\n      - "label:type:container_t"\n      - "no-new-privileges:true"\n  b:\n    image: b:1\n    security_opt: [apparmor=docker-default]\n',
            },
          ],
        },
        {
          line: 8,
          messageId: 'missing',
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    security_opt:\n      - "label:type:container_t"\n  b:\n    image: b:1\n    security_opt: [apparmor=docker-default, "no-new-privileges:true"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'no-new-privileges:false is reported on the item; a suggestion sets it to true, separator and quotes kept',
      code: 'services:\n  web:\n    image: a:1\n    security_opt:\n      - "no-new-privileges=false"\n',
      findings: [
        {
          line: 5,
          column: 9,
          endColumn: 34,
          messageId: 'disabled',
          data: { setting: 'no-new-privileges=false' },
          suggestions: [
            { title: /no-new-privileges=true/, output: 'services:\n  web:\n    image: a:1\n    security_opt:\n      - "no-new-privileges=true"\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'services built from anchors: the service gets its own list, the anchor is untouched',
      code: 'x-base: &base\n  restart: always\nservices:\n  a:\n    <<: *base\n    image: a:1\n',
      findings: [
        {
          line: 4,
          column: 3,
          messageId: 'missing',
          suggestions: [
            { output: 'x-base: &base\n  restart: always\nservices:\n  a:\n    <<: *base\n    image: a:1\n    security_opt: ["no-new-privileges:true"]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a list from an anchor cannot be extended without hiding it, a flow service, a multi-line flow list: no fix',
      code: 'x-base: &base\n  security_opt: [seccomp=profile.json]\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b: {image: b:1}\n  c:\n    image: c:1\n    security_opt: [\n      apparmor=x]\n',
      findings: [
        { line: 4, column: 3, messageId: 'missing' },
        { line: 7, column: 3, messageId: 'missing' },
        { line: 10, column: 5, messageId: 'missing' },
      ],
      output: null,
    },
  ],
});
