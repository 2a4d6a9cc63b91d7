// `.dockerignore` as Docker reads it (moby/patternmatcher and buildkit's dockerignore.ReadAll), written here
// because the npm ports import Node's `path` and the engine also runs in a web worker. Nothing is read here.
//
// - A line is trimmed; empty lines and lines starting with `#` are skipped; a UTF-8 BOM is dropped.
// - `!` starts an exception (re-includes what earlier lines excluded); the last line that matches a path wins.
// - Patterns are cleaned as Go's filepath.Clean does (`./a/` is `a`, `a/../b` is `b`) and a leading `/` is
//   dropped: every pattern is relative to the context root.
// - Matching is Go's filepath.Match with `**` added: `*` and `?` never cross a `/`, `[a-z]` and `[^a-z]` are
//   classes, `\` escapes, `**` matches any number of directories (none included).
// - A path is excluded when it, or any of its parent directories, matches (MatchesOrParentMatches): `a` excludes
//   `a/b/c`, and an exception for `a/b` re-includes only what the walk would still enter (BuildKit walks into an
//   excluded directory only when some exception could match below it; the matcher below follows the pattern
//   semantics, which is what decides whether a file is sent).

import { normalizePath, trimTrailingSlashes } from '../paths';

interface Pattern {
  exclusion: boolean;
  regex?: RegExp;
  /** The cleaned pattern; a pattern without any special character is compared as text. */
  text: string;
}

export interface DockerIgnore {
  /** The cleaned patterns in file order, `!` kept, as Docker's ReadAll returns them. */
  readonly patterns: readonly string[];
  /** Whether the path (relative to the context root, `/`-separated) is left out of the build context. */
  excludes(path: string): boolean;
  /** Whether some exception (`!`) could re-include something under this directory. */
  readonly hasExceptions: boolean;
}

/** Parsed ignore files by their text: a keystroke's analysis asks again for the same few files. */
const parsed = new Map<string, DockerIgnore>();
const MAX_PARSED = 16;

export function parseDockerIgnore(text: string): DockerIgnore {
  const known = parsed.get(text);
  if (known) return known;
  const result = build(readPatterns(text));
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  parsed.set(text, result);
  return result;
}

/** The patterns of an ignore file as BuildKit's dockerignore.ReadAll returns them. */
export function readPatterns(text: string): string[] {
  const patterns: string[] = [];
  let first = true;
  for (let line of text.split(/\r?\n|\r/)) {
    if (first && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    first = false;
    let pattern = line.trim();
    if (pattern === '' || pattern.startsWith('#')) continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push(invert ? `!${pattern}` : pattern);
  }
  return patterns;
}

function build(patterns: string[]): DockerIgnore {
  const compiled: Pattern[] = [];
  for (const raw of patterns) {
    // patternmatcher.New: trims, cleans again, and skips nothing but empty patterns (`!` alone is an error there:
    // the build fails, so no exclusion holds; here it matches nothing).
    let p = raw.trim();
    if (p === '') continue;
    p = cleanPath(p);
    const exclusion = p.startsWith('!');
    if (exclusion) p = p.slice(1);
    if (p === '') continue;
    compiled.push({ exclusion, text: p, regex: /[*?[\\]/.test(p) ? compile(p) : undefined });
  }
  const hasExceptions = compiled.some((p) => p.exclusion);
  return {
    patterns,
    hasExceptions,
    excludes: (path) => matchesOrParentMatches(compiled, cleanPath(path)),
  };
}

function matches(pattern: Pattern, path: string): boolean {
  return pattern.regex ? pattern.regex.test(path) : pattern.text === path;
}

/** moby/patternmatcher's MatchesOrParentMatches: later patterns win; a match of a parent directory counts. */
function matchesOrParentMatches(patterns: Pattern[], file: string): boolean {
  const parents = file.split('/');
  parents.pop();
  let matched = false;
  for (const pattern of patterns) {
    // Skip an inclusion once matched, and an exception while nothing is matched: neither can change the outcome.
    if (pattern.exclusion !== matched) continue;
    let match = matches(pattern, file);
    for (let i = 1; !match && i <= parents.length; i++) match = matches(pattern, parents.slice(0, i).join('/'));
    if (match) matched = !pattern.exclusion;
  }
  return matched;
}

/** patternmatcher's regexp for a pattern with wildcards. */
function compile(pattern: string): RegExp | undefined {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` is `**`: the slash is eaten.
        if (pattern[i + 1] === '/') i++;
        // `**` at the end matches everything, like .gitignore; elsewhere any number of directories, even none.
        out += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else {
        out += '[^/]*';
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '\\') {
      // An escaped character is itself; a trailing backslash is an error in Go: match nothing.
      if (i + 1 >= pattern.length) return /(?!)/;
      out += escapeRegex(pattern[++i]);
    } else if (ch === '[') {
      // A class goes through as it is written (patternmatcher hands it to Go's regexp): `[a-z]`, `[^.]`.
      const end = classEnd(pattern, i);
      if (end < 0) return /(?!)/; // an unclosed class: filepath.Match reports ErrBadPattern
      out += pattern.slice(i, end + 1);
      i = end;
    } else {
      out += escapeRegex(ch);
    }
  }
  try {
    return new RegExp(`${out}$`, 's');
  } catch {
    return /(?!)/;
  }
}

/** The index of the `]` that closes the class opened at `start`; -1 when none does. */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']' && i > start + 1) return i;
  }
  return -1;
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}

/** Go's filepath.Clean on `/`-separated paths: `.` segments gone, `..` folded, no trailing slash, `.` when empty. */
export function cleanPath(path: string): string {
  const cleaned = normalizePath(trimTrailingSlashes(path) || (path.startsWith('/') ? '/' : ''));
  return cleaned.length > 1 && cleaned.endsWith('/') ? cleaned.slice(0, -1) : cleaned;
}
