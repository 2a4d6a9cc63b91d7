// Our bundled server against dockerfile-language-server-nodejs on the same Dockerfiles and keystrokes, in one
// run: edit-to-diagnostics p50/p95, code action and hover p50, startup and peak RSS.
// Run with `npm run bench` (it builds dist/server.js first); `BENCH_SIZES=200,2000` picks sizes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDockerfile } from './support/generate-dockerfile';
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

const ROOT = path.resolve(__dirname, '..');
const DOCKGUARD = path.join(ROOT, 'dist', 'server.js');
const DOCKER_LANGSERVER = path.join(ROOT, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver');
const SIZES = (process.env.BENCH_SIZES ?? '20,200,2000,10000').split(',').map(Number);
/** Edits before measuring, so both servers' code is optimised by V8 when timing starts. */
const WARMUP_EDITS = 30;
const measuredEdits = (lines: number) => (lines >= 10_000 ? 60 : 100);
const REQUESTS = 40;

const SERVERS: ServerSpec[] = [
  {
    name: 'dockguard',
    command: process.execPath,
    args: [...DOCKGUARD_NODE_FLAGS, DOCKGUARD, '--stdio'],
    languageId: 'dockerfile',
    configuration: (section) => (section === 'dockguard' ? DOCKGUARD_SETTINGS : null),
  },
  { name: 'docker-langserver', command: process.execPath, args: [DOCKER_LANGSERVER, '--stdio'], languageId: 'dockerfile' },
];

async function main(): Promise<void> {
  if (!fs.existsSync(DOCKGUARD)) throw new Error(`${DOCKGUARD} is missing: build first (node esbuild.mjs), or run npm run bench`);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockguard-bench-'));
  const results: { lines: number; servers: ServerResult[] }[] = [];
  try {
    for (const lines of SIZES) {
      const folder = path.join(directory, `${lines}-lines`);
      fs.mkdirSync(folder);
      const file = path.join(folder, 'Dockerfile');
      const text = generateDockerfile(lines);
      fs.writeFileSync(file, text);
      const plan = { warmupEdits: WARMUP_EDITS, measuredEdits: measuredEdits(lines), requests: REQUESTS };
      results.push({ lines, servers: await compareServers(SERVERS, pathToFileURL(file).href, text, plan, lines, `${formatCount(lines)} lines`) });
    }
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  emitSection(render(results));
}

function render(results: { lines: number; servers: ServerResult[] }[]): string {
  const rows = results.flatMap(({ lines, servers }) => comparisonRows(`${formatCount(lines)} lines`, servers));
  return [
    '## Language server: Dockerfiles against dockerfile-language-server-nodejs',
    '',
    `Both servers run at once as child processes over stdio, fresh for each size, driven through the same client (\`vscode-languageserver-protocol\`). *Startup* runs from spawning the process to the \`initialize\` result. Each server opens the generated Dockerfile from a file URI, then receives ${WARMUP_EDITS} warm-up and 100 measured single-character edits (60 at 10,000 lines), each an incremental \`didChange\` with a new version: a character typed at a seeded random spot, then deleted again, every pair at a new spot. Latency runs from sending the change to receiving \`publishDiagnostics\` for that version (dockguard sends versions) or the next publication (docker-langserver sends none); each edit waits for its diagnostics before the next is sent, and the servers alternate which goes first. Then ${REQUESTS} code action requests, each on one of the server's own diagnostics picked at random, and ${REQUESTS} hovers on the first word of random lines (the same for both). *Peak RSS* is the server process's high-water mark (VmHWM) at the end.`,
    '',
    renderTable(COMPARISON_COLUMNS, rows),
    '',
    'dockguard runs every rule (strict profile, a trusted-registry list); docker-langserver runs its default checks, all of them on. **Fairness:** docker-langserver 0.15 does not delay validation: its `onDidChangeTextDocument` handler applies the change and calls `validateTextDocument` at once, and it has no debounce setting, so there was nothing to turn off. dockguard defers analysis by one turn of the event loop only to coalesce a burst of queued changes, which adds no wait when one change arrives at a time, as here.',
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
