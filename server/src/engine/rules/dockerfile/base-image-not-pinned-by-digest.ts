import { imagePartRange } from '../../documents/dockerfile';
import { movingTag } from '../../knowledge/moving-tags';
import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  meta: {
    id: 'base-image-not-pinned-by-digest',
    code: 'DG104',
    severity: 'info',
    category: 'supply-chain',
    title: 'Base image pinned by tag but not by digest',
    description:
      'A tag is a movable name: the publisher, or anyone who takes over the repository, can point it at different content. Only an `@sha256:` digest names exactly one image, so the build gets the bytes that were reviewed.',
    profile: 'strict',
    messages: {
      tagOnly:
        '{{image}} is pinned by tag only, and a tag can be moved to other content; pin the digest too ({{image}}@sha256:…, from docker buildx imagetools inspect {{image}}).',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const image = stage.image;
      const ref = image.ref;
      // No tag is the business of unpinned-base-image; an empty tag is still being typed.
      if (!ref || !image.range || ref.digest !== undefined || !ref.tag || ref.tagOffset === undefined) continue;
      // latest, stable, lts... pin nothing, not even a version: unpinned-base-image reports them (one finding for one fact).
      if (movingTag(ref.tag) !== undefined) continue;
      report({
        range: imagePartRange(model, image, ref.tagOffset, ref.tagOffset + ref.tag.length) ?? image.range,
        messageId: 'tagOnly',
        data: { image: ref.raw },
      });
    }
  },
});
