import { imagePartRange } from '../../documents/dockerfile';
import { movingTag } from '../../knowledge/moving-tags';
import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  meta: {
    id: 'unpinned-base-image',
    code: 'DG103',
    severity: 'warning',
    category: 'supply-chain',
    title: 'Base image without a version tag, or tagged latest or another moving tag',
    description:
      'An image without a tag is `latest`, which moves with every release, as do `stable`, `lts`, `edge`, `nightly` and the like: builds stop being reproducible and a new upstream version, or a compromised one, is pulled in without review.',
    references: {
      hadolint: ['DL3006', 'DL3007'],
      kics: ['image_version_not_explicit', 'image_version_using_latest'],
      trivy: ['DS001'],
      checkov: ['CKV_DOCKER_7'],
    },
    messages: {
      unresolvedArg:
        'The base image {{image}} cannot be checked: it depends on a build argument without a default, so any image, of any version, can be built in; give the ARG a pinned default.',
      noTag: '{{image}} has no tag, so it means latest and changes under you with every upstream release; pin a version tag such as {{image}}:<version>.',
      noTagVia:
        '{{image}} (from {{written}}) has no tag, so it means latest and changes under you with every upstream release; pin a version tag such as {{image}}:<version>.',
      latest: '{{image}} follows {{tag}}, which moves to every new upstream release and changes under you; pin a version tag instead.',
      latestVia: '{{image}} (from {{written}}) follows {{tag}}, which moves to every new upstream release and changes under you; pin a version tag instead.',
    },
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
          messageId: 'unresolvedArg',
          data: { image: image.written },
        });
        continue;
      }
      const ref = image.ref;
      // A digest pins the image whatever the tag says; an empty tag or digest is still being typed.
      if (!ref || ref.digest !== undefined || ref.tag === '') continue;
      const data = { image: ref.raw, written: image.written };
      if (ref.tag === undefined) {
        report({
          range: imagePartRange(model, image, 0, ref.pathEnd) ?? image.range,
          messageId: image.literal ? 'noTag' : 'noTagVia',
          data,
        });
      } else if (movingTag(ref.tag) !== undefined) {
        report({
          range: imagePartRange(model, image, ref.tagOffset!, ref.tagOffset! + ref.tag.length) ?? image.range,
          messageId: image.literal ? 'latest' : 'latestVia',
          data: { ...data, tag: ref.tag },
        });
      }
    }
  },
});
