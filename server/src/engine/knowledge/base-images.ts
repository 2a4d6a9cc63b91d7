import type { ImageRef } from '../documents/image-ref';
import type { PackageManager } from './packages';

/**
 * Official images whose full variant has a smaller sibling, and how each names its tags. Nothing here is looked
 * up over the network: a variant is offered only when this table knows it exists for that image and version.
 *
 * Tag grammars differ per image: `node:20-bookworm` → `node:20-bookworm-slim`, but `python:3.12-bookworm` →
 * `python:3.12-slim-bookworm`; `almalinux:8.7-20221110` → `almalinux:8.7-minimal-20221110`.
 */

export type VariantKind = 'alpine' | 'slim' | 'minimal' | 'micro' | 'jre' | 'runtime' | 'nanoserver' | 'distroless';

export interface MinimalVariant {
  kind: VariantKind;
  /** The new tag; undefined keeps the tag as written. */
  tag?: string;
  /** A new last path segment, e.g. `ubi` → `ubi-minimal`, `sdk` → `aspnet`. */
  name?: string;
  /** A whole new reference, for variants published elsewhere (distroless). */
  reference?: string;
  /** The package manager the variant ships; undefined when it has none. */
  packageManager?: PackageManager;
  /**
   * Programs (or `program subcommand`) the full image has and this variant lacks unless a RUN installs them
   * with its package manager: bash on Alpine, javac in a JRE, `dotnet publish` in the ASP.NET runtime.
   */
  lacks: readonly string[];
  /** Distroless images have no shell and no tools at all: only copied files may run. */
  distroless?: {
    /** Language images start their runtime themselves: `CMD` names only what it runs. */
    runtime?: { programs: readonly string[]; leadingArgs: readonly string[] };
  };
}

export interface BaseImageAdvice {
  /** Names the image in a message, e.g. "a full Node.js image". */
  description: string;
  /** Smaller variants that exist for this image and version, best first; may be empty. */
  variants: MinimalVariant[];
  /** What to move to when no variant of the same image exists. */
  alternative?: string;
}

const BUILD_TOOLS = ['curl', 'wget', 'git', 'gcc', 'g++', 'make'];
const ALPINE_LACKS = ['bash', 'useradd', 'groupadd', 'usermod', ...BUILD_TOOLS];
const SLIM_LACKS = [...BUILD_TOOLS, 'ssh', 'unzip'];
const RHEL_MINIMAL_LACKS = ['useradd', 'groupadd', 'usermod', 'tar', 'gzip'];
const JRE_LACKS = ['javac', 'jar', 'jlink', 'jdeps', 'jshell', 'jpackage', 'mvn', 'gradle', 'native-image'];
const DOTNET_SDK_VERBS = ['build', 'publish', 'restore', 'run', 'test', 'watch', 'tool', 'new', 'pack', 'ef'].map((verb) => `dotnet ${verb}`);
const WINDOWS_FULL_ONLY = ['powershell', 'powershell.exe', 'msiexec', 'msiexec.exe', 'choco', 'dism', 'dism.exe'];

const DEBIAN_SUITES = new Set(['jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie', 'forky', 'sid']);
const NODE_ALIASES = new Set(['lts', 'current', 'argon', 'boron', 'carbon', 'dubnium', 'erbium', 'fermium', 'gallium', 'hydrogen', 'iron', 'jod', 'krypton']);
/** Words in a tag that already mean a small image. */
const MINIMAL_MARKERS = /(?:^|[-_.])(?:alpine[\d.]*|slim|minimal|micro|distroless|chiseled|chiselled|nanoserver|busybox|jre)(?:$|[-_.])/;

const VERSION = /^\d+(?:\.\d+)*$/;

/** The reference a variant stands for, e.g. `node:20-alpine` for the alpine variant of `node:20`. */
export function variantReference(ref: ImageRef, variant: MinimalVariant): string {
  if (variant.reference) return variant.reference;
  const nameStart = ref.pathEnd - ref.name.length;
  const tag = variant.tag ?? ref.tag;
  return ref.raw.slice(0, nameStart) + (variant.name ?? ref.name) + (tag !== undefined ? `:${tag}` : '');
}

/** The smaller variants of an image, or undefined for images this table does not know or that are already small. */
export function minimalAlternatives(ref: ImageRef): BaseImageAdvice | undefined {
  const tag = ref.tag?.toLowerCase();
  const registry = ref.registry?.toLowerCase();
  const path = ref.path.toLowerCase();
  if (!registry) return dockerHubImage(path, tag);
  if (registry === 'mcr.microsoft.com') return microsoftImage(path, tag);
  if (registry === 'registry.access.redhat.com' || registry === 'registry.redhat.io') return ubiImage(path, tag);
  if (registry === 'quay.io' && path === 'centos/centos') return centosStream(tag);
  if ((registry === 'quay.io' && path === 'fedora/fedora') || (registry === 'registry.fedoraproject.org' && path === 'fedora')) return fedora();
  return undefined;
}

function dockerHubImage(path: string, tag: string | undefined): BaseImageAdvice | undefined {
  if (tag !== undefined && MINIMAL_MARKERS.test(tag)) return undefined;
  switch (path) {
    case 'node':
      return node(tag);
    case 'python':
      return python(tag);
    case 'ruby':
      return languageImage('a full Ruby image', tag, { slim: 'slim-suite' });
    case 'golang':
      return golang(tag);
    case 'php':
      return php(tag);
    case 'openjdk':
      return openjdk(tag);
    case 'eclipse-temurin':
      return temurin(tag);
    case 'debian':
      return debian(tag);
    case 'ubuntu':
      return { description: 'a full Ubuntu distribution', variants: [], alternative: 'a slim, Alpine or distroless image' };
    case 'centos':
      return {
        description: 'a full CentOS distribution (end of life)',
        variants: [],
        alternative: 'ubi9/ubi-minimal or quay.io/centos/centos:stream9-minimal',
      };
    case 'fedora':
      return fedora();
    case 'rockylinux':
    case 'rockylinux/rockylinux':
      return rockyLinux(tag);
    case 'almalinux':
      return almaLinux(tag);
    case 'oraclelinux':
      return oracleLinux(tag);
    default:
      return undefined;
  }
}

// ---- language images: `<version>[-<suite>]`, with aliases such as `latest` or `lts` ----

interface LanguageTag {
  /** Empty for `latest` or no tag. */
  version: string;
  suite?: string;
}

/** Reads `20`, `3.12-bookworm`, `bookworm`, `latest`; undefined for anything this table does not know. */
function languageTag(tag: string | undefined, aliases: ReadonlySet<string> = new Set()): LanguageTag | undefined {
  if (tag === undefined || tag === 'latest') return { version: '' };
  const parts = tag.split('-');
  let version = '';
  if (VERSION.test(parts[0]) || aliases.has(parts[0])) version = parts.shift()!;
  if (parts[0] === 'rc' && version) version += `-${parts.shift()}`; // python:3.15-rc
  if (parts.length === 0) return version ? { version } : undefined;
  if (parts.length === 1 && DEBIAN_SUITES.has(parts[0])) return { version, suite: parts[0] };
  return undefined;
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p).join('-');
}

function major(version: string): number {
  return Number.parseInt(version, 10);
}

/** True when a numeric version is at least `since`; aliases (`lts`, empty) always are. */
function atLeast(version: string, since: [number, number]): boolean {
  const match = /^(\d+)(?:\.(\d+))?/.exec(version);
  if (!match) return true;
  const [maj, min] = [Number(match[1]), match[2] === undefined ? Infinity : Number(match[2])];
  return maj > since[0] || (maj === since[0] && min >= since[1]);
}

function alpine(tag: string): MinimalVariant {
  return { kind: 'alpine', tag, packageManager: 'apk', lacks: ALPINE_LACKS };
}

function slim(tag: string): MinimalVariant {
  return { kind: 'slim', tag, packageManager: 'apt', lacks: SLIM_LACKS };
}

function distroless(reference: string, runtime?: { programs: readonly string[]; leadingArgs: readonly string[] }): MinimalVariant {
  return { kind: 'distroless', reference, lacks: [], distroless: { runtime } };
}

/** Official language images with `-alpine` and `-slim` variants; `slim-suite` images write `3.12-slim-bookworm`. */
function languageImage(
  description: string,
  tag: string | undefined,
  options: { slim?: 'suite-slim' | 'slim-suite'; aliases?: ReadonlySet<string>; alpineSince?: [number, number] },
): (BaseImageAdvice & { parsed: LanguageTag }) | undefined {
  const parsed = languageTag(tag, options.aliases);
  if (!parsed) return undefined;
  const { version, suite } = parsed;
  const variants: MinimalVariant[] = [];
  if (!options.alpineSince || atLeast(version, options.alpineSince)) variants.push(alpine(join(version, 'alpine')));
  if (options.slim === 'slim-suite') variants.push(slim(join(version, 'slim', suite)));
  if (options.slim === 'suite-slim') {
    // Only these suites have `-<suite>-slim` node tags; older ones had a plain `-slim`.
    const suiteSlim = suite && ['buster', 'bullseye', 'bookworm', 'trixie'].includes(suite);
    variants.push(slim(suiteSlim ? join(version, suite, 'slim') : join(version, 'slim')));
  }
  return { description, variants, parsed };
}

function node(tag: string | undefined): BaseImageAdvice | undefined {
  const advice = languageImage('a full Node.js image', tag, { slim: 'suite-slim', aliases: NODE_ALIASES, alpineSince: [6, 0] });
  if (!advice) return undefined;
  const nodeMajor = major(advice.parsed.version);
  if (nodeMajor === 20 || nodeMajor === 22) {
    advice.variants.push(distroless(`gcr.io/distroless/nodejs${nodeMajor}-debian12`, { programs: ['node', 'nodejs'], leadingArgs: [] }));
  }
  return advice;
}

function python(tag: string | undefined): BaseImageAdvice | undefined {
  const advice = languageImage('a full Python image', tag, { slim: 'slim-suite' });
  if (!advice) return undefined;
  // Debian 12's Python, which gcr.io/distroless/python3-debian12 ships, is 3.11.
  const version = advice.parsed.version;
  if (version === '3.11' || version.startsWith('3.11.')) {
    advice.variants.push(distroless('gcr.io/distroless/python3-debian12', { programs: ['python', 'python3', 'python3.11'], leadingArgs: [] }));
  }
  return advice;
}

function golang(tag: string | undefined): BaseImageAdvice | undefined {
  const windows = /^(.*-)?windowsservercore-(ltsc2022|ltsc2025|1809)$/.exec(tag ?? '');
  if (windows) {
    return {
      description: 'a Go image on Windows Server Core',
      variants: [{ kind: 'nanoserver', tag: `${windows[1] ?? ''}nanoserver-${windows[2]}`, lacks: WINDOWS_FULL_ONLY }],
    };
  }
  return languageImage('a full Go image', tag, {});
}

function php(tag: string | undefined): BaseImageAdvice | undefined {
  const parts = (tag ?? '').split('-').filter((p) => p);
  const version = parts[0] && VERSION.test(parts[0]) ? parts.shift()! : '';
  if (tag === 'latest') parts.length = 0;
  const flavour = parts[0] && ['cli', 'fpm', 'zts', 'apache'].includes(parts[0]) ? parts.shift() : undefined;
  if (parts.length > 1 || (parts.length === 1 && !DEBIAN_SUITES.has(parts[0]))) return undefined;
  if (flavour === 'apache' || !atLeast(version, [5, 6])) return undefined; // php:*-apache has no Alpine variant
  return { description: 'a full PHP image', variants: [alpine(join(version, flavour, 'alpine'))] };
}

function javaDistroless(version: string): MinimalVariant[] {
  const javaMajor = major(version);
  if (javaMajor !== 17 && javaMajor !== 21) return [];
  return [distroless(`gcr.io/distroless/java${javaMajor}-debian12`, { programs: ['java'], leadingArgs: ['-jar'] })];
}

/** `17`, `17-jdk`, `17.0.10_7-jdk-jammy`: the JRE is the same build without the compiler and tools. */
function temurin(tag: string | undefined): BaseImageAdvice | undefined {
  const match = /^(\d+(?:\.\d+)*(?:_\d+)?)(?:-jdk)?(?:-(focal|jammy|noble))?$/.exec(tag ?? '');
  if (!match) return undefined;
  const [, version, os] = match;
  if (![8, 11, 17, 21, 25].includes(major(version))) return undefined; // JRE images are published for LTS releases
  return {
    description: 'a Java development kit image',
    variants: [
      { kind: 'jre', tag: join(version, 'jre', os), lacks: JRE_LACKS, packageManager: 'apt' },
      { ...alpine(join(version, 'jre', 'alpine')), lacks: [...ALPINE_LACKS, ...JRE_LACKS] },
      ...javaDistroless(version),
    ],
  };
}

/** The deprecated openjdk images: `-slim` for every version, `-jre-slim` for 8 and 11. */
function openjdk(tag: string | undefined): BaseImageAdvice | undefined {
  const match = /^(\d+(?:\.\d+)*|\d+u\d+)(-jdk)?(?:-(stretch|buster|bullseye|bookworm))?$/.exec(tag ?? '');
  if (!match) return undefined;
  const [, version, jdk, suite] = match;
  if (major(version) < 8) return undefined;
  const variants: MinimalVariant[] = [slim(join(version, jdk?.slice(1), 'slim', suite))];
  if (major(version) === 8 || major(version) === 11)
    variants.push({ ...slim(join(version, 'jre', 'slim')), kind: 'jre', lacks: [...SLIM_LACKS, ...JRE_LACKS] });
  variants.push(...javaDistroless(version));
  return { description: 'a Java development kit image', variants };
}

/** `12`, `12.5`, `bookworm`, `bookworm-20240110`, `stable`: every release has a `-slim` twin. */
function debian(tag: string | undefined): BaseImageAdvice | undefined {
  const value = tag === undefined || tag === 'latest' ? 'stable' : tag;
  const match = /^(\d+(?:\.\d+)?|[a-z]+)(-\d{8})?$/.exec(value);
  if (!match) return undefined;
  const release = match[1];
  const known = VERSION.test(release)
    ? major(release) >= 8
    : DEBIAN_SUITES.has(release) || ['stable', 'oldstable', 'oldoldstable', 'testing', 'unstable'].includes(release);
  if (!known) return undefined;
  const variants = [slim(`${value}-slim`)];
  if (release === '12' || release.startsWith('12.') || release === 'bookworm') variants.push(distroless('gcr.io/distroless/base-debian12'));
  return { description: 'a full Debian distribution', variants };
}

// ---- RHEL family: `-minimal` images with microdnf ----

function rhelMinimal(variant: Partial<MinimalVariant>, kind: VariantKind = 'minimal'): MinimalVariant {
  return { kind, packageManager: kind === 'micro' ? undefined : 'microdnf', lacks: RHEL_MINIMAL_LACKS, ...variant };
}

function rockyLinux(tag: string | undefined): BaseImageAdvice | undefined {
  const match = /^(\d+)(?:\.(\d+)(?:\.\d+)?)?$/.exec(tag ?? '');
  const description = 'a full Rocky Linux image';
  if (!match) return tag === undefined || tag === 'latest' ? { description, variants: [], alternative: 'rockylinux:9-minimal' } : undefined;
  const [maj, min] = [Number(match[1]), match[2] === undefined ? undefined : Number(match[2])];
  if (maj < 8 || (maj === 8 && min !== undefined && min < 5)) return undefined;
  return { description, variants: [rhelMinimal({ tag: `${tag}-minimal` })] };
}

function almaLinux(tag: string | undefined): BaseImageAdvice | undefined {
  const description = 'a full AlmaLinux image';
  if (tag === undefined || tag === 'latest') return { description, variants: [rhelMinimal({ tag: 'minimal' })] };
  const match = /^(\d+(?:\.\d+)?)(-\d{8})?$/.exec(tag);
  if (!match || !atLeast(match[1], [8, 5])) return undefined;
  return { description, variants: [rhelMinimal({ tag: `${match[1]}-minimal${match[2] ?? ''}` })] };
}

function oracleLinux(tag: string | undefined): BaseImageAdvice | undefined {
  if (!tag || !['7', '8', '9'].includes(tag)) return undefined;
  return { description: 'a full Oracle Linux image', variants: [rhelMinimal({ tag: `${tag}-slim` })] };
}

/** `ubi8/ubi`, `ubi9/ubi` (and the older `ubi8` alias): `ubi-minimal` has microdnf, `ubi-micro` no package manager. */
function ubiImage(path: string, tag: string | undefined): BaseImageAdvice | undefined {
  const match = /^(ubi(?:8|9|10))(\/ubi)?$/.exec(path);
  if (!match) return undefined;
  // Build suffixes (`9.4-1123`) differ between ubi and ubi-minimal: keep the release only.
  const release = /^(\d+\.\d+)(?:-[\d.]+)?$/.exec(tag ?? '');
  if (tag !== undefined && tag !== 'latest' && !release) return undefined;
  const newTag = release ? release[1] : undefined;
  const names = match[2] ? ['ubi-minimal', 'ubi-micro'] : [`${match[1]}-minimal`, `${match[1]}-micro`];
  return {
    description: 'a full Red Hat Universal Base Image',
    variants: [rhelMinimal({ name: names[0], tag: newTag }), rhelMinimal({ name: names[1], tag: newTag }, 'micro')],
  };
}

function centosStream(tag: string | undefined): BaseImageAdvice | undefined {
  if (tag !== 'stream9' && tag !== 'stream10') return undefined;
  return { description: 'a full CentOS Stream image', variants: [rhelMinimal({ tag: `${tag}-minimal` })] };
}

function fedora(): BaseImageAdvice {
  return { description: 'a full Fedora distribution', variants: [], alternative: 'registry.fedoraproject.org/fedora-minimal' };
}

// ---- Microsoft: the .NET SDK in a final stage, Windows Server Core ----

function microsoftImage(path: string, tag: string | undefined): BaseImageAdvice | undefined {
  if (path === 'dotnet/sdk' || path === 'dotnet/core/sdk') return dotnetSdk(tag);
  if (path === 'windows/servercore') return windowsServerCore(tag);
  return undefined;
}

/** `mcr.microsoft.com/dotnet/sdk:8.0[-os]` → `dotnet/aspnet` (which includes the .NET runtime) with the same OS. */
function dotnetSdk(tag: string | undefined): BaseImageAdvice | undefined {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?(-[a-z0-9.-]+)?$/.exec(tag ?? '');
  if (!match) return undefined;
  const [, maj, min, os = ''] = match;
  if (os && !/^-(alpine[\d.]*|bookworm-slim|bullseye-slim|jammy|noble|focal|azurelinux3\.0|cbl-mariner2\.0|nanoserver-\w+|windowsservercore-\w+)$/.test(os))
    return undefined;
  const version = `${maj}.${min}`;
  const variants: MinimalVariant[] = [
    { kind: 'runtime', name: 'aspnet', tag: version + os, packageManager: os.startsWith('-alpine') ? 'apk' : 'apt', lacks: DOTNET_SDK_VERBS },
  ];
  if (!os) variants.push({ ...alpine(`${version}-alpine`), kind: 'runtime', name: 'aspnet', lacks: [...ALPINE_LACKS, ...DOTNET_SDK_VERBS] });
  return { description: 'the .NET SDK image', variants };
}

function windowsServerCore(tag: string | undefined): BaseImageAdvice | undefined {
  const nanoTag = tag === 'ltsc2019' ? '1809' : tag;
  if (!nanoTag || !/^(ltsc2022|ltsc2025|1809|10\.0\.(17763|20348|26100)(\.\d+)?)$/.test(nanoTag)) return undefined;
  return { description: 'Windows Server Core', variants: [{ kind: 'nanoserver', name: 'nanoserver', tag: nanoTag, lacks: WINDOWS_FULL_ONLY }] };
}

// ---- images that start a service by default, so a stage built on them runs something without its own CMD ----

const SERVICE_IMAGES = new Set([
  'nginx',
  'httpd',
  'caddy',
  'traefik',
  'haproxy',
  'tomcat',
  'jetty',
  'postgres',
  'mysql',
  'mariadb',
  'mongo',
  'redis',
  'valkey/valkey',
  'memcached',
  'rabbitmq',
  'elasticsearch',
  'kibana',
  'cassandra',
  'couchdb',
  'neo4j',
  'influxdb',
  'solr',
  'zookeeper',
  'nats',
  'eclipse-mosquitto',
  'registry',
  'wordpress',
  'ghost',
  'drupal',
  'joomla',
  'nextcloud',
  'sonarqube',
  'keycloak/keycloak',
  'jenkins/jenkins',
  'grafana/grafana',
  'prom/prometheus',
  'hashicorp/vault',
  'hashicorp/consul',
  'minio/minio',
  'apache/kafka',
  'bitnami/nginx',
  'bitnami/redis',
  'bitnami/postgresql',
  'bitnami/mysql',
  'bitnami/mongodb',
]);

/** True for images whose default command starts a long-running service (nginx, postgres, ...), not a shell. */
export function runsServiceByDefault(ref: ImageRef): boolean {
  const registry = ref.registry?.toLowerCase();
  const path = ref.path.toLowerCase();
  if (registry === 'quay.io' && path === 'keycloak/keycloak') return true;
  return registry === undefined && SERVICE_IMAGES.has(path);
}
