import rule from '../../../../server/src/engine/rules/compose/cgroup-parent-set';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'no cgroup_parent', code: 'services:\n  a:\n    image: a:1\n    cgroup: private\n' },
    { name: 'empty, as Docker default', code: 'services:\n  a:\n    image: a:1\n    cgroup_parent: ""\n' },
    { name: 'a variable defaulting to empty', code: 'services:\n  a:\n    image: a:1\n    cgroup_parent: ${CG:-}\n' },
  ],
  invalid: [
    {
      name: 'on key and value; the suggestion removes the line, comments kept',
      code: 'services:\n  web:\n    image: a:1 # pinned\n    cgroup_parent: m-executor-abcd # batch\n    # more\n',
      findings: [
        {
          line: 4,
          column: 5,
          endColumn: 35,
          messageId: 'cgroupParent',
          data: { value: 'm-executor-abcd' },
          suggestions: [{ title: /Remove cgroup_parent/, output: 'services:\n  web:\n    image: a:1 # pinned\n    # more\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'from the environment: not assumed empty',
      code: 'services:\n  a:\n    image: a:1\n    cgroup_parent: "${PARENT}"\n',
      findings: [{ line: 4, messageId: 'cgroupParent', data: { value: '${…}' }, suggestions: [{ output: 'services:\n  a:\n    image: a:1\n' }] }],
      output: null,
    },
    {
      name: 'in an anchor merged by two services: once, where written, no edit; flow-style service',
      code: 'x-base: &base\n  cgroup_parent: /system.slice\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    <<: *base\n    image: b:1\n  c: {image: c:1, cgroup_parent: batch}\n',
      findings: [
        { line: 2, column: 3, messageId: 'cgroupParent', data: { value: '/system.slice' } },
        { line: 10, column: 19, messageId: 'cgroupParent', data: { value: 'batch' } },
      ],
      output: null,
    },
    {
      name: 'inherited through extends: reported where written',
      code: 'services:\n  base:\n    image: a:1\n    cgroup_parent: batch\n  app:\n    extends: base\n',
      findings: [{ line: 4, messageId: 'cgroupParent', suggestions: [{ output: 'services:\n  base:\n    image: a:1\n  app:\n    extends: base\n' }] }],
      output: null,
    },
  ],
});
