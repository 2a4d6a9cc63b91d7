// A copy of the repository as a fresh clone has it (tracked and new files, no build output), where a test can
// build, pack and package without touching the working tree's dist/ that other tests run meanwhile.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './cli';
import { tempDir } from './temp-dir';

export function repositoryCopy(): string {
  const copy = join(tempDir('dockguard-release'), 'dockguard');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      copyFileSync(join(REPO_ROOT, file), join(copy, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted in the working tree, not yet in git
    }
  }
  // What `npm install` in the clone would put there; the packages are the same, and nothing is fetched.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

export interface Command {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Command {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 180_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** npm, offline: every test here installs only from local tarballs. */
export function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Command {
  return run('npm', args, cwd, {
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...env,
  });
}
