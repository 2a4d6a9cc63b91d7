import rule from '../../../../server/src/engine/rules/compose/port-range-too-wide';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'single ports and narrow ranges',
      code: 'services:\n  a:\n    image: a:1\n    ports:\n      - "8080:80"\n      - "8000-8099:8000-8099"\n      - 9000-9010\n      - target: 80\n        published: "8000-8050"\n',
    },
    { name: 'from the environment', code: 'services:\n  a:\n    image: a:1\n    ports:\n      - "${RANGE}:10000-20000"\n' },
    {
      name: 'host network: nothing published',
      code: 'services:\n  a:\n    image: a:1\n    network_mode: host\n    ports:\n      - "30000-32767:30000-32767"\n',
    },
  ],
  invalid: [
    {
      name: 'a wide range on every interface, on the entry',
      code: 'services:\n  a:\n    image: a:1\n    ports:\n      - "30000-32767:30000-32767"\n',
      findings: [{ line: 5, column: 9, endColumn: 34, messageId: 'wide', data: { range: '30000-32767', count: 2768 } }],
      output: null,
    },
    {
      name: 'UDP media range, container-only range (random host ports), loopback, a host IP, long syntax, flow list',
      code: 'services:\n  a:\n    image: a:1\n    ports:\n      - 10000-20000:10000-20000/udp\n      - "5000-5999"\n      - "127.0.0.1:8000-9000:8000-9000"\n      - "192.168.1.5:40000-40200:40000-40200"\n      - target: 6000\n        published: "7000-7999"\n  b: {image: b:1, ports: ["1-65535:1-65535"]}\n',
      findings: [
        { line: 5, messageId: 'wide', data: { range: '10000-20000', count: 10001 } },
        { line: 6, messageId: 'wide', data: { range: '5000-5999', count: 1000 } },
        { line: 7, messageId: 'wideOnAddress', data: { ip: '127.0.0.1', count: 1001 } },
        { line: 8, messageId: 'wideOnAddress', data: { ip: '192.168.1.5', count: 201 } },
        { line: 10, column: 20, messageId: 'wide', data: { range: '7000-7999' } },
        { line: 11, column: 27, messageId: 'wide', data: { count: 65535 } },
      ],
      output: null,
    },
    {
      name: 'in an anchor: once, where written',
      code: 'x-p: &p\n  ports:\n    - "8000-8999:8000-8999"\nservices:\n  a:\n    <<: *p\n    image: a:1\n  b:\n    <<: *p\n    image: b:1\n',
      findings: [{ line: 3, messageId: 'wide' }],
      output: null,
    },
  ],
});
