// `npm run demo`: serves a copy of examples/ in a real VS Code (code-server) with the freshly packaged extension,
// on 127.0.0.1, until Ctrl+C. On a fresh machine it installs what it needs first (npm ci, code-server into .e2e/),
// with the same setup code as the end-to-end tests. Fixes applied in the browser change the copy, never
// examples/, whose files the tests read. `--web` runs the extension's browser entry in the web worker extension
// host, as VS Code for the web does. `--dry-run` prints the workspace and settings it would serve, and stops.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PORT = 8080;

/** A fresh copy of examples/ in a temporary folder: the demo's workspace. */
function copyExamples() {
  const workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'dockguard-demo-')), 'examples');
  cpSync(path.join(root, 'examples'), workspace, { recursive: true });
  return workspace;
}

const workspace = copyExamples();
const web = process.argv.includes('--web');

if (!existsSync(path.join(root, 'node_modules'))) {
  console.log('▶ npm ci (first run)');
  const result = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`npm ci failed (exit ${result.status ?? result.signal})`);
}

// Only importable once node_modules exists.
const { tsImport } = await import('tsx/esm/api');
const { ensureCodeServer, packageExtension } = await tsImport('../test/e2e/setup.ts', import.meta.url);
const { startCodeServer, portIsFree, freePort, WEB_WORKER_HOST_SETTINGS } = await tsImport('../test/e2e/code-server.ts', import.meta.url);
const settings = web ? WEB_WORKER_HOST_SETTINGS : {};
if (process.argv.includes('--dry-run')) {
  console.log(JSON.stringify({ workspace, settings }));
  process.exit(0);
}

let server;
try {
  const install = await ensureCodeServer();
  const vsix = await packageExtension();
  const wanted = Number(process.env.PORT) || DEFAULT_PORT;
  const port = (await portIsFree(wanted)) ? wanted : await freePort();
  if (port !== wanted) console.log(`port ${wanted} is taken: using ${port}`);
  server = await startCodeServer({ install, vsix, workspace, port, settings });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

console.log(`
dockguard demo: VS Code with the extension${web ? ' running in the browser (its web entry, as in VS Code for the web)' : ''}, showing a copy of examples/ (in ${workspace})

  Open  ${server.url}

Then open Dockerfile, hover a squiggle, press Ctrl+. for the fixes and Ctrl+Shift+M for the Problems panel.
(On a remote machine, forward the port first: ssh -L ${server.port}:127.0.0.1:${server.port} <host>.)
Stop with Ctrl+C.
`);

const stopped = await Promise.race([
  new Promise((resolve) => process.once('SIGINT', () => resolve('signal'))),
  new Promise((resolve) => process.once('SIGTERM', () => resolve('signal'))),
  server.exited.then(() => 'exited'),
]);
if (stopped === 'exited') {
  console.error(`code-server stopped unexpectedly:\n${server.output().slice(-4000)}`);
  await server.stop();
  process.exit(1);
}
console.log('\nstopping code-server…');
await server.stop();
process.exit(0);

function fail(message) {
  console.error(`\n✖ demo: ${message}`);
  process.exit(1);
}
