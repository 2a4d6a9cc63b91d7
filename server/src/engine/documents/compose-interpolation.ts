import type { Env } from './dotenv';

/**
 * Compose's variable interpolation as far as the file and the `.env` beside it decide it: a variable the `.env`
 * sets takes that value, `${VAR:-default}` and `${VAR-default}` otherwise take their default, `$$` is a literal
 * `$`, and everything else that depends on the environment (`$VAR`, `${VAR}`, `${VAR:?error}`, `${VAR:+alt}`)
 * becomes UNKNOWN, so rules can tell which part of a value is not known. (The shell's own environment, which
 * compose lets override the `.env`, cannot be seen.) A linear scan: no regex, nesting bounded.
 */

/** Stands for a part of the value only known when compose runs. */
export const UNKNOWN = '\u0000';

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const MAX_DEPTH = 8;

export function interpolate(text: string, env?: Env, depth = 0): string {
  if (!text.includes('$')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const close = matchingBrace(text, i + 1);
      if (close < 0 || depth >= MAX_DEPTH) return out + UNKNOWN; // unterminated: compose rejects it, we know nothing more
      out += braced(text.slice(i + 2, close), env, depth);
      i = close + 1;
    } else if (next !== undefined && NAME_START.test(next)) {
      let end = i + 2;
      while (end < text.length && NAME_CHAR.test(text[end])) end++;
      out += env?.get(text.slice(i + 1, end)) ?? UNKNOWN;
      i = end;
    } else {
      out += '$';
      i++;
    }
  }
  return out;
}

/** True when the value depends on the environment somewhere. */
export function hasUnknown(value: string): boolean {
  return value.includes(UNKNOWN);
}

function braced(body: string, env: Env | undefined, depth: number): string {
  let nameEnd = 0;
  while (nameEnd < body.length && NAME_CHAR.test(body[nameEnd])) nameEnd++;
  const rest = body.slice(nameEnd);
  const value = nameEnd > 0 ? env?.get(body.slice(0, nameEnd)) : undefined;
  if (rest === '') return value ?? UNKNOWN;
  if (rest.startsWith(':-')) return value ? value : interpolate(rest.slice(2), env, depth + 1);
  if (rest.startsWith('-')) return value ?? interpolate(rest.slice(1), env, depth + 1);
  // `${VAR:?error}` and `${VAR?error}`: the value when set, else compose stops with the error.
  if (rest.startsWith(':?')) return value ? value : UNKNOWN;
  if (rest.startsWith('?')) return value ?? UNKNOWN;
  // `${VAR:+alt}` and `${VAR+alt}`: the alternative when set, else nothing; unknown unless the .env decides.
  if (rest.startsWith(':+')) return value === undefined ? UNKNOWN : value ? interpolate(rest.slice(2), env, depth + 1) : '';
  if (rest.startsWith('+')) return value === undefined ? UNKNOWN : interpolate(rest.slice(1), env, depth + 1);
  return UNKNOWN;
}

function matchingBrace(text: string, open: number): number {
  let level = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') level++;
    else if (text[i] === '}' && --level === 0) return i;
  }
  return -1;
}

/** An interpolated value fit for a message: the unknown parts shown as `${…}`. */
export function displayValue(value: string): string {
  return value.split(UNKNOWN).join('${…}');
}
