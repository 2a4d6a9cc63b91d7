import { imagePartRange } from '../../documents/dockerfile';
import { registryOf, type ImageRef } from '../../documents/image-ref';
import { defineDockerfileRule } from '../../rule';

const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

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
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, config, report }) {
    const trusted = config.trustedRegistries.map(normalizeEntry).filter((entry) => entry);
    if (trusted.length === 0) return;
    const list = config.trustedRegistries.join(', ');

    for (const stage of model.stages) {
      const image = stage.image;
      if (!image.written || !image.range || image.stage || image.scratch) continue;
      const ref = image.ref;
      if (ref) {
        const name = fullName(ref);
        if (trusted.some((entry) => matches(name, entry))) continue;
        const registry = registryOf(ref);
        const range = ref.registry ? imagePartRange(model, image, 0, ref.raw.indexOf('/')) : imagePartRange(model, image, 0, ref.pathEnd);
        report({
          range: range ?? image.range,
          message: `\`${ref.raw}\` comes from \`${registry}\`, which is not in trustedRegistries (${list}); pull it through a trusted registry, or add the registry to the list if it is one.`,
        });
        continue;
      }
      if (image.resolved !== undefined) continue; // a half-typed or malformed reference: nothing to check yet
      const registry = literalRegistry(image.written);
      if (registry && !trusted.some((entry) => entry.split('/')[0] === registry)) {
        report({
          range: image.range,
          message: `\`${image.written}\` comes from \`${registry}\`, which is not in trustedRegistries (${list}); pull it through a trusted registry, or add the registry to the list if it is one.`,
        });
      } else if (!registry || !trusted.some((entry) => entry === registry)) {
        report({
          range: image.range,
          message: `The registry of \`${image.written}\` cannot be checked against trustedRegistries: it depends on a build argument without a default; give the ARG a default from a trusted registry.`,
        });
      }
    }
  },
});

/** `registry.example.com/team/`, `https://Docker.io` → `registry.example.com/team`, `docker.io`. */
function normalizeEntry(entry: string): string {
  const cleaned = entry.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/+$/, '');
  const slash = cleaned.indexOf('/');
  const host = slash < 0 ? cleaned : cleaned.slice(0, slash);
  return DOCKER_HUB_ALIASES.has(host) ? `docker.io${cleaned.slice(host.length)}` : cleaned;
}

/** `docker.io/library/node`, `docker.io/bitnami/redis`, `registry.example.com/team/app`. */
function fullName(ref: ImageRef): string {
  const registry = registryOf(ref).toLowerCase();
  const path = ref.path.toLowerCase();
  return `${registry}/${registry === 'docker.io' && !path.includes('/') ? `library/${path}` : path}`;
}

function matches(name: string, entry: string): boolean {
  return name === entry || name.startsWith(`${entry}/`);
}

/** The registry of `registry.example.com/${IMAGE}`, written before any variable; undefined when it is not. */
function literalRegistry(written: string): string | undefined {
  const slash = written.indexOf('/');
  if (slash <= 0) return undefined;
  const first = written.slice(0, slash);
  if (first.includes('$') || !(first.includes('.') || first.includes(':') || first === 'localhost')) return undefined;
  return normalizeEntry(first);
}
