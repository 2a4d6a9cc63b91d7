/**
 * An image reference split the way Docker reads it: `[registry/]path[:tag][@digest]`.
 * Offsets are into the reference string, so callers can point at the tag or digest in the source.
 */
export interface ImageRef {
  /** The reference as written (after variable substitution). */
  raw: string;
  /** Registry host (with port), or undefined for Docker Hub. */
  registry?: string;
  /** Repository path without the registry, e.g. `library/node` is reported as `node`, `bitnami/redis` as is. */
  path: string;
  /** Last path segment, e.g. `node`, `redis`, `ubi-minimal`. */
  name: string;
  tag?: string;
  digest?: string;
  /** Offset of the tag (after the colon) within `raw`, when there is a tag. */
  tagOffset?: number;
  /** Offset of the digest (after the @) within `raw`, when there is a digest. */
  digestOffset?: number;
  /** Offset just past the repository path, where a `:tag` would be inserted. */
  pathEnd: number;
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

function looksLikeRegistry(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

export function parseImageRef(raw: string): ImageRef | undefined {
  const reference = raw.trim();
  if (!reference || /\s/.test(reference)) return undefined;

  let rest = reference;
  let digest: string | undefined;
  let digestOffset: number | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    digestOffset = at + 1;
    rest = rest.slice(0, at);
  }

  let registry: string | undefined;
  let pathStart = 0;
  const slash = rest.indexOf('/');
  if (slash > 0 && looksLikeRegistry(rest.slice(0, slash))) {
    registry = rest.slice(0, slash);
    pathStart = slash + 1;
  }

  let tag: string | undefined;
  let tagOffset: number | undefined;
  let pathEnd = rest.length;
  const colon = rest.lastIndexOf(':');
  if (colon > pathStart && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    tagOffset = colon + 1;
    pathEnd = colon;
  }

  let path = rest.slice(pathStart, pathEnd);
  if (!path) return undefined;
  if (registry && DOCKER_HUB.has(registry.toLowerCase())) registry = undefined;
  if (!registry && path.startsWith('library/')) path = path.slice('library/'.length);
  const name = path.slice(path.lastIndexOf('/') + 1);
  return { raw: reference, registry, path, name, tag, digest, tagOffset, digestOffset, pathEnd };
}

/** The registry an image is pulled from, `docker.io` for Docker Hub. */
export function registryOf(ref: ImageRef): string {
  return ref.registry ?? 'docker.io';
}

/** An official Docker Hub image (`node`, `python`, ...), as opposed to `someone/node`. */
export function isOfficialHubImage(ref: ImageRef): boolean {
  return !ref.registry && !ref.path.includes('/');
}
