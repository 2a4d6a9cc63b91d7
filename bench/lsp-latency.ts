// Edit-to-diagnostics latency of our bundled server against dockerfile-language-server-nodejs, in one run.
// Run with `npm run bench` (it builds dist/server.js first).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { generateDockerfile } from './support/generate-dockerfile';
import { LspSession } from './support/lsp-session';
import { Random } from '../test/support/seeded-random';
import { emitSection, progress } from './support/report';
import { summarize, type Summary } from './support/stats';
import { formatCount, formatMs, formatRatio, renderTable } from './support/table';

const ROOT = path.resolve(__dirname, '..');
const DOCKGUARD = path.join(ROOT, 'dist', 'server.js');
const DOCKER_LANGSERVER = path.join(ROOT, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver');
const SIZES = [200, 2_000];
const MEASURED_EDITS = 100;
/** Edits before measuring, so both servers' code is optimised by V8 when timing starts. */
const WARMUP_EDITS = 30;

/** Every rule, as in the engine benchmark; docker-langserver's defaults already enable all of its checks. */
const DOCKGUARD_SETTINGS = { enable: true, profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] };

interface ServerResult {
  name: string;
  open: number;
  diagnostics: number;
  edits: Summary;
}

/**
 * Typing at different places: a character inserted, then deleted again by the next edit, at a fresh spot each
 * pair, so the text returns to the original every second edit and both servers always see the same documents.
 */
function typingEdits(text: string, count: number, seed: number): TextDocumentContentChangeEvent[] {
  const rng = new Random(seed);
  const lines = text.split('\n');
  const edits: TextDocumentContentChangeEvent[] = [];
  while (edits.length < count) {
    let line = rng.int(0, lines.length - 1);
    while (lines[line].trim() === '') line = (line + 1) % lines.length;
    const character = rng.int(0, lines[line].length);
    const start = { line, character };
    edits.push({ range: { start, end: start }, text: rng.pick(['e', 'x', '1', '-', ' ', '$']) });
    edits.push({ range: { start, end: { line, character: character + 1 } }, text: '' });
  }
  return edits.slice(0, count);
}

async function measureSize(lines: number, directory: string): Promise<ServerResult[]> {
  const text = generateDockerfile(lines);
  const folder = path.join(directory, `${lines}-lines`);
  fs.mkdirSync(folder);
  const file = path.join(folder, 'Dockerfile');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  const sessions = [
    await LspSession.start('dockguard', process.execPath, [DOCKGUARD, '--stdio'], (section) => (section === 'dockguard' ? DOCKGUARD_SETTINGS : null)),
    await LspSession.start('docker-langserver', process.execPath, [DOCKER_LANGSERVER, '--stdio']),
  ];
  try {
    const opened: { latency: number; count: number }[] = [];
    for (const session of sessions) opened.push(await session.open(uri, 'dockerfile', text));
    const edits = typingEdits(text, WARMUP_EDITS + MEASURED_EDITS, lines);
    const latencies: number[][] = sessions.map(() => []);
    const counts: number[] = sessions.map(() => 0);
    progress(`${formatCount(lines)} lines: ${edits.length} edits to each server, alternating which goes first`);
    for (let i = 0; i < edits.length; i++) {
      for (let k = 0; k < sessions.length; k++) {
        const index = (i + k) % sessions.length;
        const { latency, count } = await sessions[index].change(uri, edits[i]);
        if (i >= WARMUP_EDITS) latencies[index].push(latency);
        counts[index] = count;
      }
    }
    return sessions.map((session, i) => ({ name: session.name, open: opened[i].latency, diagnostics: counts[i], edits: summarize(latencies[i]) }));
  } finally {
    for (const session of sessions) await session.stop();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(DOCKGUARD)) throw new Error(`${DOCKGUARD} is missing: build first (node esbuild.mjs), or run npm run bench`);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockguard-bench-'));
  const results: { lines: number; servers: ServerResult[] }[] = [];
  try {
    for (const lines of SIZES) results.push({ lines, servers: await measureSize(lines, directory) });
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  emitSection(render(results));
}

function render(results: { lines: number; servers: ServerResult[] }[]): string {
  const rows: string[][] = [];
  for (const { lines, servers } of results) {
    const [ours, theirs] = servers;
    for (const s of servers) {
      rows.push([formatCount(lines), s.name, formatMs(s.open), formatMs(s.edits.median), formatMs(s.edits.p95), formatMs(s.edits.max), String(s.diagnostics)]);
    }
    rows.push([
      formatCount(lines),
      'ratio dockguard / docker-langserver',
      formatRatio(ours.open / theirs.open),
      formatRatio(ours.edits.median / theirs.edits.median),
      formatRatio(ours.edits.p95 / theirs.edits.p95),
      '',
      '',
    ]);
  }
  const table = renderTable(
    ['lines', { header: 'server', align: 'left' }, 'open → diagnostics', 'edit → diagnostics median', 'p95', 'max', 'diagnostics (unedited file)'],
    rows,
  );
  return [
    '## Language server: edit-to-diagnostics latency',
    '',
    `Both servers run at once as child processes over stdio, driven through the same client (\`vscode-languageserver-protocol\`). Each opens the generated Dockerfile from a file URI, then receives ${WARMUP_EDITS} warm-up and ${MEASURED_EDITS} measured single-character edits, each an incremental \`didChange\` with a new version: a character typed at a seeded random spot, then deleted again, every pair at a new spot. Latency runs from sending the change to receiving \`publishDiagnostics\` for that version (dockguard sends versions) or the next publication (docker-langserver sends none); each edit waits for its diagnostics before the next is sent, and the two servers alternate which goes first.`,
    '',
    table,
    '',
    'dockguard runs every rule (strict profile, a trusted-registry list); docker-langserver runs its default checks, all of them on. **Fairness:** docker-langserver 0.15 does not delay validation: its `onDidChangeTextDocument` handler applies the change and calls `validateTextDocument` at once (the configuration lookup it awaits is cached per document after the first request), and it has no debounce setting, so there was nothing to turn off. dockguard defers analysis by one `setImmediate` only to coalesce a burst of queued changes, which adds no wait when one change arrives at a time, as here.',
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
