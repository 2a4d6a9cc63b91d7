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
      findings: [
        {
          line: 6,
          column: 9,
          endColumn: 27,
          messageId: 'unconfined',
          data: {
            option: 'seccomp:unconfined',
            risk: 'switches off the seccomp filter, opening the system calls (keyctl, bpf, unshare, …) that kernel exploits use to escape',
            remedy: 'remove it, or give seccomp a profile that allows only the extra calls the service needs',
          },
          suggestions: [
            { title: /Remove seccomp:unconfined/, output: 'services:\n  web:\n    image: a:1\n    security_opt:\n      - no-new-privileges:true # keep\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'both separators, quoted, in a one-line flow list; 4-space indentation',
      code: 'services:\n    web:\n        image: a:1\n        security_opt: ["apparmor=unconfined", label:disable, no-new-privileges]\n',
      findings: [
        {
          line: 4,
          column: 24,
          messageId: 'unconfined',
          data: { risk: 'removes the AppArmor profile that keeps the container from mounting filesystems and writing to /proc and /sys' },
          suggestions: [{ output: 'services:\n    web:\n        image: a:1\n        security_opt: [label:disable, no-new-privileges]\n' }],
        },
        {
          line: 4,
          column: 47,
          messageId: 'unconfined',
          data: { risk: 'turns off SELinux separation, so host files and processes are no longer protected from the container' },
          suggestions: [{ output: 'services:\n    web:\n        image: a:1\n        security_opt: ["apparmor=unconfined", no-new-privileges]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'the only item: the suggestion removes the key',
      code: "services:\n  web:\n    security_opt: ['systempaths=unconfined']\n    image: a:1\n",
      findings: [
        {
          line: 3,
          messageId: 'unconfined',
          data: { risk: 'unmasks /proc and /sys paths (/proc/kcore, /sys/firmware, …) that expose the host kernel to the container' },
          suggestions: [{ output: 'services:\n  web:\n    image: a:1\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'SELinux super-privileged type, and seccomp=unconfined',
      code: 'services:\n  a:\n    image: a:1\n    security_opt:\n      - label=type:spc_t\n      - seccomp=unconfined\n',
      findings: [
        {
          line: 5,
          messageId: 'unconfined',
          data: { option: 'label=type:spc_t', risk: 'runs the container as an SELinux super-privileged container (spc_t), which SELinux does not confine' },
          suggestions: [{ output: 'services:\n  a:\n    image: a:1\n    security_opt:\n      - seccomp=unconfined\n' }],
        },
        {
          line: 6,
          messageId: 'unconfined',
          data: { risk: 'switches off the seccomp filter, opening the system calls (keyctl, bpf, unshare, …) that kernel exploits use to escape' },
          suggestions: [{ output: 'services:\n  a:\n    image: a:1\n    security_opt:\n      - label=type:spc_t\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a list in an anchor: reported once, where written, not edited; a flow-style service',
      code: 'x-debug: &debug\n  security_opt:\n    - seccomp:unconfined\nservices:\n  a:\n    <<: *debug\n    image: a:1\n  b:\n    <<: *debug\n    image: b:1\n  c: {image: c:1, security_opt: [apparmor:unconfined]}\n',
      findings: [
        { line: 3, column: 7, messageId: 'unconfined' },
        { line: 11, column: 34, messageId: 'unconfined' },
      ],
      output: null,
    },
  ],
});
