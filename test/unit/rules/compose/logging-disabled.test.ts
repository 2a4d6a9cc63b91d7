import rule from '../../../../server/src/engine/rules/compose/logging-disabled';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'a driver that keeps logs',
      code: 'services:\n  web:\n    image: a:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n',
    },
    { name: 'options only (the default driver)', code: 'services:\n  web:\n    image: a:1\n    logging:\n      options:\n        max-size: 10m\n' },
    { name: 'a driver from the environment', code: 'services:\n  web:\n    image: a:1\n    logging:\n      driver: ${LOG_DRIVER}\n' },
  ],
  invalid: [
    {
      name: 'driver: none, on the value; the suggestion removes the logging key, comments kept',
      code: 'services:\n  web:\n    image: a:1 # pinned\n    logging:\n      driver: none # too noisy\n    # the ports\n    ports: ["127.0.0.1:80:80"]\n',
      findings: [
        {
          line: 5,
          column: 15,
          endColumn: 19,
          messageId: 'noneDriver',
          suggestions: [
            { title: /Remove the logging setting/, output: 'services:\n  web:\n    image: a:1 # pinned\n    # the ports\n    ports: ["127.0.0.1:80:80"]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'quoted, 4-space indentation, with options',
      code: "services:\n    web:\n        logging:\n            driver: 'none'\n            options: {}\n        image: a:1\n",
      findings: [{ line: 4, column: 21, endColumn: 27, messageId: 'noneDriver', suggestions: [{ output: 'services:\n    web:\n        image: a:1\n' }] }],
      output: null,
    },
    {
      name: 'from an anchor: reported once, where written, not edited; a flow-style service',
      code: 'x-quiet: &quiet\n  logging:\n    driver: none\nservices:\n  a:\n    <<: *quiet\n    image: a:1\n  b:\n    image: b:1\n    logging: {driver: none}\n  c: {image: c:1, logging: {driver: none}}\n',
      findings: [
        { line: 3, column: 13, messageId: 'noneDriver', suggestions: [] },
        {
          line: 10,
          column: 23,
          messageId: 'noneDriver',
          suggestions: [
            {
              output:
                'x-quiet: &quiet\n  logging:\n    driver: none\nservices:\n  a:\n    <<: *quiet\n    image: a:1\n  b:\n    image: b:1\n  c: {image: c:1, logging: {driver: none}}\n',
            },
          ],
        },
        { line: 11, column: 37, messageId: 'noneDriver' },
      ],
      output: null,
    },
  ],
});
