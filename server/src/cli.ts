// The command-line interface: the same engine as the editor, for CI.
import * as fs from 'node:fs';
import { analyze } from './engine/analyze';
import { DEFAULT_CONFIG } from './engine/config';
import { SEVERITY_RANK } from './engine/types';
import { describeError, discover } from './cli/discover';
import { formatJson } from './cli/format-json';
import { formatSarif } from './cli/format-sarif';
import { formatText } from './cli/format-text';
import { parseCliArgs, USAGE, UsageError, type CliOptions } from './cli/options';
import type { FileResult } from './cli/results';

const VERSION = process.env.DOCKGUARD_VERSION ?? '0.1.0';

/** Lets compose rules read the Dockerfile a service builds from; nothing else is ever read. */
function readLocalFile(file: string): string | undefined {
  try {
    return fs.statSync(file).size <= 4 * 1024 * 1024 ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
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

  const { targets, problems } = discover(options.paths);
  const results: FileResult[] = [];
  for (const target of targets) {
    let text: string;
    try {
      text = fs.readFileSync(target.path, 'utf8');
    } catch (error) {
      problems.push({ path: target.path, reason: describeError(error) });
      continue;
    }
    const findings = analyze(text, {
      kind: target.kind,
      uri: target.path,
      config: DEFAULT_CONFIG,
      readFile: readLocalFile,
      onRuleError: (ruleId, error) => process.stderr.write(`dockguard: rule ${ruleId} failed on ${target.path}: ${String(error)}\n`),
    });
    results.push({ path: target.path, findings });
  }

  for (const problem of problems) process.stderr.write(`dockguard: cannot read ${problem.path}: ${problem.reason}\n`);
  if (options.format === 'json') process.stdout.write(formatJson(results));
  else if (options.format === 'sarif') process.stdout.write(formatSarif(results, VERSION));
  else process.stdout.write(formatText(results));

  if (problems.length) return 2;
  if (options.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[options.failOn];
  const failed = results.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold));
  return failed ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
