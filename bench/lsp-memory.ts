// Peak memory of the language servers with every benchmark file open: our server with the Dockerfiles and the
// compose files, against dockerfile-language-server-nodejs with the Dockerfiles and yaml-language-server (compose
// schema) with the compose files, each edited a little as a user would.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCompose } from './support/generate-compose';
import { generateDockerfile } from './support/generate-dockerfile';
import { DOCKGUARD_SETTINGS, typingEdits } from './support/lsp-compare';
import { LspSession } from './support/lsp-session';
import { emitSection, progress } from './support/report';
import { formatRatio, renderTable } from './support/table';
import { prepareYamlLanguageServer, YAML_LANGUAGE_SERVER, YAML_SETTINGS } from './support/yaml-language-server';

const ROOT = path.resolve(__dirname, '..');
const DOCKGUARD = path.join(ROOT, 'dist', 'server.js');
const DOCKER_LANGSERVER = path.join(ROOT, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver');
const DOCKERFILE_SIZES = [20, 200, 2_000, 10_000];
const COMPOSE_SIZES = [3, 30, 300];
const EDITS_PER_FILE = 20;

interface OpenFile {
  uri: string;
  text: string;
  kind: 'dockerfile' | 'compose';
}

async function exercise(session: LspSession, files: OpenFile[], languageId: (kind: OpenFile['kind']) => string): Promise<void> {
  for (const file of files) await session.open(file.uri, languageId(file.kind), file.text);
  for (const [index, file] of files.entries()) {
    for (const edit of typingEdits(file.text, EDITS_PER_FILE, index + 1)) await session.change(file.uri, edit);
  }
}

async function main(): Promise<void> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockguard-bench-memory-'));
  const files: OpenFile[] = [];
  try {
    for (const lines of DOCKERFILE_SIZES) {
      const file = path.join(directory, `${lines}-lines`, 'Dockerfile');
      fs.mkdirSync(path.dirname(file));
      files.push({ uri: pathToFileURL(file).href, text: generateDockerfile(lines), kind: 'dockerfile' });
    }
    for (const services of COMPOSE_SIZES) {
      const file = path.join(directory, `${services}-services`, 'compose.yaml');
      fs.mkdirSync(path.dirname(file));
      files.push({ uri: pathToFileURL(file).href, text: generateCompose(services), kind: 'compose' });
    }
    for (const file of files) fs.writeFileSync(new URL(file.uri), file.text);

    const rows: string[][] = [];
    const measure = async (
      name: string,
      command: string[],
      subset: OpenFile[],
      languageId: (kind: OpenFile['kind']) => string,
      configuration: (s: string | undefined) => unknown,
      prepare?: (s: LspSession) => Promise<void>,
    ) => {
      progress(`${name}: opening ${subset.length} files, ${EDITS_PER_FILE} edits each`);
      const session = await LspSession.start(name, process.execPath, command, configuration);
      try {
        await prepare?.(session);
        await exercise(session, subset, languageId);
        const peak = session.peakRssMb() ?? NaN;
        const now = session.rssMb() ?? NaN;
        return { name, peak, now };
      } finally {
        await session.stop();
      }
    };
    // BENCH_NODE_FLAGS: node options for our server, to try V8's memory settings.
    const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const ours = await measure(
      'dockguard',
      [...flags, DOCKGUARD, '--stdio'],
      files,
      (k) => (k === 'compose' ? 'dockercompose' : 'dockerfile'),
      (s) => (s === 'dockguard' ? DOCKGUARD_SETTINGS : null),
    );
    const oursDockerfiles = await measure(
      'dockguard (Dockerfiles only)',
      [DOCKGUARD, '--stdio'],
      files.filter((f) => f.kind === 'dockerfile'),
      () => 'dockerfile',
      (s) => (s === 'dockguard' ? DOCKGUARD_SETTINGS : null),
    );
    const dls = await measure(
      'docker-langserver',
      [DOCKER_LANGSERVER, '--stdio'],
      files.filter((f) => f.kind === 'dockerfile'),
      () => 'dockerfile',
      () => null,
    );
    const yls = await measure(
      'yaml-language-server',
      [YAML_LANGUAGE_SERVER, '--stdio'],
      files.filter((f) => f.kind === 'compose'),
      () => 'yaml',
      (s) => (s === 'yaml' ? YAML_SETTINGS : null),
      prepareYamlLanguageServer,
    );
    for (const r of [ours, oursDockerfiles, dls, yls]) rows.push([r.name, `${r.peak.toFixed(0)} MB`, `${r.now.toFixed(0)} MB`]);
    rows.push(['ratio dockguard (Dockerfiles only) / docker-langserver', formatRatio(oursDockerfiles.peak / dls.peak), '']);
    rows.push(['ratio dockguard (all) / docker-langserver', formatRatio(ours.peak / dls.peak), '']);
    emitSection(
      [
        '## Language server memory',
        '',
        `Each server started fresh, every benchmark file it handles opened (Dockerfiles of ${DOCKERFILE_SIZES.join(', ')} lines; compose files of ${COMPOSE_SIZES.join(', ')} services), then ${EDITS_PER_FILE} single-character edits to each, waiting for the diagnostics of each. *Peak* is the process's high-water mark (VmHWM), *at the end* its resident set then (VmRSS).`,
        '',
        renderTable([{ header: 'server', align: 'left' }, 'peak RSS', 'RSS at the end'], rows),
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
