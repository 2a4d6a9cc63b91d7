import { imagePartRange, imageTextStart, type BaseImage, type DockerfileModel } from '../../documents/dockerfile';
import type { ImageRef } from '../../documents/image-ref';
import { replace } from '../../fixes';
import { endOfLife, isoDay, type EndOfLife } from '../../knowledge/end-of-life';
import { defineDockerfileRule } from '../../rule';
import type { Fix } from '../../types';

export default defineDockerfileRule({
  meta: {
    id: 'eol-base-image',
    code: 'DG142',
    severity: 'warning',
    category: 'supply-chain',
    title: 'Base image past its end of life',
    description:
      'A base image whose language, database or distribution release no longer gets security fixes (python:3.7, node:14, debian:buster, ubuntu:18.04, alpine:3.14, centos:7) keeps every vulnerability found after its end of life: scanners keep reporting them and no update fixes them.',
    messages: {
      endOfLife:
        '{{image}} runs {{release}}, whose security support ended on {{date}}, so vulnerabilities found since then are never fixed in it; move to {{remedy}}.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report, now }) {
    const today = isoDay(now ?? new Date());
    for (const stage of model.stages) {
      const image = stage.image;
      const ref = image.ref;
      // scratch, an earlier stage and an unresolved ${ARG} have no ref; no tag is latest, unpinned-base-image's.
      if (!ref || !image.range || !ref.tag || ref.tagOffset === undefined) continue;
      const eol = endOfLife(ref, today);
      if (!eol) continue;
      const shown = image.written === image.resolved ? ref.raw : `${image.written} (${ref.raw})`;
      report({
        range: imagePartRange(model, image, ref.tagOffset, ref.tagOffset + ref.tag.length) ?? image.range,
        messageId: 'endOfLife',
        data: { image: shown, ...eol.data! },
        fixes: upgrade(model, image, ref, eol),
      });
    }
  },
});

/** Rewrites the tag (and drops a digest, which named the old image), in FROM or in the global ARG default it comes from. */
function upgrade(model: DockerfileModel, image: BaseImage, ref: ImageRef, eol: EndOfLife): Fix[] {
  const start = imageTextStart(model, image);
  if (!eol.offerFix || !eol.tag || start === undefined || ref.tagOffset === undefined) return [];
  const end = ref.digestOffset !== undefined ? ref.raw.length : ref.tagOffset + ref.tag!.length;
  return [{ title: eol.title!, kind: 'suggestion', edits: [replace(model.lines.rangeAt(start + ref.tagOffset, start + end), eol.tag)] }];
}
