// The CLI over a directory of varied Dockerfiles against the Dockerfile linters npm has that run offline:
// dockerfile-utils (rcjsuen's, the engine of dockerfile-language-server-nodejs) and dockerfilelint.
// `BENCH_CLI_FILES=400 BENCH_CLI_ROUNDS=3` set the corpus size and the rounds.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCorpus } from './equivalence-corpus';
import { emitSection, progress } from './support/report';
import { summarize } from './support/stats';
import { formatCount, formatMs, formatRatio, renderTable } from './support/table';
import { nowMs } from './support/timing';

const ROOT = path.resolve(__dirname, '..');
const DOCKGUARD = path.join(ROOT, 'dist', 'cli.js');
const DOCKERFILE_UTILS = path.join(ROOT, 'node_modules', 'dockerfile-utils', 'bin', 'dockerfile-utils');
const DOCKERFILELINT = path.join(ROOT, 'node_modules', 'dockerfilelint', 'bin', 'dockerfilelint');
const FILES = Number(process.env.BENCH_CLI_FILES ?? 400);
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 3);
/** Larger files are the engine benchmarks' business; this one is about a repository's worth of ordinary ones. */
const MAX_LINES = 600;

interface Tool {
  name: string;
  how: string;
  run(files: string[], directory: string): void;
}

const node = (args: string[]) => {
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
};

const TOOLS: Tool[] = [
  {
    name: 'dockguard',
    how: 'one process: `dockguard --format json <directory>` (every rule, strict profile)',
    run: (_files, directory) => node([DOCKGUARD, '--format', 'json', '--fail-on', 'none', '--output', os.devNull, directory]),
  },
  {
    name: 'dockguard, one process per file',
    how: '`dockguard --format json <file>` once per file, as dockerfile-utils must be run',
    run: (files) => files.forEach((file) => node([DOCKGUARD, '--format', 'json', '--fail-on', 'none', '--output', os.devNull, file])),
  },
  {
    name: 'dockerfile-utils',
    how: '`dockerfile-utils lint --json <file>` once per file: its CLI lints one file per run',
    run: (files) => files.forEach((file) => node([DOCKERFILE_UTILS, 'lint', '--json', file])),
  },
  {
    name: 'dockerfilelint',
    how: 'one process: `dockerfilelint -o json <every file>`',
    run: (files) => node([DOCKERFILELINT, '-o', 'json', ...files]),
  },
];

function corpus(): { name: string; text: string }[] {
  const all = buildCorpus(ROOT).filter((entry) => entry.text.split('\n').length <= MAX_LINES && entry.text.trim() !== '');
  // A quarter generated files of 12 to 500 lines (and their mutations), the rest every k-th other input: the
  // repository's files, test literals and their mutations, which are mostly a few lines long.
  const generated = all.filter((entry) => entry.name.includes('generated'));
  const other = all.filter((entry) => !entry.name.includes('generated'));
  const pick = <T>(items: T[], count: number) => items.filter((_, i) => i % Math.max(1, Math.floor(items.length / count)) === 0).slice(0, count);
  const fromGenerated = pick(generated, Math.floor(FILES / 4));
  return [...fromGenerated, ...pick(other, FILES - fromGenerated.length)];
}

function main(): void {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockguard-bench-cli-'));
  try {
    const inputs = corpus();
    const files = inputs.map((input, i) => {
      const folder = path.join(directory, String(i).padStart(4, '0'));
      fs.mkdirSync(folder);
      const file = path.join(folder, 'Dockerfile');
      fs.writeFileSync(file, input.text);
      return file;
    });
    const lines = inputs.reduce((sum, input) => sum + input.text.split('\n').length, 0);
    progress(`${files.length} Dockerfiles, ${formatCount(lines)} lines, ${ROUNDS} rounds of ${TOOLS.length} tools`);
    const times: number[][] = TOOLS.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < TOOLS.length; k++) {
        const index = (round + k) % TOOLS.length;
        const start = nowMs();
        TOOLS[index].run(files, directory);
        times[index].push(nowMs() - start);
        progress(`round ${round + 1}: ${TOOLS[index].name} ${formatMs(times[index].at(-1)!)}`);
      }
    }
    emitSection(render(files.length, lines, times));
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

function render(count: number, lines: number, times: number[][]): string {
  const medians = times.map((t) => summarize(t).median);
  const peer = medians[TOOLS.findIndex((t) => t.name === 'dockerfile-utils')];
  const rows = TOOLS.map((tool, i) => [tool.name, formatMs(medians[i]), formatMs(medians[i] / count), formatRatio(medians[i] / peer), tool.how]);
  return [
    '## CLI: a directory of Dockerfiles',
    '',
    `${count} Dockerfiles (${formatCount(lines)} lines; at most ${MAX_LINES} lines each) from the equivalence corpus (\`bench/equivalence-corpus.ts\`): a quarter generated files of 12 to 500 lines and their seeded mutations, the rest every k-th other input (the docs' and examples' Dockerfiles, snippets, the tests' Dockerfile literals and their mutations), each in a folder of its own. Medians of ${ROUNDS} rounds, the tools alternating which goes first; output to JSON, discarded.`,
    '',
    renderTable(['tool', 'total', 'per file', 'ratio to dockerfile-utils', { header: 'how it runs', align: 'left' }], rows),
  ].join('\n');
}

main();
