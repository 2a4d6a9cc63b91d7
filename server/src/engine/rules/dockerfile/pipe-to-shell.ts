import type { LocalShellSource } from '../../documents/shell-source';
import { lexShell, SHELLS, type Pipeline, type SimpleCommand, type Word } from '../../knowledge/shell';
import { closingParen, programOf, quotedText, scriptWord, shellScopes } from '../../knowledge/shell-scopes';
import { defineDockerfileRule, type Report } from '../../rule';

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'http', 'https']);

/** Interpreters that run code read from standard input, with the options that give them code another way. */
interface Interpreter {
  /** Short option letters that take the code as an argument (`sh -c`, `python -c`, `perl -e`). */
  codeLetters: string;
  /** Long options that take the code as an argument. */
  codeOptions?: string[];
  /** Options whose value is the next word, so that word is not a script path. */
  valueOptions: string[];
  /** Options after which the interpreter reads the script from standard input (`sh -s`). */
  stdinOptions?: string[];
}

const SHELL: Interpreter = { codeLetters: 'c', valueOptions: ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'], stdinOptions: ['-s'] };
const PYTHON: Interpreter = { codeLetters: 'cm', valueOptions: ['-W', '-X', '--check-hash-based-pycs'] };
const INTERPRETERS: Record<string, Interpreter> = {
  perl: { codeLetters: 'eE', valueOptions: ['-I', '-M', '-m'] },
  ruby: { codeLetters: 'e', valueOptions: ['-I', '-r', '-C', '-E'] },
  node: { codeLetters: 'ep', codeOptions: ['--eval', '--print'], valueOptions: ['-r', '--require', '--import'] },
  nodejs: { codeLetters: 'ep', codeOptions: ['--eval', '--print'], valueOptions: ['-r', '--require', '--import'] },
  php: { codeLetters: 'rBRFE', valueOptions: ['-c', '-d', '-z'] },
  pwsh: { codeLetters: 'c', codeOptions: ['-Command', '-command', '-EncodedCommand'], valueOptions: ['-File', '-f', '-ExecutionPolicy'] },
};

function interpreterOf(name: string): Interpreter | undefined {
  if (SHELLS.has(name) && name !== 'busybox') return SHELL;
  if (/^python[0-9.]*$/.test(name) || name === 'pypy3') return PYTHON;
  return Object.hasOwn(INTERPRETERS, name) ? INTERPRETERS[name] : undefined;
}

type MessageId = 'pipe' | 'processSubstitution' | 'commandSubstitution' | 'invokeExpression';

const REMEDY = 'download it to a file, check its sha256 checksum, then run it';

export default defineDockerfileRule({
  meta: {
    id: 'pipe-to-shell',
    code: 'DG109',
    severity: 'warning',
    category: 'supply-chain',
    title: 'Download piped into a shell',
    description:
      '`curl … | sh` runs whatever the server, or anyone able to tamper with the download, sends at build time, unreviewed and unverified, and a truncated download runs half a script.',
    references: {},
    messages: {
      pipe: `Piping a download into {{program}} runs whatever the server, or anyone in between, sends, unreviewed and unverified; ${REMEDY}.`,
      processSubstitution: `Running a download straight from <(…) with {{program}} executes whatever the server, or anyone in between, sends, unreviewed and unverified; ${REMEDY}.`,
      commandSubstitution: `Running the output of a download with {{program}} executes whatever the server, or anyone in between, sends, unreviewed and unverified; ${REMEDY}.`,
      invokeExpression: `Running a download with Invoke-Expression executes whatever the server, or anyone in between, sends, unreviewed and unverified; ${REMEDY}.`,
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkShellSource({ source, text, report }) {
    checkSource(text, source, report);
  },
});

function checkSource(text: string, source: LocalShellSource, report: (r: Report<MessageId>) => void): void {
  const quoted = quotedText(source, text);
  const findings = new SourceFindings(source, report);
  // Running a download's output needs `$(` or a backquote somewhere in the source.
  const substitutes = quoted.includes('$(') || quoted.includes('`');
  for (const scope of shellScopes(source, text)) {
    const pipelines = scope.pipelines;
    for (let index = 0; index < pipelines.length; index++) {
      checkPipe(pipelines[index], quoted, findings);
      checkProcessSubstitution(pipelines[index], pipelines[index + 1], quoted, findings);
      if (substitutes) for (const command of pipelines[index].commands) checkCommandSubstitution(command, quoted, findings);
    }
  }
  checkPowerShell(quoted, findings);
}

/**
 * Reports a source's findings, skipping any that overlaps one already reported. A class rather than a closure
 * per RUN: closures per call are allocations on the keystroke path.
 */
class SourceFindings {
  private readonly reported: number[] = []; // start, end, start, end…

  constructor(
    private readonly source: LocalShellSource,
    private readonly report: (r: Report<MessageId>) => void,
  ) {}

  add(start: number, end: number, messageId: MessageId, program?: string): void {
    // Reported stretches never overlap, so by start they are by end too: the one that could overlap this one is
    // found by a binary search (a loop over all was quadratic on a RUN of thousands of `curl | sh`).
    const reported = this.reported;
    let low = 0;
    let high = reported.length / 2;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (reported[2 * mid + 1] <= start) low = mid + 1;
      else high = mid;
    }
    if (low < reported.length / 2 && reported[2 * low] < end) return;
    reported.splice(2 * low, 0, start, end);
    this.report({ range: this.source.rangeOf(start, end), messageId, data: program === undefined ? undefined : { program } });
  }
}

/** `curl -fsSL https://… | sudo bash -s -- --flag`, `wget -qO- … | python3 -`. */
function checkPipe(pipeline: Pipeline, quoted: string, findings: SourceFindings): void {
  const commands = pipeline.commands;
  if (commands.length < 2) return; // nothing to pipe into
  let download = 0;
  while (download < commands.length && !producesDownload(commands[download], quoted)) download++;
  if (download === commands.length) return;
  for (let i = download + 1; i < commands.length; i++) {
    const program = programOf(commands[i]);
    const interpreter = program && interpreterOf(program.name);
    if (!program || !interpreter || !readsStdin(commands[i], program.index, interpreter)) continue;
    const downloader = programOf(commands[download])!;
    findings.add(commands[download].words[downloader.index].start, commands[i].words[program.index].end, 'pipe', program.name);
    return;
  }
}

/** A download that writes what it fetched to standard output, where a pipe or a substitution takes it. */
function isDownload(command: SimpleCommand): boolean {
  const program = programOf(command);
  if (program === undefined || !DOWNLOADERS.has(program.name)) return false;
  return toStandardOutput(
    program.name,
    command.words.slice(program.index + 1).map((w) => w.value),
  );
}

const STDOUT = new Set(['-', '/dev/stdout', '/dev/fd/1']);
/** curl's short options that take a value: in `-sSLH x`, the letters after H are not options. */
const CURL_VALUE_LETTERS = new Set([...'AbcCdDeEFhHKmoPQrtTuUwxXyYz']);

/**
 * Where a download's body goes. curl and HTTPie print it unless told to save it (`curl -o file`, `-O`,
 * `http --download`); wget and fetch save it to a file unless told to print it (`wget -O-`, `fetch -o -`).
 * `curl -o setup.sh https://… | sh` pipes nothing into the shell.
 */
function toStandardOutput(program: string, args: string[]): boolean {
  if (program === 'curl') return !curlSavesToFile(args);
  if (program === 'http' || program === 'https') return !args.some((a) => a === '-d' || a === '--download' || a === '-o' || a.startsWith('--output'));
  // wget -O file / -O- / -qO- / --output-document=-; fetch -o file / -o -.
  const option = program === 'wget' ? 'O' : 'o';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const long = /^--output-document(?:=(.*))?$/.exec(arg);
    if (program === 'wget' && long) return STDOUT.has(long[1] ?? args[i + 1] ?? '');
    // A group of short options (`-qO-`): the letter, then its value, attached or in the next word.
    const short = /^-([A-Za-z]+)(.*)$/.exec(arg);
    const at = short ? short[1].indexOf(option) : -1;
    if (at >= 0) return STDOUT.has(arg.slice(at + 2) || args[i + 1] || '');
  }
  return false;
}

function curlSavesToFile(args: string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') break;
    if (arg === '--remote-name' || arg === '--remote-name-all' || arg === '-O') return true;
    if (arg === '--output' || arg.startsWith('--output=')) return !STDOUT.has(arg.includes('=') ? arg.slice(9) : (args[i + 1] ?? ''));
    if (!/^-[A-Za-z]/.test(arg)) continue;
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      if (letter === 'O') return true;
      if (letter === 'o') return !STDOUT.has(arg.slice(j + 1) || args[i + 1] || '');
      if (CURL_VALUE_LETTERS.has(letter)) break;
    }
  }
  return false;
}

/** A download, or `echo "$(curl …)"` which passes one on. */
function producesDownload(command: SimpleCommand, quoted: string): boolean {
  if (isDownload(command)) return true;
  const program = programOf(command);
  if (!program || (program.name !== 'echo' && program.name !== 'printf')) return false;
  const words = command.words;
  for (let i = program.index + 1; i < words.length; i++) if (substitutesDownload(quoted.slice(words[i].start, words[i].end))) return true;
  return false;
}

/** True when the interpreter takes its program from standard input: no `-c` code, no script path. */
function readsStdin(command: SimpleCommand, programIndex: number, interpreter: Interpreter): boolean {
  const words = command.words;
  for (let i = programIndex + 1; i < words.length; i++) {
    const value = words[i].value;
    if (value === '-' || value === '/dev/stdin') return true;
    if (value === '--') return i + 1 >= words.length; // `bash -- script.sh` runs the script
    if (value === '<' || value === '<<' || value === '<<<') return false; // stdin comes from elsewhere
    if (interpreter.stdinOptions?.includes(value)) return true;
    // Code given as an argument; `pwsh -Command -` alone reads it from standard input.
    if (interpreter.codeOptions?.includes(value)) return words[i + 1]?.value === '-';
    if (interpreter.valueOptions.includes(value)) {
      i++;
      continue;
    }
    if (/^[-+][A-Za-z]/.test(value) && !value.startsWith('--')) {
      const letters = value.slice(1);
      if ([...letters].some((l) => interpreter.codeLetters.includes(l))) return words[i + 1]?.value === '-';
      if (interpreter === SHELL && letters.includes('s')) return true;
      continue;
    }
    if (value.startsWith('--')) continue;
    return false; // a script path: the piped download is only its input
  }
  return true;
}

/** `bash <(curl -fsSL …)`, `source <(wget -qO- …)`: the lexer ends a pipeline at `<(`, the download follows. */
function checkProcessSubstitution(pipeline: Pipeline, next: Pipeline | undefined, quoted: string, findings: SourceFindings): void {
  if (!next) return;
  const command = pipeline.commands[pipeline.commands.length - 1];
  const last = command.words[command.words.length - 1];
  if (last.value !== '<' || quoted[last.end] !== '(') return;
  const program = programOf(command);
  if (!program || program.index >= command.words.length - 1) return;
  const runs = interpreterOf(program.name) !== undefined || program.name === 'source' || program.name === '.';
  if (!runs || !isDownload(next.commands[0])) return;
  const lastCommand = next.commands[next.commands.length - 1];
  let end = lastCommand.words[lastCommand.words.length - 1].end;
  const close = /^\s*\)/.exec(quoted.slice(end, end + 40));
  if (close) end += close[0].length;
  findings.add(command.words[program.index].start, end, 'processSubstitution', program.name);
}

/** `sh -c "$(curl -fsSL …)"`, `ruby -e "$(curl …)"`, `eval "$(wget -qO- …)"`. */
function checkCommandSubstitution(command: SimpleCommand, quoted: string, findings: SourceFindings): void {
  const program = programOf(command);
  if (!program) return;
  const code =
    program.name === 'eval'
      ? command.words.slice(program.index + 1)
      : [codeWord(command, program.name, program.index)].filter((w): w is Word => w !== undefined);
  for (const word of code) {
    if (!substitutesDownload(quoted.slice(word.start, word.end))) continue;
    findings.add(command.words[program.index].start, word.end, 'commandSubstitution', program.name);
    return;
  }
}

function codeWord(command: SimpleCommand, name: string, programIndex: number): Word | undefined {
  const interpreter = interpreterOf(name);
  if (!interpreter) return undefined;
  if (interpreter === SHELL) return scriptWord(command);
  const words = command.words;
  for (let i = programIndex + 1; i < words.length - 1; i++) {
    const value = words[i].value;
    if (interpreter.codeOptions?.includes(value)) return words[i + 1];
    if (/^-[A-Za-z]+$/.test(value) && interpreter.codeLetters.includes(value[value.length - 1])) return words[i + 1];
  }
  return undefined;
}

/** The word, quotes aside, is `$(download …)` or a backquoted download. */
function substitutesDownload(written: string): boolean {
  const text = written.replace(/^["']/, '');
  let inner: string;
  if (text.startsWith('$(')) inner = text.slice(2, closingParen(text, 1));
  else if (text.startsWith('`')) inner = text.slice(1, text.indexOf('`', 1) < 0 ? text.length : text.indexOf('`', 1));
  else return false;
  const first = lexShell(inner)[0]?.commands[0];
  return first !== undefined && isDownload(first);
}

/** PowerShell's `iwr … | iex` and `iex ((New-Object Net.WebClient).DownloadString(…))`. */
const POWERSHELL = [
  /\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^|;\n]{0,300}\|[ \t]{0,10}(?:iex|Invoke-Expression)\b/gi,
  /\b(?:iex|Invoke-Expression)\b[^;\n]{0,300}?\b(?:DownloadString|Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\b/gi,
];

function checkPowerShell(text: string, findings: SourceFindings): void {
  if (!/iex|invoke-expression/i.test(text)) return;
  for (const pattern of POWERSHELL) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      findings.add(m.index, m.index + m[0].length, 'invokeExpression');
    }
  }
}
