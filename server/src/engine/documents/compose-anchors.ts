import { isAlias, isCollection, isNode, isPair, isScalar, type Alias, type Document, type Node } from 'yaml';

/**
 * Every alias of the document with the node it names: the last node anchored with its name before it, in the
 * order yaml's Alias.resolve looks (each node before its children, a pair's key before its value), computed
 * in one walk instead of one walk per alias.
 *
 * The walk skips the children of a collection when no `&` or `*` is written between the end of what precedes it
 * and its own end: no anchor or alias can be among them (a node's anchor is written after whatever precedes the
 * node, and before its end). Touching every node of a freshly parsed file is what made this walk slow.
 */
export function anchorsInDocumentOrder(doc: Document.Parsed, text: string): Map<Alias, Node | undefined> {
  const targets = new Map<Alias, Node | undefined>();
  const latest = new Map<string, Node>();
  const markers = markerOffsets(text);
  // Depth-first with one stack of nodes still to visit (children pushed last-first) and, alongside, where the
  // text that may hold each node's anchor starts: no recursion however deeply the YAML nests.
  const pending: unknown[] = [doc.contents];
  const windowStarts: number[] = [0];
  while (pending.length) {
    const node = pending.pop();
    const windowStart = windowStarts.pop()!;
    if (isScalar(node)) {
      if (node.anchor) latest.set(node.anchor, node);
    } else if (isCollection(node)) {
      if (node.anchor) latest.set(node.anchor, node);
      const end = node.range?.[2];
      if (end !== undefined && !hasOffsetIn(markers, windowStart, end)) continue;
      pushChildren(node.items as unknown[], windowStart, pending, windowStarts);
    } else if (isAlias(node)) {
      if (!targets.has(node)) targets.set(node, latest.get(node.source));
    }
  }
  return targets;
}

/** Queues a collection's items, last first, each with where the text before it starts (the previous item's end). */
function pushChildren(items: unknown[], windowStart: number, pending: unknown[], windowStarts: number[]): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    const itemStart = i === 0 ? windowStart : (endOf(items[i - 1]) ?? windowStart);
    if (isPair(item)) {
      pending.push(item.value, item.key);
      windowStarts.push(endOf(item.key) ?? itemStart, itemStart);
    } else {
      pending.push(item);
      windowStarts.push(itemStart);
    }
  }
}

/** Where an item's text ends (a pair's value, else its key); undefined when yaml gave it no range. */
function endOf(item: unknown): number | undefined {
  if (isPair(item)) return endOf(item.value) ?? endOf(item.key);
  return isNode(item) ? item.range?.[1] : undefined;
}

/** Offsets of every `&` and `*` in the text, in order: the only places an anchor or an alias can be written. */
function markerOffsets(text: string): number[] {
  const offsets: number[] = [];
  let anchor = text.indexOf('&');
  let alias = text.indexOf('*');
  while (anchor >= 0 || alias >= 0) {
    if (alias < 0 || (anchor >= 0 && anchor < alias)) {
      offsets.push(anchor);
      anchor = text.indexOf('&', anchor + 1);
    } else {
      offsets.push(alias);
      alias = text.indexOf('*', alias + 1);
    }
  }
  return offsets;
}

/** Whether a sorted list holds an offset in [start, end). */
function hasOffsetIn(offsets: number[], start: number, end: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < start) low = mid + 1;
    else high = mid;
  }
  return low < offsets.length && offsets[low] < end;
}
