import type { BaseImage } from '../documents/dockerfile';

/**
 * The family of a base image decides how a non-root user is created in it:
 * the tools differ (BusyBox adduser, shadow-utils useradd), some images ship a user, some have no shell at all.
 */
export type ImageFamily = 'alpine' | 'debian' | 'rhel' | 'distroless' | 'node' | 'windows' | 'scratch' | 'unknown';

const DEBIAN_CODENAMES = /(?:^|-)(?:trixie|bookworm|bullseye|buster|stretch|jessie|sid|noble|jammy|focal|bionic|xenial|oracular|plucky)(?:-|$)/;

/** Official images whose default variant is built on Debian or Ubuntu (both have useradd). */
const DEBIAN_BASED = new Set([
  'debian',
  'ubuntu',
  'buildpack-deps',
  'python',
  'golang',
  'ruby',
  'php',
  'perl',
  'rust',
  'openjdk',
  'eclipse-temurin',
  'maven',
  'gradle',
  'elixir',
  'erlang',
  'haskell',
  'julia',
  'r-base',
  'nginx',
  'httpd',
  'postgres',
  'redis',
  'mariadb',
  'mongo',
  'rabbitmq',
  'memcached',
  'swift',
  'clojure',
  'groovy',
  'pypy',
  'kong',
  'wordpress',
  'ghost',
  'drupal',
  'tomcat',
  'jetty',
  'gcc',
]);

const RHEL_BASED = new Set(['fedora', 'centos', 'rockylinux', 'almalinux', 'oraclelinux', 'amazonlinux', 'ubi', 'ubi8', 'ubi9', 'ubi10', 'mysql']);

export function imageFamily(image: BaseImage): ImageFamily {
  if (image.scratch) return 'scratch';
  const ref = image.ref;
  if (!ref) return 'unknown';
  const tag = (ref.tag ?? '').toLowerCase();
  const path = ref.path.toLowerCase();
  const name = ref.name.toLowerCase();

  if (path.startsWith('distroless/')) return 'distroless';
  // Chainguard images are Wolfi: no shell unless a `-dev` variant, which has BusyBox's adduser.
  if (ref.registry === 'cgr.dev') return tag.includes('dev') ? 'alpine' : 'distroless';
  if (tag.includes('nanoserver') || tag.includes('windowsservercore') || path.startsWith('windows/')) return 'windows';
  if (name === 'node' && !ref.registry) return 'node';
  if (name === 'alpine' || name === 'busybox' || tag.includes('alpine')) return 'alpine';
  // Minimal RHEL images ship without shadow-utils, so they cannot run useradd.
  if (name.endsWith('-minimal') || name.endsWith('-micro') || tag.includes('minimal')) return 'unknown';
  if (RHEL_BASED.has(name) || path.startsWith('ubi')) return 'rhel';
  if (DEBIAN_BASED.has(name) || DEBIAN_CODENAMES.test(tag) || tag.includes('slim')) return 'debian';
  return 'unknown';
}

/** Images that publish a variant whose default user is already non-root. */
const NON_ROOT_IMAGES = new Set(['nginxinc/nginx-unprivileged']);

/** Official images whose default user is already non-root. */
export function runsAsNonRootByDefault(image: BaseImage): boolean {
  const ref = image.ref;
  if (!ref) return false;
  const tag = ref.tag ?? '';
  if (ref.path.startsWith('distroless/') && /(?:^|-)nonroot$/.test(tag)) return true;
  if (!ref.registry && NON_ROOT_IMAGES.has(ref.path)) return true;
  // Chainguard images run as `nonroot` except their `-dev` variants, which add a shell and run as root.
  return ref.registry === 'cgr.dev' && !tag.includes('dev');
}
