import { isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import type { Range } from '../types';
import { shared, type ComposeModel, type Service } from './compose';
import { keyName, mapPair, mergedKeys, mergedPairs } from './compose-merge-keys';

/** A scalar's value as a string (numbers and booleans too); undefined for null, maps, sequences. */
export function scalarString(model: ComposeModel, node: unknown): string | undefined {
  const value = model.resolve(node);
  if (!isScalar(value) || value.value === null || value.value === undefined) return undefined;
  return String(value.value);
}

/**
 * `true`, and the string "true" that compose also accepts. A plain `true` before a lone CR (the last line of a
 * file saved with old Mac line ends) is the string "true\r" to our YAML parser, which ends lines at LF only, but
 * true to compose's, which ends them at CR too.
 */
export function isTrue(model: ComposeModel, node: unknown): boolean {
  const value = model.resolve(node);
  if (!isScalar(value)) return false;
  if (value.value === true) return true;
  const text = String(value.value);
  return (text.endsWith('\r') && value.type === 'PLAIN' ? text.trimEnd() : text).toLowerCase() === 'true';
}

/** Items of a sequence, each resolved through aliases; empty for anything else. */
export function seqItems(model: ComposeModel, node: unknown): Node[] {
  const seq = model.resolve(node);
  if (!isSeq(seq)) return [];
  const items: Node[] = [];
  for (const item of seq.items) {
    const resolved = model.resolve(item);
    if (resolved) items.push(resolved);
  }
  return items;
}

/** Follows a path of keys through nested mappings (merge keys honoured). */
export function lookup(model: ComposeModel, node: unknown, path: string[]): Pair<Node, Node | null> | undefined {
  let current: unknown = node;
  let pair: Pair<Node, Node | null> | undefined;
  for (const key of path) {
    pair = mapPair(model, current, key);
    if (!pair) return undefined;
    current = pair.value;
  }
  return pair;
}

export interface KeyValue {
  name: string;
  /** undefined for `- NAME` (passed through from the host) or `NAME:` with no value. */
  value?: string;
  /** The value's range when there is one, else the whole entry. */
  range: Range;
  /** The node holding the value: the scalar of a map entry, or the list item `NAME=value`. */
  node: Node;
}

/** A variable as read; its range is only computed for the few variables a rule reports. */
class Variable implements KeyValue {
  private cachedRange?: Range;

  constructor(
    private readonly model: ComposeModel,
    readonly name: string,
    readonly value: string | undefined,
    readonly node: Node,
    /** What the range covers: the value, or the key when there is no value. */
    private readonly rangeNode: Node,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= this.model.rangeOf(this.rangeNode));
  }
}

/**
 * `environment`, `build.args` and `labels` come as a map (`NAME: value`) or a list (`- NAME=value`):
 * both read the same way here, once per document however many rules ask.
 */
export function keyValues(model: ComposeModel, node: unknown): KeyValue[] {
  const resolved = model.resolve(node);
  if (!resolved) return [];
  const cache = shared(model, 'key-values', () => new Map<Node, KeyValue[]>());
  let variables = cache.get(resolved);
  if (!variables) cache.set(resolved, (variables = readKeyValues(model, resolved)));
  return variables;
}

function readKeyValues(model: ComposeModel, resolved: Node): KeyValue[] {
  const result: KeyValue[] = [];
  if (isMap(resolved) && !resolved.items.some((pair) => keyName(pair as Pair<unknown, unknown>) === '<<')) {
    // Without merge keys each name's value is its first pair: one pass, no lookups.
    const seen = new Set<string>();
    for (const pair of resolved.items as Pair<Node, Node | null>[]) {
      const name = keyName(pair);
      if (name === undefined || seen.has(name)) continue;
      seen.add(name);
      const value = model.resolve(pair.value);
      const text = scalarString(model, value);
      result.push(new Variable(model, name, text, value ?? pair.key, value && text !== undefined ? value : pair.key));
    }
  } else if (isMap(resolved)) {
    // One index of the merged pairs, not a scan of the mapping for every name.
    const pairs = mergedPairs(model, resolved);
    for (const name of mergedKeys(model, resolved)) {
      const pair = pairs.get(name)!;
      const value = model.resolve(pair.value);
      const text = scalarString(model, value);
      result.push(new Variable(model, name, text, value ?? pair.key, value && text !== undefined ? value : pair.key));
    }
  } else if (isSeq(resolved)) {
    for (const item of seqItems(model, resolved)) {
      const text = scalarString(model, item);
      if (text === undefined) continue;
      const eq = text.indexOf('=');
      const name = eq < 0 ? text : text.slice(0, eq);
      result.push(new Variable(model, name, eq < 0 ? undefined : text.slice(eq + 1), item, item));
    }
  }
  return result;
}

export { keyName };

/**
 * Source range of `value.slice(from, to)` of a one-line scalar, when its source spells the value as is
 * (plain, or quoted without escapes); undefined otherwise, and callers fall back to the whole scalar.
 */
export function scalarSliceRange(model: ComposeModel, node: unknown, from: number, to: number): Range | undefined {
  const start = scalarValueStart(model, node);
  return start === undefined ? undefined : model.lines.rangeAt(start + from, start + to);
}

/** Offset in the source where a scalar's value starts, when its source text is exactly its value. */
export function scalarValueStart(model: ComposeModel, node: unknown): number | undefined {
  if (!isScalar(node) || node !== model.resolve(node) || node.value === null || node.value === undefined) return undefined;
  const value = String(node.value);
  const [start, end] = model.offsetsOf(node);
  const quotedStyle = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  if (!quotedStyle && node.type !== Scalar.PLAIN) return undefined;
  const innerStart = quotedStyle ? start + 1 : start;
  const inner = model.text.slice(innerStart, quotedStyle ? end - 1 : end);
  return inner === value ? innerStart : undefined;
}

/** True when `node` is written inside the service's own mapping: an edit there changes this service only. */
export function ownsNode(service: Service, node: Node): boolean {
  const map = service.map;
  if (!map?.range || !node.range) return false;
  return map.range[0] <= node.range[0] && node.range[1] <= map.range[2];
}
