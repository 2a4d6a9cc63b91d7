import rule from '../../../../server/src/engine/rules/compose/healthcheck-disabled';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'a real health check',
      code: 'services:\n  web:\n    image: a:1\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n      interval: 30s\n',
    },
    {
      name: 'disable: false, and a shell test that happens to be NONE',
      code: 'services:\n  a:\n    image: a:1\n    healthcheck:\n      disable: false\n      test: NONE\n',
    },
    { name: 'half-typed', code: 'services:\n  a:\n    healthcheck:\n      test:\n' },
  ],
  invalid: [
    {
      name: 'disable: true, on the key and value',
      code: 'services:\n  web:\n    image: a:1\n    healthcheck:\n      disable: true # the image has a slow one\n',
      findings: [{ line: 5, column: 7, endColumn: 20, messageId: 'disabled', data: { setting: 'healthcheck.disable: true' } }],
      output: null,
    },
    {
      name: 'test: ["NONE"], flow or block, quoted or not; 4-space indentation',
      code: "services:\n    a:\n        image: a:1\n        healthcheck:\n            test: ['NONE']\n    b:\n        image: b:1\n        healthcheck:\n            test:\n                - NONE\n",
      findings: [
        { line: 5, column: 20, endColumn: 26, messageId: 'disabled' },
        { line: 10, column: 19, messageId: 'disabled' },
      ],
      output: null,
    },
    {
      name: 'from an anchor: reported once, where written; a flow-style service',
      code: 'x-nohc: &nohc\n  healthcheck:\n    disable: true\nservices:\n  a:\n    <<: *nohc\n    image: a:1\n  b:\n    <<: *nohc\n    image: b:1\n  c: {image: c:1, healthcheck: {disable: "true"}}\n',
      findings: [
        { line: 3, column: 5, messageId: 'disabled' },
        { line: 11, column: 33, messageId: 'disabled' },
      ],
      output: null,
    },
  ],
});
