/**
 * What the fuzzer starts from: every Dockerfile and compose file the repository holds (examples, the fenced
 * blocks of the rule pages and docs, the string literals of the tests, the rule tests' cases among them), the
 * fuzz regressions, and documents built from awkward pieces.
 */
import { codeUnitOrder, dedupe, docsCodeBlocks, exampleFiles, testLiterals, type NamedText } from '../corpus';
import type { Random } from '../seeded-random';
import type { DocumentKind } from '../../../server/src/engine/types';
import { FUZZ_REGRESSIONS } from './regressions';

export interface Seeds {
  dockerfile: NamedText[];
  compose: NamedText[];
}

const DOCKERFILE_LINE = /^[ \t]*(?:FROM|RUN|ARG|ENV|COPY|ADD|USER|ONBUILD|HEALTHCHECK|CMD|ENTRYPOINT|EXPOSE|WORKDIR|LABEL|SHELL|VOLUME|STOPSIGNAL)\b/im;
const COMPOSE_KEY = /(?:^|\n)\s*services:/;

export function loadSeeds(root: string): Seeds {
  const dockerfile = [
    ...docsCodeBlocks(root, 'dockerfile', codeUnitOrder),
    ...exampleFiles(root, (f) => /(?:^|[./-])dockerfile/i.test(f.split('/').pop() ?? ''), codeUnitOrder),
    ...testLiterals(root, (value) => (DOCKERFILE_LINE.test(value) ? { text: value } : undefined), codeUnitOrder),
  ];
  const compose = [
    ...docsCodeBlocks(root, 'ya?ml', codeUnitOrder),
    ...exampleFiles(root, (f) => /\.ya?ml$/i.test(f), codeUnitOrder),
    ...testLiterals(root, (value) => (COMPOSE_KEY.test(value) ? { text: value } : undefined), codeUnitOrder),
  ];
  FUZZ_REGRESSIONS.forEach((r, i) => (r.kind === 'dockerfile' ? dockerfile : compose).push({ name: `regression ${i + 1}: ${r.note}`, text: r.text }));
  return { dockerfile: dedupe(dockerfile), compose: dedupe(compose) };
}

// Documents built from awkward pieces: half-typed keywords, every kind of line break, quotes, variables, heredocs.
// prettier-ignore
const DOCKERFILE_PIECES = [
  'FROM ', 'alpine:3.20', ' AS build', '\n', '\r\n', '\r', ' \\\n', ' \\\r\n', ' \\\r', '# c\n', 'RUN ', 'curl -k https://x | sh', ' && ',
  'apt-get install -y curl', 'USER ', 'root', '0:0', 'ENV ', 'PASSWORD=hunter2', 'ARG ', 'TOKEN', '=', '"', "'", '$', '${', '}', '{',
  'COPY ', '--from=build ', 'id_rsa', ' /x', 'ADD ', 'https://x/y.tgz', '<<EOF', '\nEOF\n', '<<-"E"', 'ONBUILD ', 'HEALTHCHECK ', 'NONE',
  'CMD ["sh"]', '[', ']', ',', '\t', '\u0085', 'é', '😀', '\u2028', '# escape=`\n', '`\n', '# syntax=docker/dockerfile:1\n', 'EXPOSE 22',
  'SHELL ["pwsh"]', '# dockguard-ignore root-user -- x\n', '# hadolint ignore=DL3002\n', '$(', ')', '`', ' | ', ';', '--mount=type=cache,target=/var/cache/apt ',
  'apk add --no-cache ', 'pip install ', 'npm ci', 'ENTRYPOINT ', 'WORKDIR /app', 'sudo ', 'ssh', '\\', '#',
];
// prettier-ignore
const COMPOSE_PIECES = [
  'services:', '\n', '\r\n', '  ', '    ', 'web:', 'image: ', 'nginx', ':latest', 'privileged: true', 'ports:', '- "8080:80"', '- 5432:5432',
  'volumes:', '- /var/run/docker.sock:/var/run/docker.sock', '- ./data:/data:z', 'environment:', 'DB_PASSWORD: secret', '- TOKEN=ghp_123',
  'cap_add: [SYS_ADMIN', ']', '[', '{', '}', '&a', '*a', '<<: *a', 'extends: web', 'build: .', 'deploy:', 'resources:', 'limits:',
  'memory: 1G', 'security_opt:', '- seccomp:unconfined', 'user: root', '"', "'", '#', '# dockguard-ignore privileged -- x', ':', '-', '---',
  '...', '\t', '!!binary', '? ', '|', '>', 'é', '😀', '${WEB_PORT}', '${X:-8080}:80', 'published: ', 'target: 80', 'host_ip: 0.0.0.0',
  'network_mode: host', 'read_only: false', 'cap_drop: [ALL]', 'pids_limit: -1', 'x-base: &base', '\r', ',', 'logging:', 'driver: none',
];

export function fromPieces(kind: DocumentKind, rng: Random): string {
  const pieces = kind === 'dockerfile' ? DOCKERFILE_PIECES : COMPOSE_PIECES;
  let text = '';
  for (let i = rng.int(1, 60); i > 0; i--) text += rng.pick(pieces);
  return text;
}
