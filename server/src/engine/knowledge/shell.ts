/**
 * A small shell lexer: enough structure (words, simple commands, pipelines) for security checks on RUN lines,
 * with every word's offsets kept so findings can point at the exact flag. It never executes anything.
 *
 * Why not a library: the shell parsers on npm either drop source positions (shell-quote) or are large,
 * unmaintained or WebAssembly builds; these checks need positions and tolerance of half-typed input.
 */

export interface Word {
  /** The word with quotes and escapes removed (approximate for expansions, which are kept verbatim). */
  value: string;
  /** Offsets into the lexed text. */
  start: number;
  end: number;
}

export interface SimpleCommand {
  words: Word[];
  /**
   * Answers several rules ask of every command, kept on first use (knowledge/shell-scopes and
   * knowledge/packages fill them). Commands belong to one analysis, so nothing outlives it.
   */
  memo?: CommandMemo;
}

export interface CommandMemo {
  /** commandIndex's answer. */
  index?: number;
  /** programOf's answer; null for a command of assignments only. */
  program?: { name: string; index: number } | null;
  /** packageCommand's answer; null for any other program. */
  packageCall?: unknown;
}

/** The command's memo, created on first use. */
export function memoOf(command: SimpleCommand): CommandMemo {
  command.memo ??= { index: undefined, program: undefined, packageCall: undefined };
  return command.memo;
}

export interface Pipeline {
  commands: SimpleCommand[];
}

// Character codes: the lexer runs on every RUN at every keystroke, so it compares codes and copies runs of
// ordinary characters with one slice instead of testing and appending one character at a time.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const AMPERSAND = 38;
const SINGLE_QUOTE = 39;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const SEMICOLON = 59;
const LESS = 60;
const GREATER = 62;
const BACKSLASH = 92;
const BACKTICK = 96;
const OPEN_BRACE = 123;
const PIPE = 124;
const CLOSE_BRACE = 125;

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === LF || code === CR;
}

/** Characters that end a word or start quoting, escaping or substitution inside one; everything else is copied as is. */
const SPECIAL_IN_WORD = new Uint8Array(128);
for (const code of [
  TAB,
  LF,
  CR,
  SPACE,
  DOUBLE_QUOTE,
  DOLLAR,
  AMPERSAND,
  SINGLE_QUOTE,
  OPEN_PAREN,
  CLOSE_PAREN,
  SEMICOLON,
  LESS,
  GREATER,
  BACKSLASH,
  BACKTICK,
  PIPE,
]) {
  SPECIAL_IN_WORD[code] = 1;
}

function isOrdinary(code: number): boolean {
  return code >= 128 || SPECIAL_IN_WORD[code] === 0;
}

/**
 * What lexShell has gathered so far. Methods on a class rather than closures inside lexShell: a closure per call
 * is an allocation (and, under tsx's keepNames, a defineProperty) for every RUN at every keystroke.
 */
class Gathered {
  readonly pipelines: Pipeline[] = [];
  commands: SimpleCommand[] = [];
  words: Word[] = [];

  endCommand(): void {
    if (this.words.length) this.commands.push({ words: this.words, memo: undefined });
    this.words = [];
  }

  endPipeline(): void {
    this.endCommand();
    if (this.commands.length) this.pipelines.push({ commands: this.commands });
    this.commands = [];
  }
}

/** Splits shell text into pipelines of simple commands. Unterminated quotes run to the end; nothing throws. */
export function lexShell(text: string): Pipeline[] {
  const gathered = new Gathered();
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (
      code === LF ||
      code === SEMICOLON ||
      code === OPEN_PAREN ||
      code === CLOSE_PAREN ||
      (code === OPEN_BRACE && isBoundary(text, i + 1)) ||
      (code === CLOSE_BRACE && gathered.words.length === 0)
    ) {
      gathered.endPipeline();
      i++;
      continue;
    }
    if (code === SPACE || code === TAB || code === CR) {
      i++;
      continue;
    }
    if (code === HASH) {
      const newline = text.indexOf('\n', i);
      i = newline < 0 ? n : newline;
      continue;
    }
    if (code === AMPERSAND) {
      gathered.endPipeline();
      i += text.charCodeAt(i + 1) === AMPERSAND ? 2 : 1;
      continue;
    }
    if (code === PIPE) {
      if (text.charCodeAt(i + 1) === PIPE) {
        gathered.endPipeline();
        i += 2;
      } else {
        gathered.endCommand();
        i += text.charCodeAt(i + 1) === AMPERSAND ? 2 : 1;
      }
      continue;
    }
    if (code === LESS || code === GREATER) {
      // Redirections stand as their own words so they never glue onto a neighbour.
      const start = i;
      while (i < n && isRedirection(text.charCodeAt(i))) i++;
      gathered.words.push({ value: text.slice(start, i), start, end: i });
      continue;
    }
    const word = readWord(text, i);
    gathered.words.push(word);
    i = word.end;
  }
  gathered.endPipeline();
  return gathered.pipelines;
}

function isRedirection(code: number): boolean {
  return code === LESS || code === GREATER || code === AMPERSAND;
}

function isBoundary(text: string, i: number): boolean {
  return i >= text.length || isSpace(text.charCodeAt(i));
}

function readWord(text: string, start: number): Word {
  let i = start;
  let value = '';
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isOrdinary(code)) {
      const runStart = i;
      i++;
      while (i < n && isOrdinary(text.charCodeAt(i))) i++;
      value += text.slice(runStart, i);
      continue;
    }
    if (
      isSpace(code) ||
      code === SEMICOLON ||
      code === PIPE ||
      code === AMPERSAND ||
      code === LESS ||
      code === GREATER ||
      code === CLOSE_PAREN ||
      (code === OPEN_PAREN && value === '')
    )
      break;
    if (code === BACKSLASH) {
      value += text[i + 1] ?? '';
      i += 2;
    } else if (code === SINGLE_QUOTE) {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      value += text.slice(i + 1, end);
      i = end + 1;
    } else if (code === DOUBLE_QUOTE) {
      // Inside double quotes a backslash keeps the character after it and is itself dropped.
      i++;
      let runStart = i;
      while (i < n) {
        const inner = text.charCodeAt(i);
        if (inner === DOUBLE_QUOTE) break;
        if (inner === BACKSLASH && i + 1 < n) {
          value += text.slice(runStart, i);
          runStart = i + 1;
          i += 2;
        } else {
          i++;
        }
      }
      value += text.slice(runStart, i);
      i++;
    } else if (code === DOLLAR && text.charCodeAt(i + 1) === OPEN_PAREN) {
      const end = matchParen(text, i + 1);
      value += text.slice(i, end);
      i = end;
    } else if (code === BACKTICK) {
      const close = text.indexOf('`', i + 1);
      const end = close < 0 ? n : close + 1;
      value += text.slice(i, end);
      i = end;
    } else if (code === OPEN_PAREN) {
      // `<(...)` process substitution or an array assignment: keep it inside the word.
      const end = matchParen(text, i);
      value += text.slice(i, end);
      i = end;
    } else {
      value += text[i]; // a `$` that starts no command substitution
      i++;
    }
  }
  return { value, start, end: Math.min(i, n) };
}

/** Offset just past the parenthesis that closes the one at `open`, or the end of the text. */
function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

const PREFIX_COMMANDS = new Set(['sudo', 'env', 'exec', 'time', 'nice', 'nohup', 'command', 'builtin', 'doas', 'su-exec', 'gosu']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Index of the word that names the program (skipping `VAR=x` prefixes and wrappers such as sudo/env). */
export function commandIndex(command: SimpleCommand): number {
  const memo = memoOf(command);
  memo.index ??= findCommandIndex(command);
  return memo.index;
}

function findCommandIndex(command: SimpleCommand): number {
  let i = 0;
  const words = command.words;
  while (i < words.length) {
    const value = words[i].value;
    if (ASSIGNMENT.test(value)) {
      i++;
    } else if (PREFIX_COMMANDS.has(value)) {
      i++;
      // Skip the wrapper's own options, e.g. `sudo -E`, `env -i`.
      while (i < words.length && words[i].value.startsWith('-')) i++;
    } else {
      return i;
    }
  }
  return -1;
}

/** The program's base name, e.g. `/usr/bin/curl` -> `curl`; undefined for a command of assignments only. */
export function commandName(command: SimpleCommand): string | undefined {
  const index = commandIndex(command);
  if (index < 0) return undefined;
  const value = command.words[index].value;
  return value.slice(value.lastIndexOf('/') + 1);
}

/** The words after the program name. */
export function commandArgs(command: SimpleCommand): Word[] {
  const index = commandIndex(command);
  return index < 0 ? [] : command.words.slice(index + 1);
}

/** Leading `NAME=value` words of a command, and the words after `export`/`ENV`-like builtins. */
export function assignments(command: SimpleCommand): Word[] {
  const result: Word[] = [];
  const words = command.words;
  let i = 0;
  for (; i < words.length && ASSIGNMENT.test(words[i].value); i++) result.push(words[i]);
  if (i < words.length && (words[i].value === 'export' || words[i].value === 'declare' || words[i].value === 'typeset')) {
    for (i++; i < words.length; i++) if (ASSIGNMENT.test(words[i].value)) result.push(words[i]);
  }
  return result;
}

export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'fish', 'busybox']);

/**
 * Whether text appended at the end of `text` would land inside something still open there: a quote, a
 * backquote, a parenthesis (`$(`, a subshell), or a trailing backslash. Fixes that append a command check it: inside an unclosed quote
 * the command would be more of the quoted word, and the fix would never take.
 */
export function isOpenAtEnd(text: string): boolean {
  let quote = 0; // the open quote's code, 0 when none
  let backquoted = false;
  let substitutions = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quote === SINGLE_QUOTE) {
      if (code === SINGLE_QUOTE) quote = 0;
    } else if (code === BACKSLASH) {
      if (i + 1 >= text.length) return true;
      i++;
    } else if (quote === DOUBLE_QUOTE) {
      if (code === DOUBLE_QUOTE) quote = 0;
    } else if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
      quote = code;
    } else if (code === BACKTICK) {
      backquoted = !backquoted;
    } else if (code === OPEN_PAREN) {
      substitutions++; // `$(`, a subshell, or `<(` and `x=(` inside a word, which the lexer reads to the `)`
    } else if (code === CLOSE_PAREN && substitutions > 0) {
      substitutions--;
    } else if (code === HASH && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      const newline = text.indexOf('\n', i);
      if (newline < 0) break;
      i = newline;
    }
  }
  return quote !== 0 || backquoted || substitutions > 0;
}
