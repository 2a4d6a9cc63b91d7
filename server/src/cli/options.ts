import { parseArgs } from 'node:util';
import { type Severity, SEVERITY_RANK } from '../engine';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

/** The path that means standard input, as in most Unix tools. */
export const STDIN_PATH = '-';

export interface CliOptions {
  paths: string[];
  format: Format;
  /** Exit 1 when a finding at or above this severity is found; `none` never fails on findings. */
  failOn: Severity | 'none';
  /** Apply every safe fix to the files, then report what remains. */
  fix: boolean;
  /** A configuration file to use instead of the `.dockguard.yaml` found next to each file. */
  config?: string;
  /** The name standard input stands for: picks its kind, its configuration, and names it in the output. */
  stdinFilename?: string;
  /** Where the report goes instead of standard output. */
  output?: string;
  /** `--color` / `--no-color`, whichever came last; undefined lets the environment decide. */
  color?: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: dockguard [options] [paths...]

Analyses Dockerfiles (Dockerfile, Dockerfile.*, *.dockerfile, Containerfile) and Docker Compose files
(compose.yaml, docker-compose*.yml, ...) for security problems. Directories are searched recursively;
with no path, the current directory is. The path - reads standard input.

Options:
  -f, --format <format>            text (default), json, sarif (SARIF 2.1.0), github (workflow
                                   annotations) or gitlab (Code Quality report)
  -o, --output <file>              write the report to this file instead of standard output
      --fail-on <error|warning|info|none>
                                   exit 1 when a finding at or above this severity is found (default: error)
      --fix                        apply every safe fix to the files, then report what remains
  -c, --config <file>              use this .dockguard.yaml (or .hadolint.yaml) instead of the one found
                                   from each file's directory upward
      --stdin-filename <name>      the file name standard input stands for (its kind, its configuration,
                                   the name in the report); implies - when no path is given
      --color, --no-color          force colours on or off (default: on when the output is a terminal;
                                   NO_COLOR and FORCE_COLOR are honoured)
  -h, --help                       show this help
  -v, --version                    show the version

Exit codes: 0 no finding at or above --fail-on, 1 such findings, 2 bad usage, or a path that could not be
read or analysed (the report then covers the other files).`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string', default: 'error' },
        fix: { type: 'boolean', default: false },
        config: { type: 'string', short: 'c' },
        'stdin-filename': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals, tokens } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const failOn = values['fail-on'] as Severity | 'none';
  if (failOn !== 'none' && !(failOn in SEVERITY_RANK)) throw new UsageError(`--fail-on must be one of error, warning, info, none, not "${failOn}"`);

  const stdinFilename = values['stdin-filename'];
  if (stdinFilename !== undefined && stdinFilename.trim() === '') throw new UsageError('--stdin-filename needs a file name');
  let paths = positionals.length ? positionals : stdinFilename !== undefined ? [STDIN_PATH] : ['.'];
  if (paths.filter((p) => p === STDIN_PATH).length > 1) throw new UsageError('standard input (-) can be read only once');
  if (stdinFilename !== undefined && !paths.includes(STDIN_PATH)) {
    throw new UsageError('--stdin-filename names standard input: add - to the paths');
  }
  if (values.fix && paths.includes(STDIN_PATH)) throw new UsageError('--fix writes files in place and cannot fix standard input');
  paths = [...new Set(paths)];

  const lastColorFlag = tokens.filter((t) => t.kind === 'option' && (t.name === 'color' || t.name === 'no-color')).pop();
  return {
    paths,
    format,
    failOn,
    fix: Boolean(values.fix),
    config: values.config,
    stdinFilename,
    output: values.output,
    color: lastColorFlag ? lastColorFlag.kind === 'option' && lastColorFlag.name === 'color' : undefined,
    help: Boolean(values.help),
    version: Boolean(values.version),
  };
}
