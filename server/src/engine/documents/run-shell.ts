import type { Instruction, Shell } from 'dockerfile-ast';
import { textReading } from './ast-memo';

/**
 * The shell a RUN's code runs in: `/bin/sh -c` unless a `SHELL` instruction earlier in the stage (or in the stage
 * it is built `FROM`: SHELL is image configuration, so it is inherited) changed it. One object per SHELL
 * instruction, kept with it while its text is unchanged, so an analysis can tell by identity that a RUN's shell
 * is the one its findings were made under.
 */
export interface RunShell {
  /** The SHELL's program and options, e.g. `["/bin/bash", "-o", "pipefail", "-c"]`. */
  readonly argv: readonly string[];
  /** The program's base name, lower case, without `.exe`: `bash`, `pwsh`, `cmd`. */
  readonly name: string;
  /** False for PowerShell and cmd: the POSIX shell rules do not read their code. */
  readonly posix: boolean;
  /** The shell runs with `-o pipefail`, and is one that knows it (bash, zsh, ash, ksh). */
  readonly pipefail: boolean;
}

export const DEFAULT_SHELL: RunShell = Object.freeze({ argv: Object.freeze(['/bin/sh', '-c']), name: 'sh', posix: true, pipefail: false });

/** Exec form runs its first element directly: no SHELL is involved. */
export const EXEC_FORM: RunShell = Object.freeze({ argv: Object.freeze([]), name: '', posix: true, pipefail: false });

const NOT_POSIX = new Set(['pwsh', 'powershell', 'cmd']);
/** Shells with a pipefail option; hadolint and Trivy do not trust plain `sh` with it (dash before 0.5.11 had none). */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);

const READ = Symbol('SHELL read');

/** The shell a SHELL instruction sets; DEFAULT_SHELL while it is half typed. */
export function shellOf(instruction: Shell): RunShell {
  return textReading(instruction, READ, readShell);
}

function readShell(instruction: Instruction): RunShell {
  const argv = (instruction as Shell).getJSONStrings().map((s) => s.getJSONValue());
  return argv.length ? shellFromArgv(argv) : DEFAULT_SHELL;
}

export function shellFromArgv(argv: readonly string[]): RunShell {
  const program = argv[0] ?? '';
  const name = program
    .slice(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1)
    .toLowerCase()
    .replace(/\.exe$/, '');
  return Object.freeze({ argv: Object.freeze([...argv]), name, posix: !NOT_POSIX.has(name), pipefail: PIPEFAIL_SHELLS.has(name) && hasPipefail(argv) });
}

/** `-o pipefail`, `-eo pipefail`, `-o errexit -o pipefail`, `-opipefail`. */
export function hasPipefail(args: readonly string[]): boolean {
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-opipefail') return true;
    if (arg === 'pipefail' && /^-[A-Za-z]*o$/.test(args[i - 1])) return true;
  }
  return false;
}
