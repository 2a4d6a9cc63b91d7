import type { Diagnostic, Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { LspSession } from './lsp-session';
import { Random } from '../../test/support/seeded-random';
import { progress } from './report';
import { summarize, type Summary } from './stats';
import { formatCount, formatMs, formatRatio } from './table';

/** Every dockguard rule (strict profile, a trusted-registry list), as in the engine benchmarks. */
export const DOCKGUARD_SETTINGS = { enable: true, profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] };

/** Node options for our server (BENCH_NODE_FLAGS, to try V8's settings). */
export const DOCKGUARD_NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/** How to start one server, and what it is given. */
export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  languageId: string;
  configuration?: (section: string | undefined) => unknown;
  initializationOptions?: unknown;
  /** Run once the server is initialised, before any document opens (settings a server only pulls when told). */
  prepare?: (session: LspSession) => Promise<void>;
}

export interface ServerResult {
  name: string;
  startup: number;
  open: number;
  diagnostics: number;
  edits: Summary;
  codeActions?: Summary;
  hovers?: Summary;
  peakRssMb?: number;
}

export interface ComparePlan {
  warmupEdits: number;
  measuredEdits: number;
  requests: number;
}

/**
 * Typing at different places: a character inserted, then deleted again by the next edit, at a fresh spot each
 * pair, so the text returns to the original every second edit and every server always sees the same documents.
 */
export function typingEdits(text: string, count: number, seed: number, characters = ['e', 'x', '1', '-', ' ', '$']): TextDocumentContentChangeEvent[] {
  const rng = new Random(seed);
  const lines = text.split('\n');
  const edits: TextDocumentContentChangeEvent[] = [];
  while (edits.length < count) {
    let line = rng.int(0, lines.length - 1);
    while (lines[line].trim() === '') line = (line + 1) % lines.length;
    const character = rng.int(0, lines[line].length);
    const start = { line, character };
    edits.push({ range: { start, end: start }, text: rng.pick(characters) });
    edits.push({ range: { start, end: { line, character: character + 1 } }, text: '' });
  }
  return edits.slice(0, count);
}

/** Hover spots: the first word of seeded random non-blank lines, the same for every server. */
export function hoverPositions(text: string, count: number, seed: number): Position[] {
  const rng = new Random(seed);
  const lines = text.split('\n');
  const positions: Position[] = [];
  while (positions.length < count) {
    let line = rng.int(0, lines.length - 1);
    while (lines[line].trim() === '') line = (line + 1) % lines.length;
    const character = lines[line].length - lines[line].trimStart().length + 1;
    positions.push({ line, character });
  }
  return positions;
}

/**
 * Starts every server fresh, opens the same file in each, sends the same edits to each (alternating which goes
 * first), then asks each for code actions on its own diagnostics and for hovers at the same spots.
 */
export async function compareServers(specs: ServerSpec[], uri: string, text: string, plan: ComparePlan, seed: number, label: string): Promise<ServerResult[]> {
  const sessions: LspSession[] = [];
  try {
    for (const spec of specs) {
      const session = await LspSession.start(spec.name, spec.command, spec.args, spec.configuration, spec.initializationOptions);
      sessions.push(session);
      await spec.prepare?.(session);
    }
    const opened: { latency: number; count: number }[] = [];
    for (let k = 0; k < sessions.length; k++) opened.push(await sessions[k].open(uri, specs[k].languageId, text));
    const edits = typingEdits(text, plan.warmupEdits + plan.measuredEdits, seed);
    const latencies: number[][] = sessions.map(() => []);
    const counts: number[] = sessions.map(() => 0);
    progress(`${label}: ${edits.length} edits to each server, alternating which goes first`);
    for (let i = 0; i < edits.length; i++) {
      for (let k = 0; k < sessions.length; k++) {
        const index = (i + k) % sessions.length;
        const { latency, count } = await sessions[index].change(uri, edits[i]);
        if (i >= plan.warmupEdits) latencies[index].push(latency);
        counts[index] = count;
      }
    }
    const actionTimes: number[][] = sessions.map(() => []);
    const hoverTimes: number[][] = sessions.map(() => []);
    const spots = hoverPositions(text, plan.requests, seed + 1);
    const rng = new Random(seed + 2);
    // Code actions where ours reports something (a peer may report nothing on these files): each server is asked
    // for that range with its own diagnostics there, as an editor asks when the cursor rests on a squiggle.
    const ours: Diagnostic[] = sessions[0].latest.get(uri) ?? [];
    for (let i = 0; i < plan.requests; i++) {
      const target = ours.length ? rng.pick(ours) : undefined;
      for (let k = 0; k < sessions.length; k++) {
        const index = (i + k) % sessions.length;
        if (target) {
          const own = (sessions[index].latest.get(uri) ?? []).filter((d) => rangesOverlap(d.range, target.range));
          actionTimes[index].push((await sessions[index].codeAction(uri, target.range, own)).latency);
        }
        hoverTimes[index].push((await sessions[index].hover(uri, spots[i])).latency);
      }
    }
    return sessions.map((session, i) => ({
      name: session.name,
      startup: session.startupMs,
      open: opened[i].latency,
      diagnostics: counts[i],
      edits: summarize(latencies[i]),
      codeActions: actionTimes[i].length ? summarize(actionTimes[i]) : undefined,
      hovers: summarize(hoverTimes[i]),
      peakRssMb: session.peakRssMb(),
    }));
  } finally {
    for (const session of sessions) await session.stop();
  }
}

function rangesOverlap(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

const mb = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(0)} MB`);
const ms = (summary: Summary | undefined) => (summary ? formatMs(summary.median) : 'n/a');
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '' : formatRatio(a / b));

/** Rows of the comparison table for one size: each server, then ours against each peer. */
export function comparisonRows(size: string, servers: ServerResult[]): string[][] {
  const rows: string[][] = [];
  for (const s of servers) {
    rows.push([
      size,
      s.name,
      formatMs(s.startup),
      formatMs(s.open),
      formatMs(s.edits.median),
      formatMs(s.edits.p95),
      ms(s.codeActions),
      ms(s.hovers),
      mb(s.peakRssMb),
      formatCount(s.diagnostics),
    ]);
  }
  const [ours, ...peers] = servers;
  for (const peer of peers) {
    rows.push([
      size,
      `ratio ${ours.name} / ${peer.name}`,
      ratio(ours.startup, peer.startup),
      ratio(ours.open, peer.open),
      ratio(ours.edits.median, peer.edits.median),
      ratio(ours.edits.p95, peer.edits.p95),
      ratio(ours.codeActions?.median, peer.codeActions?.median),
      ratio(ours.hovers?.median, peer.hovers?.median),
      ratio(ours.peakRssMb, peer.peakRssMb),
      '',
    ]);
  }
  return rows;
}

export const COMPARISON_COLUMNS = [
  'size',
  { header: 'server', align: 'left' as const },
  'startup',
  'open → diagnostics',
  'edit → diagnostics p50',
  'p95',
  'code action p50',
  'hover p50',
  'peak RSS',
  'diagnostics',
];
