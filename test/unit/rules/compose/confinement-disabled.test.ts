import rule from '../../../../server/src/engine/rules/compose/confinement-disabled';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'profiles that confine, and other options',
      code: 'services:\n  a:\n    image: a:1\n    security_opt:\n      - seccomp=./seccomp.json\n      - apparmor:docker-default\n      - label:type:container_t\n      - no-new-privileges:true\n      - systempaths=masked\n',
    },
    { name: 'options from the environment', code: 'services:\n  a:\n    image: a:1\n    security_opt: ["seccomp=${SECCOMP:?set it}"]\n' },
  ],
  invalid: [
    {
      name: 'seccomp:unconfined in a block list: on the item, the suggestion removes its line, comments kept',
      code: 'services:\n  web:\n    image: a:1\n    security_opt:\n      - no-new-privileges:true # keep\n      - seccomp:unconfined # for strace\n',
      findings: [{ line: 6, column: 9, endColumn: 27, message: /seccomp:unconfined switches off the seccomp filter.*remove it, or give seccomp a profile/ }],
      output: null,
      suggestions: [
        { title: /Remove seccomp:unconfined/, output: 'services:\n  web:\n    image: a:1\n    security_opt:\n      - no-new-privileges:true # keep\n' },
      ],
    },
    {
      name: 'both separators, quoted, in a one-line flow list; 4-space indentation',
      code: 'services:\n    web:\n        image: a:1\n        security_opt: ["apparmor=unconfined", label:disable, no-new-privileges]\n',
      findings: [
        { line: 4, column: 24, message: /AppArmor profile/ },
        { line: 4, column: 47, message: /SELinux separation/ },
      ],
      output: null,
      suggestions: [{ output: 'services:\n    web:\n        image: a:1\n        security_opt: [label:disable, no-new-privileges]\n' }],
    },
    {
      name: 'the only item: the suggestion removes the key',
      code: "services:\n  web:\n    security_opt: ['systempaths=unconfined']\n    image: a:1\n",
      findings: [{ line: 3, message: /unmasks \/proc and \/sys/ }],
      output: null,
      suggestions: [{ output: 'services:\n  web:\n    image: a:1\n' }],
    },
    {
      name: 'SELinux super-privileged type, and seccomp=unconfined',
      code: 'services:\n  a:\n    image: a:1\n    security_opt:\n      - label=type:spc_t\n      - seccomp=unconfined\n',
      findings: [
        { line: 5, message: /spc_t/ },
        { line: 6, message: /seccomp filter/ },
      ],
      output: null,
      suggestions: [{ output: 'services:\n  a:\n    image: a:1\n    security_opt:\n      - seccomp=unconfined\n' }],
    },
    {
      name: 'a list in an anchor: reported once, where written, not edited; a flow-style service',
      code: 'x-debug: &debug\n  security_opt:\n    - seccomp:unconfined\nservices:\n  a:\n    <<: *debug\n    image: a:1\n  b:\n    <<: *debug\n    image: b:1\n  c: {image: c:1, security_opt: [apparmor:unconfined]}\n',
      findings: [
        { line: 3, column: 7 },
        { line: 11, column: 34 },
      ],
      output: null,
    },
  ],
});
