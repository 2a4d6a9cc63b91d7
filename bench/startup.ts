// Startup of the language servers, spawn to `initialize` result: ours (the dist/server.js the benchmarks build,
// and the minified one `npm run package` ships) against dockerfile-language-server-nodejs, yaml-language-server
// and a Node process that only starts, alternating which goes first round by round.
// `BENCH_STARTUP_ROUNDS=20` sets the rounds.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { DOCKGUARD_NODE_FLAGS } from './support/lsp-compare';
import { LspSession } from './support/lsp-session';
import { emitSection, progress } from './support/report';
import { summarize } from './support/stats';
import { formatMs, formatRatio, renderTable } from './support/table';
import { nowMs } from './support/timing';
import { YAML_LANGUAGE_SERVER } from './support/yaml-language-server';

const ROOT = path.resolve(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 20);
const DOCKER_LANGSERVER = path.join(ROOT, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver');

interface Contender {
  name: string;
  start(): Promise<number>;
}

const server = (name: string, args: string[]): Contender => ({
  name,
  async start() {
    const session = await LspSession.start(name, process.execPath, args);
    await session.stop();
    return session.startupMs;
  },
});

async function main(): Promise<void> {
  // The minified bundle `npm run package` ships, built the same way into a temporary folder.
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockguard-bench-startup-'));
  const minified = path.join(directory, 'server.js');
  try {
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'server/src/server.ts')],
      outfile: minified,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      define: { DOCKGUARD_VERSION: '"bench"' },
      logLevel: 'warning',
    });
    const contenders: Contender[] = [
      server('dockguard (dist/server.js)', [...DOCKGUARD_NODE_FLAGS, path.join(ROOT, 'dist', 'server.js'), '--stdio']),
      server('dockguard, minified as packaged', [...DOCKGUARD_NODE_FLAGS, minified, '--stdio']),
      server('docker-langserver', [DOCKER_LANGSERVER, '--stdio']),
      server('yaml-language-server', [YAML_LANGUAGE_SERVER, '--stdio']),
      {
        name: 'node -e "" (Node alone)',
        async start() {
          const start = nowMs();
          spawnSync(process.execPath, ['-e', '']);
          return nowMs() - start;
        },
      },
    ];
    const times: number[][] = contenders.map(() => []);
    progress(`${ROUNDS} rounds of ${contenders.length} starts`);
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < contenders.length; k++) {
        const index = (round + k) % contenders.length;
        times[index].push(await contenders[index].start());
      }
    }
    const medians = times.map((t) => summarize(t).median);
    const peer = medians[2];
    const rows = contenders.map((c, i) => [c.name, formatMs(medians[i]), formatMs(summarize(times[i]).min), formatRatio(medians[i] / peer)]);
    emitSection(
      [
        '## Language server startup',
        '',
        `Spawn to the \`initialize\` result over stdio, ${ROUNDS} rounds, the servers alternating which goes first; medians, and the fastest start.`,
        '',
        renderTable([{ header: 'server', align: 'left' }, 'startup median', 'min', 'ratio to docker-langserver'], rows),
      ].join('\n'),
    );
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
