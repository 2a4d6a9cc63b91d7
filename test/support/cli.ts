// Runs the bundled CLI (dist/cli.js) as a user would, in a temporary workspace.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tempDir } from './temp-dir';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const CLI = join(REPO_ROOT, 'dist', 'cli.js');

/** `node scripts/test-all.mjs` builds first; a test file run on its own builds the bundles when they are missing. */
export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('esbuild.mjs failed');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd: string;
  /** Written to the CLI's standard input (a pipe). */
  input?: string;
  env?: NodeJS.ProcessEnv;
}

/** Colour variables are cleared unless a test sets them, so the output does not depend on the caller's shell. */
export function runCli(args: string[], options: CliRunOptions): CliRun {
  ensureBuilt();
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  // A bounded run: a CLI that hangs fails its test instead of stalling the suite.
  const spawnOptions: SpawnSyncOptions = { cwd: options.cwd, encoding: 'utf8', env, input: options.input ?? '', timeout: 60_000 };
  const result = spawnSync(process.execPath, [CLI, ...args], spawnOptions);
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A temporary folder with these files (paths relative to it); a value `{ link: target }` makes a symbolic link. */
export function workspace(files: Record<string, string | { link: string }>, prefix = 'dockguard-cli'): string {
  const dir = tempDir(prefix);
  for (const [name, content] of Object.entries(files)) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    if (typeof content === 'string') writeFileSync(file, content);
    else symlinkSync(content.link, file);
  }
  return dir;
}
