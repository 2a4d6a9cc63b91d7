import type { Node } from 'yaml';
import { hasUnknown, interpolate } from '../../documents/compose-interpolation';
import { scalarString } from '../../documents/compose-values';
import { parseImageRef, registryOf } from '../../documents/image-ref';
import { isTrustedImage, isTrustedRegistry, literalRegistry, trustedEntries, NOT_TRUSTED, notTrustedData } from '../../knowledge/trusted-registries';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'untrusted-image-registry',
    code: 'DG220',
    severity: 'warning',
    category: 'supply-chain',
    title: 'Image from a registry not in trustedRegistries',
    description:
      'When a project lists the registries its images may come from (`trustedRegistries`), a service pulling from anywhere else bypasses the review, scanning and mirroring that list stands for. Silent while the list is empty.',
    references: { cis: '4.2', compose: 'services.<name>.image' },
    messages: {
      untrusted: `Service {{service}} pulls {{image}} from ${NOT_TRUSTED}`,
      unknownRegistry:
        'The registry of {{image}} cannot be checked against trustedRegistries: it comes from the environment; write the registry in the file, or give the variable a default from a trusted registry.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, config, report }) {
    const trusted = trustedEntries(config.trustedRegistries);
    if (trusted.length === 0) return;
    const seen = new Set<Node>();
    for (const service of model.services) {
      // With `build:`, `image:` names the image compose builds and tags, not one it pulls.
      if (service.get('build')) continue;
      const node = service.get('image')?.value;
      if (!node || seen.has(node)) continue;
      seen.add(node);
      const written = scalarString(model, node)?.trim();
      if (!written) continue;
      const resolved = interpolate(written, model.env);
      const ref = hasUnknown(resolved) ? undefined : parseImageRef(resolved);
      if (ref) {
        if (isTrustedImage(ref, trusted)) continue;
        report({
          range: model.rangeOf(node),
          messageId: 'untrusted',
          data: { service: service.name, image: ref.raw, ...notTrustedData(registryOf(ref), config.trustedRegistries) },
        });
        continue;
      }
      const registry = literalRegistry(resolved, hasUnknown);
      if (registry && isTrustedRegistry(registry, trusted)) continue;
      report({
        range: model.rangeOf(node),
        ...(registry
          ? { messageId: 'untrusted', data: { service: service.name, image: written, ...notTrustedData(registry, config.trustedRegistries) } }
          : { messageId: 'unknownRegistry', data: { image: written } }),
      });
    }
  },
});
