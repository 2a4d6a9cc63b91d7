import type { Node } from 'yaml';
import { hasUnknown, interpolate } from '../../documents/compose-interpolation';
import { scalarSliceRange, scalarString } from '../../documents/compose-values';
import { parseImageRef } from '../../documents/image-ref';
import { replace } from '../../fixes';
import { endOfLife, isoDay } from '../../knowledge/end-of-life';
import { defineComposeRule } from '../../rule';
import type { Fix } from '../../types';

export default defineComposeRule({
  meta: {
    id: 'eol-image',
    code: 'DG231',
    severity: 'warning',
    category: 'supply-chain',
    title: 'Image past its end of life',
    description:
      'An image whose language, database or distribution release no longer gets security fixes (postgres:11, python:3.7, node:14, debian:buster, ubuntu:18.04, alpine:3.14, centos:7) keeps every vulnerability found after its end of life: scanners keep reporting them and no update fixes them.',
    references: { compose: 'services.<name>.image' },
    messages: {
      endOfLife:
        'The image {{image}} runs {{release}}, whose security support ended on {{date}}, so vulnerabilities found since then are never fixed in it; move to {{remedy}}.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report, now }) {
    const today = isoDay(now ?? new Date());
    const seen = new Set<Node>();
    for (const service of model.services) {
      // With `build:`, `image:` names the image compose builds and tags, not one it pulls.
      if (service.get('build')) continue;
      const node = service.get('image')?.value;
      if (!node || seen.has(node)) continue;
      seen.add(node);
      const source = scalarString(model, node);
      const written = source?.trim();
      if (!written) continue;
      const interpolated = interpolate(written, model.env);
      if (hasUnknown(interpolated)) continue; // a version from the environment: unpinned-image says so
      const ref = parseImageRef(interpolated);
      if (!ref?.tag || ref.tagOffset === undefined) continue;
      const eol = endOfLife(ref, today);
      if (!eol) continue;
      // Offsets into the reference are offsets into the scalar only when it is written without variables.
      const literal = source === ref.raw;
      const tagRange = literal ? scalarSliceRange(model, node, ref.tagOffset, ref.tagOffset + ref.tag.length) : undefined;
      const fixes: Fix[] = [];
      if (literal && eol.offerFix && eol.tag) {
        const end = ref.digestOffset !== undefined ? ref.raw.length : ref.tagOffset + ref.tag.length;
        const editRange = scalarSliceRange(model, node, ref.tagOffset, end);
        if (editRange) fixes.push({ title: eol.title!, kind: 'suggestion', edits: [replace(editRange, eol.tag)] });
      }
      report({
        range: tagRange ?? model.rangeOf(node),
        messageId: 'endOfLife',
        data: { image: written === ref.raw ? written : `${written} (${ref.raw})`, ...eol.data! },
        fixes,
      });
    }
  },
});
