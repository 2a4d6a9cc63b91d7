import { isMap, isScalar, type Node } from 'yaml';
import type { Range } from '../types';
import { shared, type ComposeModel, type Service } from './compose';
import { mapPair } from './compose-merge-keys';
import { hostPathRisk, type HostPathRisk } from '../knowledge/host-paths';
import { interpolate } from './compose-interpolation';
import { serviceListItems } from './compose-service-lists';
import { isTrue, scalarSliceRange, scalarString, seqItems } from './compose-values';

/**
 * One entry of a service's `volumes:`, short (`./data:/data:ro`) or long (`type: bind`) syntax, read the way
 * compose reads it: a short source that starts with `/`, `.`, `~` or a drive letter is a host path (bind mount),
 * anything else names a volume.
 */
export interface Mount {
  /** The list item. */
  node: Node;
  long: boolean;
  /** `bind`, `volume`, `tmpfs`, `npipe`, ... (lower case); `volume` for a short entry without a host path. */
  type: string;
  /** The source after interpolation (defaults taken, the rest UNKNOWN); undefined for anonymous volumes. */
  source?: string;
  /** Narrowest range naming the source: the source part of a short entry, the `source:` value of a long one. */
  sourceRange: Range;
  target?: string;
  readOnly: boolean;
  /** Short syntax only: the access options after the target (`rw`, `z`, ...), and where they start in the value. */
  options?: { list: string[]; start: number };
  /** Short syntax only: the value as written, when it has no variables (so offsets in it are offsets in the source). */
  written?: string;
}

const DRIVE = /^[A-Za-z]:[\\/]/;

/** Compose's test for a host path in the short syntax. */
export function isHostPath(source: string): boolean {
  return /^[./~]/.test(source) || DRIVE.test(source) || source.startsWith('\\\\');
}

export interface ShortVolume {
  source?: string;
  target?: string;
  /** Offset just past the source in the text (0 without one). */
  sourceEnd: number;
  options?: { list: string[]; start: number };
}

/**
 * Splits `SOURCE:TARGET[:OPTIONS]`, keeping Windows drive letters (`C:\data:/data`) with their path.
 * A single part is an anonymous volume: a target only.
 */
export function parseShortVolume(text: string): ShortVolume {
  const parts: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = text.indexOf(':'); ; i = text.indexOf(':', i + 1)) {
    if (i >= 0 && i - start === 1 && isLetter(text.charCodeAt(start)) && isSlash(text.charCodeAt(i + 1))) continue; // `C:\`
    parts.push({ text: text.slice(start, i < 0 ? text.length : i), start });
    if (i < 0) break;
    start = i + 1;
  }
  if (parts.length === 1) return { target: parts[0].text, sourceEnd: 0 };
  // Indexed, not destructured with a rest element: that goes through the iterator protocol on every volume.
  const source = parts[0].text;
  const rest = parts.length > 2 ? parts.slice(2) : undefined;
  const options = rest
    ? {
        list: rest
          .map((p) => p.text)
          .join(':')
          .split(','),
        start: rest[0].start,
      }
    : undefined;
  return { source, target: parts[1].text, sourceEnd: source.length, options };
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSlash(code: number): boolean {
  return code === 47 || code === 92;
}

/**
 * Interpolates a host path; `$HOME` and `$PWD` at its start mean what they mean to compose's user (their home,
 * the project directory), so `${HOME}/.ssh` is still known to be the SSH keys.
 */
function interpolateHostPath(model: ComposeModel, text: string): string {
  if (!text.startsWith('$')) return interpolate(text, model.env);
  return interpolate(text.replace(/^(?:\$HOME|\$\{HOME\})(?=[\\/]|$)/, '~').replace(/^(?:\$PWD|\$\{PWD\})(?=[\\/]|$)/, '.'), model.env);
}

/** The mounts of a `volumes:` sequence, read once per document however many rules ask. */
export function mountsOf(model: ComposeModel, volumes: unknown): Mount[] {
  const node = model.resolve(volumes);
  if (!node) return [];
  // Held by the model, not in a module-level WeakMap: an entry there would keep each analysis alive a while longer.
  const cache = shared(model, 'mounts-by-node', () => new Map<Node, Mount[]>());
  let mounts = cache.get(node);
  if (!mounts) cache.set(node, (mounts = readMounts(model, node)));
  return mounts;
}

/**
 * Every mount of every service, once: a mount shared through an anchor is listed with the first service using it.
 * `own` says whether it is written in that service's own mapping (only then may a fix edit it).
 */
export function allServiceMounts(model: ComposeModel): { service: Service; mount: Mount; own: boolean }[] {
  return shared(model, 'service-mounts', () => serviceListItems(model, 'volumes', mountsOf, (service, mount, own) => ({ service, mount, own })));
}

/** A top-level named volume that is a host directory in disguise (`driver_opts: { o: bind, device: /path }`). */
export interface BoundVolume {
  name: string;
  device: string;
  deviceRange: Range;
}

export function boundVolumes(model: ComposeModel): BoundVolume[] {
  return shared(model, 'bound-volumes', () => readBoundVolumes(model));
}

/**
 * What a host path exposes (knowledge/host-paths): three rules ask it of every bind mount, so each path is
 * judged once per analysis.
 */
export function hostPathRiskOf(model: ComposeModel, source: string): HostPathRisk | undefined {
  const risks = shared(model, 'host-path-risks', () => new Map<string, HostPathRisk | undefined>());
  if (!risks.has(source)) risks.set(source, hostPathRisk(source));
  return risks.get(source);
}

function readBoundVolumes(model: ComposeModel): BoundVolume[] {
  const volumes = model.root && model.resolve(mapPair(model, model.root, 'volumes')?.value);
  if (!isMap(volumes)) return [];
  const result: BoundVolume[] = [];
  for (const pair of volumes.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const options = mapPair(model, pair.value, 'driver_opts')?.value;
    const o = scalarString(model, mapPair(model, options, 'o')?.value);
    const devicePair = mapPair(model, options, 'device');
    const device = devicePair && scalarString(model, devicePair.value);
    if (!name || device === undefined || !o?.split(',').includes('bind')) continue;
    result.push({ name, device: interpolateHostPath(model, device), deviceRange: model.rangeOf(devicePair!.value as Node) });
  }
  return result;
}

/** A mount as read; its source range is only computed for the mounts a rule reports. */
class ReadMount implements Mount {
  private range?: Range;

  constructor(
    private readonly model: ComposeModel,
    readonly node: Node,
    readonly long: boolean,
    readonly type: string,
    readonly source: string | undefined,
    readonly target: string | undefined,
    readonly readOnly: boolean,
    /** What the range covers when the source has no text of its own. */
    private readonly rangeNode: Node,
    /** Short syntax whose value maps to the source: the source is the value's first `sourceEnd` characters. */
    private readonly sourceEnd?: number,
    readonly options?: { list: string[]; start: number },
    readonly written?: string,
  ) {}

  get sourceRange(): Range {
    return (this.range ??= (this.sourceEnd !== undefined && scalarSliceRange(this.model, this.node, 0, this.sourceEnd)) || this.model.rangeOf(this.rangeNode));
  }
}

/** The mounts of a `volumes:` sequence, short and long syntax. */
export function readMounts(model: ComposeModel, volumes: unknown): Mount[] {
  const mounts: Mount[] = [];
  for (const item of seqItems(model, volumes)) {
    if (isScalar(item)) {
      const written = scalarString(model, item);
      if (written === undefined) continue;
      // Compose interpolates first, then splits: `${DATA:-./data}:/data` has a colon inside the variable.
      const text = interpolateHostPath(model, written);
      const parsed = parseShortVolume(text);
      const source = parsed.source;
      const mapped = text === written;
      const type = source !== undefined && isHostPath(source) ? 'bind' : 'volume';
      const readOnly = parsed.options?.list.includes('ro') ?? false;
      // The source's own text when the value maps to the source, else the whole entry.
      const sourceEnd = mapped && source !== undefined ? parsed.sourceEnd : undefined;
      mounts.push(new ReadMount(model, item, false, type, source, parsed.target, readOnly, item, sourceEnd, parsed.options, mapped ? written : undefined));
    } else if (isMap(item)) {
      const sourcePair = mapPair(model, item, 'source');
      const sourceText = sourcePair && scalarString(model, sourcePair.value);
      const type = scalarString(model, mapPair(model, item, 'type')?.value) ?? 'volume';
      const readOnlyPair = mapPair(model, item, 'read_only');
      const source = sourceText === undefined ? undefined : interpolateHostPath(model, sourceText);
      const target = scalarString(model, mapPair(model, item, 'target')?.value);
      const readOnly = readOnlyPair ? isTrue(model, readOnlyPair.value) : false;
      const rangeNode = (sourcePair?.value ?? item.items[0]?.key ?? item) as Node;
      mounts.push(new ReadMount(model, item, true, type.toLowerCase(), source, target, readOnly, rangeNode));
    }
  }
  return mounts;
}
