import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import rule from '../../../../server/src/engine/rules/compose/missing-cap-drop-all';
import { testRule } from '../../../support/rule-tester';

const ALL_DEFAULTS =
  'CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, cap_net_raw, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, CAP_AUDIT_WRITE';

testRule(rule, {
  valid: [
    {
      name: 'privileged services: every capability anyway, privileged reports them',
      code: 'services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n',
    },
    {
      name: 'cap_drop: [ALL], any case',
      code: 'services:\n  a:\n    image: a:1\n    cap_drop: [ALL]\n  b:\n    image: b:1\n    cap_drop:\n      - all\n    cap_add:\n      - NET_BIND_SERVICE\n',
    },
    { name: 'ALL dropped by an anchor', code: 'x-hardened: &hardened\n  cap_drop: ["ALL"]\nservices:\n  a:\n    <<: *hardened\n    image: a:1\n' },
    {
      name: 'ALL dropped by an extended service (compose merges the lists)',
      code: 'services:\n  base:\n    image: a:1\n    cap_drop: [ALL]\n  worker:\n    extends: base\n    cap_drop: [NET_RAW]\n',
    },
    { name: 'every default capability dropped one by one', code: `services:\n  a:\n    image: a:1\n    cap_drop: [${ALL_DEFAULTS}]\n` },
    { name: 'a list decided by the environment', code: 'services:\n  a:\n    image: a:1\n    cap_drop: ["${DROP_CAPS}"]\n' },
    { name: 'a service still being typed, and a provider service (no container)', code: 'services:\n  new:\n  model:\n    provider:\n      type: model\n' },
    {
      name: 'extends a service of another file that cannot be read: not guessed',
      code: 'services:\n  web:\n    extends:\n      file: common.yml\n      service: base\n',
    },
  ],
  invalid: [
    {
      name: 'a file ending in a lone CR (issue 12: cap_drop went after the CR, on the same YAML line)',
      code: 'services:\n  web:\n    image: nginx:1.27\r',
      findings: [{ line: 2, messageId: 'noCapDrop', suggestions: [{ output: 'services:\n  web:\n    image: nginx:1.27\r\n    cap_drop: [ALL]\n' }] }],
      output: null,
    },
    {
      name: 'no cap_drop: the fix adds cap_drop: [ALL] after the last value, comments kept',
      code: '# the app\nservices:\n  web:\n    image: nginx:1.27 # pinned\n    ports:\n      - "127.0.0.1:8080:80" # local only\n\n  # the database\n  db:\n    image: postgres:16\n',
      findings: [
        {
          line: 3,
          column: 3,
          endColumn: 6,
          messageId: 'noCapDrop',
          data: { service: 'web', count: '14', shown: 'CHOWN, DAC_OVERRIDE, FSETID and 11 more' },
          suggestions: [
            {
              output:
                '# the app\nservices:\n  web:\n    image: nginx:1.27 # pinned\n    ports:\n      - "127.0.0.1:8080:80" # local only\n    cap_drop: [ALL]\n\n  # the database\n  db:\n    image: postgres:16\n',
            },
          ],
        },
        {
          line: 9,
          column: 3,
          messageId: 'noCapDrop',
          data: { service: 'db', count: '14', shown: 'CHOWN, DAC_OVERRIDE, FSETID and 11 more' },
          suggestions: [
            {
              output:
                '# the app\nservices:\n  web:\n    image: nginx:1.27 # pinned\n    ports:\n      - "127.0.0.1:8080:80" # local only\n\n  # the database\n  db:\n    image: postgres:16\n    cap_drop: [ALL]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: '4-space indentation, a service that only builds, no final line break',
      code: 'services:\n    api:\n        build:\n            context: ./api\n        user: "1000"',
      findings: [
        {
          line: 2,
          column: 5,
          messageId: 'noCapDrop',
          suggestions: [{ output: 'services:\n    api:\n        build:\n            context: ./api\n        user: "1000"\n        cap_drop: [ALL]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'an existing block list gets ALL appended, quotes of the others kept; the finding is on cap_drop',
      code: 'services:\n  web:\n    image: a:1\n    cap_drop:\n      - "NET_RAW" # no ping\n    cap_add: [NET_BIND_SERVICE]\n',
      findings: [
        {
          line: 4,
          column: 5,
          endColumn: 13,
          messageId: 'allNotDropped',
          data: { service: 'web', count: '13', shown: 'CHOWN, DAC_OVERRIDE, FSETID and 10 more' },
          suggestions: [
            { output: 'services:\n  web:\n    image: a:1\n    cap_drop:\n      - "NET_RAW" # no ping\n      - ALL\n    cap_add: [NET_BIND_SERVICE]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an existing one-line flow list gets ALL appended',
      code: "services:\n  web:\n    image: 'a:1'\n    cap_drop: [ 'NET_RAW', SYS_CHROOT ]\n",
      findings: [
        {
          line: 4,
          column: 5,
          messageId: 'allNotDropped',
          suggestions: [{ output: "services:\n  web:\n    image: 'a:1'\n    cap_drop: [ 'NET_RAW', SYS_CHROOT, ALL ]\n" }],
        },
      ],
      output: null,
    },
    {
      name: 'a list from an anchor: each service gets its own cap_drop: [ALL] (a superset), the anchor is untouched',
      code: 'x-base: &base\n  restart: always\n  cap_drop: [NET_RAW]\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    image: b:1\n    <<: *base\n',
      findings: [
        {
          line: 5,
          column: 3,
          messageId: 'allNotDropped',
          suggestions: [
            {
              output:
                'x-base: &base\n  restart: always\n  cap_drop: [NET_RAW]\nservices:\n  a:\n    <<: *base\n    image: a:1\n    cap_drop: [ALL]\n  b:\n    image: b:1\n    <<: *base\n',
            },
          ],
        },
        {
          line: 8,
          column: 3,
          messageId: 'allNotDropped',
          suggestions: [
            {
              output:
                'x-base: &base\n  restart: always\n  cap_drop: [NET_RAW]\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    image: b:1\n    <<: *base\n    cap_drop: [ALL]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a service that is an alias, a flow-style service and a multi-line flow list: no fix',
      code: 'x-base: &base\n  image: a:1\nservices:\n  a: *base\n  b: {image: b:1}\n  c:\n    image: c:1\n    cap_drop: [\n      NET_RAW\n    ]\n',
      findings: [
        { line: 4, column: 3, messageId: 'noCapDrop' },
        { line: 5, column: 3, messageId: 'noCapDrop' },
        { line: 8, column: 5, messageId: 'allNotDropped' },
      ],
      output: null,
    },
  ],
});

describe('missing-cap-drop-all across files', () => {
  const run = (text: string, files: Record<string, string>, uri = '/p/compose.yaml') =>
    analyze(text, { kind: 'compose', rules: [rule], uri, readFile: (file) => files[file.replace(/^\/p\//, '')] });

  it('follows extends into another file, relative to the file that names it', () => {
    const compose = 'services:\n  web:\n    extends:\n      file: shared/common.yml\n      service: base\n';
    const hardened = 'services:\n  base:\n    extends:\n      file: ../hardening/base.yml\n      service: hardened\n  hardened_locally:\n    image: x:1\n';
    const base = 'services:\n  hardened:\n    image: a:1\n    cap_drop: [ALL]\n';
    assert.deepEqual(run(compose, { 'shared/common.yml': hardened, 'hardening/base.yml': base }), []);
    const soft = 'services:\n  hardened:\n    image: a:1\n';
    const findings = run(compose, { 'shared/common.yml': hardened, 'hardening/base.yml': soft });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].messageId, 'noCapDrop');
  });

  it('stays silent in an override file: what it leaves out is set in the base file', () => {
    assert.deepEqual(run('services:\n  web:\n    image: a:1\n', {}, '/p/compose.override.yaml'), []);
    assert.equal(run('services:\n  web:\n    image: a:1\n', {}, '/p/compose.yaml').length, 1);
  });

  it('does not loop on extends cycles', () => {
    const text = 'services:\n  a:\n    image: a:1\n    extends: b\n  b:\n    extends: a\n';
    assert.deepEqual(run(text, {}), []);
  });
});
