import rule from '../../../../server/src/engine/rules/compose/tmpfs-exec';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'defaults, explicit no-options, sizes',
      code: 'services:\n  a:\n    image: a:1\n    read_only: true\n    tmpfs:\n      - /tmp\n      - /run:noexec,nosuid,nodev\n      - /var/cache:size=64m\n      - /x:noexec\n',
    },
    { name: 'scalar form without options', code: 'services:\n  a:\n    image: a:1\n    tmpfs: /tmp\n' },
    { name: 'no tmpfs', code: 'services:\n  a:\n    image: a:1\n' },
  ],
  invalid: [
    {
      name: 'exec on a writable service: info, on the entry; the suggestion drops the token and its colon',
      code: 'services:\n  a:\n    image: a:1\n    tmpfs:\n      - /tmp:exec # for the JIT\n',
      findings: [
        {
          line: 5,
          column: 9,
          endColumn: 18,
          messageId: 'reenabled',
          data: { target: '/tmp', options: 'exec' },
          suggestions: [{ title: /Drop exec/, output: 'services:\n  a:\n    image: a:1\n    tmpfs:\n      - /tmp # for the JIT\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'on a read-only service: several tokens in one finding, size kept; two entries',
      code: "services:\n  a:\n    image: a:1\n    read_only: true\n    tmpfs:\n      - '/run:size=64m,exec,suid'\n      - /dev/x:dev\n",
      findings: [
        {
          line: 6,
          messageId: 'reenabledReadOnly',
          data: { target: '/run', options: 'exec, suid' },
          suggestions: [{ output: "services:\n  a:\n    image: a:1\n    read_only: true\n    tmpfs:\n      - '/run:size=64m'\n      - /dev/x:dev\n" }],
        },
        {
          line: 7,
          messageId: 'reenabledReadOnly',
          data: { target: '/dev/x', options: 'dev' },
          suggestions: [{ output: "services:\n  a:\n    image: a:1\n    read_only: true\n    tmpfs:\n      - '/run:size=64m,exec,suid'\n      - /dev/x\n" }],
        },
      ],
      output: null,
    },
    {
      name: 'scalar form; a flow service; an anchor reported once without an edit',
      code: 'x-t: &t\n  tmpfs: [/cache:exec]\nservices:\n  a:\n    image: a:1\n    tmpfs: /tmp:exec\n  b: {image: b:1, read_only: true, tmpfs: [/t:suid]}\n  c:\n    <<: *t\n    image: c:1\n  d:\n    <<: *t\n    image: d:1\n',
      findings: [
        { line: 2, messageId: 'reenabled', data: { target: '/cache' } },
        {
          line: 6,
          messageId: 'reenabled',
          data: { target: '/tmp' },
          suggestions: [
            {
              output:
                'x-t: &t\n  tmpfs: [/cache:exec]\nservices:\n  a:\n    image: a:1\n    tmpfs: /tmp\n  b: {image: b:1, read_only: true, tmpfs: [/t:suid]}\n  c:\n    <<: *t\n    image: c:1\n  d:\n    <<: *t\n    image: d:1\n',
            },
          ],
        },
        {
          line: 7,
          messageId: 'reenabledReadOnly',
          data: { target: '/t' },
          suggestions: [
            {
              output:
                'x-t: &t\n  tmpfs: [/cache:exec]\nservices:\n  a:\n    image: a:1\n    tmpfs: /tmp:exec\n  b: {image: b:1, read_only: true, tmpfs: [/t]}\n  c:\n    <<: *t\n    image: c:1\n  d:\n    <<: *t\n    image: d:1\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
