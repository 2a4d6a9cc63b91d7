import type { SimpleCommand, Word } from './shell';

/**
 * Plain-HTTP URLs a RUN downloads from or configures as a package source. The options whose http:// value is a
 * package index or registry (`pip -i`, `npm --registry`) are verification-disabled's and not read here.
 */
export type PlainHttpKind = 'download' | 'packageSource';

export interface PlainHttpUrl {
  kind: PlainHttpKind;
  /** Offsets of the URL in the quoted text of the source. */
  start: number;
  end: number;
  url: string;
  host: string;
}

const URL_IN_TEXT = /http:\/\/[^\s'"<>|;&)`\]]+/gi;

/** Programs whose URL arguments are downloaded, and the options of theirs whose value is not (proxies, referers). */
const DOWNLOADERS: Record<string, ReadonlySet<string>> = {
  curl: new Set(['-x', '--proxy', '-e', '--referer', '--preproxy', '-H', '--header']),
  wget: new Set(['-e', '--execute', '--referer', '--header']),
  aria2c: new Set(['--all-proxy', '--http-proxy', '--referer']),
  git: new Set(['-c', '--config']),
  hg: new Set(),
  svn: new Set(),
  rpm: new Set(),
  pip: new Set(['-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '--proxy']),
  pip3: new Set(['-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '--proxy']),
  npm: new Set(['--registry']),
  yarn: new Set(['--registry']),
  pnpm: new Set(['--registry']),
  gem: new Set(['--http-proxy', '-p']),
};
/** Options whose http:// value is a package repository (its metadata is signed, so the finding is milder). */
const REPOSITORY_OPTIONS = new Set(['--repository', '-X', '--add-repo', '--repofrompath', '--from-repo']);
const REPOSITORY_PROGRAMS = new Set(['apk', 'dnf', 'dnf5', 'yum', 'microdnf', 'yum-config-manager', 'zypper', 'add-apt-repository', 'apt-add-repository']);
const WRITERS = new Set(['echo', 'printf', 'tee']);
const APT_SOURCE_LINE = /\bdeb(?:-src)?\s+(?:\[([^\]]*)\]\s+)?http:\/\//gi;

export function mayHoldPlainHttp(text: string): boolean {
  return /http:\/\//i.test(text);
}

/** The plain-HTTP URLs of one command; `quoted` is the source's text with its quotes, at the words' offsets. */
export function plainHttpUrls(command: SimpleCommand, program: { name: string; index: number } | undefined, quoted: string, out: PlainHttpUrl[]): void {
  if (!program) return;
  const words = command.words;
  let name = program.name;
  let first = program.index + 1;
  if (/^python[0-9.]*$/.test(name) && words[first]?.value === '-m' && words[first + 1]) {
    name = words[first + 1].value;
    first += 2;
  }
  if (Object.hasOwn(DOWNLOADERS, name)) {
    const skip = DOWNLOADERS[name];
    for (let i = first; i < words.length; i++) {
      const value = words[i].value;
      if (skip.has(value)) i++;
      else if (/^http:\/\//i.test(value)) addUrls(words[i], quoted, 'download', out);
    }
    return;
  }
  if (REPOSITORY_PROGRAMS.has(name) || (name === 'dnf' && words[first]?.value === 'config-manager')) {
    const anyWord = name.endsWith('apt-repository');
    for (let i = first; i < words.length; i++) {
      const value = words[i].value;
      const option = value.split('=')[0];
      if (anyWord || REPOSITORY_OPTIONS.has(option) || (name === 'zypper' && !value.startsWith('-'))) {
        if (REPOSITORY_OPTIONS.has(value) && words[i + 1]) addUrls(words[++i], quoted, 'packageSource', out);
        else addUrls(words[i], quoted, 'packageSource', out);
      }
    }
    return;
  }
  if (WRITERS.has(name)) {
    const apkRepositories = words.some((w) => w.value.endsWith('apk/repositories'));
    for (let i = first; i < words.length; i++) {
      const written = quoted.slice(words[i].start, words[i].end);
      if (apkRepositories && /^["']?http:\/\//i.test(written)) addUrls(words[i], quoted, 'packageSource', out);
      else aptSourceLines(words[i], written, out);
    }
  }
}

/** `deb http://deb.debian.org/debian bookworm main` written to a sources list; `[trusted=yes]` ones are DG110's. */
function aptSourceLines(word: Word, written: string, out: PlainHttpUrl[]): void {
  if (!/deb/i.test(written)) return;
  APT_SOURCE_LINE.lastIndex = 0;
  for (let m = APT_SOURCE_LINE.exec(written); m; m = APT_SOURCE_LINE.exec(written)) {
    if (m[1] && /trusted\s*=\s*yes/i.test(m[1])) continue;
    const at = m.index + m[0].length - 'http://'.length;
    URL_IN_TEXT.lastIndex = at;
    const url = URL_IN_TEXT.exec(written);
    if (url && url.index === at) push(out, 'packageSource', word.start + at, url[0]);
  }
}

function addUrls(word: Word, quoted: string, kind: PlainHttpKind, out: PlainHttpUrl[]): void {
  const written = quoted.slice(word.start, word.end);
  URL_IN_TEXT.lastIndex = 0;
  for (let m = URL_IN_TEXT.exec(written); m; m = URL_IN_TEXT.exec(written)) push(out, kind, word.start + m.index, m[0]);
}

function push(out: PlainHttpUrl[], kind: PlainHttpKind, start: number, url: string): void {
  const host = hostOf(url);
  if (isLocalHost(host)) return;
  out.push({ kind, start, end: start + url.length, url, host });
}

/** The host of `http://host[:port]/…`, lower-case; a host held in a variable is unknown, so never taken for a local one. */
export function hostOf(url: string): string {
  const rest = url.slice('http://'.length);
  const authority = rest.split('/', 1)[0];
  const host = authority
    .slice(authority.lastIndexOf('@') + 1)
    .replace(/:\d*$/, '')
    .toLowerCase();
  return host;
}

/** The build machine itself: a download from it never crosses a network. */
function isLocalHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    host === 'host.docker.internal'
  );
}

/** Hosts known to serve the same content over HTTPS: for them, switching the scheme is a safe suggestion. */
const HTTPS_HOSTS = new Set([
  'deb.debian.org',
  'security.debian.org',
  'archive.debian.org',
  'ftp.debian.org',
  'archive.ubuntu.com',
  'security.ubuntu.com',
  'ports.ubuntu.com',
  'dl-cdn.alpinelinux.org',
  'pypi.org',
  'files.pythonhosted.org',
  'registry.npmjs.org',
  'registry.yarnpkg.com',
  'github.com',
  'raw.githubusercontent.com',
  'objects.githubusercontent.com',
  'gitlab.com',
  'bitbucket.org',
  'dl.google.com',
  'storage.googleapis.com',
  'nodejs.org',
  'deb.nodesource.com',
  'go.dev',
  'dl.k8s.io',
  'get.docker.com',
  'download.docker.com',
  'repo1.maven.org',
  'repo.maven.apache.org',
  'downloads.apache.org',
  'archive.apache.org',
  'dlcdn.apache.org',
  'dl.fedoraproject.org',
  'download.fedoraproject.org',
  'download.opensuse.org',
  'packages.microsoft.com',
  'releases.hashicorp.com',
  'apt.releases.hashicorp.com',
  'static.rust-lang.org',
  'rubygems.org',
  'nginx.org',
  'www.python.org',
  'ftp.gnu.org',
  'ftpmirror.gnu.org',
  'apt.llvm.org',
  'cmake.org',
]);

export function servesHttps(host: string): boolean {
  return HTTPS_HOSTS.has(host);
}
