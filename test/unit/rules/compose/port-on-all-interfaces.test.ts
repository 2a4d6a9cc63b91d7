import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { resolveConfig } from '../../../../server/src/engine/config';
import rule from '../../../../server/src/engine/rules/compose/port-on-all-interfaces';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'long syntax with the host IP in published (issue 12: read as host port "127.0.0.1:8080" on every interface)',
      code: 'services:\n  web:\n    ports:\n      - target: 80\n        published: 127.0.0.1:8080\n      - target: 443\n        published: "[::1]:8443"\n',
    },
    {
      name: 'long syntax with a host IP and no port in published: a port Docker picks, on loopback (KICS negative6)',
      code: 'services:\n  web:\n    ports:\n      - target: 8000\n        published: 127.0.0.1\n        protocol: tcp\n      - target: 443\n        published: "[::1]"\n',
    },
    {
      name: 'loopback, IPv4 and IPv6',
      code: 'services:\n  web:\n    ports:\n      - "127.0.0.1:8080:80"\n      - "[::1]:8443:443"\n      - 127.0.0.1::9000\n',
    },
    { name: 'a specific interface', code: 'services:\n  web:\n    ports:\n      - "192.168.1.10:80:80"\n' },
    {
      name: 'long syntax with a loopback host_ip',
      code: 'services:\n  web:\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n',
    },
    { name: 'expose does not publish', code: 'services:\n  db:\n    image: postgres:16\n    expose:\n      - "5432"\n' },
    { name: 'host networking publishes nothing', code: 'services:\n  web:\n    network_mode: host\n    ports:\n      - "80:80"\n' },
    { name: "a host IP from a variable is the operator's choice", code: 'services:\n  web:\n    ports:\n      - "${BIND_IP}:8080:80"\n' },
    { name: 'half-typed', code: 'services:\n  web:\n    ports:\n      -\n' },
  ],
  invalid: [
    {
      name: 'a host port from the environment is named as written (issue 12: the message held a NUL)',
      code: 'services:\n  web:\n    ports:\n      - "${WEB_PORT}:8080"\n      - "${HOST:-0.0.0.0}:${PORT}:9090"\n      - target: 3000\n        published: ${APP_PORT}\n',
      findings: [
        { line: 4, messageId: 'public', data: { port: '8080', hostPort: '${WEB_PORT}' } },
        { line: 5, messageId: 'public', data: { port: '9090', hostPort: '${PORT}' } },
        {
          line: 7,
          messageId: 'public',
          data: { port: '3000', hostPort: '${APP_PORT}' },
          suggestions: [
            {
              output:
                'services:\n  web:\n    ports:\n      - "${WEB_PORT}:8080"\n      - "${HOST:-0.0.0.0}:${PORT}:9090"\n      - target: 3000\n        published: ${APP_PORT}\n        host_ip: 127.0.0.1\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'long syntax with 0.0.0.0 in published',
      code: 'services:\n  web:\n    ports:\n      - target: 80\n        published: 0.0.0.0:8080\n',
      findings: [
        {
          line: 5,
          messageId: 'public',
          data: { port: '80', hostPort: '8080' },
          suggestions: [{ output: 'services:\n  web:\n    ports:\n      - target: 80\n        published: 0.0.0.0:8080\n        host_ip: 127.0.0.1\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'short syntax: the host IP goes in front, inside the quotes; comments and other lines untouched',
      code: '# web\nservices:\n  web:\n    image: nginx:1.27 # pinned\n    ports:\n      - "8080:80" # http\n      - "127.0.0.1:9000:9000"\n',
      findings: [
        {
          line: 6,
          column: 9,
          endColumn: 18,
          messageId: 'public',
          data: { port: '80', hostPort: '8080' },
          suggestions: [
            {
              output:
                '# web\nservices:\n  web:\n    image: nginx:1.27 # pinned\n    ports:\n      - "127.0.0.1:8080:80" # http\n      - "127.0.0.1:9000:9000"\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a database is an error, whatever the host port',
      code: "services:\n  db:\n    image: postgres:16\n    ports:\n      - '15432:5432'\n",
      findings: [
        {
          line: 5,
          messageId: 'publicSensitive',
          data: { what: 'PostgreSQL', port: '5432', hostPort: '15432' },
          suggestions: [{ output: "services:\n  db:\n    image: postgres:16\n    ports:\n      - '127.0.0.1:15432:5432'\n" }],
        },
      ],
      output: null,
    },
    {
      name: 'plain scalars, 0.0.0.0 and [::] replaced, container-only and ranges and /udp handled, 4-space indentation',
      code: 'services:\n    web:\n        ports:\n            - 0.0.0.0:80:80\n            - "[::]:443:443/tcp"\n            - 3000\n            - 6000-6400:6000-6400/udp\n',
      findings: [
        {
          line: 4,
          messageId: 'public',
          suggestions: [
            {
              output:
                'services:\n    web:\n        ports:\n            - 127.0.0.1:80:80\n            - "[::]:443:443/tcp"\n            - 3000\n            - 6000-6400:6000-6400/udp\n',
            },
          ],
        },
        {
          line: 5,
          messageId: 'public',
          suggestions: [
            {
              output:
                'services:\n    web:\n        ports:\n            - 0.0.0.0:80:80\n            - "127.0.0.1:443:443/tcp"\n            - 3000\n            - 6000-6400:6000-6400/udp\n',
            },
          ],
        },
        {
          line: 6,
          messageId: 'publicRandomPort',
          suggestions: [
            {
              output:
                'services:\n    web:\n        ports:\n            - 0.0.0.0:80:80\n            - "[::]:443:443/tcp"\n            - 127.0.0.1::3000\n            - 6000-6400:6000-6400/udp\n',
            },
          ],
        },
        {
          line: 7,
          messageId: 'publicSensitive',
          data: { what: 'Redis' },
          suggestions: [
            {
              output:
                'services:\n    web:\n        ports:\n            - 0.0.0.0:80:80\n            - "[::]:443:443/tcp"\n            - 3000\n            - 127.0.0.1:6000-6400:6000-6400/udp\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'long syntax: host_ip added, or 0.0.0.0 replaced, never duplicated',
      code: 'services:\n  web:\n    ports:\n      - target: 80\n        published: "8080"\n        protocol: tcp\n      - target: 443\n        host_ip: 0.0.0.0\n        published: 8443\n',
      findings: [
        {
          line: 5,
          column: 20,
          endColumn: 26,
          messageId: 'public',
          suggestions: [
            {
              output:
                'services:\n  web:\n    ports:\n      - target: 80\n        published: "8080"\n        protocol: tcp\n        host_ip: 127.0.0.1\n      - target: 443\n        host_ip: 0.0.0.0\n        published: 8443\n',
            },
          ],
        },
        {
          line: 8,
          column: 18,
          endColumn: 25,
          messageId: 'public',
          suggestions: [
            {
              output:
                'services:\n  web:\n    ports:\n      - target: 80\n        published: "8080"\n        protocol: tcp\n      - target: 443\n        host_ip: 127.0.0.1\n        published: 8443\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'service built from anchors and merge keys: the fix goes into its own list',
      code: 'x-base: &base\n  image: app:1\n  restart: unless-stopped\nservices:\n  web:\n    <<: *base\n    ports:\n      - "8080:8080"\n',
      findings: [
        {
          line: 8,
          messageId: 'public',
          suggestions: [
            {
              output: 'x-base: &base\n  image: app:1\n  restart: unless-stopped\nservices:\n  web:\n    <<: *base\n    ports:\n      - "127.0.0.1:8080:8080"\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'ports shared through an anchor: reported once where written, not edited',
      code: 'x-ports: &ports\n  ports:\n    - "6379:6379"\nservices:\n  a:\n    <<: *ports\n  b:\n    <<: *ports\n',
      findings: [{ line: 3, messageId: 'publicSensitive', data: { what: 'Redis' } }],
      output: null,
    },
    {
      name: 'flow style: plain scalars in a flow list and flow maps get no fix',
      code: 'services:\n  web: {ports: [8080:80, {target: 443, published: 443}]}\n',
      findings: [
        { line: 2, messageId: 'public' },
        { line: 2, messageId: 'public' },
      ],
      output: null,
    },
    {
      name: 'a quoted value in a one-line flow list is still safe to edit',
      code: 'services:\n  web:\n    ports: ["8080:80"]\n',
      findings: [{ line: 3, messageId: 'public', suggestions: [{ output: 'services:\n  web:\n    ports: ["127.0.0.1:8080:80"]\n' }] }],
      output: null,
    },
    {
      name: 'a port from a variable default: reported, not edited',
      code: 'services:\n  web:\n    ports:\n      - "${WEB_PORT:-8080}:80"\n',
      findings: [{ line: 4, messageId: 'public', data: { port: '80', hostPort: '8080' } }],
      output: null,
    },
    {
      name: 'a database on a random host port',
      code: 'services:\n  db:\n    image: redis:7\n    ports:\n      - "6379"\n',
      findings: [
        {
          line: 5,
          column: 9,
          endColumn: 15,
          messageId: 'publicSensitiveRandomPort',
          data: { what: 'Redis', port: '6379' },
          suggestions: [{ output: 'services:\n  db:\n    image: redis:7\n    ports:\n      - "127.0.0.1::6379"\n' }],
        },
      ],
      output: null,
    },
  ],
});

describe('port-on-all-interfaces severity', () => {
  const text = 'services:\n  web:\n    ports:\n      - "8080:80"\n  cache:\n    ports:\n      - "6379:6379"\n  debug:\n    ports:\n      - "9229:9229"\n';
  it('is an error for databases, caches, brokers and debuggers, a warning otherwise', () => {
    const findings = analyze(text, { kind: 'compose', rules: [rule] });
    assert.deepEqual(
      findings.map((f) => f.severity),
      ['warning', 'error', 'error'],
    );
  });
  it('yields to a severity the user configured', () => {
    const findings = analyze(text, { kind: 'compose', rules: [rule], config: resolveConfig({ rules: { 'port-on-all-interfaces': 'info' } }) });
    assert.deepEqual(
      findings.map((f) => f.severity),
      ['info', 'info', 'info'],
    );
  });
});
