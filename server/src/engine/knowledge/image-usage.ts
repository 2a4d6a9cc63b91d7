import { Add, Cmd, Copy, Entrypoint, Healthcheck, JSONInstruction, Run, Shell, type Instruction, type JSONArgument } from 'dockerfile-ast';
import { trimTrailingSlashes } from '../paths';
import type { DockerfileModel, Stage } from '../documents/dockerfile';
import { packageCommand, type PackageManager } from './packages';
import { commandArgs, commandName, lexShell, type Pipeline } from './shell';

/**
 * What some stages need from the image they are built on: the programs their RUN, SHELL, CMD, ENTRYPOINT and
 * HEALTHCHECK instructions call, the package managers they use, and the files they copy in. Decides whether a
 * smaller variant of that image would still build and run them.
 */
export interface ImageUsage {
  managers: Set<PackageManager>;
  /** Program names, and `program subcommand` pairs such as `dotnet publish`. */
  programs: Set<string>;
  /** RUN instructions in shell form, which need a shell in the image. */
  shellRuns: Run[];
  /** Programs of exec-form RUN instructions, e.g. `/app/migrate`. */
  execRunPrograms: string[];
  /** HEALTHCHECK instructions that run a command. */
  healthchecks: Healthcheck[];
  /** COPY and ADD instructions, as written. */
  copies: { sources: string[]; destination: string }[];
}

export interface StartCommand {
  entrypoint?: Entrypoint;
  /** Undefined when none is set, or when an ENTRYPOINT of a later stage reset the one inherited. */
  cmd?: Cmd;
}

export function imageUsage(model: DockerfileModel, stages: Stage[]): ImageUsage {
  const usage: ImageUsage = { managers: new Set(), programs: new Set(), shellRuns: [], execRunPrograms: [], healthchecks: [], copies: [] };
  const runs = new Set<Instruction>();
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      if (instruction instanceof Run) {
        runs.add(instruction);
        const exec = execForm(instruction);
        if (exec) {
          const [program, first] = exec.map((s) => s.getJSONValue());
          usage.execRunPrograms.push(program ?? '');
          if (program) addProgram(usage, program, first);
        } else {
          usage.shellRuns.push(instruction);
        }
      } else if (instruction instanceof Shell || instruction instanceof Cmd || instruction instanceof Entrypoint) {
        addCommandLine(usage, instruction);
      } else if (instruction instanceof Healthcheck && healthcheckCommand(instruction) !== undefined) {
        usage.healthchecks.push(instruction);
        addPipelines(usage, lexShell(healthcheckCommand(instruction)!.replace(/[[\],"]/g, ' ')));
      } else if (instruction instanceof Copy || instruction instanceof Add) {
        const paths = execForm(instruction)?.map((s) => s.getJSONValue()) ?? instruction.getArguments().map((a) => a.getValue());
        if (paths.length >= 2) usage.copies.push({ sources: paths.slice(0, -1), destination: paths[paths.length - 1] });
      }
    }
  }
  for (const source of model.shellSources) if (runs.has(source.instruction) && !source.onbuild) addPipelines(usage, source.pipelines);
  return usage;
}

function addCommandLine(usage: ImageUsage, instruction: JSONInstruction): void {
  const exec = execForm(instruction);
  if (exec) {
    const [program, first] = exec.map((s) => s.getJSONValue());
    if (program) addProgram(usage, program, first);
    return;
  }
  addPipelines(usage, lexShell(instruction.getArgumentsContent() ?? ''));
}

function addPipelines(usage: ImageUsage, pipelines: Pipeline[]): void {
  for (const pipeline of pipelines) {
    for (const command of pipeline.commands) {
      const name = commandName(command);
      if (!name) continue;
      addProgram(usage, name, commandArgs(command)[0]?.value);
      const call = packageCommand(command);
      if (call) usage.managers.add(call.manager);
    }
  }
}

function addProgram(usage: ImageUsage, program: string, firstArg: string | undefined): void {
  const name = program.slice(program.lastIndexOf('/') + 1);
  usage.programs.add(name);
  if (firstArg) usage.programs.add(`${name} ${firstArg}`);
}

/** The JSON strings of an exec-form instruction, or undefined for shell form. */
export function execForm(instruction: Instruction): JSONArgument[] | undefined {
  if (!(instruction instanceof JSONInstruction) || !instruction.getOpeningBracket()) return undefined;
  return instruction.getJSONStrings();
}

/** The command text after `HEALTHCHECK [options] CMD`; undefined for `HEALTHCHECK NONE` or a half-typed line. */
export function healthcheckCommand(instruction: Healthcheck): string | undefined {
  const subcommand = instruction.getSubcommand();
  if (!subcommand || subcommand.getValue().toUpperCase() !== 'CMD') return undefined;
  const content = instruction.getRawArgumentsContent() ?? '';
  const at = content.search(/\bCMD\b/i);
  return at < 0 ? undefined : content.slice(at + 3).trim();
}

/**
 * The CMD and ENTRYPOINT a stage's image starts with, following `FROM <stage>`. An ENTRYPOINT clears the CMD
 * inherited from the image a stage builds on, but not a CMD of its own stage (as BuildKit does).
 */
export function startCommand(chain: Stage[]): StartCommand {
  let entrypoint: { instruction: Entrypoint; depth: number } | undefined;
  let cmd: { instruction: Cmd; depth: number } | undefined;
  chain.forEach((stage, depth) => {
    for (let i = stage.instructions.length - 1; i >= 0; i--) {
      const instruction = stage.instructions[i];
      if (!entrypoint && instruction instanceof Entrypoint) entrypoint = { instruction, depth };
      if (!cmd && instruction instanceof Cmd) cmd = { instruction, depth };
    }
  });
  const reset = entrypoint && cmd && entrypoint.depth < cmd.depth;
  return { entrypoint: entrypoint?.instruction, cmd: reset ? undefined : cmd?.instruction };
}

/**
 * True when COPY/ADD put something at this absolute path: it is a destination, or lies inside one.
 * Into `/` only a file of the same name counts, so `/usr/bin/python3` is not taken for copied.
 */
export function isCopiedPath(usage: ImageUsage, path: string): boolean {
  if (!path.startsWith('/')) return false;
  return usage.copies.some(({ sources, destination }) => {
    const folder = trimTrailingSlashes(destination);
    if (destination === path || folder === path) return true;
    if (folder === '') return sources.some((source) => `/${trimTrailingSlashes(source).split('/').pop()}` === path);
    return path.startsWith(`${folder}/`);
  });
}
