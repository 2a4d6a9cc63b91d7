import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ComposeModel } from './compose';

/** Merge keys followed this deep, no more: `<<` chains that loop back on themselves end here. */
const MERGE_DEPTH = 20;

/**
 * What merge keys make of a mapping, computed once per mapping (and merge depth) when a lookup first needs it:
 * `inherited`, the pairs its `<<` brings in (the first `<<` and the first source with a key win); `pairs`, every
 * pair it shows (own keys win); `keys`, every key in YAML order with merged keys at their `<<`.
 */
export interface MergedMap {
  inherited?: Map<string, Pair<Node, Node | null>>;
  pairs?: Map<string, Pair<Node, Node | null>>;
  keys?: string[];
}

const NO_PAIRS = new Map<string, Pair<Node, Node | null>>();

/**
 * Kept per merge depth: a `<<` chain that loops back on itself is cut at MERGE_DEPTH, so what a mapping shows
 * depends on how deep it was reached, exactly as in a lookup that walks the chain.
 */
function mergedMap(model: ComposeModel, map: YAMLMap, depth: number): MergedMap {
  let byDepth = model.mergedMaps.get(map);
  if (!byDepth) model.mergedMaps.set(map, (byDepth = []));
  return (byDepth[depth] ??= {});
}

/** The mappings a `<<` pair names: one alias, or a list of them. */
function mergeSources(model: ComposeModel, pair: Pair<Node, Node | null>): unknown[] {
  const sources = model.resolve(pair.value);
  return isSeq(sources) ? sources.items : [pair.value];
}

function inheritedPairs(model: ComposeModel, map: YAMLMap, depth: number): Map<string, Pair<Node, Node | null>> {
  const merged = mergedMap(model, map, depth);
  if (merged.inherited) return merged.inherited;
  const sources: Map<string, Pair<Node, Node | null>>[] = [];
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    if (keyName(pair) === '<<') for (const source of mergeSources(model, pair)) sources.push(allPairs(model, source, depth + 1));
  }
  // The usual `<<: *defaults` shares the anchor's own index instead of copying it for every service.
  if (sources.length === 1) return (merged.inherited = sources[0]);
  const inherited = new Map<string, Pair<Node, Node | null>>();
  for (const source of sources) for (const [key, pair] of source) if (!inherited.has(key)) inherited.set(key, pair);
  return (merged.inherited = inherited);
}

function allPairs(model: ComposeModel, node: unknown, depth: number): Map<string, Pair<Node, Node | null>> {
  const map = model.resolve(node);
  if (!isMap(map) || depth > MERGE_DEPTH) return NO_PAIRS;
  const merged = mergedMap(model, map, depth);
  if (merged.pairs) return merged.pairs;
  const pairs = new Map<string, Pair<Node, Node | null>>();
  let merges = false;
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    const name = keyName(pair);
    if (name === undefined) continue;
    if (!pairs.has(name)) pairs.set(name, pair);
    if (name === '<<') merges = true;
  }
  if (merges) for (const [key, pair] of inheritedPairs(model, map, depth)) if (!pairs.has(key)) pairs.set(key, pair);
  return (merged.pairs = pairs);
}

/** Every key's pair as mapPair finds it (own keys first, then what `<<` brings in), indexed once per mapping. */
export function mergedPairs(model: ComposeModel, node: unknown): ReadonlyMap<string, Pair<Node, Node | null>> {
  return allPairs(model, node, 0);
}

/** mapKeys without the copy, for readers in this folder that only iterate. */
export function mergedKeys(model: ComposeModel, node: unknown, depth = 0): readonly string[] {
  const map = model.resolve(node);
  if (!isMap(map) || depth > MERGE_DEPTH) return [];
  const merged = mergedMap(model, map, depth);
  if (merged.keys) return merged.keys;
  const keys: string[] = [];
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    const name = keyName(pair);
    if (name === '<<') for (const source of mergeSources(model, pair)) for (const key of mergedKeys(model, source, depth + 1)) keys.push(key);
    else if (name !== undefined) keys.push(name);
  }
  return (merged.keys = [...new Set(keys)]);
}

/**
 * The value of `key` in a mapping, honouring merge keys (own keys win over merged ones, in YAML order).
 * The mapping's own keys are scanned, which allocates nothing; what a `<<` brings in is looked up in an index
 * built once per mapping.
 */
export function mapPair(model: ComposeModel, node: unknown, key: string, depth = 0): Pair<Node, Node | null> | undefined {
  const map = model.resolve(node);
  if (!isMap(map) || depth > MERGE_DEPTH) return undefined;
  if (map.items.length >= INDEXED_MAP_SIZE) {
    const own = ownPairs(model, map);
    return own.get(key) ?? (own.has('<<') ? inheritedPairs(model, map, depth).get(key) : undefined);
  }
  let merges = false;
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    const name = keyName(pair);
    if (name === key) return pair;
    if (name === '<<') merges = true;
  }
  return merges ? inheritedPairs(model, map, depth).get(key) : undefined;
}

/**
 * Mappings this large (services, mostly) are asked for dozens of keys by the rules: their own keys are indexed
 * once. Smaller ones (deploy, healthcheck, a long-syntax port) are scanned, which allocates nothing.
 */
const INDEXED_MAP_SIZE = 8;

/** Each key's first pair in the mapping itself, merge keys not followed (`<<` is a key like the others here). */
function ownPairs(model: ComposeModel, map: YAMLMap): Map<string, Pair<Node, Node | null>> {
  let pairs = model.ownPairs.get(map);
  if (pairs) return pairs;
  pairs = new Map();
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    const name = keyName(pair);
    if (name !== undefined && !pairs.has(name)) pairs.set(name, pair);
  }
  model.ownPairs.set(map, pairs);
  return pairs;
}

/** Every key of a mapping, merge keys expanded where they stand. */
export function mapKeys(model: ComposeModel, node: unknown, depth = 0): string[] {
  return [...mergedKeys(model, node, depth)];
}

export function keyName(pair: Pair<unknown, unknown>): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null || key.value === undefined ? undefined : String(key.value);
  return undefined;
}
