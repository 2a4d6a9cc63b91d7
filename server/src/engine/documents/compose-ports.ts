import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { shared, type ComposeModel, type Service } from './compose';
import { mapPair } from './compose-merge-keys';
import { interpolate } from './compose-interpolation';
import { serviceListItems } from './compose-service-lists';
import { scalarString, seqItems } from './compose-values';

/**
 * One entry of a service's `ports:`. Short syntax is `[[HOST_IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, split the
 * way Docker splits it (the last part is the container port, the one before it the host port, everything before
 * those the host IP, brackets allowed around IPv6); the long syntax has `target`, `published`, `host_ip`, `protocol`.
 */
export interface PortMapping {
  node: Node;
  long: boolean;
  /** As written, brackets removed; undefined when not given (every interface). */
  hostIp?: string;
  /** Host port or range; undefined or '' when Docker picks a random one. */
  published?: string;
  /** The host port as written, variables and all (`${WEB_PORT}`), for messages. */
  publishedWritten?: string;
  /** Container port or range. */
  target?: string;
  protocol?: string;
  /**
   * Short syntax: where the host IP is, or would go, in the value: [start, end) (end = start when absent);
   * undefined when the value has variables, so offsets in it are not offsets in the source.
   */
  hostIpSpan?: [number, number];
  /** Short syntax: how many `:`-separated parts precede the container port (0, 1 or 2+). */
  parts?: number;
  /** Written inside a flow sequence (`ports: [8080:80]`), where plain scalars are more fragile to edit. */
  inFlow: boolean;
  /** Long syntax: the pairs, for ranges and edits. */
  pairs?: { hostIp?: Pair<Node, Node | null>; published?: Pair<Node, Node | null>; target?: Pair<Node, Node | null> };
}

export interface ShortPort {
  hostIp?: string;
  hostIpSpan: [number, number];
  published?: string;
  target: string;
  protocol?: string;
  parts: number;
}

export function parsePortSpec(text: string): ShortPort | undefined {
  const value = text.trim();
  if (!value) return undefined;
  const slash = value.lastIndexOf('/');
  const protocol = slash >= 0 ? value.slice(slash + 1) : undefined;
  const spec = slash >= 0 ? value.slice(0, slash) : value;
  const parts = spec.split(':');
  const target = parts[parts.length - 1];
  if (parts.length === 1) return { target, protocol, hostIpSpan: [0, 0], parts: 0 };
  const published = parts[parts.length - 2];
  if (parts.length === 2) return { published, target, protocol, hostIpSpan: [0, 0], parts: 1 };
  const rawIp = parts.slice(0, parts.length - 2).join(':');
  const hostIp = rawIp.replace(/^\[(.*)\]$/, '$1');
  return { hostIp, published, target, protocol, hostIpSpan: [0, rawIp.length], parts: 2 };
}

/** `8080`, `8000-8010` → [first, last]; undefined for anything else (variables, typos). */
export function portRange(spec: string | undefined): [number, number] | undefined {
  const match = spec === undefined ? null : /^\s*(\d{1,5})(?:\s*-\s*(\d{1,5}))?\s*$/.exec(spec);
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  return first <= last ? [first, last] : undefined;
}

/** An IPv4 address, or a bracketed IPv6 one, with no port after it. */
function isBareIp(value: string): boolean {
  return /^\s*(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]*\])\s*$/.test(value);
}

/** Host IPs that mean every interface: none given, `0.0.0.0`, `::`. */
export function isAllInterfaces(hostIp: string | undefined): boolean {
  const ip = hostIp?.trim().replace(/^\[(.*)\]$/, '$1');
  return !ip || ip === '0.0.0.0' || (/^[0:]+$/.test(ip) && ip.includes(':'));
}

/** The mappings of a `ports:` sequence, short and long syntax. */
export function readPorts(model: ComposeModel, ports: unknown): PortMapping[] {
  const mappings: PortMapping[] = [];
  const seq = model.resolve(ports);
  const inFlow = isSeq(seq) && !!seq.flow;
  for (const item of seqItems(model, ports)) {
    if (isScalar(item)) {
      const written = scalarString(model, item);
      // Compose interpolates before splitting: `${PORT:-8080}:80` has a colon inside the variable.
      const text = written === undefined ? undefined : interpolate(written, model.env);
      const parsed = text === undefined ? undefined : parsePortSpec(text);
      if (!parsed) continue;
      const publishedWritten = text === written ? parsed.published : writtenPart(written!, parsed.parts);
      mappings.push({ node: item, long: false, inFlow, ...parsed, publishedWritten, hostIpSpan: text === written ? parsed.hostIpSpan : undefined });
    } else if (isMap(item)) {
      const pairs = { hostIp: mapPair(model, item, 'host_ip'), published: mapPair(model, item, 'published'), target: mapPair(model, item, 'target') };
      const publishedWritten = pairs.published && scalarString(model, pairs.published.value);
      let hostIp = pairs.hostIp && interpolateValue(model, scalarString(model, pairs.hostIp.value));
      let published = interpolateValue(model, publishedWritten);
      // `published: 127.0.0.1:8080` names the host IP too, as the short syntax does.
      const withIp = published === undefined ? undefined : parsePortSpec(`${published}:0`);
      if (withIp?.hostIp !== undefined && published!.includes(':') && !isBareIp(published!)) {
        hostIp ??= withIp.hostIp;
        published = withIp.published;
      } else if (published !== undefined && isBareIp(published)) {
        // `published: 127.0.0.1` names the host IP alone: a port Docker picks, on that interface only.
        hostIp ??= published.trim().replace(/^\[(.*)\]$/, '$1');
        published = undefined;
      }
      mappings.push({
        node: item,
        long: true,
        inFlow,
        hostIp,
        published,
        publishedWritten,
        target: pairs.target && interpolateValue(model, scalarString(model, pairs.target.value)),
        protocol: scalarString(model, mapPair(model, item, 'protocol')?.value),
        pairs,
      });
    }
  }
  return mappings;
}

/**
 * Every port mapping of every service, once: one shared through an anchor is listed with the first service using
 * it. `own` says whether it is written in that service's own mapping (only then may a fix edit it).
 */
export function allServicePorts(model: ComposeModel): { service: Service; port: PortMapping; own: boolean }[] {
  return shared(model, 'service-ports', () => serviceListItems(model, 'ports', readPorts, (service, port, own) => ({ service, port, own })));
}

/**
 * The host port part of a short-syntax spec as written, when its variables hold no `:` of their own (so the
 * written spec splits into as many parts as the interpolated one); undefined otherwise.
 */
function writtenPart(written: string, parts: number): string | undefined {
  if (parts === 0) return undefined;
  const spec = written.trim().replace(/\/[^/:}]*$/, '');
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    if (spec[i] === '{') depth++;
    else if (spec[i] === '}') depth--;
    else if (spec[i] === ':' && depth === 0) {
      pieces.push(spec.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(spec.slice(start));
  return pieces.length >= 2 && (parts === 1 ? pieces.length === 2 : pieces.length >= 3) ? pieces[pieces.length - 2] : undefined;
}

function interpolateValue(model: ComposeModel, text: string | undefined): string | undefined {
  return text === undefined ? undefined : interpolate(text, model.env);
}
