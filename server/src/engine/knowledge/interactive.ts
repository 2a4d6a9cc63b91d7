import type { Cmd, Entrypoint } from 'dockerfile-ast';
import { execForm, type StartCommand } from './image-usage';
import { lexShell, SHELLS } from './shell';
import { jsonStrings } from './shell-scopes';

/**
 * Whether an image starts an interactive shell or a language's REPL (`php -a`, `python3`, `irb`, `bash`, `node`
 * with no script): a tool for `docker run -it`, with no service that a HEALTHCHECK could probe. Entrypoint
 * wrappers (`docker-php-entrypoint`, `tini --`, `dumb-init`) are looked through to the command they run.
 */
export function startsInteractively(start: StartCommand): boolean {
  const argv = effectiveArgv(start);
  return argv !== undefined && isInteractive(argv, 0);
}

/** The program and arguments the container runs, ENTRYPOINT and CMD combined as Docker combines them. */
function effectiveArgv(start: StartCommand): string[] | undefined {
  const entrypoint = start.entrypoint && argvOf(start.entrypoint);
  const cmd = start.cmd && argvOf(start.cmd);
  if (!entrypoint) return cmd?.words;
  // A shell-form ENTRYPOINT runs alone: CMD is not passed to it.
  if (!entrypoint.exec) return entrypoint.words;
  const rest = cmd ? (cmd.exec ? cmd.words : ['/bin/sh', '-c', cmd.text]) : [];
  return [...entrypoint.words, ...rest];
}

function argvOf(instruction: Cmd | Entrypoint): { exec: boolean; words: string[]; text: string } | undefined {
  const text = instruction.getRawArgumentsContent() ?? '';
  // Our own decoding of the JSON strings: dockerfile-ast's drops the spaces inside one ("exec python3").
  if (execForm(instruction)) return { exec: true, words: jsonStrings(text).map((w) => w.value), text: '' };
  const words = lexShell(text)[0]?.commands[0]?.words.map((w) => w.value);
  return words ? { exec: false, words, text } : undefined;
}

const WRAPPERS = /^(?:tini|tini-static|dumb-init|catatonit|gosu|su-exec|exec|env|.*entrypoint.*)$/i;

/** Languages whose interpreter, given no program (only options), reads one interactively. */
const REPLS: Record<string, { programOptions: RegExp; interactiveOptions?: RegExp }> = {
  python: { programOptions: /^-[cm]/ },
  node: { programOptions: /^(?:-e|-p|--eval|--print|-r|--require|--import|--test|--run)/, interactiveOptions: /^(?:-i|--interactive)$/ },
  deno: { programOptions: /^(?:-e|--eval)/ },
  bun: { programOptions: /^(?:-e|--eval|-p|--print)/ },
  php: { programOptions: /^-[rfS]/, interactiveOptions: /^-a$/ },
  irb: { programOptions: /^$/ },
  pry: { programOptions: /^$/ },
  ruby: { programOptions: /^-e/ },
  perl: { programOptions: /^-[eE]/ },
  lua: { programOptions: /^-e/, interactiveOptions: /^-i$/ },
  R: { programOptions: /^(?:-f|-e|--file)/ },
  julia: { programOptions: /^(?:-e|-E|--eval|--print)/, interactiveOptions: /^(?:-i)$/ },
  ghci: { programOptions: /^$/ },
  jshell: { programOptions: /^$/ },
  erl: { programOptions: /^-(?:s|run|eval|noshell|detached)/ },
  iex: { programOptions: /^$/ },
  scala: { programOptions: /^(?!-)/ },
  groovysh: { programOptions: /^$/ },
};

function replOf(program: string): (typeof REPLS)[string] | undefined {
  if (/^python[0-9.]*$/.test(program) || program === 'pypy3' || program === 'ipython' || program === 'ipython3') return REPLS.python;
  if (program === 'nodejs') return REPLS.node;
  return Object.hasOwn(REPLS, program) ? REPLS[program] : undefined;
}

function isInteractive(argv: string[], depth: number): boolean {
  let i = 0;
  // Through wrappers and their options: `tini -- php -a`, `docker-php-entrypoint php -a`.
  while (i < argv.length && WRAPPERS.test(baseName(argv[i]))) {
    i++;
    while (i < argv.length && (argv[i].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]))) i++;
  }
  if (i >= argv.length) return false;
  const program = baseName(argv[i]);
  const args = argv.slice(i + 1);
  if (SHELLS.has(program)) {
    const script = args.findIndex((a) => /^-[A-Za-z]*c[A-Za-z]*$/.test(a));
    // `sh -c '<command>'`: what the command runs decides.
    if (script >= 0) return depth < 3 && args[script + 1] !== undefined && isInteractive(firstCommand(args[script + 1]), depth + 1);
    return args.every((a) => a.startsWith('-') && a !== '-s');
  }
  const repl = replOf(program);
  if (!repl) return false;
  if ((program === 'deno' || program === 'bun') && args[0] === 'repl') return true;
  if (repl.interactiveOptions && args.some((a) => repl.interactiveOptions!.test(a))) return true;
  // Options only: no script, no code, no subcommand.
  return args.every((a) => a.startsWith('-') && !repl.programOptions.test(a));
}

function firstCommand(script: string): string[] {
  return lexShell(script)[0]?.commands[0]?.words.map((w) => w.value) ?? [];
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
