// Starts code-server (the real VS Code workbench and extension host) on 127.0.0.1 with the packaged extension
// installed into a fresh extensions folder and a fresh profile, and stops everything it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { log, run, seconds, type CodeServerInstall } from './setup';

/**
 * A first start without welcome pages, tours, update checks or AI panels covering the editor. Workspace trust
 * stays on and is never prompted for, so a folder opens in Restricted Mode like a freshly cloned repository.
 */
const USER_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Runs dockguard in the browser's web worker extension host, from its browser entry, as VS Code for the web
 * (vscode.dev, github.dev) does: `remote.extensionKind` is VS Code's setting for where an extension runs. The
 * README shows it as written here (a test compares them); `npm run demo -- --web` and the web e2e test use it.
 */
export const WEB_WORKER_HOST_SETTINGS = { 'remote.extensionKind': { 'dockguard.dockguard': ['web'] } };

export interface CodeServer {
  port: number;
  /** Where the extension is installed (unique to this instance). */
  extensionsDir: string;
  /** The workbench address with the workspace folder open. */
  url: string;
  /** Everything code-server printed, for failure messages. */
  output(): string;
  /** Settles when code-server exits, whoever stopped it. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  install: CodeServerInstall;
  vsix: string;
  workspace: string;
  /** A port to listen on; when absent, a free one. */
  port?: number;
  /** User settings over the defaults above. */
  settings?: Record<string, unknown>;
}

/** Installs the extension into a fresh profile and serves the workspace; resolves once it is listening. */
export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const session = mkdtempSync(path.join(os.tmpdir(), 'dockguard-code-server-'));
  const userDataDir = path.join(session, 'user-data');
  const extensionsDir = path.join(session, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  // code-server's own config, logs and sockets stay in the session folder, not in the user's home.
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(session, 'config'), XDG_DATA_HOME: path.join(session, 'data'), TMPDIR: path.join(session, 'tmp') };
  mkdirSync(env.TMPDIR, { recursive: true });
  const common = ['--config', path.join(session, 'config.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const { node, entry } = options.install;

  let child: ChildProcess | undefined;
  const removeSession = () => rmSync(session, { recursive: true, force: true });
  const killGroup = (signal: NodeJS.Signals) => {
    // Detached: code-server, its extension host and our language server share one process group, which may
    // outlive code-server itself.
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the whole group is gone
    }
  };
  const onExit = () => {
    killGroup('SIGKILL');
    removeSession();
  };
  process.on('exit', onExit);

  try {
    const installed = Date.now();
    await run(node, [entry, ...common, '--install-extension', options.vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    log(`installed ${path.basename(options.vsix)} into a fresh extensions folder in ${seconds(installed)}`);

    const port = options.port ?? (await freePort());
    let output = '';
    const serve = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', options.workspace];
    child = spawn(node, [entry, ...common, ...serve], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    await listening(child, () => output, port);

    const running = child;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    return {
      port,
      extensionsDir,
      exited,
      url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace).replace(/%2F/g, '/')}`,
      output: () => output,
      async stop() {
        killGroup('SIGTERM');
        await exitWithin(running, 5000);
        killGroup('SIGKILL'); // whatever did not stop on SIGTERM
        process.off('exit', onExit);
        removeSession();
      },
    };
  } catch (error) {
    onExit();
    process.off('exit', onExit);
    throw error;
  }
}

/** Resolves when code-server says it listens, rejects if it exits first or stays silent for a minute. */
function listening(child: ChildProcess, output: () => string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('code-server did not start listening within 60s')), 60_000);
    const onData = () => {
      if (output().includes(`HTTP server listening on http://127.0.0.1:${port}`)) done();
    };
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`code-server exited (${signal ?? `exit ${code}`}) before listening`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    const done = () => (cleanup(), resolve());
    const fail = (error: Error) => (cleanup(), reject(new Error(`${error.message}:\n${output()}`)));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

function exitWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => (clearTimeout(timer), resolve(true)));
  });
}

/** A port on 127.0.0.1 nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Whether `port` on 127.0.0.1 can be listened on. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
