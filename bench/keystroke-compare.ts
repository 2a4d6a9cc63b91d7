// Per-keystroke analysis time of the working tree against a baseline commit, in the same run: what a growing
// catalogue costs on every keystroke. Each engine runs in its own worker process with the document's kept state
// (as the language server keeps it); the two are asked for a batch of keystrokes in turn, alternating which goes
// first, so load swings hit both alike. Then each rule's share of a keystroke, new rules marked.
// `node --import tsx bench/keystroke-compare.ts [commit=4356a21] [dockerfile:200,dockerfile:2000,compose:30,compose:300]`;
// `BENCH_AGAINST=main` measures that commit instead of the working tree. `BENCH_CONTEXT=1` analyses the Dockerfile
// as the language server does, with a file name and a host that answers reads and folder listings from memory
// (a project folder with .git, .env and a .dockerignore; stable answers, as the server's cache gives).
// `BENCH_ENTRYPOINT=1` ends the Dockerfiles as root with an entrypoint script copied onto PATH
// (`COPY docker-entrypoint.sh /usr/local/bin/`), which both engines may read through an in-memory reader that
// counts its reads: root-user's cross-file path.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { baselineTree, loadEngine, shortCommit } from './support/equivalence';
import { generateCompose } from './support/generate-compose';
import { generateDockerfile } from './support/generate-dockerfile';
import { typingEdits } from './support/lsp-compare';
import { summarize } from './support/stats';
import { formatMs, formatRatio, renderTable } from './support/table';
import { nowMs } from './support/timing';

const ROOT = path.resolve(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const BATCH = Number(process.env.BENCH_BATCH ?? 20);
const WARMUP = 300;
const PHASE_KEYSTROKES = 400;

type Kind = 'dockerfile' | 'compose';
interface Edit {
  start: number;
  end: number;
  text: string;
}
type Request = { setup: { kind: Kind; text: string; edits: Edit[] } } | { run: number } | { phases: number } | { exit: true };
type Reply = { ready: true; rules: string[] } | { times: number[] } | { phases: Record<string, number> };

// --- worker: one engine, one document, keystrokes on request ------------------------------------------------

interface EngineRule {
  meta: { id: string };
  check?: (...args: unknown[]) => void;
  checkInstruction?: (...args: unknown[]) => void;
  checkShellSource?: (...args: unknown[]) => void;
}
interface Engine {
  analyze(text: string, options: object): unknown;
  createAnalysisState(): unknown;
  resolveConfig(config: object): unknown;
  dockerfileRules: EngineRule[];
  composeRules: EngineRule[];
}

async function worker(engineRoot: string): Promise<void> {
  const engine = (await loadEngine(engineRoot, 'index.ts')) as Engine;
  const config = engine.resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] });
  let keystroke: () => void = () => undefined;
  let rules: EngineRule[] = [];
  const send = (reply: Reply) => process.send!(reply);
  process.on('message', (request: Request) => {
    if ('setup' in request) {
      const { kind, text, edits } = request.setup;
      rules = kind === 'dockerfile' ? engine.dockerfileRules : engine.composeRules;
      const state = engine.createAnalysisState();
      let current = text;
      let next = 0;
      const host = process.env.BENCH_ENTRYPOINT ? { uri: 'file:///bench/Dockerfile', readFile: benchReader } : process.env.BENCH_CONTEXT ? benchContext() : {};
      engine.analyze(current, { kind, config, state, ...host });
      keystroke = () => {
        // Every other edit restores the original text, so the offsets of the next pair stay right.
        const edit = edits[next++ % edits.length];
        current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
        engine.analyze(current, { kind, config, state, ...host });
      };
      for (let i = 0; i < WARMUP; i++) keystroke();
      send({ ready: true, rules: rules.map((r) => r.meta.id) });
    } else if ('run' in request) {
      const times: number[] = [];
      for (let i = 0; i < request.run; i++) {
        const start = nowMs();
        keystroke();
        times.push(nowMs() - start);
      }
      send({ times });
    } else if ('phases' in request) {
      send({ phases: rulePhases(rules, keystroke, request.phases) });
    } else {
      process.exit(0);
    }
  });
}

/** A project folder the way the server's cache answers for it: the same listing objects every time. */
function benchContext(): object {
  const root = 'file:///bench/project';
  const names = (prefix: string, count: number, extension: string) => Array.from({ length: count }, (_, i) => `${prefix}${i}${extension}`);
  const listings = new Map<string, { name: string; directory: boolean }[]>();
  const folder = (path: string, files: string[], folders: string[] = []) =>
    listings.set(path ? `${root}/${path}` : root, [
      ...files.map((name) => ({ name, directory: false })),
      ...folders.map((name) => ({ name, directory: true })),
    ]);
  folder(
    '',
    ['Dockerfile', '.dockerignore', '.env', 'package.json', 'package-lock.json', 'README.md', 'tsconfig.json', '.eslintrc.json', 'LICENSE'],
    ['.git', '.github', 'src', 'test', 'docs', 'scripts', 'node_modules'],
  );
  folder('.github', [], ['workflows']);
  folder('src', names('module', 40, '.ts'), ['lib', 'routes']);
  folder('test', names('case', 30, '.test.ts'), ['fixtures']);
  folder('docs', names('page', 12, '.md'));
  folder('scripts', names('script', 6, '.sh'));
  const files = new Map([[`${root}/.dockerignore`, 'node_modules\n.git\n']]);
  return { uri: `${root}/Dockerfile`, readFile: (uri: string) => files.get(uri), listDirectory: (uri: string) => listings.get(uri) };
}

/** An official-image style entrypoint (a conditional gosu drop after a chown), as a host's cache hands it out. */
const BENCH_SCRIPT =
  '#!/usr/bin/env bash\nset -Eeo pipefail\n' +
  Array.from({ length: 300 }, (_, i) => `setting_${i}() {\n\tlocal value="\${${'VAR'}_${i}:-default}"\n\techo "$value" >> /tmp/settings\n}\n`).join('') +
  'if [ "$1" = \'server\' ] && [ "$(id -u)" = \'0\' ]; then\n\tfind /data \\! -user app -exec chown app \'{}\' +\n\texec gosu app "$BASH_SOURCE" "$@"\nfi\nexec "$@"\n';
let benchReads = 0;
function benchReader(uri: string): string | undefined {
  benchReads++;
  return uri === 'file:///bench/docker-entrypoint.sh' ? BENCH_SCRIPT : undefined;
}

/** The generated Dockerfile's ending (USER, EXPOSE, HEALTHCHECK, ENTRYPOINT) as root with an entrypoint script, same line count. */
function endingWithEntrypointScript(text: string): string {
  const lines = text.split('\n');
  const user = lines.lastIndexOf('USER app');
  const entrypoint = lines.map((line) => line.startsWith('ENTRYPOINT ')).lastIndexOf(true);
  if (user < 0 || entrypoint < 0) throw new Error('the generated Dockerfile no longer ends as expected');
  lines[user] = 'COPY docker-entrypoint.sh /usr/local/bin/';
  lines[entrypoint] = 'ENTRYPOINT ["docker-entrypoint.sh"]';
  return lines.join('\n');
}

/** Each rule's time per keystroke (all its checks), by wrapping them; the total is every keystroke's whole time. */
function rulePhases(rules: EngineRule[], keystroke: () => void, count: number): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const rule of rules) {
    spent[rule.meta.id] = 0;
    for (const method of ['check', 'checkInstruction', 'checkShellSource'] as const) {
      const original = rule[method];
      if (!original) continue;
      rule[method] = function (this: unknown, ...args: unknown[]) {
        const start = nowMs();
        try {
          return original.apply(this, args);
        } finally {
          spent[rule.meta.id] += nowMs() - start;
        }
      };
    }
  }
  const readsBefore = benchReads;
  const start = nowMs();
  for (let i = 0; i < count; i++) keystroke();
  spent['(whole keystroke)'] = nowMs() - start;
  // Calls of the reader (a host answers them from its cache): the division below makes them per keystroke.
  if (process.env.BENCH_ENTRYPOINT) spent['(reader calls)'] = benchReads - readsBefore;

  for (const id of Object.keys(spent)) spent[id] /= count;
  return spent;
}

// --- main: two workers, alternating batches ---------------------------------------------------------------------

class Worker {
  private readonly child: ChildProcess;
  private pending?: (reply: Reply) => void;
  constructor(
    readonly label: string,
    engineRoot: string,
  ) {
    this.child = fork(__filename, ['--worker', engineRoot], { execArgv: ['--import', 'tsx'], cwd: engineRoot, stdio: 'inherit' });
    this.child.on('message', (reply: Reply) => this.pending?.(reply));
  }
  ask(request: Request): Promise<Reply> {
    return new Promise((resolve) => {
      this.pending = resolve;
      this.child.send(request);
    });
  }
  stop(): void {
    this.child.send({ exit: true });
  }
}

function edits(text: string, seed: number): Edit[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return typingEdits(text, 2_000, seed).map((e) => {
    const range = (e as { range: { start: { line: number; character: number }; end: { line: number; character: number } } }).range;
    return { start: lineStarts[range.start.line] + range.start.character, end: lineStarts[range.end.line] + range.end.character, text: e.text };
  });
}

async function main(): Promise<void> {
  const commit = process.argv[2] ?? '4356a21';
  const cases = (process.argv[3] ?? 'dockerfile:200,dockerfile:2000,compose:30,compose:300').split(',').map((c) => {
    const [kind, size] = c.split(':');
    return { kind: kind as Kind, size: Number(size) };
  });
  const baseline = baselineTree(ROOT, commit, 'dockguard-keystroke');
  const label = shortCommit(ROOT, commit);
  const against = process.env.BENCH_AGAINST ? baselineTree(ROOT, process.env.BENCH_AGAINST, 'dockguard-keystroke-current') : undefined;
  const currentLabel = against ? shortCommit(ROOT, process.env.BENCH_AGAINST!) : 'working tree';
  const rows: string[][] = [];
  const phaseTables: string[] = [];
  try {
    for (const { kind, size } of cases) {
      const generated = kind === 'dockerfile' ? generateDockerfile(size) : generateCompose(size);
      const text = kind === 'dockerfile' && process.env.BENCH_ENTRYPOINT ? endingWithEntrypointScript(generated) : generated;
      const plan = edits(text, size);
      const workers = [new Worker(label, baseline.dir), new Worker(currentLabel, against?.dir ?? ROOT)];
      try {
        const ready: { rules: string[] }[] = [];
        for (const w of workers) ready.push((await w.ask({ setup: { kind, text, edits: plan } })) as { rules: string[] });
        process.stderr.write(`  … ${kind} ${size}: ${ROUNDS} rounds of ${BATCH} keystrokes each side\n`);
        const times: number[][] = [[], []];
        const roundRatios: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const medians = [0, 0];
          for (let k = 0; k < 2; k++) {
            const index = (round + k) % 2;
            const reply = (await workers[index].ask({ run: BATCH })) as { times: number[] };
            times[index].push(...reply.times);
            medians[index] = summarize(reply.times).median;
          }
          roundRatios.push(medians[1] / medians[0]);
        }
        const [before, after] = times.map(summarize);
        const what = `${kind} ${size} ${kind === 'dockerfile' ? 'lines' : 'services'}`;
        rows.push([
          what,
          `${ready[0].rules.length} → ${ready[1].rules.length}`,
          formatMs(before.median),
          formatMs(after.median),
          formatRatio(after.median / before.median),
          formatRatio(summarize(roundRatios).median),
          formatMs(before.p95),
          formatMs(after.p95),
        ]);
        // One after the other, so the two do not compete for the CPU.
        const phases: Record<string, number>[] = [];
        for (const w of workers) phases.push(((await w.ask({ phases: PHASE_KEYSTROKES })) as { phases: Record<string, number> }).phases);
        phaseTables.push(renderPhases(what, phases[0], phases[1]));
      } finally {
        for (const w of workers) w.stop();
      }
    }
  } finally {
    baseline.remove();
    against?.remove();
  }
  console.log(`\nPer keystroke, ${label} against ${currentLabel} (medians of ${ROUNDS} × ${BATCH} keystrokes each, alternating batches):\n`);
  console.log(
    renderTable(
      [{ header: 'document', align: 'left' }, 'rules', label, currentLabel, 'ratio', 'median of round ratios', `${label} p95`, `${currentLabel} p95`],
      rows,
    ),
  );
  for (const table of phaseTables) console.log('\n' + table.replace('working tree', currentLabel));
}

function renderPhases(what: string, before: Record<string, number>, after: Record<string, number>): string {
  const ids = [...new Set([...Object.keys(after), ...Object.keys(before)])].sort((a, b) => (after[b] ?? 0) - (after[a] ?? 0));
  const rows = ids
    .filter((id) => (after[id] ?? 0) >= 0.001 || (before[id] ?? 0) >= 0.001 || !(id in before))
    .map((id) => [id in before ? id : `${id} (new)`, id in before ? formatMs(before[id]) : '', id in after ? formatMs(after[id]) : 'removed']);
  return [
    `${what}: each rule's checks per keystroke (timers around every call)`,
    '',
    renderTable([{ header: 'rule', align: 'left' }, 'baseline', 'working tree'], rows),
  ].join('\n');
}

if (process.argv[2] === '--worker') {
  void worker(process.argv[3]);
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
