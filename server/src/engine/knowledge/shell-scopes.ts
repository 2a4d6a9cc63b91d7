import { Run } from 'dockerfile-ast';
import type { LocalShellSource } from '../documents/shell-source';
import { commandIndex, lexShell, memoOf, SHELLS, type Pipeline, type SimpleCommand, type Word } from './shell';

/**
 * The shell code of a RUN is not only its top-level pipelines: `sh -c "curl … | sh"`, `$(curl …)` and the exec
 * form `["sh", "-c", "…"]` hide commands inside single words. A scope is one lexing of such code; every word
 * offset in every scope is an offset into the source's `text`, so findings map back with `source.rangeOf`.
 */
export interface ShellScope {
  pipelines: Pipeline[];
}

const MAX_DEPTH = 4;
const MAX_SCOPES = 256;

/**
 * The top-level scope of a source followed by every nested one; computed once per source and shared.
 * `documentText` is the whole document, for the quoting that the exec form's blanked text has lost.
 */
export function shellScopes(source: LocalShellSource, documentText: string): ShellScope[] {
  if (!source.scopes) {
    const scopes: ShellScope[] = [];
    const raw = quotedText(source, documentText);
    const top = isExecForm(source) ? execFormPipelines(source.text, raw) : source.pipelines;
    collect(top, raw, 0, scopes, raw.includes('$(') || raw.includes('`'));
    source.scopes = scopes;
  }
  return source.scopes;
}

/** Every simple command of a source, nested ones included. */
export function* allCommands(source: LocalShellSource, documentText: string): Generator<SimpleCommand> {
  for (const scope of shellScopes(source, documentText)) for (const pipeline of scope.pipelines) yield* pipeline.commands;
}

const ORDERED = Symbol('commands in text order');

/**
 * Every simple command of a source, nested ones included, in the order they appear in its text: `sh -c "a && b" && c`
 * gives `sh`, `a`, `b`, `c`. Rules that ask what happens after what (a cleanup after an install) read this.
 * Kept with the source, so the rules that share it sort once per edit of the RUN.
 */
export function orderedCommands(source: LocalShellSource, documentText: string): readonly SimpleCommand[] {
  return source.reading(ORDERED, readOrderedCommands, documentText);
}

function readOrderedCommands(source: LocalShellSource, documentText: string): readonly SimpleCommand[] {
  const scopes = shellScopes(source, documentText);
  const commands: SimpleCommand[] = [];
  for (const scope of scopes) for (const pipeline of scope.pipelines) for (const command of pipeline.commands) commands.push(command);
  if (scopes.length > 1) commands.sort((a, b) => a.words[0].start - b.words[0].start);
  return commands;
}

/**
 * The source with its quotes, at the same offsets as `source.text`: the shell form's text keeps them (only line
 * continuations are blanked), the exec form's blanks the JSON quotes, so it is read from the document.
 */
export function quotedText(source: LocalShellSource, documentText: string): string {
  return isExecForm(source) ? documentText.slice(source.offset, source.offset + source.text.length) : source.text;
}

/** The program a command runs: `sudo -E bash` → `bash`, `/bin/sh` → `sh`, `busybox wget` → `wget`. */
export function programOf(command: SimpleCommand): { name: string; index: number } | undefined {
  const memo = memoOf(command);
  if (memo.program === undefined) memo.program = findProgram(command) ?? null;
  return memo.program ?? undefined;
}

function findProgram(command: SimpleCommand): { name: string; index: number } | undefined {
  let index = commandIndex(command);
  if (index < 0) return undefined;
  let name = baseName(command.words[index].value);
  if (name === 'busybox' && index + 1 < command.words.length) name = baseName(command.words[++index].value);
  return { name, index };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function isExecForm(source: LocalShellSource): boolean {
  return source.instruction instanceof Run && !source.heredoc && source.instruction.getOpeningBracket() !== null;
}

/** `["sh", "-c", "curl … | sh"]`: the elements become the words of one command, each at its own offsets. */
function execFormPipelines(blanked: string, raw: string): Pipeline[] {
  const words = jsonStrings(raw);
  if (words.length === 0) return lexShell(blanked);
  return [{ commands: [{ words, memo: undefined }] }];
}

/** The string literals of a JSON array, decoded, with the offsets of their contents (inside the quotes). */
export function jsonStrings(text: string): Word[] {
  const words: Word[] = [];
  let i = text.indexOf('[');
  if (i < 0) return words;
  while (i < text.length) {
    const open = text.indexOf('"', i);
    if (open < 0) break;
    let j = open + 1;
    while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    const literal = text.slice(open, Math.min(j + 1, text.length));
    let value: string;
    try {
      value = JSON.parse(literal.endsWith('"') && literal.length > 1 ? literal : `${literal}"`);
    } catch {
      value = literal.slice(1).replace(/"$/, '');
    }
    words.push({ value, start: open + 1, end: Math.min(j, text.length) });
    i = j + 1;
  }
  return words;
}

/**
 * `substitutions`: the source holds a `$(` or a backquote somewhere. Every word is a part of the source, so
 * without one no word needs looking into, which spares a slice and two searches per word.
 */
function collect(pipelines: Pipeline[], raw: string, depth: number, scopes: ShellScope[], substitutions: boolean): void {
  if (scopes.length >= MAX_SCOPES) return;
  scopes.push({ pipelines });
  if (depth >= MAX_DEPTH) return;
  for (const pipeline of pipelines) {
    for (const command of pipeline.commands) {
      const script = scriptWord(command);
      if (!script && !substitutions) continue;
      for (const word of command.words) {
        if (word === script) nestScript(word, raw, depth, scopes, substitutions);
        else if (substitutions) nestSubstitutions(word, raw, depth, scopes);
      }
    }
  }
}

/** The word a shell runs as a script: `sh -c '<script>'`, `bash -ec "<script>"`, `su app -c "<script>"`. */
export function scriptWord(command: SimpleCommand): Word | undefined {
  const program = programOf(command);
  if (!program || !(SHELLS.has(program.name) || program.name === 'su')) return undefined;
  const words = command.words;
  for (let i = program.index + 1; i < words.length - 1; i++) {
    const value = words[i].value;
    if (value === '--') return undefined;
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(value) && !value.startsWith('--')) return words[i + 1];
  }
  return undefined;
}

function nestScript(word: Word, raw: string, depth: number, scopes: ShellScope[], substitutions: boolean): void {
  const written = raw.slice(word.start, word.end);
  const quote = written[0];
  if ((quote === '"' || quote === "'") && written.length >= 2 && written.endsWith(quote)) {
    collect(shifted(lexShell(written.slice(1, -1)), word.start + 1), raw, depth + 1, scopes, substitutions);
  } else {
    // Unquoted or partly quoted: the lexer undoes the quoting itself.
    collect(shifted(lexShell(written), word.start), raw, depth + 1, scopes, substitutions);
  }
}

/** `$(…)` and backquotes inside a word, each lexed as its own scope. */
function nestSubstitutions(word: Word, raw: string, depth: number, scopes: ShellScope[]): void {
  const written = raw.slice(word.start, word.end);
  if (!written.includes('$(') && !written.includes('`')) return;
  let i = 0;
  while (i < written.length && scopes.length < MAX_SCOPES) {
    if (written[i] === '\\') {
      i += 2;
    } else if (written[i] === '$' && written[i + 1] === '(' && written[i + 2] !== '(') {
      const close = closingParen(written, i + 1);
      collect(shifted(lexShell(written.slice(i + 2, close)), word.start + i + 2), raw, depth + 1, scopes, true);
      i = close + 1;
    } else if (written[i] === '`') {
      const close = written.indexOf('`', i + 1);
      const end = close < 0 ? written.length : close;
      collect(shifted(lexShell(written.slice(i + 1, end)), word.start + i + 1), raw, depth + 1, scopes, true);
      i = end + 1;
    } else {
      i++;
    }
  }
}

/** Offset of the parenthesis closing the one at `open`, or the text's length when it is never closed. */
export function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return text.length;
}

function shifted(pipelines: Pipeline[], by: number): Pipeline[] {
  for (const pipeline of pipelines) {
    for (const command of pipeline.commands) {
      for (const word of command.words) {
        word.start += by;
        word.end += by;
      }
    }
  }
  return pipelines;
}
