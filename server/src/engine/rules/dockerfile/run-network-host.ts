import { Run } from 'dockerfile-ast';
import { flagNamed, removeFlag } from '../../documents/instruction-flags';
import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  meta: {
    id: 'run-network-host',
    code: 'DG131',
    severity: 'warning',
    category: 'network',
    title: 'RUN --network=host',
    description:
      "A RUN step with `--network=host` shares the build host's network: whatever the step runs can reach services listening on the host's loopback interface and its private networks, which the default sandboxed network keeps out of reach.",
    messages: {
      host: "RUN --network=host lets this step reach the build host's loopback services and private networks; remove the flag (the default network still reaches the internet) or use --network=none for steps that need no network.",
    },
    fixable: false,
    hasSuggestions: true,
  },
  checkInstruction({ instruction, lines, report }) {
    if (!(instruction instanceof Run)) return;
    const flag = flagNamed(instruction.getFlags(), 'network');
    if (!flag || flag.getValue()?.toLowerCase() !== 'host') return;
    report({
      range: flag.getRange(),
      messageId: 'host',
      fixes: [
        { title: 'Remove --network=host (the step uses the default build network)', kind: 'suggestion', edits: [removeFlag(flag, lines)], preferred: true },
      ],
    });
  },
});
