import { parseArgs } from 'node:util';
import { type Severity, SEVERITY_RANK } from '../engine';

export type Format = 'text' | 'json' | 'sarif';

export interface CliOptions {
  paths: string[];
  format: Format;
  /** Exit 1 when a finding at or above this severity is found; `none` never fails on findings. */
  failOn: Severity | 'none';
  /** Apply every safe fix to the files, then report what remains. */
  fix: boolean;
  /** A configuration file to use instead of the `.dockguard.yaml` found next to each file. */
  config?: string;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: dockguard [options] [paths...]

Analyses Dockerfiles (Dockerfile, Dockerfile.*, *.dockerfile, Containerfile) and Docker Compose files
(compose.yaml, docker-compose*.yml, ...) for security problems. Directories are searched recursively;
with no path, the current directory is.

Options:
  -f, --format <text|json|sarif>   output format (default: text)
      --fail-on <error|warning|info|none>
                                   exit 1 when a finding at or above this severity is found (default: error)
      --fix                        apply every safe fix to the files, then report what remains
  -c, --config <file>              use this .dockguard.yaml (or .hadolint.yaml) instead of the one found
                                   from each file's directory upward
  -h, --help                       show this help
  -v, --version                    show the version

Exit codes: 0 no finding at or above --fail-on, 1 such findings, 2 bad usage or unreadable input.`;

const FORMATS: Format[] = ['text', 'json', 'sarif'];

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        fix: { type: 'boolean', default: false },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const failOn = values['fail-on'] as Severity | 'none';
  if (failOn !== 'none' && !(failOn in SEVERITY_RANK)) throw new UsageError(`--fail-on must be one of error, warning, info, none, not "${failOn}"`);
  return {
    paths: positionals.length ? positionals : ['.'],
    format,
    failOn,
    fix: Boolean(values.fix),
    config: values.config as string | undefined,
    help: Boolean(values.help),
    version: Boolean(values.version),
  };
}
