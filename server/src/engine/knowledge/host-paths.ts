import { trimTrailingSlashes } from '../paths';

/**
 * Host paths a container must not get: the container runtime's control sockets (DG212) and the parts of the host
 * that hold its configuration, credentials, kernel interfaces or programs (DG211). A mount of such a path, or of
 * a directory that contains one, hands the container the host.
 */

export type HostPathRisk = { kind: 'socket'; what: string } | { kind: 'sensitive'; path: string; what: string };

const HOST_CONFIGURATION = 'host configuration: users, password hashes, sudoers, cron, SSH';

/**
 * The host's own configuration under /etc: the whole of /etc, and what in it configures the system itself. An
 * application's folder there (`/etc/pihole`, `/etc/nginx/conf.d`, `/etc/traefik`) holds that application's
 * configuration, the files the container is meant to read.
 */
const ETC_SYSTEM: [path: string, what: string][] = [
  ['/etc/passwd', 'host users'],
  ['/etc/shadow', 'host password hashes'],
  ['/etc/gshadow', 'host group password hashes'],
  ['/etc/group', 'host groups'],
  ['/etc/sudoers', 'who may become root on the host'],
  ['/etc/sudoers.d', 'who may become root on the host'],
  ['/etc/ssh', "the host's SSH server configuration and host keys"],
  ['/etc/pam.d', 'how the host authenticates users'],
  ['/etc/security', 'how the host authenticates users'],
  ['/etc/crontab', 'jobs the host runs as root'],
  ['/etc/cron.d', 'jobs the host runs as root'],
  ['/etc/cron.hourly', 'jobs the host runs as root'],
  ['/etc/cron.daily', 'jobs the host runs as root'],
  ['/etc/cron.weekly', 'jobs the host runs as root'],
  ['/etc/cron.monthly', 'jobs the host runs as root'],
  ['/etc/systemd', 'the services the host runs'],
  ['/etc/init.d', 'the services the host runs'],
  ['/etc/profile', 'what every login shell of the host runs'],
  ['/etc/profile.d', 'what every login shell of the host runs'],
  ['/etc/environment', "the host's environment"],
  ['/etc/ld.so.preload', 'libraries every host program loads'],
  ['/etc/ld.so.conf', 'where host programs load libraries from'],
  ['/etc/ld.so.conf.d', 'where host programs load libraries from'],
  ['/etc/docker', "the Docker daemon's configuration"],
  ['/etc/containerd', "containerd's configuration"],
  ['/etc/kubernetes', "the cluster's configuration and credentials"],
  ['/etc/sysctl.conf', "the host kernel's settings"],
  ['/etc/sysctl.d', "the host kernel's settings"],
  ['/etc/modprobe.d', 'the kernel modules the host loads'],
  ['/etc/fstab', 'what the host mounts'],
  ['/etc/apt', 'where the host installs packages from'],
  ['/etc/yum.repos.d', 'where the host installs packages from'],
  ['/etc/ssl/private', "the host's TLS private keys"],
  ['/etc/letsencrypt', "the host's TLS certificates and private keys"],
  ['/etc/selinux', "the host's SELinux policy"],
  ['/etc/apparmor.d', "the host's AppArmor profiles"],
];

/** Sensitive host paths and what mounting them exposes; anything below them counts too. */
const SENSITIVE: [path: string, what: string][] = [
  ['/', "the host's whole filesystem"],
  ['/proc', 'host processes and kernel settings'],
  ['/sys', 'kernel, cgroup and device settings'],
  ['/boot', 'the kernel and boot loader'],
  ['/dev/shm', "the host's shared memory, where its processes exchange data"],
  ['/dev/log', "the host's log socket: the container can forge the host's logs"],
  ['/dev', 'host devices: disks, memory, terminals'],
  ['/root', "root's home: SSH keys and credentials"],
  ['/usr', 'host programs and libraries'],
  ['/bin', 'host programs'],
  ['/sbin', 'host system programs'],
  ['/lib', 'host libraries and kernel modules'],
  ['/lib32', 'host libraries'],
  ['/lib64', 'host libraries'],
  ['/var/lib/docker', "every container's and image's data"],
  ['/var/lib/containerd', "containerd's containers and images"],
  ['/var/lib/kubelet', "the kubelet's pods and their secrets"],
  ['/run', 'runtime sockets and state of host services'],
];

/**
 * In a home directory (`~`, `/home/<user>`), the whole home and its credential stores are sensitive; a project
 * directory below it (`~/src/app`) is not: mounting the code you work on is what compose is for.
 */
const HOME_CREDENTIALS: [path: string, what: string][] = [
  ['.ssh', 'SSH keys'],
  ['.aws', 'AWS credentials'],
  ['.azure', 'Azure credentials'],
  ['.config/gcloud', 'Google Cloud credentials'],
  ['.kube', 'Kubernetes credentials'],
  ['.docker', 'registry credentials'],
  ['.gnupg', 'GPG keys'],
  ['.netrc', 'login credentials'],
  ['.git-credentials', 'Git credentials'],
  ['.password-store', 'passwords'],
];
const HOME = /^(~|\/home(?:\/[^/]+)?)(\/.*)?$/;

/** Read-only system files that applications commonly need and that reveal nothing: not reported. */
const HARMLESS = [
  '/etc/localtime',
  '/etc/timezone',
  '/usr/share/zoneinfo',
  '/etc/ssl/certs',
  '/etc/pki/ca-trust',
  '/usr/share/ca-certificates',
  '/dev/null',
  '/dev/zero',
  '/dev/random',
  '/dev/urandom',
];

/** Container runtime control sockets (paths under `/var/run` are read as under `/run`, which it links to). */
const SOCKETS: [path: string, what: string][] = [
  ['/run/docker.sock', 'the Docker socket'],
  ['/run/podman/podman.sock', 'the Podman socket'],
  ['/run/containerd/containerd.sock', 'the containerd socket'],
  ['/run/crio/crio.sock', 'the CRI-O socket'],
  ['~/.docker/run/docker.sock', 'the Docker Desktop socket'],
  ['//./pipe/docker_engine', "the Docker engine's named pipe"],
];

/** Rootless Docker and Podman keep their sockets in the user's runtime directory. */
const USER_RUNTIME = /^\/run\/user\/\d+(?:\/(?:docker\.sock|podman(?:\/podman\.sock)?))?$/;

/**
 * Cleans a host path up the way the kernel resolves it: `\` as `/` on Windows, `//` and `/./` collapsed, `..`
 * resolved, trailing `/` dropped; `~` kept as the start of a home path. Relative paths stay relative (`./data`).
 */
export function normalizeHostPath(source: string): string {
  let text = source.trim().replace(/\\/g, '/');
  const pipe = text.startsWith('//./pipe/');
  if (pipe) return text.toLowerCase();
  let prefix = '';
  if (text === '~' || text.startsWith('~/')) {
    prefix = '~';
    text = text.slice(1);
  } else if (/^[A-Za-z]:\//.test(text)) {
    prefix = text.slice(0, 2).toLowerCase();
    text = text.slice(2);
  } else if (!text.startsWith('/')) {
    return trimTrailingSlashes(text) || text;
  }
  const segments: string[] = [];
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const path = '/' + segments.join('/');
  return prefix ? (path === '/' ? prefix : prefix + path) : path;
}

/** `path` is `parent` or below it; the root is only itself here (everything is below it). */
function within(path: string, parent: string): boolean {
  if (parent === '/') return path === '/';
  // No `parent + '/'`: this runs for every known path against every mount, and the concatenation allocated each time.
  return path === parent || (path.startsWith(parent) && path.charCodeAt(parent.length) === 47);
}

/** What a host path exposes to a container mounting it, whether read-only or not; undefined when nothing known. */
export function hostPathRisk(source: string): HostPathRisk | undefined {
  const normalized = normalizeHostPath(source);
  const path = normalized === '/var/run' || normalized.startsWith('/var/run/') ? normalized.slice('/var'.length) : normalized;

  for (const [socket, what] of SOCKETS) {
    if (path === socket) return { kind: 'socket', what };
    // The directory holding a socket hands it over as well; `/` and the home are reported as sensitive instead.
    if (socket.startsWith('/run/') && within(socket, path) && path !== '/') return { kind: 'socket', what: `the directory holding ${what}` };
  }
  if (USER_RUNTIME.test(path))
    return {
      kind: 'socket',
      what: path.endsWith('.sock') ? 'a rootless Docker or Podman socket' : 'the user runtime directory holding rootless Docker or Podman sockets',
    };

  if (HARMLESS.some((harmless) => within(path, harmless))) return undefined;
  const home = HOME.exec(path);
  if (home) {
    const [, homeDir, rest] = home;
    if (!rest)
      return {
        kind: 'sensitive',
        path: homeDir,
        what: homeDir === '/home' ? "users' homes: SSH keys and credentials" : 'a home directory: SSH keys and credentials',
      };
    for (const [store, what] of HOME_CREDENTIALS) {
      if (within(rest, '/' + store)) return { kind: 'sensitive', path: `${homeDir}/${store}`, what };
    }
    return undefined;
  }
  if (path === '/etc') return { kind: 'sensitive', path, what: HOST_CONFIGURATION };
  for (const [sensitive, what] of ETC_SYSTEM) {
    if (within(path, sensitive)) return { kind: 'sensitive', path: sensitive, what: `${HOST_CONFIGURATION.split(':')[0]}: ${what}` };
  }
  for (const [sensitive, what] of SENSITIVE) {
    if (within(path, sensitive)) return { kind: 'sensitive', path: sensitive, what };
  }
  // A directory that contains a sensitive path exposes it too: `/var` holds `/var/lib/docker`.
  for (const [sensitive, what] of SENSITIVE) {
    if (path.startsWith('/') && path !== '/' && within(sensitive, path)) return { kind: 'sensitive', path: sensitive, what: `${sensitive} inside it: ${what}` };
  }
  return undefined;
}
