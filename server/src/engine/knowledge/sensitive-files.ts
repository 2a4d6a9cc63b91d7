/**
 * Files that hold credentials: copied into an image, they are readable by anyone who can pull it, in the layer
 * that added them even if a later step deletes them. Matching works on the path as written in COPY/ADD, so
 * glob sources count when the glob can only mean such a file (`*.pem`, `.env*`, `.ssh/*`).
 */

const PRIVATE_KEY_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk']);

/** Exact file names and what they hold. */
const FILES = new Map<string, string>([
  ['.npmrc', 'an npm configuration file, which usually holds a registry token'],
  ['.pypirc', 'a PyPI configuration file, which holds upload credentials'],
  ['.netrc', 'a .netrc file, which holds login credentials'],
  ['_netrc', 'a .netrc file, which holds login credentials'],
  ['.git-credentials', 'a Git credential store'],
  ['.pgpass', 'a PostgreSQL password file'],
  ['.htpasswd', 'a password file'],
]);

/** Directories whose whole content is credentials, and what they hold. */
const DIRECTORIES = new Map<string, string>([
  ['.ssh', 'an SSH directory, with private keys'],
  ['.aws', 'an AWS configuration directory with access keys'],
  ['.gnupg', 'a GnuPG keyring, with private keys'],
  ['.azure', 'an Azure configuration directory with access tokens'],
  ['.kube', 'a Kubernetes configuration with cluster credentials'],
]);

/** Files that hold credentials only under a given directory. */
const FILES_IN = new Map<string, { directory: string; what: string }>([
  // Not `.docker/` as a whole: projects keep build files in a `.docker/` folder of their own.
  ['config.json', { directory: '.docker', what: 'a Docker client configuration with registry credentials' }],
]);

/** Public parts of an SSH directory. */
const PUBLIC_SSH_FILE = /^(?:known_hosts|.*\.pub)$/;

const KEY_EXTENSIONS = new Map<string, string>([
  ['.pem', 'a PEM file, which usually holds a private key'],
  ['.key', 'a private key'],
  ['.p12', 'a PKCS#12 keystore with a private key'],
  ['.pfx', 'a PKCS#12 keystore with a private key'],
  ['.jks', 'a Java keystore with private keys'],
  ['.keystore', 'a keystore with private keys'],
]);

/** `.env` variants that are templates by convention and hold no real values. */
const ENV_TEMPLATES = new Set(['example', 'sample', 'template', 'dist', 'defaults', 'tmpl', 'tpl']);

/** A `.pem` whose name says it is a certificate (public), not a key: `ca.pem`, `cert.pem`, `fullchain.pem`. */
const CERTIFICATE_PEM =
  /(?:^|[._-])(?:ca|cacert|cert|certificate|chain|fullchain|bundle|ca-bundle|ca-certificates|pub|public|root|intermediate|trust|truststore)(?:[._-]|$)/i;

const GLOB = /[*?[]/;

/** What a COPY/ADD source path holds when it is a credential file; undefined otherwise. */
export function classifySensitivePath(path: string): string | undefined {
  const segments = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return undefined;
  const name = segments[segments.length - 1];
  const own = classifyName(name, segments[segments.length - 2]);
  if (own) return own;
  for (const segment of segments.slice(0, -1)) {
    const what = DIRECTORIES.get(segment);
    if (what) return segment === '.ssh' && PUBLIC_SSH_FILE.test(name) ? undefined : what;
  }
  return undefined;
}

function classifyName(name: string, parent: string | undefined): string | undefined {
  // A glob counts by its literal part: `.env*` can match `.env`, `id_rsa*` can match `id_rsa`.
  const literal = GLOB.test(name) ? name.replace(/[*?]+$/, '') : name;
  const directory = DIRECTORIES.get(literal);
  if (directory) return directory;
  if (PRIVATE_KEY_NAMES.has(literal)) return 'an SSH private key';
  const file = FILES.get(literal);
  if (file) return file;
  const inDirectory = FILES_IN.get(literal);
  if (inDirectory && parent === inDirectory.directory) return inDirectory.what;
  if (literal === '.env' || (literal.startsWith('.env.') && !ENV_TEMPLATES.has(literal.slice(5).toLowerCase()))) {
    return 'an environment file, which usually holds secrets';
  }
  const dot = name.lastIndexOf('.');
  if (dot > 0 || (dot === 0 && GLOB.test(name))) {
    const extension = name.slice(dot).toLowerCase();
    const what = KEY_EXTENSIONS.get(extension);
    if (what && !(extension === '.pem' && CERTIFICATE_PEM.test(name.slice(0, dot)))) return what;
  }
  return undefined;
}
