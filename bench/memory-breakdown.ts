// Where the language server's memory goes: the heap after loading the engine, then after each benchmark file is
// analysed with its state kept (as the server keeps one per open document), then after the states are dropped.
// `node --expose-gc --import tsx bench/memory-breakdown.ts`
import { generateCompose } from './support/generate-compose';
import { generateDockerfile } from './support/generate-dockerfile';
import { renderTable } from './support/table';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
function heap(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

const rows: string[][] = [];
const base = heap();
const rssBase = process.memoryUsage().rss;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = require('../server/src/engine') as typeof import('../server/src/engine');
const config = engine.resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] });
engine.analyze('FROM alpine:3.20\n', { kind: 'dockerfile', config });
engine.analyze('services:\n  a:\n    image: x\n', { kind: 'compose', config });
const loaded = heap();
rows.push(['engine loaded (code objects, rule tables, knowledge)', mb(loaded - base), mb(process.memoryUsage().rss - rssBase)]);

const states: unknown[] = [];
let before = loaded;
for (const [kind, name, text] of [
  ...[20, 200, 2_000, 10_000].map(
    (lines) => ['dockerfile', `Dockerfile, ${lines} lines (${(generateDockerfile(lines).length / 1024).toFixed(0)} KB)`, generateDockerfile(lines)] as const,
  ),
  ...[3, 30, 300].map(
    (services) => ['compose', `compose, ${services} services (${(generateCompose(services).length / 1024).toFixed(0)} KB)`, generateCompose(services)] as const,
  ),
]) {
  const state = engine.createAnalysisState();
  const findings = engine.analyze(text, { kind, config, state });
  states.push(state, findings);
  const now = heap();
  rows.push([`+ ${name}: kept state and findings`, mb(now - before), '']);
  before = now;
}
const all = heap();
states.length = 0;
const dropped = heap();
rows.push(['every state dropped (documents closed)', mb(dropped - all), '']);
console.log(renderTable([{ header: 'step', align: 'left' }, 'heap', 'RSS'], rows));
