import { classifySensitivePath } from './sensitive-files';

/**
 * What a build context may hold that must not reach an image: the credential files of knowledge/sensitive-files
 * (`.env`, private keys, `.npmrc`, `.netrc`, `.aws/`, `.ssh/`, keystores...), a repository's `.git` (its history and
 * remote URLs with tokens), and a Docker client configuration (`.docker/config.json`, registry credentials).
 */
export function classifyContextEntry(name: string, directory: boolean, parent: string | undefined): string | undefined {
  if (directory) {
    if (name === '.git') return 'a Git repository, with its history and remote credentials';
    // A directory is sensitive by its name (`.ssh`, `.aws`), as a path through it is.
    return classifySensitivePath(`${name}/x`);
  }
  return classifySensitivePath(parent ? `${parent}/${name}` : name);
}

/** A directory to look into for a `config.json` with registry credentials. */
export const DOCKER_CONFIG_DIRECTORY = '.docker';

/**
 * Directories not looked into for credential files: dependencies and caches, large and written by tools. The
 * build context still sends them; their content is not what a person put there by mistake.
 */
export const NOT_LOOKED_INTO = new Set([
  'node_modules',
  'bower_components',
  'vendor',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.gradle',
  '.m2',
  '.cache',
  '.terraform',
  '.next',
  '.nuxt',
  'target',
]);

/**
 * Globs (for a file watcher) of what decides this: the ignore files and every name classifyContextEntry knows, so
 * the listing a host caches is forgotten when one of them appears or goes.
 */
export const BUILD_CONTEXT_WATCH_GLOB =
  '**/{.dockerignore,*.dockerignore,.env,.env.*,*.pem,*.key,*.p12,*.pfx,*.jks,*.keystore,id_rsa*,id_dsa*,id_ecdsa*,id_ed25519*,' +
  '.npmrc,.pypirc,.netrc,_netrc,.git-credentials,.pgpass,.htpasswd,config.json,.git,.ssh,.aws,.gnupg,.azure,.kube,.docker}';
