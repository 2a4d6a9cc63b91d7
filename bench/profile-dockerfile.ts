// Where analyze() spends its time on a generated Dockerfile: a CPU profile summarised by function and by file.
// `node --import tsx bench/profile-dockerfile.ts [lines=2000] [seconds=5] [analyze|parse]`
// Also writes the raw .cpuprofile (open it in Chrome DevTools or VS Code) to the temp folder.
import { DockerfileParser } from 'dockerfile-ast';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, resolveConfig } from '../server/src/engine';
import { profile, saveProfile, selfTimes } from './support/cpu-profile';
import { generateDockerfile } from './support/generate-dockerfile';
import { formatCount, formatMs, renderTable } from './support/table';
import { consume, nowMs } from './support/timing';

const lines = Number(process.argv[2] ?? 2_000);
const seconds = Number(process.argv[3] ?? 5);
const what = process.argv[4] === 'parse' ? 'parse' : 'analyze';
const config = resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] });
const text = generateDockerfile(lines);
const run = what === 'parse' ? () => DockerfileParser.parse(text) : () => analyze(text, { kind: 'dockerfile', config });

async function main(): Promise<void> {
  const warmEnd = nowMs() + 1_000;
  while (nowMs() < warmEnd) consume(run());
  let calls = 0;
  const result = await profile(() => {
    const end = nowMs() + seconds * 1_000;
    for (; nowMs() < end; calls++) consume(run());
  });
  const file = path.join(os.tmpdir(), `dockguard-${what}-${lines}-lines.cpuprofile`);
  saveProfile(result, file);
  const { functions, files, totalMs } = selfTimes(result);
  const share = (ms: number) => `${((ms / totalMs) * 100).toFixed(1)}%`;
  const perCall = (ms: number) => formatMs(ms / calls);
  console.log(`${what} of a ${formatCount(lines)}-line Dockerfile, ${calls} calls in ${seconds} s; self time per call:\n`);
  console.log(
    renderTable(
      [{ header: 'file or package', align: 'left' }, 'per call', 'share'],
      files.slice(0, 15).map((f) => [f.name, perCall(f.ms), share(f.ms)]),
    ),
  );
  console.log('');
  console.log(
    renderTable(
      [{ header: 'function', align: 'left' }, { header: 'where', align: 'left' }, 'per call', 'share'],
      functions.slice(0, 30).map((f) => [f.name, f.where, perCall(f.ms), share(f.ms)]),
    ),
  );
  console.log(`\nraw profile: ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
