import {
  Composer,
  isCollection,
  isMap,
  isPair,
  isScalar,
  Lexer,
  Parser,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';

/**
 * Deeper YAML is not composed. yaml's composer recurses once per level: past some 2,000 levels it overflows the
 * stack, and near the limit V8 can even abort the whole process (compiling a regular expression there fails as
 * "out of memory"). Its parser also spends some 5 µs per flow level, so 1 MB of `[` takes seconds. Real compose
 * files nest some 10 levels; the estimate below counts indentation twice, so 256 leaves room for any of them.
 */
export const MAX_YAML_NESTING = 256;

export type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * yaml's `parseDocument` (same parser, composer and result), except that the lexer's tokens are watched on
 * their way to the parser: undefined, before anything deep is parsed or composed, when the nesting may exceed
 * MAX_YAML_NESTING.
 */
export function parseYamlDocument(text: string, options: YamlOptions): Document.Parsed | undefined {
  // yaml checks each key against every earlier key of its mapping (quadratic: a mapping of 25,000 services took
  // seconds); the same check, with the same errors, is made here with one set per mapping. Where yaml places
  // the error depends on the tokens before the key, kept (for a second parse) only when a key is repeated.
  if (options.uniqueKeys !== true) return compose(text, options);
  const doc = compose(text, { ...options, uniqueKeys: false });
  if (!doc || !hasDuplicateKeys(doc)) return doc;
  const withTokens = compose(text, { ...options, uniqueKeys: false, keepSourceTokens: true })!;
  withStackTraces(0, () => reportDuplicateKeys(withTokens));
  return withTokens;
}

function compose(text: string, options: YamlOptions): Document.Parsed | undefined {
  const guard = new NestingGuard();
  const parser = new Parser();
  const composer = new Composer(options);
  keepFirstErrors(composer);
  function* tokens() {
    for (const lexeme of new Lexer().lex(text)) {
      if (guard.exceeded(lexeme)) return;
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  // Every YAML error is an Error, and capturing its stack trace was most of the time of a file of 40,000 errors
  // (a line of quotes): nobody reads those traces.
  withStackTraces(0, () => {
    for (const next of composer.compose(tokens(), true, text.length)) {
      if (!doc) {
        doc = next;
      } else if (doc.options.logLevel !== 'silent') {
        const range = next.range.slice(0, 2) as [number, number];
        doc.errors.push(new YAMLParseError(range, 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
        break;
      }
    }
  });
  return guard.tooDeep ? undefined : doc;
}

/**
 * Errors past the first MAX_KEPT_ERRORS are dropped as the composer reports them: a line of 200,000 quotes gave
 * 97,000, and making them was most of its parse (the model shows the first hundred). yaml 2's Composer reports
 * every error through its `onError` field (pinned in package.json; test/unit/documents/yaml-parse.test.ts checks it).
 */
const MAX_KEPT_ERRORS = 1_000;

function keepFirstErrors(composer: Composer): void {
  const target = composer as unknown as { onError: (...args: unknown[]) => void };
  const report = target.onError;
  let errors = 0;
  target.onError = (source, code, message, warning) => {
    if (warning || ++errors <= MAX_KEPT_ERRORS) report(source, code, message, warning);
  };
}

function withStackTraces(limit: number, run: () => void): void {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = limit;
  try {
    run();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Calls `found` for each key equal to an earlier key of its mapping (the same node, or scalars of the same value,
 * as yaml compares them), with the position yaml gives the error: where the tokens before the key end (its
 * indentation, comments, anchor), or without any, where the item before it ends.
 */
function eachDuplicateKey(doc: Document.Parsed, found: (at: number) => boolean | void): void {
  const pending: unknown[] = [doc.contents];
  while (pending.length) {
    const node = pending.pop();
    if (!isCollection(node)) continue;
    const seen = isMap(node) ? new Set<unknown>() : undefined;
    let itemEnd = node.range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (!isPair(item)) {
        pending.push(item);
        continue;
      }
      const key = item.key as Node | null;
      const value = item.value as Node | null;
      const source = (item as { srcToken?: { start?: SourceToken[]; sep?: SourceToken[] } }).srcToken;
      if (seen && isScalar(key) && !Number.isNaN(key.value)) {
        if (!seen.has(key.value)) seen.add(key.value);
        else if (found(source?.start?.length ? tokenEnd(source.start[source.start.length - 1]) : itemEnd)) return;
      }
      itemEnd = value?.range ? value.range[2] : key?.range ? key.range[2] : itemEnd;
      if (!value?.range && source?.sep?.length) itemEnd = tokenEnd(source.sep[source.sep.length - 1]);
      pending.push(value, key);
    }
  }
}

type SourceToken = { offset: number; source: string };

function tokenEnd(token: SourceToken): number {
  return token.offset + token.source.length;
}

function hasDuplicateKeys(doc: Document.Parsed): boolean {
  let any = false;
  eachDuplicateKey(doc, () => (any = true));
  return any;
}

/** yaml's `uniqueKeys: true` errors, "Map keys must be unique", kept in document order with yaml's own errors. */
function reportDuplicateKeys(doc: Document.Parsed): void {
  const duplicates: YAMLParseError[] = [];
  eachDuplicateKey(doc, (at) => void duplicates.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique')));
  duplicates.sort((a, b) => a.pos[0] - b.pos[0]);
  const merged: YAMLParseError[] = [];
  let d = 0;
  for (const error of doc.errors) {
    while (d < duplicates.length && duplicates[d].pos[0] < error.pos[0]) merged.push(duplicates[d++]);
    merged.push(error);
  }
  doc.errors.splice(0, doc.errors.length, ...merged, ...duplicates.slice(d));
}

/**
 * An upper bound of the nesting at each token. In block context a collection nested in another starts further
 * right, or at the same column as a sequence under a key (`a:` then `- b`), or after an indicator on the same
 * line (`- - x`, `? `, `k: k: 1` which yaml nests while reporting it): so at most twice the indentation plus the
 * line's indicators. Flow collections add their bracket depth, and the indicators of the item each is in
 * (`{a: b: c}` nests too).
 */
class NestingGuard {
  tooDeep = false;
  private indent = 0;
  private indicators = 0;
  private atLineStart = true;
  private flow = 0;
  private blockAtFlowStart = 0;
  /** Indicators of the enclosing flow items, and of the current one. */
  private flowEnclosing = 0;
  private flowItem = 0;
  private readonly flowStack: number[] = [];

  exceeded(lexeme: string): boolean {
    switch (lexeme) {
      case '\n':
      case '\r\n':
        if (this.flow === 0) {
          this.indent = 0;
          this.indicators = 0;
          this.atLineStart = true;
        }
        return false;
      case '-':
      case '?':
      case ':':
        if (this.flow === 0) this.indicators++;
        else this.flowItem++;
        break;
      case '[':
      case '{':
        if (this.flow++ === 0) this.blockAtFlowStart = 2 * this.indent + this.indicators;
        this.flowStack.push(this.flowEnclosing, this.flowItem);
        this.flowEnclosing += this.flowItem;
        this.flowItem = 0;
        break;
      case ']':
      case '}':
        if (this.flow > 0) {
          this.flow--;
          this.flowItem = this.flowStack.pop()!;
          this.flowEnclosing = this.flowStack.pop()!;
        }
        break;
      case ',':
        this.flowItem = 0;
        break;
      case '\x18': // the lexer gave up on a flow collection
        this.flow = 0;
        this.flowStack.length = 0;
        this.flowEnclosing = 0;
        this.flowItem = 0;
        break;
      default: {
        const first = lexeme.charCodeAt(0);
        if (this.atLineStart && (first === 32 || first === 9)) {
          this.indent = lexeme.length;
          this.atLineStart = false;
          return false;
        }
        // A block scalar's or a multi-line scalar's text comes as one token: the line it ends on starts afresh.
        const lastBreak = this.flow === 0 && lexeme.length > 1 ? lexeme.lastIndexOf('\n') : -1;
        if (lastBreak >= 0) {
          this.indicators = 0;
          this.indent = lexeme.length - 1 - lastBreak;
          this.atLineStart = this.indent === 0;
          return false;
        }
      }
    }
    this.atLineStart = false;
    const depth = this.flow > 0 ? this.blockAtFlowStart + this.flow + this.flowEnclosing + this.flowItem : 2 * this.indent + this.indicators;
    if (depth > MAX_YAML_NESTING) this.tooDeep = true;
    return this.tooDeep;
  }
}
