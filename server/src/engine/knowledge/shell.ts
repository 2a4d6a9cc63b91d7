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
}

export interface Pipeline {
  commands: SimpleCommand[];
}

const SPACE = /[ \t\r\n]/;

/** Splits shell text into pipelines of simple commands. Unterminated quotes run to the end; nothing throws. */
export function lexShell(text: string): Pipeline[] {
  const pipelines: Pipeline[] = [];
  let commands: SimpleCommand[] = [];
  let words: Word[] = [];

  const endCommand = () => {
    if (words.length) commands.push({ words });
    words = [];
  };
  const endPipeline = () => {
    endCommand();
    if (commands.length) pipelines.push({ commands });
    commands = [];
  };

  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '\n' || ch === ';' || ch === '(' || ch === ')' || ch === '{' && isBoundary(text, i + 1) || ch === '}' && words.length === 0) {
      endPipeline();
      i++;
      continue;
    }
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#' ) {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '&') {
      endPipeline();
      i += text[i + 1] === '&' ? 2 : 1;
      continue;
    }
    if (ch === '|') {
      if (text[i + 1] === '|') {
        endPipeline();
        i += 2;
      } else {
        endCommand();
        i += text[i + 1] === '&' ? 2 : 1;
      }
      continue;
    }
    if (ch === '<' || ch === '>') {
      // Redirections stand as their own words so they never glue onto a neighbour.
      const start = i;
      while (i < n && (text[i] === '<' || text[i] === '>' || text[i] === '&')) i++;
      words.push({ value: text.slice(start, i), start, end: i });
      continue;
    }
    const word = readWord(text, i);
    words.push(word);
    i = word.end;
  }
  endPipeline();
  return pipelines;
}

function isBoundary(text: string, i: number): boolean {
  return i >= text.length || SPACE.test(text[i]);
}

function readWord(text: string, start: number): Word {
  let i = start;
  let value = '';
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (SPACE.test(ch) || ch === ';' || ch === '|' || ch === '&' || ch === '<' || ch === '>' || ch === ')' || ch === '(' && value === '') break;
    if (ch === '\\') {
      value += text[i + 1] ?? '';
      i += 2;
    } else if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      value += text.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n) i++;
        value += text[i];
        i++;
      }
      i++;
    } else if (ch === '$' && text[i + 1] === '(') {
      const end = matchParen(text, i + 1);
      value += text.slice(i, end);
      i = end;
    } else if (ch === '`') {
      const close = text.indexOf('`', i + 1);
      const end = close < 0 ? n : close + 1;
      value += text.slice(i, end);
      i = end;
    } else if (ch === '(') {
      // `<(...)` process substitution or an array assignment: keep it inside the word.
      const end = matchParen(text, i);
      value += text.slice(i, end);
      i = end;
    } else {
      value += ch;
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
