import type { Node } from 'yaml';
import { hasUnknown, interpolate } from '../../documents/compose-interpolation';
import { scalarSliceRange, scalarString } from '../../documents/compose-values';
import { parseImageRef } from '../../documents/image-ref';
import { movingTag } from '../../knowledge/moving-tags';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'image-not-pinned-by-digest',
    code: 'DG229',
    severity: 'info',
    category: 'supply-chain',
    title: 'Image pinned by tag but not by digest',
    description:
      'A tag is a movable name: the publisher, or anyone who takes over the repository, can point it at different content. Only an `@sha256:` digest names exactly one image, so every pull runs the bytes that were reviewed.',
    profile: 'strict',
    references: { compose: 'services.<name>.image', composeLint: ['CL-0019'] },
    messages: {
      tagOnly:
        'The image {{image}} is pinned by tag only, and a tag can be moved to other content; pin the digest too ({{image}}@sha256:…, from docker buildx imagetools inspect {{image}}).',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    const seen = new Set<Node>();
    for (const service of model.services) {
      // With `build:`, `image:` names the image compose builds and tags, not one it pulls.
      if (service.get('build')) continue;
      const node = service.get('image')?.value;
      if (!node || seen.has(node)) continue;
      seen.add(node);
      const written = scalarString(model, node)?.trim();
      const ref = written ? parseImageRef(interpolate(written, model.env)) : undefined;
      // No tag, latest or another moving tag, a tag from the environment: unpinned-image's findings, a digest would
      // not be the first step.
      if (!ref?.tag || ref.digest !== undefined || hasUnknown(ref.raw) || movingTag(ref.tag) !== undefined) continue;
      const tagRange =
        written === ref.raw && ref.tagOffset !== undefined ? scalarSliceRange(model, node, ref.tagOffset, ref.tagOffset + ref.tag.length) : undefined;
      report({ range: tagRange ?? model.rangeOf(node), messageId: 'tagOnly', data: { image: ref.raw } });
    }
  },
});
