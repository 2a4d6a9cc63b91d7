// Path and URI arithmetic on strings, so the engine needs no Node built-in (it also runs in a web worker).
// Nothing is read here.

const URI = /^[a-z][a-z0-9+.-]+:/i;

/**
 * Resolves a path written in a file (`build: ./api`) against that file's URI or absolute path.
 */
export function resolveRelative(base: string, relative: string): string {
  const forward = relative.replace(/\\/g, '/');
  if (URI.test(base)) return new URL(forward, base).href;
  const joined = forward.startsWith('/') ? forward : joinPath(dirnamePath(base.replace(/\\/g, '/')), forward);
  const resolved = normalizePath(joined);
  return resolved.length > 1 && resolved.endsWith('/') ? resolved.slice(0, -1) : resolved;
}

/** `a/b` + `../c` → `a/b/../c`; an empty directory joins to the relative part alone. */
export function joinPath(directory: string, relative: string): string {
  if (!directory) return relative;
  return directory.endsWith('/') ? directory + relative : `${directory}/${relative}`;
}

/** The directory part of a forward-slash path: `a/b/c` → `a/b`, `c` → `.`, `/c` → `/`. */
export function dirnamePath(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47 /* / */) end--;
  const slash = path.lastIndexOf('/', end - 1);
  if (slash < 0) return '.';
  let head = slash;
  while (head > 0 && path.charCodeAt(head - 1) === 47) head--;
  return head === 0 ? '/' : path.slice(0, head);
}

/** Removes `.` segments, folds `..` into its parent, collapses repeated slashes (posix semantics). */
export function normalizePath(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  const trailing = path.endsWith('/') ? '/' : '';
  if (absolute) return joined ? `/${joined}${trailing}` : '/';
  return joined ? joined + trailing : `.${trailing}`;
}

/**
 * The path without its trailing slashes (`a//` → `a`). A loop, not `replace(/\/+$/, '')`: that regex retries
 * from every slash of a long run that does not end the string, quadratic on `a////…b`.
 */
export function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return end === path.length ? path : path.slice(0, end);
}
