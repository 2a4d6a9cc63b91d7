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
        { line: 4, column: 5, endColumn: 23, message: /network_mode: host puts the container on the host's network.*publish only the ports it needs/ },
      ],
      output: null,
      suggestions: [{ title: /Remove network_mode: host/, output: 'services:\n  web:\n    image: a:1 # pinned\n    # ports\n' }],
    },
    {
      name: 'every host namespace, quoted or from a default, with severities by reach; 4-space indentation',
      code: 'services:\n    a:\n        pid: "host"\n        ipc: host\n        uts: host\n        userns_mode: host\n        cgroup: ${CGROUP:-host}\n        image: a:1\n',
      findings: [
        { line: 3, message: /pid: host shares the host's process table/ },
        { line: 4, message: /ipc: host.*shared memory/ },
        { line: 5, message: /uts: host.*hostname/ },
        { line: 6, message: /userns_mode: host.*user-namespace remapping/ },
        { line: 7, message: /cgroup: host.*cgroup hierarchy/ },
      ],
      output: null,
      suggestions: [
        { output: 'services:\n    a:\n        ipc: host\n        uts: host\n        userns_mode: host\n        cgroup: ${CGROUP:-host}\n        image: a:1\n' },
      ],
    },
    {
      name: 'from an anchor: reported once, where written; a flow-style service',
      code: 'x-host: &host\n  network_mode: host\nservices:\n  a:\n    <<: *host\n    image: a:1\n  b:\n    <<: *host\n    build: .\n  c: {image: c:1, pid: host}\n',
      findings: [
        { line: 2, column: 3 },
        { line: 10, column: 19 },
      ],
      output: null,
    },
  ],
});
