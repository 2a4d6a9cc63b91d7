/**
 * The `.env` file compose reads from the project directory to interpolate `${VAR}` in compose files: `KEY=value`
 * lines, `#` comments, an optional `export `, values quoted in `'…'` (literal) or `"…"` (with `\n`-style escapes),
 * or bare (a ` #` starts a comment). A value that refers to other variables (`$X`) is left out: what compose makes
 * of it depends on the environment, and an unknown value is never guessed.
 */

export type Env = ReadonlyMap<string, string>;

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;
/** Bounds what a hostile or accidental huge `.env` can cost on each analysis. */
const MAX_CHARS = 256 * 1024;

export function parseDotEnv(text: string): Env {
  const env = new Map<string, string>();
  if (text.length > MAX_CHARS) return env;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = LINE.exec(lines[i]);
    if (!match) continue;
    const [, name, rest] = match;
    let value: string | undefined;
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      // A quoted value may span lines until its closing quote.
      let body = rest.slice(1);
      let close = closingQuote(body, quote);
      while (close < 0 && i + 1 < lines.length) {
        body += '\n' + lines[++i];
        close = closingQuote(body, quote);
      }
      if (close < 0) continue;
      value = quote === '"' ? unescape(body.slice(0, close)) : body.slice(0, close);
      if (quote === '"' && value.includes('$')) continue;
    } else {
      const comment = rest.search(/\s#/);
      value = (comment >= 0 ? rest.slice(0, comment) : rest).trim();
      if (value.includes('$')) continue;
    }
    env.set(name, value);
  }
  return env;
}

function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === '\\') i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c));
}
