import { Random } from '../../test/support/seeded-random';

/**
 * Realistic compose files of an exact service count for the benchmarks: an application stack (web front ends,
 * APIs, workers, databases, caches, a proxy, monitoring agents) written the way teams write them, with shared
 * settings in `x-` anchors merged by `<<: *defaults`, a few `extends`, comments, images with and without tags,
 * `build:` in both forms, ports and volumes in the short and the long syntax, environment maps and lists (some
 * with secrets in plain text), `deploy.resources`, `security_opt`, capabilities and health checks. Mostly good
 * practice with the usual share of mistakes, so every compose rule has something to look at.
 * Deterministic: the same size and seed give the same text byte for byte.
 */
export function generateCompose(serviceCount: number, seed = 0x5eed): string {
  const rng = new Random(seed ^ (serviceCount * 0x9e37));
  const out: string[] = [
    `# Generated compose file: ${serviceCount} services (dockguard benchmark input, seeded).`,
    `name: shop-${serviceCount}`,
    '',
    ...ANCHORS,
    '',
    'services:',
  ];
  const names: string[] = [];
  const extendable: string[] = [];
  for (let index = 0; index < serviceCount; index++) {
    const role = ROLES[index < ROLES.length ? index : rng.int(0, ROLES.length - 1)];
    const name = `${role.name}-${index + 1}`;
    if (index > 0) out.push('');
    if (rng.chance(0.3)) out.push(`  # ${rng.pick(SERVICE_COMMENTS)}`);
    out.push(`  ${name}:`, ...service(rng, role, names, extendable).map((line) => `    ${line}`));
    names.push(name);
    if (role.extendable) extendable.push(name);
  }
  out.push('', ...topLevel(rng, serviceCount));
  return out.join('\n') + '\n';
}

/** Settings shared through anchors, as real files do: merged with `<<:` and aliased as whole values. */
const ANCHORS = [
  '# Settings every service shares; merged with `<<: *defaults`.',
  'x-defaults: &defaults',
  '  restart: unless-stopped',
  '  logging:',
  '    driver: json-file',
  '    options:',
  '      max-size: "10m"',
  '      max-file: "3"',
  '  security_opt:',
  '    - no-new-privileges:true',
  '',
  'x-hardened: &hardened',
  '  read_only: true',
  '  cap_drop: [ALL]',
  '  tmpfs:',
  '    - /tmp',
  '  pids_limit: 200',
  '',
  'x-limits: &small-limits',
  '  resources:',
  '    limits:',
  '      cpus: "0.50"',
  '      memory: 256M',
  '',
  'x-healthcheck: &http-healthcheck',
  '  test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]',
  '  interval: 30s',
  '  timeout: 5s',
  '  retries: 3',
  '',
  'x-env: &common-env',
  '  TZ: Europe/Paris',
  '  LOG_FORMAT: json',
  '  OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4317',
];

interface Role {
  name: string;
  /** Other services may `extends:` it. */
  extendable?: boolean;
  images: string[];
  port: number;
}

const ROLES: Role[] = [
  { name: 'web', extendable: true, images: ['nginx:1.27-alpine', 'nginx', 'nginxinc/nginx-unprivileged:1.27', 'caddy:2.8'], port: 8080 },
  {
    name: 'api',
    extendable: true,
    images: ['ghcr.io/acme/api:4.12.1', 'ghcr.io/acme/api:latest', 'registry.example.com/shop/api:${API_TAG:-2.3.0}'],
    port: 3000,
  },
  { name: 'worker', extendable: true, images: ['ghcr.io/acme/worker:4.12.1', 'python:3.12-slim', 'ghcr.io/acme/worker'], port: 9000 },
  { name: 'db', images: ['postgres:16.4', 'postgres:latest', 'mysql:8.4', 'mariadb:11'], port: 5432 },
  { name: 'cache', images: ['redis:7.4-alpine', 'redis', 'memcached:1.6'], port: 6379 },
  { name: 'queue', images: ['rabbitmq:3.13-management', 'nats:2.10'], port: 5672 },
  { name: 'proxy', images: ['traefik:v3.1', 'haproxy:3.0'], port: 443 },
  { name: 'agent', images: ['example/monitoring-agent:2.4', 'prom/node-exporter:v1.8.2', 'gcr.io/cadvisor/cadvisor:v0.49.1'], port: 9100 },
  { name: 'job', images: ['alpine:3.20', 'busybox', 'ghcr.io/acme/tools@sha256:6d2b7f5c1e4a3b2c9d8e7f60a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e'], port: 8000 },
];

const SERVICE_COMMENTS = [
  'Scaled horizontally behind the proxy.',
  'TODO: move to the managed instance once the migration is done.',
  'Keep the version in step with production.',
  'Only reachable from the internal network.',
  'Debug settings: do not ship.',
];

function service(rng: Random, role: Role, earlier: string[], extendable: string[]): string[] {
  const lines: string[] = [];
  const keys = new Set<string>();
  // A key written twice in one mapping is a YAML error: a block whose keys are taken is left out.
  const add = (block: string[]) => {
    const blockKeys = block.filter((line) => /^[a-z_<]/.test(line)).map((line) => line.slice(0, line.indexOf(':')));
    if (blockKeys.some((key) => keys.has(key))) return;
    for (const key of blockKeys) keys.add(key);
    lines.push(...block);
  };
  const merged = [rng.chance(0.8) ? '*defaults' : '', rng.chance(0.25) ? '*hardened' : ''].filter(Boolean);
  if (merged.length) add([`<<: ${merged.length === 1 ? merged[0] : `[${merged.join(', ')}]`}`]);
  const extendsBase = extendable.length > 0 && rng.chance(0.12) ? rng.pick(extendable) : undefined;
  if (extendsBase) add(rng.chance(0.5) ? [`extends: ${extendsBase}`] : ['extends:', `  service: ${extendsBase}`]);
  else if (role.extendable && rng.chance(0.35)) add(build(rng, role));
  else add([`image: ${rng.pick(role.images)}${rng.chance(0.15) ? '  # pinned by the platform team' : ''}`]);
  if (rng.chance(0.1)) add(risky(rng));
  if (rng.chance(0.4)) add(command(rng, role));
  if (rng.chance(0.7)) add(ports(rng, role));
  if (rng.chance(0.7)) add(volumes(rng, role));
  if (rng.chance(0.8)) add(environment(rng, role));
  if (rng.chance(0.6)) add(hardening(rng));
  if (rng.chance(0.6)) add(deploy(rng));
  if (rng.chance(0.5)) add(healthcheck(rng));
  if (rng.chance(0.3) && earlier.length > 0) add(['depends_on:', ...someOf(rng, earlier, 1, 3).map((name) => `  - ${name}`)]);
  if (rng.chance(0.5)) add(['networks:', `  - ${rng.pick(['front', 'back'])}`]);
  return lines;
}

function build(rng: Random, role: Role): string[] {
  const image = `ghcr.io/acme/${role.name}:${rng.int(1, 5)}.${rng.int(0, 20)}.${rng.int(0, 9)}`;
  if (rng.chance(0.4)) return [`build: ./services/${role.name}`, `image: ${image}`];
  const lines = ['build:', `  context: ./services/${role.name}`, `  dockerfile: ${rng.pick(['Dockerfile', 'docker/Dockerfile.prod', 'Containerfile'])}`];
  if (rng.chance(0.5)) lines.push('  target: runtime');
  if (rng.chance(0.5)) {
    lines.push('  args:', `    NODE_ENV: production`, `    GIT_SHA: ${hex(rng, 12)}`);
    if (rng.chance(0.25)) lines.push(`    NPM_TOKEN: npm_${hex(rng, 36)}`);
  }
  lines.push(`image: ${image}`);
  return lines;
}

function command(rng: Random, role: Role): string[] {
  return rng.pick([
    [`command: ["${role.name}", "--port", "${role.port}"]`],
    [`command: ${role.name} serve --workers ${rng.int(2, 8)}`],
    ['entrypoint: ["/sbin/tini", "--"]', `command: ["/app/${role.name}"]`],
    ['command:', `  - /app/${role.name}`, '  - --config=/etc/app/config.yaml'],
  ]);
}

function ports(rng: Random, role: Role): string[] {
  const published = role.port + rng.int(0, 50);
  const lines = ['ports:'];
  const roll = rng.next();
  if (roll < 0.3) lines.push(`  - "${published}:${role.port}"`);
  else if (roll < 0.55) lines.push(`  - "127.0.0.1:${published}:${role.port}"`);
  else if (roll < 0.7) lines.push(`  - ${published}:${role.port}/tcp`);
  else if (roll < 0.8) lines.push(`  - "\${${role.name.toUpperCase()}_PORT:-${published}}:${role.port}"`);
  else lines.push(`  - target: ${role.port}`, `    published: "${published}"`, `    host_ip: ${rng.pick(['127.0.0.1', '0.0.0.0'])}`, '    protocol: tcp');
  if (rng.chance(0.2)) lines.push(`  - ${rng.int(9000, 9999)}`);
  return lines;
}

function volumes(rng: Random, role: Role): string[] {
  const lines = ['volumes:'];
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    if (roll < 0.3) lines.push(`  - ${role.name}-data:/var/lib/${role.name}`);
    else if (roll < 0.5) lines.push(`  - ./config/${role.name}:/etc/${role.name}:ro`);
    else if (roll < 0.6) lines.push(`  - ./src:/app/src`);
    else if (roll < 0.68) lines.push(`  - \${DATA_DIR:-./data}/${role.name}:/data:z`);
    else if (roll < 0.72) lines.push('  - /var/run/docker.sock:/var/run/docker.sock:ro');
    else if (roll < 0.75) lines.push('  - /etc:/host/etc:ro');
    else if (roll < 0.9) lines.push('  - type: bind', `    source: ./certs`, `    target: /etc/ssl/private`, `    read_only: ${rng.chance(0.7)}`);
    else lines.push('  - type: volume', `    source: ${role.name}-cache`, '    target: /cache', '    volume:', '      nocopy: true');
  }
  return lines;
}

const PLAIN_SECRETS = [
  ['DB_PASSWORD', 'Sup3r-s3cret-pr0d'],
  ['API_TOKEN', 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB'],
  ['SECRET_KEY', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
  ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
];

function environment(rng: Random, role: Role): string[] {
  const leaky = rng.chance(0.15) ? rng.pick(PLAIN_SECRETS) : undefined;
  if (rng.chance(0.6)) {
    const lines = ['environment:'];
    if (rng.chance(0.5)) lines.push('  <<: *common-env');
    lines.push(`  PORT: "${role.port}"`, `  LOG_LEVEL: ${rng.pick(['info', 'debug', 'warn'])}`, `  DATABASE_URL: postgres://app@db-4:5432/app`);
    lines.push(`  DB_PASSWORD_FILE: /run/secrets/db_password`, `  API_KEY: \${API_KEY}`);
    if (leaky) lines.push(`  ${leaky[0]}: "${leaky[1]}"`);
    if (role.name === 'db') lines.push(`  POSTGRES_PASSWORD: ${rng.chance(0.5) ? 'changeme' : '${POSTGRES_PASSWORD:?set it}'}`);
    return lines;
  }
  const lines = [
    'environment:',
    `  - PORT=${role.port}`,
    '  - NODE_ENV=production',
    '  - SESSION_SECRET',
    `  - FEATURE_FLAGS=${rng.pick(['search,checkout', 'none'])}`,
  ];
  if (leaky) lines.push(`  - ${leaky[0]}=${leaky[1]}`);
  return lines;
}

function hardening(rng: Random): string[] {
  if (rng.chance(0.3)) return ['# The hardened profile, written out: tmpfs sized for uploads.', ...HARDENED_INLINE];
  const lines: string[] = [];
  if (rng.chance(0.6)) lines.push('read_only: true');
  if (rng.chance(0.6)) lines.push('cap_drop:', '  - ALL');
  if (rng.chance(0.4)) lines.push(`cap_add: [${rng.pick(['NET_BIND_SERVICE', 'CHOWN, SETUID', 'NET_ADMIN', 'SYS_PTRACE'])}]`);
  if (rng.chance(0.5)) lines.push('security_opt:', '  - no-new-privileges:true', ...(rng.chance(0.2) ? ['  - apparmor:docker-default'] : []));
  if (rng.chance(0.3)) lines.push(`pids_limit: ${rng.pick(['100', '200', '-1'])}`);
  if (rng.chance(0.3)) lines.push(`user: "${rng.pick(['10001:10001', '1000', 'root', 'node'])}"`);
  return lines;
}

/** The hardened settings written out in a service, with a comment saying where they come from. */
const HARDENED_INLINE = ['read_only: true', 'cap_drop: [ALL]', 'tmpfs:', '  - /tmp:size=64m', 'user: "10001:10001"'];

function deploy(rng: Random): string[] {
  if (rng.chance(0.3)) return ['deploy:', '  <<: *small-limits', `  replicas: ${rng.int(1, 4)}`];
  const lines = ['deploy:', `  replicas: ${rng.int(1, 6)}`, '  resources:', '    limits:', `      cpus: "${rng.pick(['0.25', '0.50', '1', '2'])}"`];
  if (rng.chance(0.7)) lines.push(`      memory: ${rng.pick(['128M', '512M', '1G', '2G'])}`);
  if (rng.chance(0.4)) lines.push('      pids: 200');
  if (rng.chance(0.5)) lines.push('    reservations:', '      memory: 64M');
  if (rng.chance(0.3)) lines.push('  restart_policy:', '    condition: on-failure', '    max_attempts: 3');
  return lines;
}

function healthcheck(rng: Random): string[] {
  const roll = rng.next();
  if (roll < 0.4) return ['healthcheck: *http-healthcheck'];
  if (roll < 0.85) {
    return [
      'healthcheck:',
      `  test: ["CMD-SHELL", "curl -fsS http://localhost:${rng.int(3000, 9000)}/health || exit 1"]`,
      '  interval: 10s',
      '  start_period: 20s',
    ];
  }
  return rng.chance(0.5) ? ['healthcheck:', '  disable: true'] : ['healthcheck:', '  test: ["NONE"]'];
}

/** The classic mistakes, rarely: privileged agents, host namespaces, devices, discarded logs. */
function risky(rng: Random): string[] {
  return rng.pick([
    ['privileged: true', 'pid: host'],
    ['network_mode: host'],
    ['cap_add:', '  - SYS_ADMIN', 'security_opt:', '  - seccomp:unconfined'],
    ['devices:', '  - /dev/fuse:/dev/fuse', 'ipc: host'],
    ['logging:', '  driver: none'],
    ['environment:', '  DOCKER_HOST: tcp://docker:2375'],
  ]);
}

function topLevel(rng: Random, serviceCount: number): string[] {
  const roles = ROLES.slice(0, Math.min(serviceCount, ROLES.length));
  return [
    'networks:',
    '  front: {}',
    '  back:',
    '    internal: true',
    '',
    'volumes:',
    ...roles.flatMap((role) => [`  ${role.name}-data: {}`, `  ${role.name}-cache:`, '    driver: local']),
    '  shared-host:',
    '    driver_opts:',
    '      type: none',
    '      o: bind',
    `      device: ${rng.pick(['/srv/shared', '/var/lib/docker'])}`,
    '',
    'secrets:',
    '  db_password:',
    '    file: ./secrets/db_password.txt',
  ];
}

function someOf(rng: Random, items: readonly string[], min: number, max: number): string[] {
  const count = Math.min(rng.int(min, max), items.length);
  const start = rng.int(0, items.length - 1);
  return Array.from({ length: count }, (_, i) => items[(start + i) % items.length]);
}

function hex(rng: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[rng.int(0, 15)];
  return out;
}
