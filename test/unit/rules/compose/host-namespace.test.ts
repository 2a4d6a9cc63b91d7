import rule from '../../../../server/src/engine/rules/compose/host-namespace';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'namespaces shared with another service or container, or private',
      code: 'services:\n  a:\n    image: a:1\n    network_mode: "service:vpn"\n    pid: "container:debugger"\n    ipc: shareable\n    cgroup: private\n  b:\n    image: b:1\n    network_mode: bridge\n    ipc: "service:a"\n  c:\n    image: c:1\n    network_mode: none\n',
    },
    { name: 'a network named HOST is not the host network', code: 'services:\n  a:\n    image: a:1\n    network_mode: HOST\n' },
    { name: 'from the environment', code: 'services:\n  a:\n    image: a:1\n    network_mode: ${NET_MODE}\n' },
  ],
  invalid: [
    {
      name: 'network_mode: host, on the key and value, the suggestion removes the line, comments kept',
      code: 'services:\n  web:\n    image: a:1 # pinned\n    network_mode: host # for speed\n    # ports\n',
      findings: [
        {
          line: 4,
          column: 5,
          endColumn: 23,
          messageId: 'hostNamespace',
          data: {
            key: 'network_mode',
            risk: "puts the container on the host's network: it reaches every service listening on the host's localhost, and the ports it opens bypass Docker's port publishing and firewall rules",
            remedy: 'remove it and publish only the ports it needs',
          },
          suggestions: [{ title: /Remove network_mode: host/, output: 'services:\n  web:\n    image: a:1 # pinned\n    # ports\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'every host namespace, quoted or from a default, with severities by reach; 4-space indentation',
      code: 'services:\n    a:\n        pid: "host"\n        ipc: host\n        uts: host\n        userns_mode: host\n        cgroup: ${CGROUP:-host}\n        image: a:1\n',
      findings: [
        {
          line: 3,
          messageId: 'hostNamespace',
          data: {
            key: 'pid',
            risk: "shares the host's process table: the container sees every host process with its command line and environment, and can signal or trace those of its user",
            remedy: 'remove it',
          },
          suggestions: [
            {
              output:
                'services:\n    a:\n        ipc: host\n        uts: host\n        userns_mode: host\n        cgroup: ${CGROUP:-host}\n        image: a:1\n',
            },
          ],
        },
        {
          line: 4,
          messageId: 'hostNamespace',
          data: {
            key: 'ipc',
            risk: "shares the host's IPC namespace: the container can read and write the host's shared memory and message queues",
            remedy: 'remove it, or share IPC only with another service (ipc: "service:<name>")',
          },
          suggestions: [
            {
              output:
                'services:\n    a:\n        pid: "host"\n        uts: host\n        userns_mode: host\n        cgroup: ${CGROUP:-host}\n        image: a:1\n',
            },
          ],
        },
        {
          line: 5,
          messageId: 'hostNamespace',
          data: {
            key: 'uts',
            risk: "shares the host's hostname and domain name with the container, and with CAP_SYS_ADMIN lets it change them for the whole host",
            remedy: 'remove it',
          },
          suggestions: [
            {
              output:
                'services:\n    a:\n        pid: "host"\n        ipc: host\n        userns_mode: host\n        cgroup: ${CGROUP:-host}\n        image: a:1\n',
            },
          ],
        },
        {
          line: 6,
          messageId: 'hostNamespace',
          data: {
            key: 'userns_mode',
            risk: "turns off user-namespace remapping for this container, so its root is the host's root when the daemon remaps users (userns-remap)",
            remedy: 'remove it',
          },
          suggestions: [
            { output: 'services:\n    a:\n        pid: "host"\n        ipc: host\n        uts: host\n        cgroup: ${CGROUP:-host}\n        image: a:1\n' },
          ],
        },
        {
          line: 7,
          messageId: 'hostNamespace',
          data: {
            key: 'cgroup',
            risk: "shows the container the host's whole cgroup hierarchy, with every other container's limits and usage",
            remedy: 'remove it (private is the default)',
          },
          suggestions: [
            { output: 'services:\n    a:\n        pid: "host"\n        ipc: host\n        uts: host\n        userns_mode: host\n        image: a:1\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'from an anchor: reported once, where written; a flow-style service',
      code: 'x-host: &host\n  network_mode: host\nservices:\n  a:\n    <<: *host\n    image: a:1\n  b:\n    <<: *host\n    build: .\n  c: {image: c:1, pid: host}\n',
      findings: [
        { line: 2, column: 3, messageId: 'hostNamespace' },
        { line: 10, column: 19, messageId: 'hostNamespace' },
      ],
      output: null,
    },
  ],
});
