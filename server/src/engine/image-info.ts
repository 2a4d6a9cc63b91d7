import type { AnalysisState } from './analysis-state';
import { hasUnknown, interpolate } from './documents/compose-interpolation';
import { scalarString } from './documents/compose-values';
import type { BaseImage } from './documents/dockerfile';
import { modelOf } from './ignore-actions';
import { parseImageRef, registryOf, type ImageRef } from './documents/image-ref';
import { isAnalysable } from './input-limits';
import { comparePositions } from './text';
import type { DocumentKind, Position, Range } from './types';

export interface ImageInfo {
  range: Range;
  written: string;
  /** After ARG substitution; undefined when it depends on a build argument without a default. */
  resolved?: string;
  ref?: ImageRef;
  /** Set when a Dockerfile FROM names an earlier stage. */
  stage?: string;
  scratch: boolean;
}

function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** The image reference under the cursor: a Dockerfile FROM image or a compose `image:`. */
export function imageAt(text: string, kind: DocumentKind, position: Position, state?: AnalysisState): ImageInfo | undefined {
  if (!isAnalysable(text)) return undefined;
  try {
    return findImage(text, kind, position, state);
  } catch {
    return undefined; // analyze reports the failure; a hover has nothing to add
  }
}

function findImage(text: string, kind: DocumentKind, position: Position, state?: AnalysisState): ImageInfo | undefined {
  const model = modelOf(text, kind, state);
  if (model.kind === 'dockerfile') {
    for (const stage of model.stages) {
      const image: BaseImage = stage.image;
      if (image.range && image.written && contains(image.range, position)) {
        return { range: image.range, written: image.written, resolved: image.resolved, ref: image.ref, stage: image.stage?.name, scratch: image.scratch };
      }
    }
    return undefined;
  }
  for (const service of model.services) {
    const entry = service.get('image');
    if (!entry?.own || !entry.value) continue;
    const range = model.rangeOf(entry.value);
    if (!contains(range, position)) continue;
    const written = scalarString(model, entry.value) ?? '';
    // `${TAG:-1.2}` takes its default as compose would; anything from the environment stays unknown.
    const interpolated = interpolate(written, model.env);
    const resolved = hasUnknown(interpolated) ? undefined : interpolated;
    return { range, written, resolved, ref: resolved === undefined ? undefined : parseImageRef(resolved), scratch: false };
  }
  return undefined;
}

export { registryOf };
