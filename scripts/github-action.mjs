// The GitHub Action's entry (action.yml runs it after building dist/cli.js in the action's own checkout).
// Inputs come as INPUT_<NAME> variables, as the Actions runner passes them; outputs go to $GITHUB_OUTPUT, a summary
// to $GITHUB_STEP_SUMMARY. It writes the SARIF report first, whatever the findings, then annotates the findings
// and exits as the CLI does with --fail-on, so a failing check never loses its report.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const FAIL_ON = ['error', 'warning', 'info', 'none'];

/** An input as @actions/core reads it: INPUT_ + the name upper-cased with spaces as `_` (hyphens kept, or `_`). */
export function input(name, env = process.env) {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  return (env[key] ?? env[key.replace(/-/g, '_')] ?? '').trim();
}

/** Appends `name=value` to a runner file such as $GITHUB_OUTPUT, in the multi-line form when needed. */
function setOutput(file, name, value) {
  if (!file) return;
  const text = String(value);
  if (!text.includes('\n')) return appendFileSync(file, `${name}=${text}\n`);
  const delimiter = `dockguard_${Math.random().toString(36).slice(2)}`;
  appendFileSync(file, `${name}<<${delimiter}\n${text}\n${delimiter}\n`);
}

function cli(args) {
  return spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', 'inherit', 'inherit'] }).status ?? 2;
}

function main(env = process.env) {
  const paths = input('path', env).split(/\s+/).filter(Boolean);
  const sarifFile = input('sarif-file', env) || 'dockguard.sarif';
  const failOn = input('fail-on', env) || 'error';
  const config = input('config', env);
  const annotate = (input('annotations', env) || 'true') !== 'false';
  if (!FAIL_ON.includes(failOn)) {
    console.log(`::error title=dockguard::fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
    return 2;
  }
  if (!existsSync(CLI)) {
    console.log(`::error title=dockguard::${CLI} is missing: the action's build step did not run`);
    return 2;
  }
  const common = [...(config ? ['--config', config] : []), '--', ...(paths.length ? paths : ['.'])];

  // 1. The report for code scanning, written even when there are findings (--fail-on none) or unreadable paths (exit 2).
  const reported = cli(['--format', 'sarif', '--output', sarifFile, '--fail-on', 'none', ...common]);
  let findings = 0;
  if (existsSync(sarifFile)) {
    const log = JSON.parse(readFileSync(sarifFile, 'utf8'));
    findings = log.runs.reduce((sum, run) => sum + (run.results?.length ?? 0), 0);
    setOutput(env.GITHUB_OUTPUT, 'sarif-file', sarifFile);
  }
  setOutput(env.GITHUB_OUTPUT, 'findings', findings);

  // 2. What people read in the run: annotations on the changed lines, or the text report; its exit code is the step's.
  const status = cli(['--format', annotate ? 'github' : 'text', '--fail-on', failOn, ...common]);
  setOutput(env.GITHUB_OUTPUT, 'exit-code', status);
  if (env.GITHUB_STEP_SUMMARY) {
    const verdict = status === 0 ? 'passed' : status === 1 ? `failed: findings at or above \`${failOn}\`` : 'failed: a path could not be read or analysed';
    appendFileSync(
      env.GITHUB_STEP_SUMMARY,
      `### dockguard\n\n${findings} finding${findings === 1 ? '' : 's'}; check ${verdict}. SARIF report: \`${sarifFile}\`.\n`,
    );
  }
  return reported === 2 ? 2 : status;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
