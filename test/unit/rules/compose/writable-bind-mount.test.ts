import rule from '../../../../server/src/engine/rules/compose/writable-bind-mount';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'read_only: true on a last line ending in a lone CR, which compose reads as a line end (fuzz)',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: ./certs\n        target: /certs\n        read_only: true\r',
    },
    {
      name: 'read-only bind mounts',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n      - "./conf:/etc/nginx/conf.d:ro,z"\n      - type: bind\n        source: ./certs\n        target: /certs\n        read_only: true\n',
    },
    {
      name: 'named and anonymous volumes are not bind mounts',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - /tmp/cache\n      - type: volume\n        source: other\n        target: /other\nvolumes:\n  pgdata: {}\n  other: {}\n',
    },
    { name: 'tmpfs', code: 'services:\n  web:\n    volumes:\n      - type: tmpfs\n        target: /tmp\n' },
    {
      name: 'sensitive paths and sockets are left to DG211 and DG212',
      code: 'services:\n  agent:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - /etc:/host/etc\n',
    },
    { name: 'half-typed entries', code: 'services:\n  web:\n    volumes:\n      - \n      -\n' },
    { name: 'no services', code: 'volumes:\n  data: {}\n' },
  ],
  invalid: [
    {
      name: 'read_only: false on a last line ending in a lone CR is flipped, and read as true after (fuzz)',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: ./certs\n        target: /certs\n        read_only: false\r',
      findings: [
        {
          line: 6,
          messageId: 'readWrite',
          suggestions: [
            {
              output:
                'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: ./certs\n        target: /certs\n        read_only: true\r',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'short syntax: `:ro` appended inside the quotes',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - "./site:/usr/share/nginx/html"\n',
      findings: [
        {
          line: 5,
          column: 9,
          endColumn: 39,
          messageId: 'readWrite',
          data: { path: './site' },
          suggestions: [{ title: /:ro/, output: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - "./site:/usr/share/nginx/html:ro"\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'plain scalar, comments kept, 4-space indentation',
      code: '# app\nservices:\n    web:   # the site\n        volumes:\n            - /srv/site:/site   # content\n            - ~/uploads:/uploads\n',
      findings: [
        {
          line: 5,
          column: 15,
          endColumn: 30,
          messageId: 'readWrite',
          suggestions: [
            {
              output:
                '# app\nservices:\n    web:   # the site\n        volumes:\n            - /srv/site:/site:ro   # content\n            - ~/uploads:/uploads\n',
            },
          ],
        },
        {
          line: 6,
          messageId: 'readWrite',
          suggestions: [
            {
              output:
                '# app\nservices:\n    web:   # the site\n        volumes:\n            - /srv/site:/site   # content\n            - ~/uploads:/uploads:ro\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: '`:rw` becomes `:ro`, SELinux options kept',
      code: "services:\n  web:\n    volumes:\n      - './data:/data:rw,Z'\n",
      findings: [{ line: 4, messageId: 'readWrite', suggestions: [{ output: "services:\n  web:\n    volumes:\n      - './data:/data:ro,Z'\n" }] }],
      output: null,
    },
    {
      name: '`:z` alone becomes `:ro,z`',
      code: 'services:\n  web:\n    volumes:\n      - .:/app:z\n',
      findings: [{ line: 4, messageId: 'readWrite', suggestions: [{ output: 'services:\n  web:\n    volumes:\n      - .:/app:ro,z\n' }] }],
      output: null,
    },
    {
      name: 'long syntax: read_only added to the item',
      code: 'services:\n  web:\n    volumes:\n      - type: bind\n        source: ./data\n        target: /data\n    image: a:1\n',
      findings: [
        {
          line: 5,
          column: 17,
          endColumn: 23,
          messageId: 'readWrite',
          suggestions: [
            {
              title: /read_only/,
              output:
                'services:\n  web:\n    volumes:\n      - type: bind\n        source: ./data\n        target: /data\n        read_only: true\n    image: a:1\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'long syntax: an existing read_only: false is flipped, not duplicated',
      code: 'services:\n  web:\n    volumes:\n      - type: bind\n        source: ./data\n        read_only: false\n        target: /data\n',
      findings: [
        {
          line: 5,
          messageId: 'readWrite',
          suggestions: [
            { output: 'services:\n  web:\n    volumes:\n      - type: bind\n        source: ./data\n        read_only: true\n        target: /data\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'service built from anchors and merge keys: the edit goes into its own list',
      code: 'x-base: &base\n  image: app:1\n  restart: always\nservices:\n  web:\n    <<: *base\n    volumes:\n      - ./logs:/logs\n',
      findings: [
        {
          line: 8,
          messageId: 'readWrite',
          suggestions: [
            { output: 'x-base: &base\n  image: app:1\n  restart: always\nservices:\n  web:\n    <<: *base\n    volumes:\n      - ./logs:/logs:ro\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a mount shared through an anchor is reported once, on the anchor, with no edit of the anchor',
      code: 'x-base: &base\n  volumes:\n    - ./shared:/shared\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n',
      findings: [{ line: 3, messageId: 'readWrite' }],
      output: null,
    },
    {
      name: 'flow style: reported, no edit',
      code: 'services:\n  web: {volumes: ["./data:/data"]}\n',
      findings: [{ line: 2, messageId: 'readWrite', suggestions: [{ output: 'services:\n  web: {volumes: ["./data:/data:ro"]}\n' }] }],
      output: null,
    },
    {
      name: 'flow-style long syntax: no edit',
      code: 'services:\n  web:\n    volumes:\n      - {type: bind, source: ./data, target: /data}\n',
      findings: [{ line: 4, column: 30, endColumn: 36, messageId: 'readWrite' }],
      output: null,
    },
    {
      name: 'a host path from a variable default: reported, not edited',
      code: 'services:\n  web:\n    volumes:\n      - ${DATA_DIR:-./data}:/data\n',
      findings: [{ line: 4, messageId: 'readWrite', data: { path: './data' } }],
      output: null,
    },
  ],
});
