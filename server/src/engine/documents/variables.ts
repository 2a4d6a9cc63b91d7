/**
 * Dockerfile variable substitution as BuildKit does it for FROM and USER:
 * `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`.
 *
 * A scope maps a name to its value, or to `undefined` when the variable is declared without a default
 * (its value only exists at build time). Anything that depends on such a value is unknown: the result
 * is `undefined`, never a guess.
 */
export type Scope = ReadonlyMap<string, string | undefined>;

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function hasVariables(text: string): boolean {
  return text.includes('$');
}

export function substitute(text: string, scope: Scope): string | undefined {
  if (!hasVariables(text)) return text;
  let unknown = false;
  const result = text.replace(REFERENCE, (_match, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    const declared = scope.has(name);
    const value = scope.get(name);
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    switch (op) {
      case ':-':
        if (nonEmpty) return value;
        return substituteNested(word ?? '');
      case '-':
        if (set) return value;
        if (declared) break; // declared without default: unknown at edit time
        return substituteNested(word ?? '');
      case ':+':
        if (!declared || set) return nonEmpty ? substituteNested(word ?? '') : '';
        break;
      case '+':
        if (!declared || set) return set ? substituteNested(word ?? '') : '';
        break;
      default:
        if (set) return value;
    }
    unknown = true;
    return '';
  });

  function substituteNested(word: string): string {
    const nested = substitute(word, scope);
    if (nested === undefined) unknown = true;
    return nested ?? '';
  }

  return unknown ? undefined : result;
}

/** True when the whole text is one variable reference, e.g. `${BASE}` or `$BASE`. */
export function singleReference(text: string): string | undefined {
  const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(text.trim());
  return match ? (match[1] ?? match[2]) : undefined;
}
