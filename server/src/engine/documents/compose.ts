import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../text';
import type { Range } from '../types';

/**
 * A compose file as the rules see it: services with their settings resolved through anchors, aliases,
 * merge keys (`<<: *defaults`) and same-file `extends`, every value still tied to its place in the source.
 * The YAML is never re-printed: fixes insert text next to these ranges.
 */
export interface ComposeModel {
  kind: 'compose';
  text: string;
  lines: LineIndex;
  doc: Document.Parsed;
  /** YAML errors, ready to report; rules still run on what did parse, but offer no fixes. */
  syntaxErrors: { range: Range; message: string }[];
  root?: YAMLMap;
  services: Service[];
  /** The file's indentation step (two spaces unless the file shows otherwise), for nested insertions. */
  indentUnit: string;
  /** The quote the file mostly uses for strings, for inserted values. */
  quote: '"' | "'";
  /** Follows aliases (bounded); plain nodes come back as they are. */
  resolve(node: unknown): Node | null;
  /** Source range of a node, without the trailing comment or line break yaml keeps in it. */
  rangeOf(node: Node): Range;
  /** Offsets of a node's own text: [start, end). */
  offsetsOf(node: Node): [number, number];
}

export interface ServiceEntry {
  key: string;
  /** The pair that holds the value; it may be written in an anchor or in an extended service. */
  pair: Pair<Node, Node | null>;
  value: Node | null;
  /** Written in the service's own mapping, so edits and findings can point at it. */
  own: boolean;
  keyRange: Range;
}

export interface Service {
  name: string;
  nameRange: Range;
  pair: Pair<Node, Node | null>;
  /** The service's own block mapping; undefined while it is empty or half-typed. */
  map?: YAMLMap<Node, Node | null>;
  /** Values of `key`, most specific first: the service's own or merged value, then those of services it extends. */
  entries(key: string): ServiceEntry[];
  get(key: string): ServiceEntry | undefined;
  /** Where a finding about `key` lands: the key where the service writes it, else the service's name. */
  reportRange(key?: string): Range;
}

/** Alias resolutions allowed per document: an alias bomb costs microseconds, not memory. */
const ALIAS_BUDGET = 10_000;
const EXTENDS_DEPTH = 10;

export function parseCompose(text: string): ComposeModel {
  const doc = parseDocument(text, { merge: false, uniqueKeys: true, prettyErrors: false });
  const lines = new LineIndex(text);
  let budget = ALIAS_BUDGET;

  const resolve = (node: unknown): Node | null => {
    let current = node as Node | null;
    for (let hops = 0; isAlias(current); hops++) {
      if (budget-- <= 0 || hops > 50) return null;
      current = (current.resolve(doc) as Node | undefined) ?? null;
    }
    return current ?? null;
  };

  const offsetsOf = (node: Node): [number, number] => {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    let end = valueEnd;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return [start, end];
  };
  const rangeOf = (node: Node): Range => {
    const [start, end] = offsetsOf(node);
    return lines.rangeAt(start, end);
  };

  const root = isMap(doc.contents) ? (doc.contents as YAMLMap<Node, Node | null>) : undefined;
  const model: ComposeModel = {
    kind: 'compose',
    text,
    lines,
    doc,
    syntaxErrors: doc.errors.map((error) => ({
      range: lines.rangeAt(error.pos[0], Math.max(error.pos[1], error.pos[0])),
      message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    })),
    root,
    services: [],
    indentUnit: detectIndentUnit(root, lines),
    quote: detectQuote(text),
    resolve,
    rangeOf,
    offsetsOf,
  };
  model.services = readServices(model);
  return model;
}

/** The value of `key` in a mapping, honouring merge keys (own keys win over merged ones, in YAML order). */
export function mapPair(model: ComposeModel, node: unknown, key: string, depth = 0): Pair<Node, Node | null> | undefined {
  const map = model.resolve(node);
  if (!isMap(map) || depth > 20) return undefined;
  let merged: Pair<Node, Node | null> | undefined;
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    const name = keyName(pair);
    if (name === key) return pair;
    if (name === '<<' && !merged) {
      const sources = model.resolve(pair.value);
      const list = isSeq(sources) ? sources.items : [pair.value];
      for (const source of list) {
        merged = mapPair(model, source, key, depth + 1);
        if (merged) break;
      }
    }
  }
  return merged;
}

/** Every key of a mapping, merge keys expanded (own keys first). */
export function mapKeys(model: ComposeModel, node: unknown, depth = 0): string[] {
  const map = model.resolve(node);
  if (!isMap(map) || depth > 20) return [];
  const keys: string[] = [];
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    const name = keyName(pair);
    if (name === '<<') {
      const sources = model.resolve(pair.value);
      for (const source of isSeq(sources) ? sources.items : [pair.value]) keys.push(...mapKeys(model, source, depth + 1));
    } else if (name !== undefined) {
      keys.push(name);
    }
  }
  return [...new Set(keys)];
}

export function keyName(pair: Pair<unknown, unknown>): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null || key.value === undefined ? undefined : String(key.value);
  return undefined;
}

function readServices(model: ComposeModel): Service[] {
  const servicesPair = model.root ? mapPair(model, model.root, 'services') : undefined;
  const servicesMap = servicesPair ? model.resolve(servicesPair.value) : null;
  if (!isMap(servicesMap)) return [];
  const byName = new Map<string, Service>();
  const services: Service[] = [];
  for (const pair of servicesMap.items as Pair<Node, Node | null>[]) {
    const name = keyName(pair);
    if (name === undefined || !isPair(pair)) continue;
    const service = createService(model, name, pair, byName);
    byName.set(name, service);
    services.push(service);
  }
  return services;
}

function createService(model: ComposeModel, name: string, pair: Pair<Node, Node | null>, byName: Map<string, Service>): Service {
  const value = model.resolve(pair.value);
  // Only a mapping written in place can take edits; `web: *base` cannot.
  const map = isMap(value) && pair.value === value ? (value as YAMLMap<Node, Node | null>) : undefined;
  const nameRange = model.rangeOf(pair.key);

  const self: Service = {
    name,
    nameRange,
    pair,
    map,
    entries(key) {
      const found: ServiceEntry[] = [];
      const seen = new Set<Service>();
      let service: Service | undefined = self;
      for (let depth = 0; service && !seen.has(service) && depth <= EXTENDS_DEPTH; depth++) {
        seen.add(service);
        const entry = mapPair(model, service.pair.value, key);
        if (entry) {
          const own = service === self && !!map?.items.includes(entry);
          found.push({ key, pair: entry, value: model.resolve(entry.value), own, keyRange: model.rangeOf(entry.key) });
        }
        service = extendedService(model, service, byName);
      }
      return found;
    },
    get(key) {
      return self.entries(key)[0];
    },
    reportRange(key) {
      const entry = key ? self.get(key) : undefined;
      return entry?.own ? entry.keyRange : nameRange;
    },
  };
  return self;
}

/** The service named by `extends: name` or `extends: { service: name }` in the same file (not `file:`). */
function extendedService(model: ComposeModel, service: Service, byName: Map<string, Service>): Service | undefined {
  const entry = mapPair(model, service.pair.value, 'extends');
  const value = entry && model.resolve(entry.value);
  if (isScalar(value)) return byName.get(String(value.value));
  if (isMap(value) && !mapPair(model, value, 'file')) {
    const target = mapPair(model, value, 'service');
    const targetName = target && model.resolve(target.value);
    return isScalar(targetName) ? byName.get(String(targetName.value)) : undefined;
  }
  return undefined;
}

function detectIndentUnit(root: YAMLMap | undefined, lines: LineIndex): string {
  const first = root?.items[0] as Pair<Node, Node | null> | undefined;
  const child = first && isMap(first.value) ? (first.value.items[0] as Pair<Node, Node | null> | undefined) : undefined;
  if (first?.key?.range && child?.key?.range) {
    const outer = lines.positionAt(first.key.range[0]).character;
    const inner = lines.positionAt(child.key.range[0]).character;
    if (inner > outer) return ' '.repeat(inner - outer);
  }
  return '  ';
}

function detectQuote(text: string): '"' | "'" {
  let double = 0;
  let single = 0;
  for (let i = 0; i < text.length && i < 200_000; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) double++;
    else if (ch === 39) single++;
  }
  return single > double ? "'" : '"';
}
