import type { Node } from 'yaml';
import { hasUnknown, interpolate, UNKNOWN } from '../../documents/compose-interpolation';
import { scalarSliceRange, scalarString } from '../../documents/compose-values';
import { parseImageRef } from '../../documents/image-ref';
import { movingTag } from '../../knowledge/moving-tags';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'unpinned-image',
    code: 'DG216',
    severity: 'warning',
    category: 'supply-chain',
    title: 'Image without a pinned tag',
    description:
      'An image without a tag, or tagged `latest` or another moving tag (`stable`, `lts`, `edge`, `nightly`, ...), runs whatever was pushed last: deployments stop being reproducible and a compromised or broken release is pulled in silently.',
    references: { compose: 'services.<name>.image', composeLint: ['CL-0004'] },
    messages: {
      variableTag:
        "The image's version comes from a variable without a pinned default ({{image}}), so what runs is decided outside this file; give the variable a pinned default (${TAG:-1.2.3}) or pin the tag here.",
      noTag: 'The image {{image}} has no tag, so it is {{image}}:latest and every pull may bring a different release; pin a version tag (or a digest).',
      latest:
        'The image {{image}} follows {{tag}}, which moves to every new release, so every pull may bring a different image; pin a version tag (or a digest).',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    const seen = new Set<Node>();
    for (const service of model.services) {
      // With `build:`, `image:` names the image compose builds and tags, not one it pulls.
      if (service.get('build')) continue;
      const entry = service.get('image');
      const node = entry?.value;
      if (!node || seen.has(node)) continue;
      seen.add(node);
      const written = scalarString(model, node)?.trim();
      if (!written) continue;
      const ref = parseImageRef(interpolate(written, model.env));
      if (!ref || (ref.digest && !hasUnknown(ref.digest))) continue;
      // Most images are pinned: the range is only computed for a finding.
      const valueRange = () => model.rangeOf(node);

      if (ref.digest || (ref.tag !== undefined && hasUnknown(ref.tag)) || (ref.tag === undefined && ref.raw.endsWith(UNKNOWN))) {
        report({
          range: valueRange(),
          messageId: 'variableTag',
          data: { image: written },
        });
      } else if (ref.tag === undefined) {
        report({
          range: valueRange(),
          messageId: 'noTag',
          data: { image: written },
        });
      } else if (movingTag(ref.tag) !== undefined) {
        const tagRange =
          written === ref.raw && ref.tagOffset !== undefined ? scalarSliceRange(model, node, ref.tagOffset, ref.tagOffset + ref.tag.length) : undefined;
        report({
          range: tagRange ?? valueRange(),
          messageId: 'latest',
          data: { image: written, tag: ref.tag },
        });
      }
    }
  },
});
