import { imagePartRange } from '../../documents/dockerfile';
import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  meta: {
    id: 'unpinned-base-image',
    code: 'DG103',
    severity: 'warning',
    category: 'supply-chain',
    title: 'Base image without a version tag, or tagged latest',
    description:
      'An image without a tag is `latest`, which moves with every release: builds stop being reproducible and a new upstream version, or a compromised one, is pulled in without review.',
    references: { hadolint: ['DL3006', 'DL3007'] },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const image = stage.image;
      if (!image.written || !image.range || image.stage || image.scratch) continue;
      if (image.resolved === undefined) {
        report({
          range: image.range,
          message: `The base image \`${image.written}\` cannot be checked: it depends on a build argument without a default, so any image, of any version, can be built in; give the ARG a pinned default.`,
        });
        continue;
      }
      const ref = image.ref;
      // A digest pins the image whatever the tag says; an empty tag or digest is still being typed.
      if (!ref || ref.digest !== undefined || ref.tag === '') continue;
      const via = image.literal ? '' : ` (from \`${image.written}\`)`;
      if (ref.tag === undefined) {
        report({
          range: imagePartRange(model, image, 0, ref.pathEnd) ?? image.range,
          message: `\`${ref.raw}\`${via} has no tag, so it means \`latest\` and changes under you with every upstream release; pin a version tag such as \`${ref.raw}:<version>\`.`,
        });
      } else if (ref.tag.toLowerCase() === 'latest') {
        report({
          range: imagePartRange(model, image, ref.tagOffset!, ref.tagOffset! + ref.tag.length) ?? image.range,
          message: `\`${ref.raw}\`${via} follows \`latest\`, which changes under you with every upstream release; pin a version tag instead.`,
        });
      }
    }
  },
});
