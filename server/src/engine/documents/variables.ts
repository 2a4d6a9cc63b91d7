/**
 * Dockerfile variable substitution as BuildKit does it for FROM and USER:
 * `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`, a default holding references
 * of its own (`${A:-${B:-x}}`) included.
 *
 * A scope maps a name to its value, or to `undefined` when the variable is declared without a default
 * (its value only exists at build time). Anything that depends on such a value is unknown: the result
 * is `undefined`, never a guess.
 */
export type Scope = ReadonlyMap<string, string | undefined>;

/** Defaults nested deeper than this are not followed: the result is unknown. */
export const MAX_SUBSTITUTION_DEPTH = 64;

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

export function hasVariables(text: string): boolean {
  return text.includes('$');
}

/**
 * One pass over the text: each `${` is paired with its closing `}` first (a stack), so a reference is read
 * once, however deep its defaults nest (a pattern that looked for the first `}` from every `$` read the rest of
 * the text again at each of them: `FROM ${A:-` repeated 8,000 times took half a second). A `${` never closed,
 * or not of the forms above, is text.
 */
export function substitute(text: string, scope: Scope): string | undefined {
  // Most texts hold no variable: answered before the nested functions below are made (three closures per call).
  return hasVariables(text) ? substituteReferences(text, scope) : text;
}

function substituteReferences(text: string, scope: Scope): string | undefined {
  const closing = closingBraces(text);
  let unknown = false;

  function expand(start: number, end: number, depth: number): string {
    if (depth > MAX_SUBSTITUTION_DEPTH) {
      unknown = true;
      return '';
    }
    let result = '';
    let copied = start;
    for (let i = start; i < end; i++) {
      if (text[i] !== '$') continue;
      const reference = readReference(i, end, depth);
      if (!reference) continue;
      result += text.slice(copied, i) + reference.value;
      copied = reference.end;
      i = reference.end - 1;
    }
    return result + text.slice(copied, end);
  }

  function readReference(at: number, end: number, depth: number): { value: string; end: number } | undefined {
    if (text[at + 1] === '{') {
      const close = closing.get(at + 1);
      if (close === undefined || close >= end) return undefined;
      let nameEnd = at + 2;
      if (!NAME_START.test(text[nameEnd] ?? '')) return undefined;
      while (nameEnd < close && NAME_PART.test(text[nameEnd])) nameEnd++;
      const name = text.slice(at + 2, nameEnd);
      if (nameEnd === close) return { value: valueOf(name, undefined, 0, 0, depth), end: close + 1 };
      const op = text[nameEnd] === ':' ? text.slice(nameEnd, nameEnd + 2) : text[nameEnd];
      if (op !== ':-' && op !== '-' && op !== ':+' && op !== '+') return undefined;
      return { value: valueOf(name, op, nameEnd + op.length, close, depth), end: close + 1 };
    }
    if (!NAME_START.test(text[at + 1] ?? '')) return undefined;
    let nameEnd = at + 2;
    while (nameEnd < end && NAME_PART.test(text[nameEnd])) nameEnd++;
    return { value: valueOf(text.slice(at + 1, nameEnd), undefined, 0, 0, depth), end: nameEnd };
  }

  /** The value of `name` under `op`, whose word (read only when needed) is text[wordStart, wordEnd). */
  function valueOf(name: string, op: string | undefined, wordStart: number, wordEnd: number, depth: number): string {
    const declared = scope.has(name);
    const value = scope.get(name);
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    const word = () => expand(wordStart, wordEnd, depth + 1);
    switch (op) {
      case ':-':
        if (nonEmpty) return value;
        return word();
      case '-':
        if (set) return value;
        if (declared) break; // declared without default: unknown at edit time
        return word();
      case ':+':
        if (!declared || set) return nonEmpty ? word() : '';
        break;
      case '+':
        if (!declared || set) return set ? word() : '';
        break;
      default:
        if (set) return value;
    }
    unknown = true;
    return '';
  }

  const result = expand(0, text.length, 0);
  return unknown ? undefined : result;
}

/** Where each `${` (by the offset of its brace) is closed: the first `}` not closing a `${` opened after it. */
function closingBraces(text: string): Map<number, number> {
  const closing = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' && text[i - 1] === '$') open.push(i);
    else if (c === '}' && open.length) closing.set(open.pop()!, i);
  }
  return closing;
}

/** True when the whole text is one variable reference, e.g. `${BASE}` or `$BASE`. */
export function singleReference(text: string): string | undefined {
  const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(text.trim());
  return match ? (match[1] ?? match[2]) : undefined;
}
