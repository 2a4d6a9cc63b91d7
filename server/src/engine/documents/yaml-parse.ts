import { Composer, Lexer, Parser, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

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
  const guard = new NestingGuard();
  const parser = new Parser();
  const composer = new Composer(options);
  function* tokens() {
    for (const lexeme of new Lexer().lex(text)) {
      if (guard.exceeded(lexeme)) return;
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (!doc) {
      doc = next;
    } else if (doc.options.logLevel !== 'silent') {
      doc.errors.push(
        new YAMLParseError(
          next.range.slice(0, 2) as [number, number],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  return guard.tooDeep ? undefined : doc;
}

/**
 * An upper bound of the nesting at each token. In block context a collection nested in another starts further
 * right, or at the same column as a sequence under a key (`a:` then `- b`), or after an indicator on the same
 * line (`- - x`, `? `, `k: k: 1` which yaml nests while reporting it): so at most twice the indentation plus the
 * line's indicators. Flow collections add their bracket depth.
 */
class NestingGuard {
  tooDeep = false;
  private indent = 0;
  private indicators = 0;
  private atLineStart = true;
  private flow = 0;
  private blockAtFlowStart = 0;

  exceeded(lexeme: string): boolean {
    switch (lexeme) {
      case '\n':
      case '\r\n':
        this.indent = 0;
        this.indicators = 0;
        this.atLineStart = true;
        return false;
      case '-':
      case '?':
      case ':':
        if (this.flow === 0) this.indicators++;
        break;
      case '[':
      case '{':
        if (this.flow++ === 0) this.blockAtFlowStart = 2 * this.indent + this.indicators;
        break;
      case ']':
      case '}':
        if (this.flow > 0) this.flow--;
        break;
      case '\x18': // the lexer gave up on a flow collection
        this.flow = 0;
        break;
      default: {
        const first = lexeme.charCodeAt(0);
        if (this.atLineStart && (first === 32 || first === 9)) {
          this.indent = lexeme.length;
          this.atLineStart = false;
          return false;
        }
        // A block scalar's or a multi-line scalar's text comes as one token: the line it ends on starts afresh.
        const lastBreak = lexeme.length > 1 ? lexeme.lastIndexOf('\n') : -1;
        if (lastBreak >= 0) {
          this.indicators = 0;
          this.indent = lexeme.length - 1 - lastBreak;
          this.atLineStart = this.indent === 0;
          return false;
        }
      }
    }
    this.atLineStart = false;
    const depth = (this.flow > 0 ? this.blockAtFlowStart : 2 * this.indent + this.indicators) + this.flow;
    if (depth > MAX_YAML_NESTING) this.tooDeep = true;
    return this.tooDeep;
  }
}
