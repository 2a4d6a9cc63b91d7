import { Run } from 'dockerfile-ast';
import { flagNamed, removeFlag } from '../../documents/instruction-flags';
import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  meta: {
    id: 'run-security-insecure',
    code: 'DG130',
    severity: 'error',
    category: 'privileges',
    title: 'RUN --security=insecure',
    description:
      'A RUN step with `--security=insecure` runs with every capability and no seccomp or AppArmor profile, like a privileged container: a compromised package or script in that step can take over the build host.',
    messages: {
      insecure:
        'RUN --security=insecure runs this step as a privileged container that can take over the build host; remove the flag and grant only what the step needs (a cache or secret mount, a capability-free alternative).',
    },
    fixable: false,
    hasSuggestions: true,
  },
  checkInstruction({ instruction, lines, report }) {
    if (!(instruction instanceof Run)) return;
    const flag = flagNamed(instruction.getFlags(), 'security');
    if (!flag || flag.getValue()?.toLowerCase() !== 'insecure') return;
    report({
      range: flag.getRange(),
      messageId: 'insecure',
      fixes: [{ title: 'Remove --security=insecure (the step runs sandboxed)', kind: 'suggestion', edits: [removeFlag(flag, lines)], preferred: true }],
    });
  },
});
