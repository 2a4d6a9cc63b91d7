// Runs a composite action (action.yml) the way the GitHub Actions runner does, for the parts a test can run here:
// `${{ inputs.* }}`, `${{ github.action_path }}` and `${{ steps.*.outputs.* }}` expressions, each `run` step in
// bash with its env and working directory, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and the action's outputs.
// Any other expression fails the test, so the action cannot rely on something this runner does not check.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { tempDir } from './temp-dir';

export interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

export interface ActionStep {
  name?: string;
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

export interface ActionManifest {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export function readAction(dir: string): ActionManifest {
  return parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as ActionManifest;
}

interface Contexts {
  inputs: Record<string, string>;
  github: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
}

export function evaluate(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const inputs = /^inputs\.([\w-]+)$/.exec(expression);
    if (inputs) {
      if (!(inputs[1] in contexts.inputs)) throw new Error(`the action reads an undeclared input: ${expression}`);
      return contexts.inputs[inputs[1]];
    }
    const github = /^github\.(\w+)$/.exec(expression);
    if (github && github[1] in contexts.github) return contexts.github[github[1]];
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (step) return contexts.steps[step[1]]?.outputs[step[2]] ?? '';
    throw new Error(`expression this test runner does not know: ${expression}`);
  });
}

/** Reads a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      outputs[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return outputs;
}

export interface ActionRun {
  /** The first failing step's exit code, or 0. */
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The steps that ran, by name. */
  ran: string[];
}

export interface RunOptions {
  /** The `with:` of the workflow step. */
  with?: Record<string, string>;
  /** GITHUB_WORKSPACE, where the job's steps run. */
  workspace: string;
  /** Steps this machine cannot run (they need the network), each checked by the caller. */
  skip?: (step: ActionStep) => boolean;
}

export function runCompositeAction(actionPath: string, options: RunOptions): ActionRun {
  const action = readAction(actionPath);
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) inputs[name] = options.with?.[name] ?? input.default ?? '';
  for (const name of Object.keys(options.with ?? {})) if (!(name in action.inputs)) throw new Error(`unexpected input ${name}`);
  const contexts: Contexts = { inputs, github: { action_path: actionPath, workspace: options.workspace }, steps: {} };
  const files = tempDir('dockguard-runner');
  const summaryFile = join(files, 'summary.md');
  writeFileSync(summaryFile, '');
  const result: ActionRun = { status: 0, stdout: '', stderr: '', outputs: {}, summary: '', ran: [] };

  action.runs.steps.forEach((step, index) => {
    if (result.status !== 0 || options.skip?.(step)) return;
    if (step.uses) throw new Error(`step ${step.name ?? index} uses ${step.uses}: skip it explicitly`);
    if (step.shell !== 'bash') throw new Error(`step ${step.name ?? index}: composite run steps need shell: bash`);
    const outputFile = join(files, `output-${index}`);
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
    };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = evaluate(String(value), contexts);
    const cwd = step['working-directory'] ? evaluate(step['working-directory'], contexts) : options.workspace;
    const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', evaluate(step.run!, contexts)], { cwd, env, encoding: 'utf8' });
    result.ran.push(step.name ?? String(index));
    result.stdout += ran.stdout;
    result.stderr += ran.stderr;
    result.status = ran.status ?? 1;
    if (step.id) contexts.steps[step.id] = { outputs: existsSync(outputFile) ? parseOutputFile(readFileSync(outputFile, 'utf8')) : {} };
  });
  for (const [name, output] of Object.entries(action.outputs ?? {})) result.outputs[name] = evaluate(output.value, contexts);
  result.summary = readFileSync(summaryFile, 'utf8');
  return result;
}
