// What an end-to-end scenario starts from: a fixture workspace copied to a temporary folder, opened in code-server
// with the packaged extension, in headless Chromium. `close()` ends everything `openWorkspace` started.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { startCodeServer, type CodeServer } from './code-server';
import { REPO_ROOT, ensureChromium, ensureCodeServer, log, packageExtension, seconds, type CodeServerInstall } from './setup';
import { Workbench, launchBrowser } from './workbench';

/** Set by run.mjs once it has packaged the extension, so test files do not package it again in parallel. */
export const VSIX_ENV = 'DOCKGUARD_E2E_VSIX';

export interface Prepared {
  install: CodeServerInstall;
  vsix: string;
}

/** Installs what is missing (browser, code-server) and packages the extension. */
export async function prepare(): Promise<Prepared> {
  const started = Date.now();
  await ensureChromium();
  const install = await ensureCodeServer();
  const vsix = await packageExtension();
  log(`set up in ${seconds(started)}`);
  return { install, vsix };
}

async function prepared(): Promise<Prepared> {
  const vsix = process.env[VSIX_ENV];
  if (!vsix) return prepare(); // a test file run on its own
  await ensureChromium();
  return { install: await ensureCodeServer(), vsix };
}

export interface Session {
  workbench: Workbench;
  /** The temporary copy of the fixture that is open in the workbench. */
  workspace: string;
  /** Where code-server installed the extension (unique to the session). */
  extensionsDir: string;
  close(): Promise<void>;
}

/**
 * Opens a copy of `folder` (relative to the repository, e.g. `test/fixtures/e2e-workspace` or `examples`) in a
 * fresh code-server with the packaged extension; the tests may edit the copy freely.
 */
export async function openWorkspace(folder: string, options: { settings?: Record<string, unknown> } = {}): Promise<Session> {
  const { install, vsix } = await prepared();
  const workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'dockguard-e2e-')), path.basename(folder));
  cpSync(path.join(REPO_ROOT, folder), workspace, { recursive: true });

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    // Each step runs even when an earlier one fails, so nothing outlives the test.
    await browser?.close().catch((error) => log(`closing the browser: ${error}`));
    await server?.stop().catch((error) => log(`stopping code-server: ${error}`));
    rmSync(path.dirname(workspace), { recursive: true, force: true });
  };
  try {
    server = await startCodeServer({ install, vsix, workspace, settings: options.settings });
    browser = await launchBrowser();
    const workbench = await Workbench.open(browser, server.url);
    return { workbench, workspace, extensionsDir: server.extensionsDir, close };
  } catch (error) {
    const output = server?.output() ?? '';
    await close();
    throw output ? new Error(`${(error as Error).message}\ncode-server output:\n${output}`, { cause: error }) : error;
  }
}

/**
 * Waits until the workspace file's content on disk contains `expected`, and returns it. The editor writes files
 * in steps (a save truncates, then writes), so one read right after a save may see a partial file.
 */
export async function waitForFileContent(file: string, expected: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const content = readFileSync(file, 'utf8');
    if (content.includes(expected)) return content;
    if (Date.now() > deadline) throw new Error(`${file} never contained:\n${expected}\nlast read:\n${content}`);
    await delay(50);
  }
}

/**
 * The command lines of the Node language servers (dist/server.js) running from the extension installed in
 * `extensionsDir`: one while the extension runs in code-server's Node extension host, none when it runs on the web.
 */
export function nodeLanguageServers(extensionsDir: string): string[] {
  const servers: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (args.some((arg) => arg.startsWith(extensionsDir + path.sep) && arg.endsWith(path.join('dist', 'server.js')))) servers.push(args.join(' ').trim());
  }
  return servers;
}

/** A screenshot file name for a test: `<prefix>-<the-test-name>`. */
export function screenshotName(prefix: string, testName: string): string {
  return `${prefix}-${testName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)}`;
}
