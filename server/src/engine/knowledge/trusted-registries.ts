import { registryOf, type ImageRef } from '../documents/image-ref';
import { trimTrailingSlashes } from '../paths';

/**
 * `trustedRegistries` as both the Dockerfile and the compose rule read it: registries (`docker.io`, `ghcr.io`) or
 * path prefixes within one (`registry.example.com/team`), Docker Hub under any of its names; as in hadolint, a
 * host `*.example.com` stands for its subdomains and `*` for every registry.
 */
const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

/** `registry.example.com/team/`, `https://Docker.io` → `registry.example.com/team`, `docker.io`. */
export function normalizeRegistryEntry(entry: string): string {
  const unslashed = entry
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '');
  const cleaned = trimTrailingSlashes(unslashed);
  const slash = cleaned.indexOf('/');
  const host = slash < 0 ? cleaned : cleaned.slice(0, slash);
  return DOCKER_HUB_ALIASES.has(host) ? `docker.io${cleaned.slice(host.length)}` : cleaned;
}

/** The configured list, normalised; empty means the rules stay silent. */
export function trustedEntries(trustedRegistries: string[]): string[] {
  return trustedRegistries.map(normalizeRegistryEntry).filter((entry) => entry);
}

/** `docker.io/library/node`, `docker.io/bitnami/redis`, `registry.example.com/team/app`. */
function fullName(ref: ImageRef): string {
  const registry = registryOf(ref).toLowerCase();
  const path = ref.path.toLowerCase();
  return `${registry}/${registry === 'docker.io' && !path.includes('/') ? `library/${path}` : path}`;
}

/** Whether a registry host is the entry's host: the same, a subdomain of `*.<domain>`, or any for `*`. */
function hostMatches(entryHost: string, host: string): boolean {
  if (entryHost === '*') return true;
  return entryHost.startsWith('*.') ? host.endsWith(entryHost.slice(1)) : host === entryHost;
}

function splitHost(name: string): [string, string] {
  const slash = name.indexOf('/');
  return slash < 0 ? [name, ''] : [name.slice(0, slash), name.slice(slash)];
}

export function isTrustedImage(ref: ImageRef, entries: string[]): boolean {
  const name = fullName(ref);
  return entries.some((entry) => {
    if (!entry.startsWith('*')) return name === entry || name.startsWith(`${entry}/`);
    const [entryHost, entryPath] = splitHost(entry);
    const [host, path] = splitHost(name);
    return hostMatches(entryHost, host) && (entryPath === '' || path === entryPath || path.startsWith(`${entryPath}/`));
  });
}

/**
 * The registry written before any variable, e.g. of `registry.example.com/${IMAGE}`; undefined when the first
 * path segment is not a registry or depends on a variable. `isVariable` tells whether a text contains one.
 */
export function literalRegistry(written: string, isVariable: (text: string) => boolean): string | undefined {
  const slash = written.indexOf('/');
  if (slash <= 0) return undefined;
  const first = written.slice(0, slash);
  if (isVariable(first) || !(first.includes('.') || first.includes(':') || first === 'localhost')) return undefined;
  return normalizeRegistryEntry(first);
}

/** Whether an image whose registry is known but whose path is not still comes from a trusted registry. */
export function isTrustedRegistry(registry: string, entries: string[]): boolean {
  return entries.some((entry) => hostMatches(entry.split('/')[0], registry));
}

/** The end of every untrusted-registry message; fill it with `notTrustedData`. */
export const NOT_TRUSTED =
  '{{registry}}, which is not in trustedRegistries ({{trusted}}); pull it through a trusted registry, or add the registry to the list if it is one.';

export function notTrustedData(registry: string, trustedRegistries: string[]): { registry: string; trusted: string } {
  return { registry, trusted: trustedRegistries.join(', ') };
}
