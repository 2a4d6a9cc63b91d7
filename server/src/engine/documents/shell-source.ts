import { Instruction, Run } from 'dockerfile-ast';
import type { LineIndex } from '../text';
import { commandIndex, commandName, lexShell, SHELLS, type Pipeline, type SimpleCommand } from '../knowledge/shell';
import type { ShellScope } from '../knowledge/shell-scopes';
import { keywordOf } from './ast-memo';
import { argumentSpans, escapeCharOf, firstArgumentOffset, heredocsOf } from './instruction-args';
import type { Range } from '../types';
import type { Stage } from './dockerfile';
import { isOverlong, type DockerfileUnits, type InstructionUnit } from './dockerfile-units';
import { DEFAULT_SHELL, EXEC_FORM, shellFromArgv, type RunShell } from './run-shell';

/**
 * Shell code taken from a RUN, laid over the document so that offset `i` of `text` is document offset
 * `offset + i`: line continuations and the comment lines inside them become spaces, never removed.
 * Rules search `text` and map hits straight back to source ranges.
 *
 * A class rather than an object literal with a getter: a literal's getter closure gives every object a map of
 * its own, which V8 keeps in old space, so each analysis's sources (and the model behind them) survived every
 * young-generation collection and cost more in garbage collection than the rules did.
 */
export class ShellSource {
  private lexed?: Pipeline[];
  /** Nested scopes (`sh -c '…'`, `$(…)`), kept by knowledge/shell-scopes for the rules that share them. */
  scopes?: ShellScope[];
  private readings?: Map<symbol, unknown>;
  /**
   * The shell that runs this code: the stage's SHELL where the RUN is (set for each analysis, like the stage), or
   * the source's own (`ownShell`). A per-instruction check may read it: the engine checks the instruction again
   * when it changes (unit-findings). PowerShell and cmd code has no POSIX pipelines (see `pipelines`).
   */
  shell: RunShell = DEFAULT_SHELL;

  constructor(
    readonly instruction: Instruction,
    /** Set for each analysis: the source itself is kept while its RUN is unchanged (documents/dockerfile-units). */
    public stage: Stage | undefined,
    readonly onbuild: boolean,
    /** A heredoc body run by the shell, rather than the RUN line itself. */
    readonly heredoc: boolean,
    readonly text: string,
    /** Where `text` starts in the document; moved with the RUN when an edit above it changes the text's length. */
    public offset: number,
    /** The current document's line index, set for each analysis. */
    public lines: LineIndex,
    /** A shell the source names itself, whatever SHELL says: the exec form's, or `RUN bash <<EOF`'s for the body. */
    readonly ownShell?: RunShell,
  ) {}

  /** Lexed on first use and then kept, so several rules share one lexing; none for PowerShell or cmd code. */
  get pipelines(): Pipeline[] {
    if (!this.shell.posix) return NO_PIPELINES;
    this.lexed ??= lexShell(this.text);
    return this.lexed;
  }

  /** A new shell in effect (a SHELL above was added or changed): what was read under the old one is dropped. */
  setShell(shell: RunShell): void {
    if (shell === this.shell) return;
    this.shell = shell;
    this.scopes = undefined;
    this.readings = undefined;
  }

  /**
   * A reading of this source's text that a whole-file check asks for on every analysis, kept with the source
   * (and so for as long as its RUN is unchanged). Offsets in it must be into `text`, never into the document.
   */
  reading<T, C = undefined>(key: symbol, read: (source: this, context: C) => T, context?: C): T {
    const readings = (this.readings ??= new Map());
    // One lookup for what is there (every keystroke), a second only for a reading that is undefined. `read` gets
    // the source and `context`, so that a caller need not make a closure on every keystroke to ask.
    let value = readings.get(key) as T | undefined;
    if (value === undefined && !readings.has(key)) readings.set(key, (value = read(this, context as C)));
    return value as T;
  }

  rangeOf(startInText: number, endInText: number): Range {
    return this.lines.rangeAt(this.offset + startInText, this.offset + endInText);
  }
}

/**
 * A shell source as a per-instruction check sees it (rule.ts): everything but the stage, which depends on the
 * instructions around it.
 */
export type LocalShellSource = Omit<ShellSource, 'stage' | 'setShell'>;

const NO_PIPELINES: Pipeline[] = [];

type InstructionEntry = { instruction: Instruction; stage?: Stage; onbuild: boolean; shell: RunShell };

/** A unit's shell sources, kept with it between analyses and moved with it. */
class UnitSources {
  constructor(readonly list: ShellSource[]) {}

  move(delta: number): void {
    for (const source of this.list) source.offset += delta;
  }
}

/**
 * Every RUN's shell code in file order, from `entries` (the model's instructions: one per unit, then its ONBUILD
 * trigger). What each unit gave is kept with it; only its stage and the line index are brought up to date.
 */
export function shellSourcesOf(parsed: DockerfileUnits, entries: InstructionEntry[]): ShellSource[] {
  const lines = parsed.lines;
  const sources: ShellSource[] = [];
  let next = 0;
  for (const unit of parsed.units) {
    const entry = entries[next++];
    const triggerEntry = unit.trigger ? entries[next++] : undefined;
    // Only a RUN (or an ONBUILD's) has shell code: no need to look for what the others keep.
    if (!triggerEntry && keywordOf(entry.instruction) !== 'RUN') continue;
    let kept = unit.sources as UnitSources | undefined;
    if (!kept) {
      // Checked only until the unit keeps its sources: an instruction too long to analyse never gets any.
      if (isOverlong(unit, lines)) continue;
      const list: ShellSource[] = [];
      if (entry.instruction instanceof Run) collectRun(entry, entry.instruction, lines, list);
      if (triggerEntry && triggerEntry.instruction instanceof Run) collectRun(triggerEntry, triggerEntry.instruction, lines, list);
      kept = new UnitSources(list);
      unit.sources = kept;
    }
    for (const source of kept.list) {
      const from = source.onbuild ? triggerEntry : entry;
      source.stage = from?.stage;
      source.setShell(source.ownShell ?? from?.shell ?? DEFAULT_SHELL);
      source.lines = lines;
      sources.push(source);
    }
  }
  return sources;
}

/** The shell sources of one unit (its RUN, or its ONBUILD RUN), as shellSourcesOf keeps them. */
export function unitShellSources(unit: InstructionUnit): readonly ShellSource[] {
  return (unit.sources as UnitSources | undefined)?.list ?? [];
}

function collectRun(entry: InstructionEntry, run: Run, lines: LineIndex, sources: ShellSource[]): void {
  // Offsets of our own scan, not dockerfile-ast's argument ranges: see instruction-args. The flags were computed
  // (and kept) by dockerfile-ast while parsing; they are the first arguments.
  const flags = run.getFlags();
  let start: number;
  if (flags.length === 0) {
    start = firstArgumentOffset(run, lines);
    if (start < 0) return;
  } else {
    if (argumentSpans(run, lines).length <= flags.length) return; // nothing after the flags yet
    start = lines.offsetAt(flags[flags.length - 1].getRange().end);
  }
  const end = lines.offsetAt(run.getRange().end);
  const heredocs = heredocsOf(run, lines);

  if (heredocs.length === 0) {
    const raw = lines.text.slice(start, end);
    const exec = run.getOpeningBracket() !== null;
    const text = exec ? blankJson(raw) : blankContinuations(raw, escapeCharOf(run));
    sources.push(makeSource(entry, false, text, start, lines, exec ? EXEC_FORM : undefined));
    return;
  }

  // With heredocs, the RUN line is a command and each body is either a script for the shell or data.
  const firstLineEnd = lines.lineEndOffset(lines.positionAt(start).line);
  const commandLine = lines.text.slice(start, firstLineEnd);
  sources.push(makeSource(entry, false, commandLine, start, lines));
  const runner = bodyRunner(commandLine);
  if (runner === null) return;
  for (const { bodyStart, bodyEnd } of heredocs) {
    if (bodyStart < 0) continue;
    const body = lines.text.slice(bodyStart, bodyEnd);
    if (/^#!/.test(body) && !/^#!\S*\b(?:ba|da|z|k|a)?sh\b/.test(body)) continue; // e.g. #!/usr/bin/env python
    sources.push(makeSource(entry, true, body, bodyStart, lines, runner));
  }
}

/**
 * What runs the heredoc bodies: `RUN <<EOF` the SHELL in effect (undefined), `RUN bash -e <<EOF` that shell
 * with its options; null for `RUN python3 <<EOF` or `cat <<EOF`, whose bodies are not shell code.
 */
function bodyRunner(commandLine: string): RunShell | undefined | null {
  const pipelines = lexShell(commandLine);
  const command = heredocReader(pipelines) ?? pipelines[0]?.commands[0];
  if (!command) return undefined;
  const name = commandName(command);
  if (name === undefined || name.startsWith('<<')) return undefined; // `RUN <<EOF`, `RUN X=1 <<EOF`
  if (!SHELLS.has(name)) return null;
  return shellFromArgv(command.words.slice(commandIndex(command)).map((w) => w.value));
}

/** The command a heredoc is redirected into: `apt-get update && bash <<EOF` gives bash. */
function heredocReader(pipelines: Pipeline[]): SimpleCommand | undefined {
  for (const pipeline of pipelines) for (const command of pipeline.commands) if (command.words.some((w) => w.value.startsWith('<<'))) return command;
  return undefined;
}

function makeSource(entry: InstructionEntry, heredoc: boolean, text: string, offset: number, lines: LineIndex, ownShell?: RunShell): ShellSource {
  return new ShellSource(entry.instruction, entry.stage, entry.onbuild, heredoc, text, offset, lines, ownShell);
}

/**
 * Replaces `\`+newline continuations and the comment lines BuildKit drops inside them with spaces.
 * Copies the untouched stretches with slices rather than splitting the text into characters: it runs on every
 * RUN at every keystroke.
 */
function blankContinuations(raw: string, escape: string): string {
  const escapeCode = escape.charCodeAt(0);
  const n = raw.length;
  let out = '';
  let copied = 0;
  let lineStart = true;
  for (let i = 0; i < n; i++) {
    if (lineStart) {
      let j = i;
      while (j < n && isBlank(raw.charCodeAt(j))) j++;
      if (raw.charCodeAt(j) === 35 /* # */) {
        const newline = raw.indexOf('\n', j);
        const end = newline < 0 ? n : newline + 1; // the comment and its line break
        out += raw.slice(copied, j) + ' '.repeat(end - j);
        copied = end;
        i = end - 1;
        continue;
      }
      lineStart = false;
    }
    const code = raw.charCodeAt(i);
    if (code === escapeCode) {
      let j = i + 1;
      while (j < n && isBlank(raw.charCodeAt(j))) j++;
      if (raw.charCodeAt(j) === 13 /* \r */) j++;
      if (raw.charCodeAt(j) === 10 /* \n */) {
        out += raw.slice(copied, i) + ' '.repeat(j + 1 - i);
        copied = j + 1;
        i = j;
        lineStart = true;
        continue;
      }
      i++; // an escaped character, e.g. `\|`, stays as written
    } else if (code === 10 /* \n */) {
      lineStart = true;
    }
  }
  return copied === 0 ? raw : out + raw.slice(copied);
}

function isBlank(code: number): boolean {
  return code === 32 /* space */ || code === 9; /* tab */
}

/** Exec form: `["sh", "-c", "curl … | sh"]` becomes words separated by spaces, offsets kept. */
function blankJson(raw: string): string {
  return raw.replace(/[[\],"]/g, ' ');
}
