// The command-line interface: the same engine as the editor, for CI, pre-commit and pipes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  analyze,
  type AnalyzeOptions,
  composeReferences,
  type DirectoryLister,
  type FileReader,
  type Finding,
  fixAll,
  MAX_ANALYSED_CHARS,
  parseIsoDay,
  resolveConfig,
  SEVERITY_RANK,
} from './engine';
import { colors, shouldColor } from './cli/color';
import { describeError, discover, isInside, type Target } from './cli/discover';
import { formatGithub } from './cli/format-github';
import { formatGitlab } from './cli/format-gitlab';
import { formatJson } from './cli/format-json';
import { formatSarif } from './cli/format-sarif';
import { formatText } from './cli/format-text';
import { parseCliArgs, STDIN_PATH, USAGE, UsageError, type CliOptions } from './cli/options';
import { InputTooLarge, readInput, sniffKind, type Input } from './cli/read-input';
import { listReferencedDirectory } from './node/directory-lister';
import { readReferencedFile } from './node/file-reader';
import { repositoryPath } from './cli/report-paths';
import type { FileResult, Problem, Report } from './cli/results';
import { NotWritten, writeFixed, WriteScope } from './cli/safe-write';
import { isIgnoredPath, ProjectConfigLoader, type ProjectConfig } from './project-config';
import { VERSION } from './version';

/**
 * The engine's findings for a file it did not analyse (binary, too large, nested too deeply) or analysed only in
 * part (dockguard failed on it): for the CLI, the file was not fully checked.
 */
const NOT_CHECKED = new Set(['not-analyzed', 'analysis-failed']);

/** A UTF-8 character is at most 4 bytes: a referenced file over this cannot be analysed anyway. */
const MAX_REFERENCED_BYTES = MAX_ANALYSED_CHARS * 4;

/**
 * What cross-file checks may read (a compose service's Dockerfile): regular files, bounded, inside the paths
 * given on the command line (a file's own folder for a file, the working directory for unnamed standard input).
 */
function analysedRoots(options: CliOptions): string[] {
  return options.paths.map((given) => {
    if (given === STDIN_PATH) return path.dirname(path.resolve(options.stdinFilename ?? '<stdin>'));
    try {
      return fs.statSync(given).isDirectory() ? path.resolve(given) : path.dirname(path.resolve(given));
    } catch {
      return path.resolve(given);
    }
  });
}

/** The engine's file reader for one target: a refused reference (outside the roots, a device) is a note, never read. */
function referenceReader(target: Target, run: Run): FileReader {
  return (uri) => {
    const outcome = readReferencedFile(uri, { roots: run.roots, maxBytes: MAX_REFERENCED_BYTES });
    if ('text' in outcome) return outcome.text;
    if ('refused' in outcome) {
      const file = uri.startsWith('file:') ? repositoryPath(fileURLToPath(uri)) : uri;
      run.notes.add(`${target.name}: did not read ${file}: ${outcome.refused.replace('the workspace', 'the paths given')}`);
    }
    return undefined;
  };
}

/** Entries of one directory listing at most, as in the language server (lsp/host MAX_DIRECTORY_ENTRIES). */
const MAX_DIRECTORY_ENTRIES = 5000;

/** The engine's directory lister for one target (a Dockerfile's build context): names only, inside the roots. */
function directoryLister(target: Target, run: Run): DirectoryLister {
  const listed = new Map<string, ReturnType<DirectoryLister>>();
  return (uri) => {
    if (listed.has(uri)) return listed.get(uri);
    const outcome = listReferencedDirectory(uri, { roots: run.roots, maxEntries: MAX_DIRECTORY_ENTRIES });
    let answer: ReturnType<DirectoryLister>;
    if ('entries' in outcome) answer = outcome.entries;
    else if ('refused' in outcome) {
      const folder = uri.startsWith('file:') ? repositoryPath(fileURLToPath(uri)) : uri;
      run.notes.add(`${target.name}: did not list ${folder}: ${outcome.refused.replace('the workspace', 'the paths given')}`);
    }
    listed.set(uri, answer);
    return answer;
  };
}

/**
 * The files a compose target names in `include:` or `extends.file`, as compose targets, when they are regular files
 * inside the paths given and not analysed yet.
 */
function referencedComposeFiles(target: Target, text: string, run: Run, analysed: Set<string>): Target[] {
  if (target.path === STDIN_PATH || (target.kind ?? sniffKind(text)) !== 'compose') return [];
  const found: Target[] = [];
  for (const reference of composeReferences(text)) {
    const file = path.join(path.dirname(target.path), reference);
    const real = realPath(file);
    try {
      if (analysed.has(real) || !fs.statSync(real).isFile() || !run.roots.some((root) => isInside(real, realPath(root)))) continue;
    } catch {
      continue; // a missing file is the engine's finding where it is named, not a second report here
    }
    analysed.add(real);
    found.push({ path: file, name: file, kind: 'compose' });
  }
  return found;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** The engine functions the CLI calls; tests pass their own to check how a failing analysis is reported. */
export interface Engine {
  analyze: typeof analyze;
  fixAll: typeof fixAll;
}

/** Where the CLI writes, and what it knows of its environment. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
}

const NODE_IO: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
};

interface Run {
  engine: Engine;
  options: CliOptions;
  loader: ProjectConfigLoader;
  explicit?: ProjectConfig;
  scope: WriteScope;
  problems: Problem[];
  /** Configuration files with mistakes, reported once each. */
  configs: Map<string, ProjectConfig>;
  /** What the user should know but that is not a failure. */
  notes: Set<string>;
  /** Where cross-file checks may read. */
  roots: string[];
  /** The day end-of-life dates are judged on (DOCKGUARD_TODAY); undefined: today. */
  today?: Date;
  fixed: number;
}

/** The file whose directory decides configuration and cross-file references: for stdin, --stdin-filename. */
function locationOf(target: Target): string | undefined {
  return target.path === STDIN_PATH ? (target.name !== '<stdin>' ? target.name : undefined) : target.path;
}

function configFor(target: Target, run: Run): ProjectConfig | undefined {
  if (run.explicit) return run.explicit;
  const location = locationOf(target) ?? path.join(process.cwd(), '<stdin>');
  try {
    return run.loader.forFile(location);
  } catch (error) {
    run.problems.push({ path: `configuration for ${target.name}`, reason: describeError(error) });
    return undefined;
  }
}

function analyzeTarget(target: Target, run: Run): FileResult | undefined {
  const project = configFor(target, run);
  if (project?.problems.length) run.configs.set(project.file, project);
  const location = locationOf(target);
  if (project && location && isIgnoredPath(location, project.config.ignorePaths ?? [], path.dirname(project.file))) {
    // Named on the command line and then not analysed: say so, or a check would pass on input it never read.
    if (target.named) run.notes.add(`skipped ${target.name}: ignorePaths in ${project.file} excludes it`);
    return undefined;
  }
  let input: Input;
  try {
    input = readInput(target.path);
  } catch (error) {
    run.problems.push({ path: target.name, reason: error instanceof InputTooLarge ? error.message : `cannot read: ${describeError(error)}` });
    return undefined;
  }
  const analyzeOptions: AnalyzeOptions = {
    kind: target.kind ?? sniffKind(input.text),
    uri: location ? pathToFileURL(path.resolve(location)).href : undefined,
    config: resolveConfig(project?.config),
    readFile: referenceReader(target, run),
    listDirectory: directoryLister(target, run),
    now: run.today,
  };
  let text = input.text;
  let findings: Finding[];
  try {
    if (run.options.fix) text = fix(target, input, analyzeOptions, run);
    findings = run.engine.analyze(text, analyzeOptions);
  } catch (error) {
    // One file the engine cannot cope with must not cost the report on every other file.
    run.problems.push({ path: target.name, reason: `could not be analysed: ${describeError(error)}` });
    return undefined;
  }
  for (const finding of findings) {
    if (!NOT_CHECKED.has(finding.ruleId)) continue;
    // A note about the whole file sits at its top; one about an instruction says where it is.
    const where = finding.range.start.line > 0 ? `line ${finding.range.start.line + 1}: ` : '';
    run.problems.push({ path: target.name, reason: where + finding.message.replace(/^dockguard /, '') });
  }
  return { path: target.name, text, findings };
}

/** Applies the safe fixes and writes them back; returns the text to report on (the original when not written). */
function fix(target: Target, input: Input, options: AnalyzeOptions, run: Run): string {
  const result = run.engine.fixAll(input.text, options);
  if (result.text === input.text) return input.text;
  try {
    writeFixed(target.path, input.bytes, result.text, run.scope);
  } catch (error) {
    run.problems.push({ path: target.name, reason: error instanceof NotWritten ? error.message : `not fixed: ${describeError(error)}` });
    return input.text;
  }
  run.fixed += result.applied;
  return result.text;
}

function render(report: Report, options: CliOptions, useColor: boolean): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, VERSION);
    case 'github':
      return formatGithub(report);
    case 'gitlab':
      return formatGitlab(report);
    default:
      return formatText(report, colors(useColor));
  }
}

export function main(argv: string[], io: Io = NODE_IO, engine: Engine = { analyze, fixAll }): number {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`dockguard: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (options.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }

  // End-of-life dates judged as on a fixed day, for reproducible runs; a value that is no day is a usage error.
  const today = io.env.DOCKGUARD_TODAY ? parseIsoDay(io.env.DOCKGUARD_TODAY) : undefined;
  if (io.env.DOCKGUARD_TODAY && !today) {
    io.stderr(`dockguard: DOCKGUARD_TODAY=${io.env.DOCKGUARD_TODAY} is not a day such as 2026-12-01\n`);
    return 2;
  }

  const loader = new ProjectConfigLoader();
  let explicit: ProjectConfig | undefined;
  if (options.config) {
    try {
      explicit = loader.load(options.config);
    } catch (error) {
      io.stderr(`dockguard: cannot read ${options.config}: ${describeError(error)}\n`);
      return 2;
    }
  }

  const discovery = discover(options.paths, options.stdinFilename);
  const run: Run = {
    engine,
    options,
    loader,
    explicit,
    scope: new WriteScope(options.paths),
    problems: discovery.problems,
    configs: new Map(),
    notes: new Set(),
    roots: analysedRoots(options),
    fixed: 0,
    today,
  };
  if (explicit?.problems.length) run.configs.set(explicit.file, explicit);
  const results: FileResult[] = [];
  // The compose files another one includes or extends are analysed too, whatever their names (appended as found).
  const targets = [...discovery.targets];
  const analysed = new Set(targets.map((target) => realPath(target.path)));
  for (let i = 0; i < targets.length; i++) {
    const result = analyzeTarget(targets[i], run);
    if (!result) continue;
    results.push(result);
    targets.push(...referencedComposeFiles(targets[i], result.text, run, analysed));
  }

  const stderr = (line: string) => io.stderr(`${line}\n`);
  for (const link of discovery.skippedLinks) stderr(`dockguard: skipped ${link.path}: a symbolic link to ${link.target}, outside the path given`);
  for (const note of run.notes) stderr(`dockguard: ${note}`);
  for (const problem of run.problems) stderr(`dockguard: ${problem.path}: ${problem.reason}`);
  for (const project of run.configs.values()) {
    for (const p of project.problems) stderr(`${project.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: invalid configuration: ${p.message}`);
  }
  if (options.fix) stderr(`dockguard: applied ${run.fixed} fix${run.fixed === 1 ? '' : 'es'}.`);

  const report: Report = { results, problems: run.problems };
  const toFile = options.output !== undefined;
  const output = render(report, options, shouldColor(options.color, io.env, !toFile && io.stdoutIsTTY));
  if (toFile) {
    try {
      fs.writeFileSync(options.output!, output);
    } catch (error) {
      stderr(`dockguard: cannot write ${options.output}: ${describeError(error)}`);
      return 2;
    }
  } else {
    io.stdout(output);
  }

  if (run.problems.length || run.configs.size) return 2;
  if (options.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[options.failOn];
  const failed = results.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold));
  return failed ? 1 : 0;
}

if (require.main === module) {
  // A reader that stops early (`dockguard . | head`) closes the pipe: that ends the output, it is not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = main(process.argv.slice(2));
}
