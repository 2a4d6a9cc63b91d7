import { Document, isMap, isNode, isPair, isScalar, YAMLMap, type Node, type Pair } from 'yaml';
import { parseYamlDocument, type YamlOptions } from './yaml-parse';

/**
 * DESIGN: a compose file parsed a top-level entry and a service at a time, so an edit re-parses the one it is in.
 *
 * yaml's parse is most of a compose analysis, and it reads the whole file. But a compose file is a mapping of
 * top-level entries (`services:`, `x-defaults:`, `volumes:` ...), and `services:` a mapping of services, each
 * written on lines of its own: each entry and each service parses on its own (yaml accepts a document whose
 * mapping is indented, so a service keeps its columns), and its nodes' offsets moved by where it starts are those
 * of the whole file's parse. The chunks' pairs are joined into a document of the same shape; aliases are only
 * names until the model resolves them over the whole document (documents/compose-anchors), and merge keys are
 * plain keys (the engine parses with `merge: false`), so a service that merges `*defaults` from another chunk
 * reads the same. A chunk whose text did not change keeps its nodes, moved to its new offset.
 *
 * Whatever this reading cannot vouch for is parsed whole, as before: any YAML error (the whole file's parse says
 * where, and fixes are withheld), document markers and directives, flow style or anything but a plain key at the
 * top or service level, a byte-order mark, duplicate keys (the whole parse reports them). Nesting beyond the
 * parser's limit is caught in the chunk as in the whole file (yaml-parse's guard reads indentation and flow
 * indicators, which a chunk keeps). The replay test compares every incremental analysis with a full one.
 */
export class ComposeChunks {
  private kept = new Map<string, KeptChunk>();
  /** How many chunks the last file read in chunks had. */
  private chunkCount = 0;

  constructor(private readonly options: YamlOptions) {}

  /** The document of `text` from its chunks, or undefined when it must be parsed whole. */
  parse(text: string): Document.Parsed | undefined {
    // A file that cannot be read in chunks is usually a keystroke that broke one line: the chunks kept stay for
    // the keystroke that mends it, so that one re-parses only its own chunk again.
    const layout = chunkLayout(text);
    if (!layout) return undefined;
    const next = new Map<string, KeptChunk>();
    const pairOf = (from: number, to: number, indent: number, header = false): Pair<Node, Node | null> | undefined => {
      const chunkText = text.slice(from, to);
      let chunk = this.kept.get(chunkText) ?? next.get(chunkText);
      if (chunk && next.has(chunkText)) return undefined; // the same text twice: duplicate keys, parsed whole
      if (chunk) {
        // The `services:` pair was given the last version's services: they are not this chunk's to move.
        if (header) chunk.pair.value = null;
        if (chunk.start !== from) moveOffsets(chunk.pair, from - chunk.start);
        chunk.start = from;
      } else {
        const pair = parseChunk(chunkText, indent, this.options);
        if (!pair) return undefined;
        moveOffsets(pair, from);
        chunk = { start: from, pair };
      }
      next.set(chunkText, chunk);
      return chunk.pair;
    };

    const top: Pair<Node, Node | null>[] = [];
    for (const entry of layout.entries) {
      const pair = pairOf(entry.from, entry.to, 0, entry.services !== undefined);
      if (!pair) return this.fail(next);
      if (entry.services) {
        const services: Pair<Node, Node | null>[] = [];
        for (const service of entry.services) {
          const servicePair = pairOf(service.from, service.to, layout.serviceIndent);
          if (!servicePair) return this.fail(next);
          services.push(servicePair);
        }
        pair.value = joinedMap(services);
      }
      top.push(pair);
    }
    this.kept = next;
    this.chunkCount = next.size;
    const doc = new Document(null, this.options) as unknown as Document.Parsed;
    doc.contents = joinedMap(top) as never;
    return doc;
  }

  /**
   * Keeps the chunks parsed so far with the others (each chunk's nodes stay where its `start` says), unless a
   * long broken spell has piled up more than the file holds.
   */
  private fail(next: Map<string, KeptChunk>): undefined {
    for (const [chunkText, chunk] of next) this.kept.set(chunkText, chunk);
    if (this.kept.size > this.chunkCount + MAX_EXTRA_CHUNKS) this.kept.clear();
    return undefined;
  }
}

/** Chunks kept past the file's own while it cannot be read in chunks (edits of a broken file add one each). */
const MAX_EXTRA_CHUNKS = 64;

interface KeptChunk {
  start: number;
  pair: Pair<Node, Node | null>;
}

interface Span {
  from: number;
  to: number;
}

interface Layout {
  entries: (Span & { services?: Span[] })[];
  serviceIndent: number;
}

/** A plain key at the start of its line, then `:` and a blank or the line's end. */
const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]*[ \t]*:(?:[ \t]|\r?$)/;
/** The `services:` line with nothing after the colon but a comment: a block mapping of services follows. */
const SERVICES_LINE = /^services[ \t]*:[ \t]*(?:#.*)?\r?$/;

/** Where each top-level entry and each service starts and ends, or undefined when the file is not that simple. */
function chunkLayout(text: string): Layout | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const entries: Layout['entries'] = [];
  const topKeys = new Set<string>();
  const serviceNames = new Set<string>();
  let serviceIndent = -1;
  let inServices: (Span & { services?: Span[] }) | undefined;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    end = end < 0 ? text.length : end + 1;
    const line = text.slice(start, end);
    const content = line.replace(/\r?\n$/, '');
    let indent = 0;
    while (indent < content.length && content.charCodeAt(indent) === 32) indent++;
    const rest = content.slice(indent);
    if (rest === '' || rest.startsWith('#')) {
      start = end;
      continue;
    }
    if (rest.startsWith('\t') || /^(?:---|\.\.\.)(?:[ \t]|$)|^%/.test(content)) return undefined;
    if (indent === 0) {
      if (!PLAIN_KEY.test(content)) return undefined;
      const key = content.slice(0, content.indexOf(':')).trimEnd();
      if (topKeys.has(key)) return undefined;
      topKeys.add(key);
      const entry: Span & { services?: Span[] } = { from: start, to: text.length };
      if (key === 'services') {
        if (!SERVICES_LINE.test(content)) return undefined;
        entry.services = [];
        inServices = entry;
      } else {
        inServices = undefined;
      }
      entries.push(entry);
    } else if (entries.length === 0) {
      return undefined; // indented content before the first key: an indented document
    } else if (inServices) {
      const services = inServices.services!;
      if (serviceIndent < 0) serviceIndent = indent;
      if (indent < serviceIndent) return undefined;
      if (indent === serviceIndent) {
        if (!PLAIN_KEY.test(rest)) return undefined;
        const name = rest.slice(0, rest.indexOf(':')).trimEnd();
        if (serviceNames.has(name)) return undefined;
        serviceNames.add(name);
        if (services.length) services[services.length - 1].to = start;
        else inServices.to = start; // the `services:` line (and comments) alone
        services.push({ from: start, to: text.length });
      } else if (services.length === 0) {
        return undefined;
      }
    }
    start = end;
  }
  // Each entry ends where the next begins; the last service ends where its entry does.
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const end = i + 1 < entries.length ? entries[i + 1].from : text.length;
    if (entry.services) {
      if (entry.services.length === 0) return undefined;
      entry.services[entry.services.length - 1].to = end;
    } else {
      entry.to = end;
    }
  }
  return entries.length ? { entries, serviceIndent } : undefined;
}

/** The one pair a chunk holds, with its key where the chunk's text starts; undefined when it is anything else. */
function parseChunk(text: string, indent: number, options: YamlOptions): Pair<Node, Node | null> | undefined {
  const doc = parseYamlDocument(text, options);
  if (!doc || doc.errors.length || !isMap(doc.contents)) return undefined;
  const items = doc.contents.items;
  if (items.length !== 1 || !isPair(items[0])) return undefined;
  const pair = items[0] as Pair<Node, Node | null>;
  if (!isScalar(pair.key) || pair.key.range?.[0] !== indent) return undefined;
  return pair;
}

/** A block mapping of these pairs, with the range yaml gives one: from the first key to the end of the last value. */
function joinedMap(pairs: Pair<Node, Node | null>[]): YAMLMap<Node, Node | null> {
  const map = new YAMLMap<Node, Node | null>();
  map.items = pairs;
  const first = pairs[0].key.range!;
  const last = pairs[pairs.length - 1];
  const end = (last.value as Node | null)?.range ?? last.key.range!;
  map.range = [first[0], end[1], end[2]];
  return map;
}

/** Adds `delta` to the offsets of every node of a pair. */
function moveOffsets(root: Pair<Node, Node | null>, delta: number): void {
  const pending: unknown[] = [root];
  while (pending.length) {
    const node = pending.pop();
    if (isPair(node)) {
      pending.push(node.key, node.value);
      continue;
    }
    if (!isNode(node)) continue;
    const range = node.range;
    if (range) node.range = [range[0] + delta, range[1] + delta, range[2] + delta];
    const items = (node as { items?: unknown[] }).items;
    if (items) for (const item of items) pending.push(item);
  }
}
