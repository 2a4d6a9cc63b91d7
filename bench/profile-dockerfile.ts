// Where analyze() spends its time on a generated Dockerfile: a CPU profile summarised by function and by file.
// `node --import tsx bench/profile-dockerfile.ts [lines=2000] [seconds=5] [analyze|parse|keystroke|compose-keystroke]`
// `keystroke` profiles what the language server does per keystroke: an analysis with the document's kept state
// after a character typed (and deleted again) at seeded random spots, as bench/lsp-latency.ts types.
// `compose-keystroke` does the same on a generated compose file of [lines] services.
// Also writes the raw .cpuprofile (open it in Chrome DevTools or VS Code) to the temp folder.
import { DockerfileParser } from 'dockerfile-ast';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, createAnalysisState, resolveConfig } from '../server/src/engine';
import { typingEdits } from './support/lsp-compare';
import { profile, saveProfile, selfTimes } from './support/cpu-profile';
import { generateCompose } from './support/generate-compose';
import { generateDockerfile } from './support/generate-dockerfile';
import { formatCount, formatMs, renderTable } from './support/table';
import { consume, nowMs } from './support/timing';

const lines = Number(process.argv[2] ?? 2_000);
const seconds = Number(process.argv[3] ?? 5);
const what = (['parse', 'keystroke', 'compose-keystroke'] as const).find((w) => w === process.argv[4]) ?? 'analyze';
const kind = what === 'compose-keystroke' ? 'compose' : 'dockerfile';
const config = resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] });
const text = kind === 'compose' ? generateCompose(lines) : generateDockerfile(lines);
const run = what === 'parse' ? () => DockerfileParser.parse(text) : what === 'analyze' ? () => analyze(text, { kind, config }) : keystrokes();

/** One keystroke per call: the edits of the latency benchmark applied in turn, analysed with the kept state. */
function keystrokes(): () => unknown {
  const state = createAnalysisState();
  const edits = typingEdits(text, 2_000, lines);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let current = text;
  let next = 0;
  analyze(current, { kind, config, state });
  return () => {
    // Every other edit restores the original text, so offsets into it stay right for the next pair.
    const edit = edits[next++ % edits.length] as {
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
      text: string;
    };
    const start = lineStarts[edit.range.start.line] + edit.range.start.character;
    const end = lineStarts[edit.range.end.line] + edit.range.end.character;
    current = current.slice(0, start) + edit.text + current.slice(end);
    return analyze(current, { kind, config, state });
  };
}

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
  console.log(
    `${what} of a ${formatCount(lines)}-${kind === 'compose' ? 'service compose file' : 'line Dockerfile'}, ${calls} calls in ${seconds} s; self time per call:\n`,
  );
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
