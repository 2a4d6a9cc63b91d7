import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { looksBinary, MAX_ANALYSED_CHARS } from '../input-limits';
import { parseCompose } from './compose';
import { hasUnknown, interpolate } from './compose-interpolation';
import { mapPair } from './compose-merge-keys';
import { scalarString, seqItems } from './compose-values';

/** Files one compose file pulls in beyond which a scan would not go: bounded, as any list read from a file. */
const MAX_REFERENCES = 100;

/**
 * The other compose files a compose file names, as written (relative to its directory, or absolute): the
 * `include:` entries (a path, or `path:` as one path or a list of them) and each service's `extends.file`. Compose
 * reads them as compose files whatever they are called, so the CLI and the workspace scan analyse them too. Paths
 * that depend on the environment are left out.
 */
export function composeReferences(text: string): string[] {
  if (text.length > MAX_ANALYSED_CHARS || looksBinary(text)) return [];
  const model = parseCompose(text);
  const paths = new Set<string>();
  const add = (node: unknown) => {
    const written = scalarString(model, node);
    const path = written === undefined ? undefined : interpolate(written).trim();
    if (path && !hasUnknown(path) && paths.size < MAX_REFERENCES) paths.add(path.replace(/\\/g, '/'));
  };
  const include = model.root && mapPair(model, model.root, 'include');
  for (const entry of seqItems(model, include?.value)) {
    if (isScalar(entry)) add(entry);
    else if (isMap(entry)) {
      const path = model.resolve(mapPair(model, entry, 'path')?.value);
      if (isSeq(path)) for (const item of seqItems(model, path)) add(item);
      else add(path as Node | null);
    }
  }
  for (const service of model.services) {
    const extended = service.get('extends')?.value;
    if (isMap(extended)) add(mapPair(model, extended, 'file')?.value);
  }
  return [...paths];
}
