import type { DocumentKind } from './types';

/**
 * The file names dockguard analyses, written once as globs: the CLI's directory walk and the server test them
 * (case-insensitively, through the patterns below), the VS Code client searches the workspace with them.
 */
export const FILE_NAME_GLOBS: Record<DocumentKind, readonly string[]> = {
  dockerfile: ['Dockerfile', 'Dockerfile.*', 'Dockerfile-*', '*.dockerfile', 'Containerfile', 'Containerfile.*', 'Containerfile-*', '*.containerfile'],
  compose: [
    'compose.yaml',
    'compose.yml',
    'compose.*.yaml',
    'compose.*.yml',
    'compose-*.yaml',
    'compose-*.yml',
    'docker-compose.yaml',
    'docker-compose.yml',
    'docker-compose.*.yaml',
    'docker-compose.*.yml',
    'docker-compose-*.yaml',
    'docker-compose-*.yml',
  ],
};

function globToPattern(globs: readonly string[]): RegExp {
  const alternatives = globs.map((glob) =>
    glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/\\\\]*'),
  );
  return new RegExp(`^(?:${alternatives.join('|')})$`, 'i');
}

const DOCKERFILE_NAME = globToPattern(FILE_NAME_GLOBS.dockerfile);
const COMPOSE_NAME = globToPattern(FILE_NAME_GLOBS.compose);

/**
 * One workspace glob for every analysed file name (`**\/{Dockerfile,...}`), each letter as a `[dD]` class so it
 * matches as the patterns above do, whatever the case and whatever the editor's glob engine thinks of case.
 */
export function analysedFilesGlob(): string {
  const caseless = (glob: string) => glob.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
  return `**/{${[...FILE_NAME_GLOBS.dockerfile, ...FILE_NAME_GLOBS.compose].map(caseless).join(',')}}`;
}

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
