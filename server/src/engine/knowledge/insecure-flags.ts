/**
 * Settings that switch off TLS certificate checks or package signature checks: command-line flags, `config set`
 * style settings, `key=value` text (repository files, `-o`/`--setopt` options) and environment variables.
 * Data only, plus small lookups; the Dockerfile rule walks RUN commands, the compose rules may read the
 * environment part through `classifyInsecureSetting`.
 */

/** What is no longer verified; decides the remedy a message gives. */
export type VerificationKind = 'tls' | 'signature' | 'plain-http' | 'host-key' | 'checksum';

/** How to get the check back, for each kind: the second half of a finding's message. */
export const REMEDIES: Record<VerificationKind, string> = {
  tls: 'keep certificate checks on (if a private mirror needs it, add its CA certificate to the image instead)',
  signature: "keep signature checks on (import the repository's signing key instead)",
  'plain-http': 'use an https:// URL',
  'host-key': 'keep host key checks on (add the known host key to ~/.ssh/known_hosts instead)',
  checksum: 'keep checksum verification on (list private modules in GOPRIVATE if they cannot be checked)',
};

export interface Insecurity {
  description: string;
  kind: VerificationKind;
}

export interface InsecureFlag extends Insecurity {
  /** The flag does nothing but switch verification off, so deleting it restores the check and nothing else. */
  removable: boolean;
}

export interface ProgramFlags {
  /** Long options, written exactly (`--insecure`); `--flag=value` forms are looked up by the part before `=`. */
  long: Record<string, InsecureFlag>;
  /** Short options that may be combined (`-fsSLk`), keyed by letter. */
  short?: Record<string, InsecureFlag>;
  /** Short options that take a value: in a cluster the rest of the word is that value, alone it is the next word. */
  shortWithValue?: string;
}

const TLS = (tool: string, flag: string): InsecureFlag => ({
  description: `${tool} ${flag} accepts any TLS certificate, so a machine in the middle can serve anything`,
  kind: 'tls',
  removable: true,
});
const SIGNATURES = (tool: string, flag: string): InsecureFlag => ({
  description: `${tool} ${flag} installs packages without checking their signatures`,
  kind: 'signature',
  removable: true,
});

const CURL: ProgramFlags = {
  long: { '--insecure': TLS('curl', '--insecure'), '--proxy-insecure': TLS('curl', '--proxy-insecure'), '--doh-insecure': TLS('curl', '--doh-insecure') },
  short: { k: TLS('curl', '-k') },
  shortWithValue: 'AbcCdDeEFHKmoPQrtTuUwxXyYz',
};
const APT: ProgramFlags = {
  long: {
    '--allow-unauthenticated': SIGNATURES('apt-get', '--allow-unauthenticated'),
    '--force-yes': { description: 'apt-get --force-yes installs unauthenticated packages among other things it forces', kind: 'signature', removable: true },
    '--allow-insecure-repositories': {
      description: 'apt-get --allow-insecure-repositories reads package lists that are not signed',
      kind: 'signature',
      removable: true,
    },
  },
};
const RPM_FAMILY: ProgramFlags = {
  long: { '--nogpgcheck': SIGNATURES('dnf', '--nogpgcheck'), '--no-gpgchecks': SIGNATURES('dnf', '--no-gpgchecks') },
};
const ZYPPER: ProgramFlags = {
  long: { '--no-gpg-checks': SIGNATURES('zypper', '--no-gpg-checks'), '--no-gpgcheck': SIGNATURES('zypper', '--no-gpgcheck') },
};

/** Per program: flags that switch verification off. */
export const INSECURE_FLAGS: Record<string, ProgramFlags> = {
  curl: CURL,
  wget: { long: { '--no-check-certificate': TLS('wget', '--no-check-certificate') } },
  'apt-get': APT,
  apt: APT,
  aptitude: APT,
  apk: { long: { '--allow-untrusted': SIGNATURES('apk', '--allow-untrusted') } },
  yum: RPM_FAMILY,
  dnf: RPM_FAMILY,
  dnf5: RPM_FAMILY,
  microdnf: RPM_FAMILY,
  tdnf: RPM_FAMILY,
  zypper: ZYPPER,
  rpm: {
    long: {
      '--nosignature': SIGNATURES('rpm', '--nosignature'),
      '--nodigest': { description: 'rpm --nodigest installs packages without checking their digests', kind: 'signature', removable: true },
    },
  },
  go: { long: { '-insecure': { description: 'go get -insecure fetches modules over unverified connections', kind: 'tls', removable: true } } },
  docker: {
    long: { '--disable-content-trust': { description: '--disable-content-trust skips image signature verification', kind: 'signature', removable: true } },
  },
  npm: { long: { '--no-strict-ssl': TLS('npm', '--no-strict-ssl') } },
  pnpm: { long: { '--no-strict-ssl': TLS('pnpm', '--no-strict-ssl') } },
  helm: { long: { '--insecure-skip-tls-verify': TLS('helm', '--insecure-skip-tls-verify') } },
  kubectl: { long: { '--insecure-skip-tls-verify': TLS('kubectl', '--insecure-skip-tls-verify') } },
  conda: { long: { '--insecure': TLS('conda', '--insecure') }, short: { k: TLS('conda', '-k') }, shortWithValue: 'cnpf' },
  svn: { long: { '--trust-server-cert': TLS('svn', '--trust-server-cert') } },
};

const FALSY = /^(?:false|0|no|off)$/i;
const TRUTHY = /^(?:true|1|yes|on)$/i;
const HTTP_URL = /^http:\/\//i;
const ANY = /^[^-]/;

export interface InsecureSetting extends Insecurity {
  programs: string[];
  /** The setting's name as a word (`strict-ssl`, `--trusted-host`, `http.sslVerify`). */
  key: RegExp;
  /** Its insecure values; the value is the next word, or what follows `=` in the same word. */
  value: RegExp;
}

/** `npm config set strict-ssl false`, `git config http.sslVerify false`, `pip install --trusted-host h`, ... */
export const INSECURE_SETTINGS: InsecureSetting[] = [
  { programs: ['git'], key: /^http\.(?:\S+\.)?sslverify$/i, value: FALSY, description: 'git accepts any TLS certificate (http.sslVerify false)', kind: 'tls' },
  {
    programs: ['npm', 'yarn', 'pnpm'],
    key: /^(?:--)?(?:strict-ssl|strictSsl|enableStrictSsl)$/,
    value: FALSY,
    description: 'the package manager accepts any TLS certificate (strict-ssl false)',
    kind: 'tls',
  },
  {
    programs: ['npm', 'yarn', 'pnpm'],
    key: /^(?:--)?(?:registry|npmRegistryServer)$/,
    value: HTTP_URL,
    description: 'packages come from a plain-HTTP registry, which anyone on the path can tamper with',
    kind: 'plain-http',
  },
  {
    programs: ['pip', 'pip3', 'uv'],
    key: /^(?:(?:global|install|download)\.)?(?:--)?trusted-host$/,
    value: ANY,
    description: 'pip skips TLS verification for this host (trusted-host)',
    kind: 'tls',
  },
  { programs: ['uv'], key: /^--allow-insecure-host$/, value: ANY, description: 'uv skips TLS verification for this host (--allow-insecure-host)', kind: 'tls' },
  {
    programs: ['pip', 'pip3', 'uv'],
    key: /^(?:-i|-f|--index-url|--extra-index-url|--find-links|--index|--default-index|(?:global|install)\.(?:index-url|extra-index-url))$/,
    value: HTTP_URL,
    description: 'packages come from a plain-HTTP index, which anyone on the path can tamper with',
    kind: 'plain-http',
  },
  { programs: ['conda'], key: /^ssl_verify$/, value: FALSY, description: 'conda accepts any TLS certificate (ssl_verify false)', kind: 'tls' },
  { programs: ['composer'], key: /^disable-tls$/, value: TRUTHY, description: 'composer downloads without TLS (disable-tls)', kind: 'tls' },
  { programs: ['composer'], key: /^secure-http$/, value: FALSY, description: 'composer allows plain-HTTP downloads (secure-http false)', kind: 'plain-http' },
];

export interface TextHit extends Insecurity {
  start: number;
  end: number;
}

/** `key=value` spellings found in options, repository files and configuration written by RUN. */
const INSECURE_TEXT: (Insecurity & { pattern: RegExp })[] = [
  {
    pattern: /gpgcheck[ \t]{0,3}=[ \t]{0,3}["']?(?:0|false|no|off)\b/gi,
    description: 'packages are installed without checking their signatures (gpgcheck=0)',
    kind: 'signature',
  },
  { pattern: /sslverify[ \t]{0,3}=[ \t]{0,3}["']?(?:0|false|no|off)\b/gi, description: 'TLS certificates are not verified (sslverify off)', kind: 'tls' },
  { pattern: /\btrusted=yes\b/gi, description: 'apt trusts this source without checking its signature ([trusted=yes])', kind: 'signature' },
  { pattern: /\ballow-(?:insecure|weak|downgrade-to-insecure)=yes\b/gi, description: 'apt accepts this source unsigned or weakly signed', kind: 'signature' },
  {
    pattern:
      /\b(?:AllowUnauthenticated|AllowInsecureRepositories|AllowDowngradeToInsecureRepositories)["']?[ \t]{0,3}[= ][ \t]{0,3}["']?(?:true|1|yes)\b["']?/gi,
    description: 'apt accepts packages or package lists without a valid signature',
    kind: 'signature',
  },
  {
    pattern: /\bVerify-(?:Peer|Host)["']?[ \t]{0,3}[= ][ \t]{0,3}["']?(?:false|0|no)\b["']?/gi,
    description: 'apt accepts any TLS certificate (Verify-Peer false)',
    kind: 'tls',
  },
  {
    pattern: /\bcheck[-_]certificate[ \t]{0,3}=[ \t]{0,3}["']?(?:off|false|no|0)\b/gi,
    description: 'TLS certificates are not verified (check_certificate off)',
    kind: 'tls',
  },
  { pattern: /\bstrict-ssl[ \t]{0,3}=[ \t]{0,3}["']?false\b/gi, description: 'npm accepts any TLS certificate (strict-ssl=false)', kind: 'tls' },
  {
    pattern: /\bStrictHostKeyChecking[ \t]{0,3}[= ][ \t]{0,3}["']?no\b/gi,
    description: 'SSH does not check host keys, so any server can pose as the host',
    kind: 'host-key',
  },
  { pattern: /\btls-verify=false\b/gi, description: 'registry TLS certificates are not verified (tls-verify=false)', kind: 'tls' },
  { pattern: /maven\.wagon\.http\.ssl\.(?:insecure|allowall|ignore\.validity\.dates)=true\b/gi, description: 'Maven accepts any TLS certificate', kind: 'tls' },
  { pattern: /\bssl_verify[ \t]{0,3}[:=][ \t]{0,3}["']?(?:false|no|0)\b/gi, description: 'conda accepts any TLS certificate (ssl_verify false)', kind: 'tls' },
  { pattern: /-SkipCertificateCheck\b/gi, description: 'PowerShell accepts any TLS certificate (-SkipCertificateCheck)', kind: 'tls' },
  {
    pattern: /ServerCertificateValidationCallback[ \t]{0,3}=[ \t]{0,3}\{[ \t]{0,3}\$true[ \t]{0,3}\}/gi,
    description: '.NET accepts any TLS certificate (ServerCertificateValidationCallback = {$true})',
    kind: 'tls',
  },
];

/** One pass that rules out most texts before the patterns run one by one. */
const MAY_BE_INSECURE =
  /gpgcheck|sslverify|trusted=|allow-|AllowUnauthenticated|Insecure|Verify-|certificate|strict-ssl|StrictHostKeyChecking|tls-verify|maven\.wagon|ssl_verify/i;

/**
 * False when no part of the text can hold an insecure `key=value` setting: one test of a whole RUN rules out
 * all of its words at once (every pattern starts with one of these words, so a part of the text matches only
 * where the whole does).
 */
export function mayHoldInsecureText(text: string): boolean {
  return MAY_BE_INSECURE.test(text);
}

/** Insecure `key=value` settings inside a piece of text, in order. */
export function findInsecureText(text: string): TextHit[] {
  if (!MAY_BE_INSECURE.test(text)) return [];
  const hits: TextHit[] = [];
  for (const { pattern, description, kind } of INSECURE_TEXT) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (!forLocalRepository(text, m.index, m.index + m[0].length)) hits.push({ start: m.index, end: m.index + m[0].length, description, kind });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * A repository on this machine has no signature to check: the packages in it were built, or copied, by the
 * build itself. `deb [trusted=yes] file:///tmp/repo ./` (how the official postgres images install what they
 * built), `copy:` and `cdrom:` sources; a yum/dnf repository whose `baseurl` is a `file:` URL, for `gpgcheck=0`.
 */
function forLocalRepository(text: string, start: number, end: number): boolean {
  if (/^\s*(?:trusted|allow-)/i.test(text.slice(start, end))) {
    const close = text.indexOf(']', end);
    return close >= 0 && close - end < 200 && /^\s*(?:file|copy|cdrom):/i.test(text.slice(close + 1, close + 40));
  }
  if (/^gpgcheck/i.test(text.slice(start, end))) {
    // The repository section around the setting: from its `[name]` header to the next one (a few lines at most:
    // the search is bounded, so a text of thousands of settings stays linear).
    const before = text.slice(Math.max(0, start - 2_000), start);
    const after = text.slice(end, end + 2_000);
    const next = after.indexOf('[');
    const section = before.slice(Math.max(0, before.lastIndexOf('['))) + after.slice(0, next < 0 ? after.length : next);
    return /baseurl[ \t]*=[ \t]*["']?file:/i.test(section) && !/(?:baseurl[ \t]*=[ \t]*["']?(?!file:)\w+:|mirrorlist|metalink)/i.test(section);
  }
  return false;
}

const nonEmpty = (v: string) => v !== '';

/** Environment variables that switch verification off, and which of their values do. */
const INSECURE_ENV: (Insecurity & { name: RegExp; insecure: (value: string) => boolean })[] = [
  {
    name: /^NODE_TLS_REJECT_UNAUTHORIZED$/,
    insecure: (v) => v === '0',
    description: 'Node.js accepts any TLS certificate (NODE_TLS_REJECT_UNAUTHORIZED=0)',
    kind: 'tls',
  },
  // git only checks that the variable exists: GIT_SSL_NO_VERIFY=0 or =false switch verification off too.
  {
    name: /^GIT_SSL_NO_VERIFY$/,
    insecure: () => true,
    description: 'git accepts any TLS certificate (GIT_SSL_NO_VERIFY is set, whatever its value)',
    kind: 'tls',
  },
  {
    name: /^DOCKER_CONTENT_TRUST$/,
    insecure: (v) => v === '' || FALSY.test(v),
    description: 'Docker pulls images without verifying their signatures (DOCKER_CONTENT_TRUST off)',
    kind: 'signature',
  },
  { name: /^PYTHONHTTPSVERIFY$/, insecure: (v) => v === '0', description: 'Python accepts any HTTPS certificate (PYTHONHTTPSVERIFY=0)', kind: 'tls' },
  {
    name: /^NPM_CONFIG_STRICT_SSL$/i,
    insecure: (v) => FALSY.test(v),
    description: 'npm accepts any TLS certificate (npm_config_strict_ssl=false)',
    kind: 'tls',
  },
  { name: /^NPM_CONFIG_REGISTRY$/i, insecure: (v) => HTTP_URL.test(v), description: 'npm downloads packages from a plain-HTTP registry', kind: 'plain-http' },
  { name: /^YARN_(?:ENABLE_)?STRICT_SSL$/i, insecure: (v) => FALSY.test(v), description: 'yarn accepts any TLS certificate', kind: 'tls' },
  { name: /^GOINSECURE$/, insecure: nonEmpty, description: 'go fetches these modules without TLS verification (GOINSECURE)', kind: 'tls' },
  { name: /^(?:GONOSUMDB|GONOSUMCHECK)$/, insecure: nonEmpty, description: 'go does not check these modules against the checksum database', kind: 'checksum' },
  {
    name: /^GOSUMDB$/,
    insecure: (v) => v === 'off',
    description: 'go does not check module checksums against the checksum database (GOSUMDB=off)',
    kind: 'checksum',
  },
  {
    name: /^GOFLAGS$/,
    insecure: (v) => /(?:^|\s)-insecure(?:=true)?(?:\s|$)/.test(v),
    description: 'go fetches modules over unverified connections (GOFLAGS=-insecure)',
    kind: 'tls',
  },
  { name: /^PIP_TRUSTED_HOST$/, insecure: nonEmpty, description: 'pip skips TLS verification for these hosts (PIP_TRUSTED_HOST)', kind: 'tls' },
  {
    name: /^(?:PIP_INDEX_URL|PIP_EXTRA_INDEX_URL|UV_INDEX_URL|UV_EXTRA_INDEX_URL|UV_DEFAULT_INDEX|UV_INDEX)$/,
    insecure: (v) => HTTP_URL.test(v),
    description: 'packages come from a plain-HTTP index',
    kind: 'plain-http',
  },
  { name: /^UV_INSECURE_HOST$/, insecure: nonEmpty, description: 'uv skips TLS verification for these hosts (UV_INSECURE_HOST)', kind: 'tls' },
  { name: /^CONDA_SSL_VERIFY$/, insecure: (v) => FALSY.test(v), description: 'conda accepts any TLS certificate (CONDA_SSL_VERIFY=false)', kind: 'tls' },
  { name: /^BUNDLE_SSL_VERIFY_MODE$/, insecure: (v) => v === '0', description: 'Bundler accepts any TLS certificate (BUNDLE_SSL_VERIFY_MODE=0)', kind: 'tls' },
];

/**
 * Decides whether setting the environment variable NAME to value switches a verification off; returns what it
 * does, or undefined. `value` undefined means declared without a value (an `ARG` without default): not set.
 * Values that embed an insecure option (`GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no"`) count too.
 */
export function classifyInsecureSetting(name: string, value: string | undefined): string | undefined {
  return insecureEnvironment(name, value)?.description;
}

/** `classifyInsecureSetting` with the kind of check that is lost. */
export function insecureEnvironment(name: string, value: string | undefined): Insecurity | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  for (const setting of INSECURE_ENV) {
    if (setting.name.test(name)) return setting.insecure(trimmed) ? { description: setting.description, kind: setting.kind } : undefined;
  }
  const hit = findInsecureText(trimmed)[0];
  return hit && { description: hit.description, kind: hit.kind };
}
