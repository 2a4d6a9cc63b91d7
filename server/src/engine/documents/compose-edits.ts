import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types';
import { type ComposeModel, type Service } from './compose';
import { mapPair } from './compose-merge-keys';

/**
 * Edits that change a compose file the way a careful person would by hand: insert the fewest lines,
 * indented like their siblings, and leave every comment, quote and blank line where it was.
 * A builder returns undefined when it cannot edit safely (flow style, aliases, broken YAML): then the rule
 * offers no fix rather than a wrong one.
 */

/** A nested block to insert: `[key, value]` where value is a scalar text or more entries. */
export type Entry = [key: string, value: string | Entry[]];

export function canEdit(model: ComposeModel): boolean {
  return model.syntaxErrors.length === 0;
}

/** Renders entries as block YAML lines at an indentation. */
export function renderEntries(model: ComposeModel, entries: Entry[], indent: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of entries) {
    if (typeof value === 'string') lines.push(`${indent}${key}: ${value}`);
    else lines.push(`${indent}${key}:`, ...renderEntries(model, value, indent + model.indentUnit));
  }
  return lines;
}

/** A string value quoted the way the file quotes strings. */
export function quoted(model: ComposeModel, text: string): string {
  return model.quote === "'" ? `'${text.replace(/'/g, "''")}'` : JSON.stringify(text);
}

function column(model: ComposeModel, offset: number): number {
  return model.lines.indentColumnAt(offset);
}

/**
 * The column a mapping's keys are written at, from its first key: where that key starts, or where the node
 * properties before it on its line start (`&base image: x`: YAML aligns the next keys with the `&`).
 */
function keyColumn(model: ComposeModel, keyStart: number): number {
  const lineStart = model.lines.lineStartOffset(model.lines.positionAt(keyStart).line);
  const properties = /(?:[&!]\S*[ \t]+)+$/.exec(model.text.slice(lineStart, keyStart));
  return column(model, properties ? lineStart + properties.index : keyStart);
}

/**
 * Offset where a new line goes after `node`: just past the line break that ends its last line. YAML breaks
 * lines at `\n` and `\r\n` only: a lone `\r` (the last line of a file saved with old Mac line ends, or inside a
 * comment) does not end the line, so text inserted after it would continue that line.
 */
function lineAfter(model: ComposeModel, node: Node): { offset: number; prefix: string } {
  const end = model.offsetsOf(node)[1];
  const lineBreak = model.text.indexOf('\n', end);
  if (lineBreak >= 0) return { offset: lineBreak + 1, prefix: '' };
  return { offset: model.text.length, prefix: model.lines.eol };
}

function insertLines(model: ComposeModel, after: Node, lines: string[]): TextEdit {
  const { offset, prefix } = lineAfter(model, after);
  const position = model.lines.positionAt(offset);
  const eol = model.lines.eol;
  return { range: { start: position, end: position }, newText: prefix + lines.join(eol) + eol };
}

function isBlockMap(node: unknown): node is YAMLMap<Node, Node | null> {
  return isMap(node) && !node.flow && node.items.length > 0;
}

/** Appends entries at the end of a block mapping, at its keys' indentation. */
export function insertIntoMap(model: ComposeModel, map: unknown, entries: Entry[]): TextEdit | undefined {
  if (!canEdit(model) || !isBlockMap(map)) return undefined;
  const first = map.items[0] as Pair<Node, Node | null>;
  const last = map.items[map.items.length - 1] as Pair<Node, Node | null>;
  if (!first.key?.range) return undefined;
  const indent = ' '.repeat(keyColumn(model, first.key.range[0]));
  return insertLines(model, (last.value ?? last.key) as Node, renderEntries(model, entries, indent));
}

/** Appends entries to a service's own mapping. */
export function insertIntoService(model: ComposeModel, service: Service, entries: Entry[]): TextEdit | undefined {
  return service.map ? insertIntoMap(model, service.map, entries) : undefined;
}

/**
 * Makes sure `path` exists under a mapping and ends with `leaf` entries: the deepest existing block mapping
 * on the path receives what is missing (e.g. `resources: limits: ...` under an existing `deploy:`).
 * Keys already present in the last mapping are not written again.
 */
export function ensurePath(model: ComposeModel, map: unknown, path: string[], leaf: Entry[]): TextEdit | undefined {
  let current: unknown = map;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const pair = mapPair(model, current, path[depth]);
    if (!pair) break;
    // The path must be written in place: editing through an alias, or into a key that a merge key (`<<: *base`)
    // brings in, would change every user of the anchor; adding the key here would hide the merged one.
    if (!isMap(pair.value) || pair.value !== model.resolve(pair.value) || !(current as YAMLMap).items.includes(pair)) return undefined;
    current = pair.value;
  }
  if (depth === path.length) {
    const missing = leaf.filter(([key]) => !mapPair(model, current, key));
    return missing.length ? insertIntoMap(model, current, missing) : undefined;
  }
  let nested: Entry[] = leaf;
  for (let i = path.length - 1; i > depth; i--) nested = [[path[i], nested]];
  return insertIntoMap(model, current, [[path[depth], nested]]);
}

/** Appends an item to a block sequence (same indentation as its items) or to a one-line flow sequence. */
export function appendToSeq(model: ComposeModel, seq: unknown, itemText: string): TextEdit | undefined {
  if (!canEdit(model) || !isSeq(seq) || seq !== model.resolve(seq)) return undefined;
  const items = (seq as YAMLSeq<Node>).items;
  if (seq.flow) {
    // One-line flow lists are safe to extend before their `]`; multi-line ones are left to the user.
    const [start, end] = model.offsetsOf(seq);
    const text = model.text.slice(start, end);
    if (text.includes('\n') || !text.endsWith(']')) return undefined;
    let at = end - 1;
    while (at > start + 1 && /\s/.test(model.text[at - 1])) at--;
    const position = model.lines.positionAt(at);
    // `[a,]`: a trailing comma already separates the new item.
    const separator = items.length === 0 ? '' : model.text[at - 1] === ',' ? ' ' : ', ';
    return { range: { start: position, end: position }, newText: separator + itemText };
  }
  const last = items[items.length - 1];
  if (!last?.range) return undefined;
  // The dash sits before the item on the item's first line.
  const lineStart = model.lines.lineStartOffset(model.lines.positionAt(last.range[0]).line);
  const lead = model.text.slice(lineStart, last.range[0]).replace(/^\uFEFF/, '');
  const match = /^(\s*)-\s+/.exec(lead);
  if (!match) return undefined;
  return insertLines(model, last, [`${match[1]}- ${itemText}`]);
}

/** Removes a key and its value, whole lines, from a block mapping. */
export function removePair(model: ComposeModel, map: unknown, pair: Pair<Node, Node | null>): TextEdit | undefined {
  if (!canEdit(model) || !isBlockMap(map) || !pair.key?.range) return undefined;
  const startLine = model.lines.positionAt(pair.key.range[0]).line;
  const lineStart = model.lines.lineStartOffset(startLine);
  if (model.text.slice(lineStart, pair.key.range[0]).trim() !== '') return undefined; // e.g. `- key: x` as the first key of a list item
  const { offset } = lineAfter(model, (pair.value ?? pair.key) as Node);
  return { range: model.lines.rangeAt(lineStart, offset), newText: '' };
}

/** Replaces a scalar's text inside its quotes, keeping the quote style the user chose. */
export function replaceScalar(model: ComposeModel, node: unknown, newValue: string): TextEdit | undefined {
  if (!canEdit(model) || !isScalar(node) || node !== model.resolve(node)) return undefined;
  const [start, end] = model.offsetsOf(node);
  const quotedStyle = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  if (!quotedStyle && node.type !== Scalar.PLAIN) return undefined; // block scalars are left alone
  const innerStart = quotedStyle ? start + 1 : start;
  const innerEnd = quotedStyle ? end - 1 : end;
  const inner = model.text.slice(innerStart, innerEnd);
  // An empty value (`cpus:`, `memory: # later`) has no place of its own: text put there can join the key or a comment.
  if (inner.trim() === '' && !quotedStyle) return undefined;
  if (inner.includes('\\') || inner.includes("''") || inner.includes('\n')) return undefined; // escapes: not worth the risk
  const text = quotedStyle || /^[\w./@-][\w./@:-]*$/.test(newValue) ? newValue : undefined;
  if (text === undefined) return undefined;
  return { range: model.lines.rangeAt(innerStart, innerEnd), newText: text };
}

/** Adds `key:` holding a block list of `items` to a block mapping (items one indentation step deeper). */
export function insertSequence(model: ComposeModel, map: unknown, key: string, items: string[]): TextEdit | undefined {
  if (!canEdit(model) || !isBlockMap(map) || items.length === 0) return undefined;
  const first = map.items[0] as Pair<Node, Node | null>;
  const last = map.items[map.items.length - 1] as Pair<Node, Node | null>;
  if (!first.key?.range) return undefined;
  const indent = ' '.repeat(keyColumn(model, first.key.range[0]));
  return insertLines(model, (last.value ?? last.key) as Node, [`${indent}${key}:`, ...items.map((item) => `${indent}${model.indentUnit}- ${item}`)]);
}

/** Removes one item of a block sequence, whole lines (its comment-only neighbours stay). */
export function removeSeqItem(model: ComposeModel, seq: unknown, item: Node): TextEdit | undefined {
  if (!canEdit(model) || !isSeq(seq) || seq.flow || seq !== model.resolve(seq) || !seq.items.includes(item) || !item.range) return undefined;
  const lineStart = model.lines.lineStartOffset(model.lines.positionAt(item.range[0]).line);
  if (!/^\s*-\s+$/.test(model.text.slice(lineStart, item.range[0]))) return undefined; // `- - x`, or an item after a comment on its line
  const { offset } = lineAfter(model, item);
  return { range: model.lines.rangeAt(lineStart, offset), newText: '' };
}

/**
 * Removes one item of a one-line flow sequence (`[A, B, C]`) with the comma that separates it; the only item
 * leaves `[]`. Multi-line flow sequences are left to the user.
 */
export function removeFlowSeqItem(model: ComposeModel, seq: unknown, item: Node): TextEdit | undefined {
  if (!canEdit(model) || !isSeq(seq) || !seq.flow || seq !== model.resolve(seq)) return undefined;
  const items = (seq as YAMLSeq<Node>).items;
  const index = items.indexOf(item);
  const [start, end] = model.offsetsOf(seq);
  if (index < 0 || !item.range || model.text.slice(start, end).includes('\n')) return undefined;
  const [itemStart, itemEnd] = model.offsetsOf(item);
  const next = items[index + 1];
  const previous = items[index - 1];
  if (next?.range) return { range: model.lines.rangeAt(itemStart, next.range[0]), newText: '' };
  if (previous?.range) return { range: model.lines.rangeAt(model.offsetsOf(previous)[1], itemEnd), newText: '' };
  return { range: model.lines.rangeAt(itemStart, itemEnd), newText: '' };
}
