import { imagePartRange } from '../../documents/dockerfile';
import { registryOf } from '../../documents/image-ref';
import { isTrustedImage, isTrustedRegistry, literalRegistry, trustedEntries, NOT_TRUSTED, notTrustedData } from '../../knowledge/trusted-registries';
import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  meta: {
    id: 'untrusted-registry',
    code: 'DG111',
    severity: 'warning',
    category: 'supply-chain',
    title: 'Base image from a registry not in trustedRegistries',
    description:
      'When a project lists the registries its images may come from (`trustedRegistries`), a base image from anywhere else bypasses the review, scanning and mirroring that list stands for. Silent while the list is empty.',
    references: { cis: '4.2', hadolint: ['DL3026'] },
    messages: {
      untrusted: `{{image}} comes from ${NOT_TRUSTED}`,
      unresolvedArg:
        'The registry of {{image}} cannot be checked against trustedRegistries: it depends on a build argument without a default; give the ARG a default from a trusted registry.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, config, report }) {
    const trusted = trustedEntries(config.trustedRegistries);
    if (trusted.length === 0) return;

    for (const stage of model.stages) {
      const image = stage.image;
      if (!image.written || !image.range || image.stage || image.scratch) continue;
      const ref = image.ref;
      if (ref) {
        if (isTrustedImage(ref, trusted)) continue;
        const registry = registryOf(ref);
        const range = ref.registry ? imagePartRange(model, image, 0, ref.raw.indexOf('/')) : imagePartRange(model, image, 0, ref.pathEnd);
        report({
          range: range ?? image.range,
          messageId: 'untrusted',
          data: { image: ref.raw, ...notTrustedData(registry, config.trustedRegistries) },
        });
        continue;
      }
      if (image.resolved !== undefined) continue; // a half-typed or malformed reference: nothing to check yet
      const registry = literalRegistry(image.written, (text) => text.includes('$'));
      if (registry && !isTrustedRegistry(registry, trusted)) {
        report({
          range: image.range,
          messageId: 'untrusted',
          data: { image: image.written, ...notTrustedData(registry, config.trustedRegistries) },
        });
      } else if (!registry || !trusted.some((entry) => entry === registry)) {
        report({
          range: image.range,
          messageId: 'unresolvedArg',
          data: { image: image.written },
        });
      }
    }
  },
});
