import { isAlias, isMap, isPair, isScalar, parseDocument, type Alias, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../text';
import { anchorsInDocumentOrder } from './compose-anchors';
import type { ComposeChunks } from './compose-chunks';
import { parseYamlDocument } from './yaml-parse';
import { keyName, mapPair, type MergedMap } from './compose-merge-keys';
import type { Range } from '../types';
import type { Env } from './dotenv';

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
  /** Nested more than MAX_YAML_NESTING levels: not parsed, its `doc` is empty. */
  nestedTooDeep: boolean;
  /** YAML errors (the first MAX_SYNTAX_ERRORS), ready to report; rules still run on what did parse, but offer no fixes. */
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
  /** Each mapping's keys through merge keys, per merge depth, filled as lookups ask (see mapPair). */
  mergedMaps: Map<Node, MergedMap[]>;
  /** The own keys of large mappings, indexed when first looked up (see mapPair). */
  ownPairs: Map<Node, Map<string, Pair<Node, Node | null>>>;
  /** What `shared` computed for the rules of this analysis. */
  derived: Map<string, unknown>;
  /** The variables of the `.env` beside the file, when the host could read it: `${VAR}` takes their values. */
  env?: Env;
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
  /** The service this one extends in the same file (`extends: name`), if any. */
  extended(): Service | undefined;
}

const EXTENDS_DEPTH = 10;
/** YAML errors reported per file. */
export const MAX_SYNTAX_ERRORS = 100;
/** Alias to alias hops followed; yaml anchors name nodes, not aliases, so one hop is the norm. */
const ALIAS_HOPS = 50;

/** yaml's options for compose files: merge keys stay plain keys (the model resolves them), duplicate keys are errors. */
export const COMPOSE_YAML_OPTIONS = { merge: false, uniqueKeys: true, prettyErrors: false } as const;

/**
 * The model of a compose file. `chunks` (kept by an incremental analysis, documents/compose-chunks) parses only
 * the top-level entry or service an edit changed, when the file's layout allows; otherwise yaml parses it whole.
 */
export function parseCompose(text: string, chunks?: ComposeChunks): ComposeModel {
  const model = new ComposeDocument(text, chunks?.parse(text));
  model.services = readServices(model);
  return model;
}

/**
 * The model as a class: its methods and its lazy `quote` live on the prototype. An object literal with a getter
 * gets a hidden class of its own, created in old space and holding the getter's closure, and with it the whole
 * document: every analysis then survived young-generation GC and was copied and promoted (GC pauses 3x longer).
 */
class ComposeDocument implements ComposeModel {
  readonly kind = 'compose';
  readonly lines: LineIndex;
  readonly doc: Document.Parsed;
  readonly nestedTooDeep: boolean;
  readonly syntaxErrors: { range: Range; message: string }[];
  readonly root?: YAMLMap;
  services: Service[] = [];
  readonly indentUnit: string;
  readonly mergedMaps = new Map<Node, MergedMap[]>();
  readonly ownPairs = new Map<Node, Map<string, Pair<Node, Node | null>>>();
  readonly derived = new Map<string, unknown>();
  env?: Env;
  /** Filled on the first alias resolved: files without aliases never need it. */
  private aliasTargets?: Map<Alias, Node | undefined>;
  private detectedQuote?: '"' | "'";

  constructor(
    readonly text: string,
    parsed?: Document.Parsed,
  ) {
    const doc = parsed ?? parseYamlDocument(text, COMPOSE_YAML_OPTIONS);
    this.nestedTooDeep = !doc;
    this.doc = doc ?? parseDocument('');
    const lines = new LineIndex(text);
    this.lines = lines;
    // The first errors say what is wrong; thousands more (a line of 40,000 quotes) only cost time and screen.
    this.syntaxErrors = this.doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((error) => ({
      range: lines.rangeAt(error.pos[0], Math.max(error.pos[1], error.pos[0])),
      message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    }));
    this.root = isMap(this.doc.contents) ? (this.doc.contents as YAMLMap<Node, Node | null>) : undefined;
    this.indentUnit = detectIndentUnit(this.root, lines);
  }

  /** Only fixes that insert a string need it: the whole text is not scanned for every keystroke's analysis. */
  get quote(): '"' | "'" {
    return (this.detectedQuote ??= detectQuote(this.text));
  }

  resolve(node: unknown): Node | null {
    let current = node as Node | null;
    for (let hops = 0; isAlias(current); hops++) {
      if (hops > ALIAS_HOPS) return null;
      const targets = (this.aliasTargets ??= anchorsInDocumentOrder(this.doc, this.text));
      // yaml's own Alias.resolve walks the whole document on every call; an alias from elsewhere still gets its answer.
      current = (targets.has(current) ? targets.get(current) : (current.resolve(this.doc) as Node | undefined)) ?? null;
    }
    return current ?? null;
  }

  offsetsOf(node: Node): [number, number] {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    let end = valueEnd;
    while (end > start && isSpace(this.text, end - 1)) end--;
    return [start, end];
  }

  rangeOf(node: Node): Range {
    const [start, end] = this.offsetsOf(node);
    return this.lines.rangeAt(start, end);
  }
}

/** The service of that name (the first, if a broken file names two alike), from an index built once per model. */
export function serviceNamed(model: ComposeModel, name: string): Service | undefined {
  const byName = shared(model, 'services-by-name', () => {
    const index = new Map<string, Service>();
    for (const service of model.services) if (!index.has(service.name)) index.set(service.name, service);
    return index;
  });
  return byName.get(name);
}

/** Results several rules derive from a model (the services to judge, every mount, every port), computed once per model. */
export function shared<T>(model: ComposeModel, name: string, compute: () => T): T {
  if (!model.derived.has(name)) model.derived.set(name, compute());
  return model.derived.get(name) as T;
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
  return new ComposeService(model, name, pair, map, byName);
}

/**
 * A service as a class: every rule calls `get` on every service, and methods on the prototype keep those calls
 * monomorphic (closures made per service were a different function at each call, one per service).
 */
class ComposeService implements Service {
  readonly nameRange: Range;
  /** Rules ask for the same keys of every service: each key is resolved (merge keys, extends) once. */
  private readonly resolved = new Map<string, ServiceEntry[]>();
  private extendedService: Service | undefined | null = null;

  constructor(
    private readonly model: ComposeModel,
    readonly name: string,
    readonly pair: Pair<Node, Node | null>,
    readonly map: YAMLMap<Node, Node | null> | undefined,
    private readonly byName: Map<string, Service>,
  ) {
    this.nameRange = model.rangeOf(pair.key);
  }

  entries(key: string): ServiceEntry[] {
    let found = this.resolved.get(key);
    if (found) return found;
    found = [];
    let service: Service | undefined = this;
    let seen: Set<Service> | undefined;
    for (let depth = 0; service && depth <= EXTENDS_DEPTH; depth++) {
      const entry = mapPair(this.model, service.pair.value, key);
      if (entry) found.push(new Entry(this.model, key, entry, service === this && !!this.map?.items.includes(entry)));
      const next = service.extended();
      if (!next) break;
      // A cycle of extends: compose refuses the file; the services met so far still count.
      (seen ??= new Set<Service>([this])).add(service);
      if (seen.has(next)) break;
      service = next;
    }
    // Most keys asked are absent: they share one empty list.
    if (found.length === 0) found = NO_ENTRIES;
    this.resolved.set(key, found);
    return found;
  }

  get(key: string): ServiceEntry | undefined {
    return this.entries(key)[0];
  }

  reportRange(key?: string): Range {
    const entry = key ? this.get(key) : undefined;
    return entry?.own ? entry.keyRange : this.nameRange;
  }

  extended(): Service | undefined {
    if (this.extendedService === null) this.extendedService = extendedService(this.model, this, this.byName);
    return this.extendedService;
  }
}

const NO_ENTRIES: ServiceEntry[] = Object.freeze([]) as unknown as ServiceEntry[];

/** A key as a service sees it; its range is only computed for the keys a finding or a fix names. */
class Entry implements ServiceEntry {
  readonly value: Node | null;
  private range?: Range;

  constructor(
    private readonly model: ComposeModel,
    readonly key: string,
    readonly pair: Pair<Node, Node | null>,
    readonly own: boolean,
  ) {
    this.value = model.resolve(pair.value);
  }

  get keyRange(): Range {
    return (this.range ??= this.model.rangeOf(this.pair.key));
  }
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

/** `/\s/` for one character, without a regex or a one-character string for the usual spaces and line breaks. */
function isSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 32 || code === 10 || code === 13 || code === 9) return true;
  return code > 127 || code === 11 || code === 12 ? /\s/.test(text[at]) : false;
}

function detectIndentUnit(root: YAMLMap | undefined, lines: LineIndex): string {
  const first = root?.items[0] as Pair<Node, Node | null> | undefined;
  const child = first && isMap(first.value) ? (first.value.items[0] as Pair<Node, Node | null> | undefined) : undefined;
  if (first?.key?.range && child?.key?.range) {
    const outer = lines.indentColumnAt(first.key.range[0]);
    const inner = lines.indentColumnAt(child.key.range[0]);
    if (inner > outer) return ' '.repeat(inner - outer);
  }
  return '  ';
}

function detectQuote(text: string): '"' | "'" {
  return occurrences(text, "'", 200_000) > occurrences(text, '"', 200_000) ? "'" : '"';
}

/** How often `char` occurs before `limit`; indexOf skips the text between quotes far faster than a loop can. */
function occurrences(text: string, char: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0 && at < limit; at = text.indexOf(char, at + 1)) count++;
  return count;
}
