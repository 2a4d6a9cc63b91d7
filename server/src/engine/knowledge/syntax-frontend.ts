import type { DockerfileModel } from '../documents/dockerfile';
import { parseImageRef, type ImageRef } from '../documents/image-ref';
import type { Range } from '../types';

/**
 * The `# syntax=` parser directive: the image BuildKit runs to read the rest of the Dockerfile. Only a directive
 * at the head of the file counts (dockerfile-ast stops at the first blank line, comment or instruction, as
 * BuildKit does); `# syntax = x`, `#SYNTAX=x` are the same directive.
 */
export interface SyntaxDirective {
  value: string;
  range: Range;
  ref?: ImageRef;
  /** Docker's own frontend images: `docker/dockerfile` and its nightly channel `docker/dockerfile-upstream`. */
  official: boolean;
}

const OFFICIAL_FRONTENDS = new Set(['docker/dockerfile', 'docker/dockerfile-upstream']);

export function syntaxDirective(model: DockerfileModel): SyntaxDirective | undefined {
  for (const directive of model.units.directives) {
    if (directive.getName().toLowerCase() !== 'syntax') continue;
    const value = directive.getValue();
    const range = directive.getValueRange();
    if (!value || !range) return undefined;
    const ref = parseImageRef(value);
    return { value, range, ref, official: ref !== undefined && !ref.registry && OFFICIAL_FRONTENDS.has(ref.path.toLowerCase()) };
  }
  return undefined;
}

/** The frontend Docker recommends: the latest stable 1.x syntax, with the labs channel kept for labs users. */
export function recommendedFrontend(ref: ImageRef | undefined): string {
  return ref?.tag && /labs$/i.test(ref.tag) ? 'docker/dockerfile:1-labs' : 'docker/dockerfile:1';
}
