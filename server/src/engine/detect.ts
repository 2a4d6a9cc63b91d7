import type { DocumentKind } from './types';

const DOCKERFILE_NAME = /^(?:dockerfile|containerfile)(?:[.-][^/\\]*)?$|\.(?:dockerfile|containerfile)$/i;
const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][^/\\]*)?\.ya?ml$/i;

export function baseName(uriOrPath: string): string {
  const clean = uriOrPath.replace(/[?#].*$/, '');
  return decodeURIComponentSafe(clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function kindFromFileName(uriOrPath: string): DocumentKind | undefined {
  const name = baseName(uriOrPath);
  if (DOCKERFILE_NAME.test(name)) return 'dockerfile';
  if (COMPOSE_NAME.test(name)) return 'compose';
  return undefined;
}

/**
 * The editor's language id wins (the user may have set it by hand); a plain `yaml` document counts as compose
 * only when its name is a compose file name.
 */
export function detectKind(uriOrPath: string | undefined, languageId?: string): DocumentKind | undefined {
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId === 'dockercompose') return 'compose';
  const fromName = uriOrPath ? kindFromFileName(uriOrPath) : undefined;
  if (languageId === 'yaml') return fromName === 'compose' ? 'compose' : undefined;
  return fromName;
}
