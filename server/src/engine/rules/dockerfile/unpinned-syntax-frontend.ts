import { replace } from '../../fixes';
import { recommendedFrontend, syntaxDirective } from '../../knowledge/syntax-frontend';
import { defineDockerfileRule } from '../../rule';

/** Channels that follow the newest frontend build, not a syntax version: `master` and `nightly` are unreleased code. */
const MOVING_CHANNELS = /^(?:latest|master|main|nightly|labs|edge|dev)(?:-labs)?$/i;

export default defineDockerfileRule({
  meta: {
    id: 'unpinned-syntax-frontend',
    code: 'DG133',
    severity: 'info',
    category: 'supply-chain',
    title: '# syntax=docker/dockerfile without a version',
    description:
      'Without a version, or with `latest`, `labs` or `master`, the frontend that interprets the Dockerfile changes with every upstream release (`master` and `dockerfile-upstream` are unreleased builds): builds stop being reproducible and may change meaning. `docker/dockerfile:1` follows compatible releases only.',
    profile: 'strict',
    messages: {
      unpinned:
        '{{image}} follows the newest frontend build rather than a syntax version, so the meaning of this Dockerfile can change under you; pin {{recommended}} or a digest.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const directive = syntaxDirective(model);
    const ref = directive?.ref;
    if (!directive || !directive.official || !ref || ref.digest !== undefined || ref.tag === '') return;
    if (ref.tag !== undefined && !MOVING_CHANNELS.test(ref.tag)) return;
    const recommended = recommendedFrontend(ref);
    report({
      range: directive.range,
      messageId: 'unpinned',
      data: { image: directive.value, recommended },
      fixes: [{ title: `Pin ${recommended}`, kind: 'suggestion', edits: [replace(directive.range, recommended)], preferred: true }],
    });
  },
});
