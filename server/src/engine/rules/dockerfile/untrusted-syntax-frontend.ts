import { replace } from '../../fixes';
import { recommendedFrontend, syntaxDirective } from '../../knowledge/syntax-frontend';
import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  meta: {
    id: 'untrusted-syntax-frontend',
    code: 'DG132',
    severity: 'warning',
    category: 'supply-chain',
    title: '# syntax= names a frontend other than docker/dockerfile',
    description:
      "The `# syntax=` directive names an image that BuildKit pulls and runs to read the Dockerfile: it decides what every instruction does and sees every build secret and context file. Any image other than Docker's own `docker/dockerfile` frontend is code from someone else running inside every build.",
    messages: {
      untrusted:
        'The syntax directive makes BuildKit run {{image}} to interpret this Dockerfile, with access to its build secrets and context; use docker/dockerfile:1 unless you have reviewed and pinned this frontend.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const directive = syntaxDirective(model);
    if (!directive || directive.official) return;
    const recommended = recommendedFrontend(directive.ref);
    report({
      range: directive.range,
      messageId: 'untrusted',
      data: { image: directive.value },
      fixes: [{ title: `Use Docker's frontend ${recommended}`, kind: 'suggestion', edits: [replace(directive.range, recommended)] }],
    });
  },
});
