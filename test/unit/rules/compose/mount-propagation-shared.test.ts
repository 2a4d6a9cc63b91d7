import rule from '../../../../server/src/engine/rules/compose/mount-propagation-shared';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'rslave, rprivate, plain mounts, named volumes with options',
      code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - /mnt/data:/data:rslave\n      - ./conf:/conf:ro\n      - data:/var/lib/data:rshared\n      - type: bind\n        source: ./x\n        target: /x\n        bind:\n          propagation: rprivate\n      - type: volume\n        source: data\n        target: /y\n        bind:\n          propagation: rshared\nvolumes:\n  data: {}\n',
    },
    { name: 'no volumes', code: 'services:\n  a:\n    image: a:1\n' },
    { name: 'a path merely containing the word', code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - ./shared:/shared\n' },
  ],
  invalid: [
    {
      name: 'short syntax: on the token; the suggestion drops it and its colon, comments kept',
      code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - /mnt/disks:/mnt/disks:rshared # for the agent\n',
      findings: [
        {
          line: 5,
          column: 31,
          endColumn: 38,
          messageId: 'shared',
          data: { path: '/mnt/disks', mode: 'rshared' },
          suggestions: [
            { title: /Remove rshared propagation/, output: 'services:\n  a:\n    image: a:1\n    volumes:\n      - /mnt/disks:/mnt/disks # for the agent\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'short syntax with ro, quoted, in a flow list',
      code: 'services:\n  a:\n    image: a:1\n    volumes: ["./h:/c:ro,shared"]\n  b:\n    image: b:1\n    volumes:\n      - "/srv:/srv:shared,z"\n',
      findings: [
        {
          line: 4,
          column: 26,
          messageId: 'shared',
          data: { mode: 'shared' },
          suggestions: [
            { output: 'services:\n  a:\n    image: a:1\n    volumes: ["./h:/c:ro"]\n  b:\n    image: b:1\n    volumes:\n      - "/srv:/srv:shared,z"\n' },
          ],
        },
        {
          line: 8,
          column: 20,
          messageId: 'shared',
          data: { path: '/srv', mode: 'shared' },
          suggestions: [
            { output: 'services:\n  a:\n    image: a:1\n    volumes: ["./h:/c:ro,shared"]\n  b:\n    image: b:1\n    volumes:\n      - "/srv:/srv:z"\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'long syntax: on the value; removes bind: when it held only propagation, else the key',
      code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - type: bind\n        source: ./x\n        target: /x\n        bind:\n          propagation: rshared\n      - type: bind\n        source: ./y\n        target: /y\n        bind:\n          create_host_path: true\n          propagation: SHARED\n',
      findings: [
        {
          line: 9,
          column: 24,
          messageId: 'shared',
          data: { path: './x', mode: 'rshared' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    volumes:\n      - type: bind\n        source: ./x\n        target: /x\n      - type: bind\n        source: ./y\n        target: /y\n        bind:\n          create_host_path: true\n          propagation: SHARED\n',
            },
          ],
        },
        {
          line: 15,
          messageId: 'shared',
          data: { mode: 'shared' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    volumes:\n      - type: bind\n        source: ./x\n        target: /x\n        bind:\n          propagation: rshared\n      - type: bind\n        source: ./y\n        target: /y\n        bind:\n          create_host_path: true\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'in an anchor shared by two services: once, no edit',
      code: 'x-vol: &vol\n  volumes:\n    - /mnt:/mnt:rshared\nservices:\n  a:\n    <<: *vol\n    image: a:1\n  b:\n    <<: *vol\n    image: b:1\n',
      findings: [{ line: 3, messageId: 'shared' }],
      output: null,
    },
  ],
});
