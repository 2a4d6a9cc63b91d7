import rule from '../../../../server/src/engine/rules/compose/oom-kill-disabled';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'false or absent', code: 'services:\n  a:\n    image: a:1\n    oom_kill_disable: false\n  b:\n    image: b:1\n' },
    { name: 'from the environment', code: 'services:\n  a:\n    image: a:1\n    oom_kill_disable: ${OOM}\n' },
  ],
  invalid: [
    {
      name: 'without a memory limit: error; the suggestion removes the line',
      code: 'services:\n  db:\n    image: postgres:16\n    oom_kill_disable: true # keep it alive\n    restart: "no"\n',
      findings: [
        {
          line: 4,
          column: 5,
          endColumn: 27,
          messageId: 'noLimit',
          data: { service: 'db' },
          suggestions: [{ title: /Remove oom_kill_disable/, output: 'services:\n  db:\n    image: postgres:16\n    restart: "no"\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'with mem_limit or deploy limits; quoted, 1, a default',
      code: 'services:\n  a:\n    image: a:1\n    mem_limit: 512m\n    oom_kill_disable: "true"\n  b:\n    image: b:1\n    oom_kill_disable: ${OOM:-1}\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n',
      findings: [
        {
          line: 5,
          messageId: 'withLimit',
          data: { service: 'a' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    mem_limit: 512m\n  b:\n    image: b:1\n    oom_kill_disable: ${OOM:-1}\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n',
            },
          ],
        },
        {
          line: 8,
          messageId: 'withLimit',
          data: { service: 'b' },
          suggestions: [
            {
              output:
                'services:\n  a:\n    image: a:1\n    mem_limit: 512m\n    oom_kill_disable: "true"\n  b:\n    image: b:1\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'from an anchor: once, no edit; flow style',
      code: 'x-k: &k\n  oom_kill_disable: yes\nservices:\n  a:\n    <<: *k\n    image: a:1\n  b: {<<: *k, image: b:1}\n  c: {image: c:1, oom_kill_disable: true}\n',
      findings: [
        { line: 2, messageId: 'noLimit', data: { service: 'a' } },
        { line: 8, messageId: 'noLimit', data: { service: 'c' } },
      ],
      output: null,
    },
  ],
});
