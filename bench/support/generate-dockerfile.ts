import { Random } from '../../test/support/seeded-random';

/**
 * Realistic Dockerfiles of an exact line count for the benchmarks: multi-stage builds with FROM lines that use
 * ARGs and earlier stages, RUNs chained with `&&` over `\` continuations (comment lines inside them too), heredoc
 * RUNs, ENV/ARG, COPY/ADD, USER, comments; mostly good practice with the usual share of mistakes, so the rules
 * have real findings to report. Deterministic: the same size and seed give the same text byte for byte.
 */
export function generateDockerfile(lineCount: number, seed = 0x5eed): string {
  const rng = new Random(seed ^ lineCount);
  const out: string[] = [...preamble(lineCount)];
  const ending = finalLines(rng);
  const stageNames: string[] = [];
  const room = () => lineCount - ending.length - out.length;

  while (room() >= 3) {
    const index = stageNames.length;
    const name = `${rng.pick(STAGE_ROLES)}-${index}`;
    if (index > 0) out.push('');
    out.push(fromLine(rng, name, stageNames));
    stageNames.push(name);
    const stageSize = rng.int(25, 70);
    let used = 0;
    while (used < stageSize) {
      // Most stages start by installing packages.
      const block = used === 0 ? rng.pick([aptInstall, apkAdd, heredocRun])(rng) : pickBlock(rng, stageNames);
      if (block.length > room()) break;
      out.push(...block);
      used += block.length;
    }
    // Too little room for another block: top up this, the final stage, with one-line instructions.
    if (room() < 12) {
      while (room() > 0) out.push(fillerLine(rng));
      break;
    }
  }
  while (room() > 0) out.push(fillerLine(rng));
  out.push(...ending);
  if (out.length !== lineCount) throw new Error(`generated ${out.length} lines, wanted ${lineCount}`);
  return out.join('\n') + '\n';
}

const STAGE_ROLES = ['deps', 'build', 'test', 'assets', 'tools', 'runtime'];

function preamble(lineCount: number): string[] {
  const lines = ['# syntax=docker/dockerfile:1.7', 'ARG NODE_VERSION=20.11.1', 'ARG BASE_IMAGE=debian:bookworm-slim'];
  if (lineCount >= 100) lines.push('ARG GO_VERSION=1.22', 'ARG APP_UID=10001', '# Build stages first; the last stage is the image that ships.');
  return lines;
}

function fromLine(rng: Random, name: string, earlier: string[]): string {
  const platform = rng.chance(0.1) ? '--platform=$BUILDPLATFORM ' : '';
  if (earlier.length > 0 && rng.chance(0.2)) return `FROM ${rng.pick(earlier)} AS ${name}`;
  const image = rng.pick([
    'node:${NODE_VERSION}-bookworm-slim',
    '${BASE_IMAGE}',
    'golang:${GO_VERSION}-alpine',
    'python:3.12-slim',
    'rust:1.77',
    'registry.example.com/platform/base:2024.03',
    'alpine:3.19@sha256:c5b1261d6d3e43071626931fc004f70149baeba2c8ec672bd4f27761f8e1ad6b',
    'ubuntu',
    'nginx:latest',
    'gcr.io/distroless/static-debian12:nonroot',
  ]);
  return `FROM ${platform}${image} AS ${name}`;
}

function pickBlock(rng: Random, stages: string[]): string[] {
  const roll = rng.next();
  if (roll < 0.14) return aptInstall(rng);
  if (roll < 0.2) return apkAdd(rng);
  if (roll < 0.3) return heredocRun(rng);
  if (roll < 0.38) return download(rng);
  if (roll < 0.48) return variables(rng);
  if (roll < 0.6) return copies(rng, stages);
  if (roll < 0.66) return userSetup(rng);
  if (roll < 0.74) return comments(rng);
  if (roll < 0.84) return languageBuild(rng);
  if (roll < 0.92) return continuedScript(rng);
  return [fillerLine(rng), fillerLine(rng)];
}

const PACKAGES = ['ca-certificates', 'curl', 'git', 'gnupg', 'build-essential', 'libpq-dev', 'tini', 'unzip', 'jq', 'openssl', 'locales', 'tzdata'];

function someOf(rng: Random, items: readonly string[], min: number, max: number): string[] {
  const count = rng.int(min, max);
  const start = rng.int(0, items.length - 1);
  return Array.from({ length: count }, (_, i) => items[(start + i) % items.length]);
}

function aptInstall(rng: Random): string[] {
  const careful = rng.chance(0.75);
  const lines = ['RUN apt-get update \\', `    && apt-get install -y${careful ? ' --no-install-recommends' : ''} \\`];
  for (const pkg of someOf(rng, PACKAGES, 2, 6)) lines.push(`        ${pkg} \\`);
  if (rng.chance(0.1)) lines.push('        openssh-server \\');
  lines.push(careful ? '    && rm -rf /var/lib/apt/lists/*' : '    && echo done');
  return lines;
}

function apkAdd(rng: Random): string[] {
  const pkgs = someOf(rng, ['tini', 'su-exec', 'bash', 'curl', 'ca-certificates', 'git', 'openssl'], 2, 4).join(' ');
  return [rng.chance(0.8) ? `RUN apk add --no-cache ${pkgs}` : `RUN apk update && apk add ${pkgs}`];
}

function heredocRun(rng: Random): string[] {
  if (rng.chance(0.25)) {
    return ['COPY <<EOF /etc/app/config.ini', '[server]', `port = ${rng.int(3000, 9000)}`, 'log_level = info', 'EOF'];
  }
  const shell = rng.pick(['', ' bash', ' sh -e']);
  return [
    `RUN <<EOF${shell}`,
    'set -eux',
    `mkdir -p /app/data /app/logs /app/tmp-${rng.int(1, 99)}`,
    'if [ -f /app/requirements.txt ]; then',
    '  pip install --no-cache-dir -r /app/requirements.txt',
    'fi',
    'chown -R app:app /app',
    'EOF',
  ];
}

function download(rng: Random): string[] {
  const version = `${rng.int(1, 4)}.${rng.int(0, 20)}.${rng.int(0, 9)}`;
  const roll = rng.next();
  if (roll < 0.15) return [`RUN curl -fsSL https://get.example.com/install-${version}.sh | sh`];
  if (roll < 0.22)
    return [`RUN wget --no-check-certificate -qO /tmp/tool.tgz https://downloads.example.com/tool-${version}.tgz && tar -xzf /tmp/tool.tgz -C /usr/local/bin`];
  if (roll < 0.3) return [`ADD https://downloads.example.com/tool-${version}.tar.gz /tmp/tool.tar.gz`];
  return [
    `ARG TOOL_VERSION=${version}`,
    'RUN curl -fsSLo /tmp/tool.tar.gz "https://downloads.example.com/tool-${TOOL_VERSION}.tar.gz" \\',
    `    && echo "${hex(rng, 64)}  /tmp/tool.tar.gz" | sha256sum -c - \\`,
    '    && tar -xzf /tmp/tool.tar.gz -C /usr/local/bin tool \\',
    '    && rm /tmp/tool.tar.gz',
  ];
}

function variables(rng: Random): string[] {
  const lines = [`ARG BUILD_REF=${hex(rng, 12)}`, `ENV APP_HOME=/app \\`, '    PATH=/app/bin:$PATH \\', `    LOG_LEVEL=${rng.pick(['info', 'debug', 'warn'])}`];
  if (rng.chance(0.15)) lines.push(`ENV DATABASE_PASSWORD=${rng.pick(['changeme', 'S3cr3t-pa55', 'hunter2-prod'])}`);
  if (rng.chance(0.1)) lines.push(`ARG NPM_TOKEN=npm_${hex(rng, 36)}`);
  lines.push(`LABEL org.opencontainers.image.revision="${hex(rng, 40)}"`);
  return lines;
}

function copies(rng: Random, stages: string[]): string[] {
  const lines = ['WORKDIR /app', 'COPY --chown=app:app package.json package-lock.json ./'];
  if (stages.length > 1) lines.push(`COPY --from=${rng.pick(stages.slice(0, -1))} /out/ /usr/local/bin/`);
  if (rng.chance(0.2)) lines.push('ADD vendor.tar.gz /opt/vendor/');
  if (rng.chance(0.1)) lines.push('COPY id_rsa /root/.ssh/id_rsa');
  if (rng.chance(0.15)) lines.push('ADD config/ /etc/app/');
  lines.push('COPY --chown=app:app . .');
  return lines;
}

function userSetup(rng: Random): string[] {
  const lines = ['RUN groupadd --system app \\', '    && useradd --system --gid app --uid 10001 --home-dir /app app'];
  if (rng.chance(0.3)) lines.push('USER root', 'RUN sudo chown -R app:app /app');
  lines.push(rng.chance(0.5) ? 'USER app' : 'USER ${APP_UID:-10001}:10001');
  return lines;
}

function comments(rng: Random): string[] {
  return someOf(
    rng,
    [
      '# Dependencies change less often than sources: keep them in their own layer.',
      '# Pin versions so rebuilds are reproducible.',
      '# TODO: move to a distroless runtime once the healthcheck no longer needs a shell.',
      '# The cache mount keeps downloaded packages out of the layer.',
      '#',
    ],
    1,
    3,
  );
}

function languageBuild(rng: Random): string[] {
  return rng.pick([
    ['RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev', 'RUN npm run build && npm prune --omit=dev'],
    ['COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt'],
    ['RUN pip install --trusted-host pypi.example.com -r requirements.txt'],
    ['ENV CGO_ENABLED=0', 'RUN --mount=type=cache,target=/go/pkg/mod go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app'],
    ['RUN cargo build --release --locked', 'RUN strip target/release/app'],
    ['RUN ["/bin/sh", "-c", "npm config set fund false && npm ci"]'],
  ]);
}

function continuedScript(rng: Random): string[] {
  return [
    'RUN set -eux; \\',
    '    # shallow clone: history is not needed in the image',
    `    git clone --depth 1 --branch v${rng.int(1, 9)}.${rng.int(0, 30)} https://github.com/example/project.git /src; \\`,
    '    cd /src; \\',
    '    ./configure --prefix=/usr/local \\',
    '        --disable-docs; \\',
    '    make -j"$(nproc)"; \\',
    '    make install; \\',
    '    rm -rf /src',
  ];
}

function fillerLine(rng: Random): string {
  return rng.pick([
    `ENV FEATURE_${rng.int(1, 999)}=enabled`,
    `LABEL com.example.build="${rng.int(1000, 9999)}"`,
    '# keep this layer small',
    'WORKDIR /app',
    `EXPOSE ${rng.int(3000, 9000)}`,
    `ARG CACHE_BUST=${rng.int(1, 99999)}`,
  ]);
}

function finalLines(rng: Random): string[] {
  return [
    'USER app',
    `EXPOSE ${rng.int(3000, 9000)}`,
    'HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/app", "healthcheck"]',
    'ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/app"]',
  ];
}

function hex(rng: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += '0123456789abcdef'[rng.int(0, 15)];
  return text;
}
