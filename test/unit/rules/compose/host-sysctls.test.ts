import rule from '../../../../server/src/engine/rules/compose/host-sysctls';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'namespaced settings, map and list form',
      code: 'services:\n  a:\n    image: a:1\n    sysctls:\n      net.core.somaxconn: 1024\n      net.ipv4.ip_unprivileged_port_start: 0\n      kernel.shmmax: 68719476736\n      fs.mqueue.msg_max: 100\n  b:\n    image: b:1\n    sysctls:\n      - net.ipv4.tcp_syncookies=0\n      - kernel.sem=250 32000 100 128\n',
    },
    {
      name: 'net.* on a network shared with another service',
      code: 'services:\n  a:\n    image: a:1\n    network_mode: "service:vpn"\n    sysctls:\n      net.ipv4.conf.all.src_valid_mark: 1\n',
    },
  ],
  invalid: [
    {
      name: 'not namespaced: on the key; the suggestion removes the line (the last one takes sysctls: along)',
      code: 'services:\n  a:\n    image: a:1\n    sysctls:\n      vm.max_map_count: 262144 # for elasticsearch\n    read_only: true\n',
      findings: [
        {
          line: 5,
          column: 7,
          endColumn: 23,
          messageId: 'notNamespaced',
          data: { name: 'vm.max_map_count' },
          suggestions: [{ title: /Remove vm.max_map_count/, output: 'services:\n  a:\n    image: a:1\n    read_only: true\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'net.* with the host network, an IPC limit with ipc: host; list form; host control as error',
      code: 'services:\n  a:\n    image: a:1\n    network_mode: host\n    ipc: host\n    sysctls:\n      - net.ipv4.ip_forward=1\n      - kernel.shmmax=1024\n      - kernel.core_pattern=|/tmp/x\n',
      findings: [
        {
          line: 7,
          messageId: 'sharedNamespace',
          data: { name: 'net.ipv4.ip_forward', what: 'network settings', key: 'network_mode' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    network_mode: host\n    ipc: host\n    sysctls:\n      - kernel.shmmax=1024\n      - kernel.core_pattern=|/tmp/x\n',
            },
          ],
        },
        {
          line: 8,
          messageId: 'sharedNamespace',
          data: { name: 'kernel.shmmax', what: 'IPC limits', key: 'ipc' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    network_mode: host\n    ipc: host\n    sysctls:\n      - net.ipv4.ip_forward=1\n      - kernel.core_pattern=|/tmp/x\n',
            },
          ],
        },
        {
          line: 9,
          messageId: 'notNamespaced',
          data: { name: 'kernel.core_pattern' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    network_mode: host\n    ipc: host\n    sysctls:\n      - net.ipv4.ip_forward=1\n      - kernel.shmmax=1024\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'in an anchor: once, no edit; a flow mapping',
      code: 'x-s: &s\n  sysctls: {kernel.randomize_va_space: 0}\nservices:\n  a:\n    <<: *s\n    image: a:1\n  b:\n    <<: *s\n    image: b:1\n',
      findings: [{ line: 2, column: 13, messageId: 'notNamespaced', data: { name: 'kernel.randomize_va_space' } }],
      output: null,
    },
  ],
});
