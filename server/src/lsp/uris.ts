// URI arithmetic on strings for the server core, which runs in Node and in a web worker alike: `file:///a/b`
// and `vscode-vfs://github/owner/repo/b` are handled the same way, and nothing here touches a file system.

const HIERARCHICAL = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)?/i;

/** The URI without a trailing slash (a folder `file:///w/` and `file:///w` are the same folder). */
export function trimSlash(uri: string): string {
  return uri.length > 1 && uri.endsWith('/') && !uri.endsWith('://') ? uri.slice(0, -1) : uri;
}

/** The folder holding `uri`, or undefined at the root or for a URI without a path (`untitled:Untitled-1`). */
export function parentUri(uri: string): string | undefined {
  const match = HIERARCHICAL.exec(uri);
  if (!match) return undefined;
  const path = trimSlash(match[2] ?? '');
  const slash = path.lastIndexOf('/');
  if (slash < 0 || path === '/' || path === '') return undefined;
  return match[1] + (slash === 0 ? '/' : path.slice(0, slash));
}

export function childUri(folder: string, name: string): string {
  return `${trimSlash(folder)}/${encodeURIComponent(name)}`;
}

/** The last path segment, decoded. */
export function uriBaseName(uri: string): string {
  const path = HIERARCHICAL.exec(uri)?.[2] ?? uri;
  const name = trimSlash(path).slice(trimSlash(path).lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `uri` relative to `folder` as a decoded forward-slash path, or undefined when it is not inside it. */
export function relativeTo(folder: string, uri: string): string | undefined {
  const base = trimSlash(folder);
  if (uri === base) return '';
  if (!uri.startsWith(base + '/')) return undefined;
  const rest = uri.slice(base.length + 1);
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

export function isInside(folder: string, uri: string): boolean {
  return relativeTo(folder, uri) !== undefined;
}
