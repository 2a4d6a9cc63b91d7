/**
 * The inputs bench/compose-equivalence.ts analyses with two versions of the engine: generated compose files of
 * several sizes and seeds, every compose file the repository holds as an example, a rule page's example or a test
 * input, and seeded mutations of them that look like half-typed, pasted or oddly formatted files. Each input also
 * says how it is analysed (its URI, configuration, the files next to it), so `extends: { file }`, `build:` and
 * override files are exercised too. Deterministic: the same tree gives the same corpus.
 */
import * as path from 'node:path';
import { codeUnitOrder, dedupe, docsCodeBlocks, exampleFiles, testLiterals, type NamedText } from '../test/support/corpus';
import {
  crlfLineEnds,
  cutAtOffset,
  deleteCharacter,
  deleteLine,
  doubleLine,
  insertPoolLines,
  mutatedCopies,
  swapWithNextLine,
  type Edit,
} from '../test/support/mutation';
import { generateCompose } from './support/generate-compose';
import { Random } from '../test/support/seeded-random';

export interface ComposeCorpusEntry {
  /** Where the text comes from, to find it again when it differs. */
  name: string;
  text: string;
  /** undefined: analysed without a URI, so nothing next to it can be read. */
  uri?: string;
  /** Which configuration (see CONFIGS in compose-equivalence.ts). */
  config: 'strict' | 'custom';
}

const GENERATED_SIZES = [1, 2, 3, 5, 8, 13, 30, 60, 100];
const GENERATED_SEEDS = [0x5eed, 1, 2, 3, 4, 5];
const MUTATIONS_PER_INPUT = 5;

/** Where the analysed files live; FILES below are their neighbours. */
export const PROJECT_URI = '/w/project/compose.yaml';

export function buildComposeCorpus(root: string): ComposeCorpusEntry[] {
  const inputs = dedupe([...repositoryComposeFiles(root), ...testLiterals(root, composeLiteral, codeUnitOrder)]);
  const generated: NamedText[] = [];
  for (const services of GENERATED_SIZES)
    for (const seed of GENERATED_SEEDS) generated.push({ name: `generated ${services} services, seed ${seed}`, text: generateCompose(services, seed) });
  for (const seed of [0x5eed, 1]) generated.push({ name: `generated 300 services, seed ${seed}`, text: generateCompose(300, seed) });

  const unique = dedupe([...inputs, ...generated]);
  const pool = linePool(unique);
  const mutated = mutatedCopies(unique, new Random(0xc0de), pool, EDITS, { perInput: MUTATIONS_PER_INPUT, maxLength: 40_000, steps: (rng) => rng.int(1, 3) });

  // Most inputs as the compose file of a project; some without a URI, as an override file, or with another configuration.
  const variants = new Random(0xf11e);
  return dedupe([...unique, ...mutated]).map((entry) => {
    const roll = variants.next();
    const uri = roll < 0.1 ? undefined : roll < 0.16 ? '/w/project/compose.override.yaml' : PROJECT_URI;
    return { ...entry, uri, config: variants.chance(0.15) ? 'custom' : 'strict' };
  });
}

// ---- files next to the analysed one: Dockerfiles for `build:`, compose files for `extends: { file }` ----

const ROOT_DOCKERFILE = 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';
const NON_ROOT_DOCKERFILE =
  'FROM node:20.11-slim AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs20-debian12:nonroot AS runtime\nUSER 10001:10001\nCMD ["server.js"]\n';
const STAGED_DOCKERFILE = 'FROM alpine:3.20 AS runtime\nUSER app\nFROM alpine:3.20 AS debug\nUSER root\n';
const COMMON_COMPOSE = `x-hard: &hard
  read_only: true
  cap_drop: [ALL]
  security_opt: [no-new-privileges:true]
  pids_limit: 100
  deploy:
    resources:
      limits: { cpus: "1", memory: 1G }
services:
  base:
    <<: *hard
    image: ghcr.io/acme/base:1.0
  web:
    image: nginx:1.27
    privileged: true
    cap_add: [SYS_ADMIN]
  api:
    extends: base
    user: root
  worker:
    extends:
      file: ./more.yml
      service: core
  app:
    extends: base
  db:
    image: postgres:16
    read_only: false
`;
const MORE_COMPOSE = 'services:\n  core:\n    image: alpine:3.20\n    security_opt: ["no-new-privileges=false"]\n    pids_limit: -1\n    tmpfs: /tmp\n';

/** What the host can read next to the analysed file; anything else is unreadable, as a missing file is. */
export function readNeighbour(file: string): string | undefined {
  const name = file.replace(/\\/g, '/').replace(/^file:\/\//, '');
  if (!name.startsWith('/w/')) return undefined;
  const base = path.posix.basename(name);
  if (/dockerfile|containerfile/i.test(base)) {
    if (/api|prod/.test(name)) return NON_ROOT_DOCKERFILE;
    if (/worker|stage/.test(name)) return STAGED_DOCKERFILE;
    return ROOT_DOCKERFILE;
  }
  if (base === 'more.yml') return MORE_COMPOSE;
  if (/\.ya?ml$/.test(base) && !/missing|other/.test(base)) return COMMON_COMPOSE;
  return undefined;
}

// ---- the repository's compose files ----

function repositoryComposeFiles(root: string): NamedText[] {
  return [...docsCodeBlocks(root, 'ya?ml', codeUnitOrder), ...exampleFiles(root, (f) => /\.ya?ml$/i.test(f), codeUnitOrder)];
}

/** A test literal that holds a compose `services:` key. */
function composeLiteral(value: string): { text: string } | undefined {
  return /(?:^|\n)\s*services:/.test(value) ? { text: value } : undefined;
}

// ---- mutations ----

/** Lines that exercise the model's edge cases: anchors, merge keys, aliases, extends, flow style, variables, quotes. */
const FRAGMENTS = [
  '<<: *defaults',
  '<<: [*defaults, *hardened]',
  'x-base: &base',
  '  image: nginx:latest',
  '  privileged: true',
  'extends: web',
  'extends: { service: api }',
  'extends: { file: common.yml, service: base }',
  'extends: { file: missing.yml, service: base }',
  'extends: { file: ${DIR}/common.yml, service: base }',
  'build: .',
  'build: { context: ./services/api, dockerfile: Dockerfile, target: runtime }',
  'build: { dockerfile_inline: "FROM alpine:3.20" }',
  'image: ${REGISTRY:-ghcr.io}/acme/app:${TAG}',
  'image: redis',
  'user: root',
  'user: "0:0"',
  'read_only: ${RO:-false}',
  'read_only: "false"',
  'pids_limit: 0',
  'cap_add: [ALL]',
  'cap_drop: [CHOWN]',
  'security_opt: [seccomp=unconfined, "no-new-privileges:false"]',
  'ports: ["0.0.0.0:5432:5432", "[::]:2375:2375"]',
  'volumes: [/var/run/docker.sock:/var/run/docker.sock, ~/.ssh:/root/.ssh]',
  'environment: { DOCKER_HOST: tcp://docker:2375, DOCKER_TLS_CERTDIR: "" }',
  'command: dockerd -H tcp://0.0.0.0:2375',
  'network_mode: host',
  'logging: { driver: none }',
  'healthcheck: { disable: true }',
  'devices: [/dev/sda, "nvidia.com/gpu=all"]',
  'tmpfs: /tmp',
  '- SECRET_TOKEN=abc123def456ghi789',
  '- ./data:/data:rw,z',
  '- "80"',
  '&anchor',
  '*anchor',
  '# dockguard-ignore privileged -- reviewed',
  '# dockguard-ignore-next-line missing-cap-drop-all',
  '---',
  '"',
  "'",
  '{',
  '[',
  ':',
  '\t',
];

const SCALARS = ['true', 'false', 'host', 'root', 'latest', '${X:-1}', '"${Y}"', '*defaults', '-1', '0.0.0.0', '', '[]', '{}', "'quoted'", 'null'];

const indentOf = (line: string) => /^\s*/.exec(line)?.[0] ?? '';

/** A setting typed at the indentation of the line it goes before, as in a service being edited. */
const insertSetting: Edit = ({ lines, at }, rng) => {
  const fragment = rng.pick(FRAGMENTS);
  lines.splice(at, 0, indentOf(lines[at] ?? '') + fragment);
  return { text: lines.join('\n'), how: `${JSON.stringify(fragment)} inserted before line ${at + 1}` };
};

const replaceValue: Edit = ({ text, lines, at, offset }, rng) => {
  const line = lines[at] ?? '';
  const colon = line.indexOf(': ');
  if (colon < 0) return { text: text.slice(0, offset) + rng.pick(FRAGMENTS) + text.slice(offset), how: `fragment inserted at ${offset}` };
  const value = rng.pick(SCALARS);
  lines[at] = `${line.slice(0, colon + 2)}${value}`;
  return { text: lines.join('\n'), how: `value of line ${at + 1} set to ${JSON.stringify(value)}` };
};

const indentOrDedent: Edit = ({ lines, at }, rng) => {
  const line = lines[at] ?? '';
  lines[at] = rng.chance(0.5) ? `  ${line}` : line.replace(/^ {1,2}/, '');
  return { text: lines.join('\n'), how: `line ${at + 1} indented or dedented` };
};

/** An anchor on a mapping's key line and a merge of it further down: the resolution paths the model indexes. */
const anchorAndMerge: Edit = ({ text, lines, at }, rng) => {
  const keyLine = lines.findIndex((line, i) => i >= at && /^\s+[\w-]+:\s*$/.test(line));
  if (keyLine < 0) return { text: `${text}\n${rng.pick(FRAGMENTS)}`, how: 'fragment appended' };
  const name = `m${rng.int(1, 9)}`;
  lines[keyLine] = `${lines[keyLine]} &${name}`;
  const target = rng.int(keyLine + 1, lines.length);
  lines.splice(target, 0, `${indentOf(lines[target] ?? '')}<<: *${name}`);
  return { text: lines.join('\n'), how: `line ${keyLine + 1} anchored as ${name}, merged before line ${target + 1}` };
};

/** The edits a mutation picks from, settings typed in twice as likely as the others. */
const EDITS: Edit[] = [
  cutAtOffset,
  deleteLine,
  doubleLine,
  swapWithNextLine,
  insertPoolLines,
  insertSetting,
  insertSetting,
  replaceValue,
  crlfLineEnds,
  indentOrDedent,
  deleteCharacter,
  anchorAndMerge,
];

/** Lines of every input, to paste into others. */
function linePool(entries: { text: string }[]): string[] {
  const lines = new Set<string>();
  for (const entry of entries) for (const line of entry.text.split('\n')) if (line.trim()) lines.add(line);
  return [...lines].slice(0, 5_000);
}
