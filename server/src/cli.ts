// The command-line interface: the same engine as the editor, for CI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze, type AnalyzeOptions, fixAll, MAX_ANALYSED_CHARS, resolveConfig, SEVERITY_RANK } from './engine';
import { describeError, discover, type Target } from './cli/discover';
import { formatJson } from './cli/format-json';
import { formatSarif } from './cli/format-sarif';
import { formatText } from './cli/format-text';
import { parseCliArgs, USAGE, UsageError, type CliOptions } from './cli/options';
import type { FileResult } from './cli/results';
import { VERSION } from './version';
import { isIgnoredPath, ProjectConfigLoader, type ProjectConfig } from './project-config';

/** Lets compose rules read the Dockerfile a service builds from; nothing else is ever read. The engine names files by URI. */
function readLocalFile(uri: string): string | undefined {
  try {
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    return fs.statSync(file).size <= MAX_ANALYSED_CHARS ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

interface Problems {
  unreadable: { path: string; reason: string }[];
  /** Configuration files with mistakes, reported once each. */
  configs: Map<string, ProjectConfig>;
}

function configFor(target: Target, loader: ProjectConfigLoader, explicit: ProjectConfig | undefined, problems: Problems): ProjectConfig | undefined {
  try {
    return explicit ?? loader.forFile(target.path);
  } catch (error) {
    problems.unreadable.push({ path: `configuration for ${target.path}`, reason: describeError(error) });
    return undefined;
  }
}

export function main(argv: string[]): number {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`dockguard: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (options.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }

  const loader = new ProjectConfigLoader();
  let explicit: ProjectConfig | undefined;
  if (options.config) {
    try {
      explicit = loader.load(options.config);
    } catch (error) {
      process.stderr.write(`dockguard: cannot read ${options.config}: ${describeError(error)}\n`);
      return 2;
    }
  }

  const { targets, problems: unreadable } = discover(options.paths);
  const problems: Problems = { unreadable, configs: new Map() };
  const results: FileResult[] = [];
  let fixed = 0;
  for (const target of targets) {
    const project = configFor(target, loader, explicit, problems);
    if (project?.problems.length) problems.configs.set(project.file, project);
    if (project && isIgnoredPath(target.path, project.config.ignorePaths ?? [], path.dirname(project.file))) continue;
    let text: string;
    try {
      text = fs.readFileSync(target.path, 'utf8');
    } catch (error) {
      problems.unreadable.push({ path: target.path, reason: describeError(error) });
      continue;
    }
    const analyzeOptions: AnalyzeOptions = {
      kind: target.kind,
      uri: pathToFileURL(path.resolve(target.path)).href,
      config: resolveConfig(project?.config),
      readFile: readLocalFile,
      onRuleError: (ruleId, error) => process.stderr.write(`dockguard: rule ${ruleId} failed on ${target.path}: ${String(error)}\n`),
    };
    if (options.fix) {
      const result = fixAll(text, analyzeOptions);
      if (result.text !== text) {
        fs.writeFileSync(target.path, result.text);
        fixed += result.applied;
        text = result.text;
      }
    }
    results.push({ path: target.path, findings: analyze(text, analyzeOptions) });
  }

  for (const problem of problems.unreadable) process.stderr.write(`dockguard: cannot read ${problem.path}: ${problem.reason}\n`);
  for (const project of problems.configs.values()) {
    for (const p of project.problems)
      process.stderr.write(`${project.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: invalid configuration: ${p.message}\n`);
  }
  if (options.fix) process.stderr.write(`dockguard: applied ${fixed} fix${fixed === 1 ? '' : 'es'}.\n`);
  if (options.format === 'json') process.stdout.write(formatJson(results));
  else if (options.format === 'sarif') process.stdout.write(formatSarif(results, VERSION));
  else process.stdout.write(formatText(results));

  if (problems.unreadable.length || problems.configs.size) return 2;
  if (options.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[options.failOn];
  const failed = results.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold));
  return failed ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
