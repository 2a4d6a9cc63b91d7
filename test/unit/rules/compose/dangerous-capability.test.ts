import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { resolveConfig } from '../../../../server/src/engine/config';
import rule from '../../../../server/src/engine/rules/compose/dangerous-capability';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'narrow capabilities given back after cap_drop: [ALL]',
      code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [CHOWN, SETUID, SETGID, NET_BIND_SERVICE, NET_RAW]\n',
    },
    { name: 'dangerous capabilities dropped, not added', code: 'services:\n  web:\n    image: a:1\n    cap_drop: [SYS_ADMIN, ALL]\n' },
    { name: 'a capability from the environment', code: 'services:\n  web:\n    image: a:1\n    cap_add: ["${EXTRA_CAP}"]\n' },
    { name: 'an anchor no service uses', code: 'x-debug: &debug\n  cap_add: [SYS_PTRACE]\nservices:\n  web:\n    image: a:1\n' },
  ],
  invalid: [
    {
      name: 'SYS_ADMIN in a block list: on the item, suggestion removes its line, comments kept',
      code: 'services:\n  web:\n    image: a:1\n    cap_add:\n      # needed for fuse\n      - SYS_ADMIN # mount\n      - NET_BIND_SERVICE\n',
      findings: [
        {
          line: 6,
          column: 9,
          endColumn: 18,
          messageId: 'dangerous',
          data: { capability: 'SYS_ADMIN', risk: 'lets the container mount filesystems, create namespaces and reach the host through many known escapes' },
          suggestions: [
            {
              title: /Remove SYS_ADMIN from cap_add/,
              output: 'services:\n  web:\n    image: a:1\n    cap_add:\n      # needed for fuse\n      - NET_BIND_SERVICE\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'lower case, CAP_ prefix and quotes, in a one-line flow list; 4-space indentation',
      code: 'services:\n    web:\n        image: a:1\n        cap_add: [cap_sys_module, "ALL", NET_BIND_SERVICE]\n',
      findings: [
        {
          line: 4,
          column: 19,
          endColumn: 33,
          messageId: 'dangerous',
          data: { capability: 'cap_sys_module', risk: 'lets the container load kernel modules, that is run its own code in the host kernel' },
          suggestions: [{ output: 'services:\n    web:\n        image: a:1\n        cap_add: ["ALL", NET_BIND_SERVICE]\n' }],
        },
        {
          line: 4,
          column: 35,
          messageId: 'dangerous',
          data: { capability: 'ALL', risk: 'grants every capability, as good as privileged: true for a process that wants out' },
          suggestions: [{ output: 'services:\n    web:\n        image: a:1\n        cap_add: [cap_sys_module, NET_BIND_SERVICE]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'the only item: the suggestion removes the whole key',
      code: 'services:\n  web:\n    cap_add: [DAC_READ_SEARCH]\n    image: a:1\n',
      findings: [
        {
          line: 3,
          messageId: 'dangerous',
          data: { risk: 'lets the container open host files by handle (the "shocker" escape) and read past every file permission' },
          suggestions: [{ output: 'services:\n  web:\n    image: a:1\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'NET_ADMIN and SYS_PTRACE are warnings, errors with the host network or PID namespace',
      code: 'services:\n  vpn:\n    image: a:1\n    cap_add: [NET_ADMIN, SYS_PTRACE]\n  agent:\n    image: b:1\n    network_mode: host\n    pid: host\n    cap_add: [NET_ADMIN, SYS_PTRACE]\n',
      findings: [
        {
          line: 4,
          messageId: 'dangerous',
          data: { risk: 'lets the container reconfigure interfaces, routes and firewall rules and sniff or redirect traffic on its networks' },
          suggestions: [
            {
              output:
                'services:\n  vpn:\n    image: a:1\n    cap_add: [SYS_PTRACE]\n  agent:\n    image: b:1\n    network_mode: host\n    pid: host\n    cap_add: [NET_ADMIN, SYS_PTRACE]\n',
            },
          ],
        },
        {
          line: 4,
          messageId: 'dangerous',
          data: { risk: 'lets the container trace and inject code into other processes it can see' },
          suggestions: [
            {
              output:
                'services:\n  vpn:\n    image: a:1\n    cap_add: [NET_ADMIN]\n  agent:\n    image: b:1\n    network_mode: host\n    pid: host\n    cap_add: [NET_ADMIN, SYS_PTRACE]\n',
            },
          ],
        },
        {
          line: 9,
          messageId: 'dangerous',
          data: { risk: "with network_mode: host lets the container rewrite the host's own interfaces, routes and firewall" },
          suggestions: [
            {
              output:
                'services:\n  vpn:\n    image: a:1\n    cap_add: [NET_ADMIN, SYS_PTRACE]\n  agent:\n    image: b:1\n    network_mode: host\n    pid: host\n    cap_add: [SYS_PTRACE]\n',
            },
          ],
        },
        {
          line: 9,
          messageId: 'dangerous',
          data: { risk: 'with pid: host lets the container trace and inject code into every process of the host' },
          suggestions: [
            {
              output:
                'services:\n  vpn:\n    image: a:1\n    cap_add: [NET_ADMIN, SYS_PTRACE]\n  agent:\n    image: b:1\n    network_mode: host\n    pid: host\n    cap_add: [NET_ADMIN]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a list in an anchor: reported once, where written, not edited',
      code: 'x-caps: &caps\n  cap_add:\n    - BPF\nservices:\n  a:\n    <<: *caps\n    image: a:1\n  b:\n    <<: *caps\n    image: b:1\n',
      findings: [{ line: 3, column: 7, messageId: 'dangerous' }],
      output: null,
    },
    {
      name: 'a flow-style service',
      code: 'services:\n  web: {image: a:1, cap_add: [SYS_ADMIN]}\n',
      findings: [{ line: 2, column: 31, messageId: 'dangerous' }],
      output: null,
    },
  ],
});

describe('dangerous-capability severities', () => {
  it('reports escape-grade capabilities as errors and the others as warnings', () => {
    const text =
      'services:\n  a:\n    image: a:1\n    cap_add: [SYS_ADMIN, SYS_RAWIO, SYS_BOOT, BPF, MAC_ADMIN, MAC_OVERRIDE, SYS_TIME, PERFMON, SYSLOG, AUDIT_CONTROL, NET_ADMIN, SYS_PTRACE]\n';
    const findings = analyze(text, { kind: 'compose', rules: [rule] });
    assert.deepEqual(
      findings.map((f) => `${f.message.split(' ')[1]} ${f.severity}`),
      [
        'SYS_ADMIN error',
        'SYS_RAWIO error',
        'SYS_BOOT error',
        'BPF error',
        'MAC_ADMIN error',
        'MAC_OVERRIDE error',
        'SYS_TIME warning',
        'PERFMON warning',
        'SYSLOG warning',
        'AUDIT_CONTROL warning',
        'NET_ADMIN warning',
        'SYS_PTRACE warning',
      ],
    );
  });

  it('a severity configured for the rule wins over per-capability severities', () => {
    const findings = analyze('services:\n  a:\n    image: a:1\n    cap_add: [NET_ADMIN]\n', {
      kind: 'compose',
      rules: [rule],
      config: resolveConfig({ rules: { 'dangerous-capability': 'error' } }),
    });
    assert.equal(findings[0].severity, 'error');
  });
});
