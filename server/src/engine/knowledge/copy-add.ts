import { Add, Copy, type Flag, type Instruction } from 'dockerfile-ast';
import { trimTrailingSlashes } from '../paths';
import { sharedReading } from '../documents/ast-memo';
import { argumentSpans, heredocsOf } from '../documents/instruction-args';
import type { LineIndex } from '../text';
import type { Range } from '../types';
import { jsonStrings } from './shell-scopes';

/** What COPY and ADD take: sources, a destination, flags; in shell form, exec (JSON) form, or with heredocs. */
export interface TransferArgs {
  keyword: 'COPY' | 'ADD';
  flags: Flag[];
  /** The sources as written (heredoc sources excluded). A lone argument counts as a source while it is typed. */
  sources: { value: string; range: Range }[];
  /** The instruction copies heredoc contents (`COPY <<EOF /etc/x`). */
  heredoc: boolean;
  /** The destination as written, once there is one after the sources. */
  destination?: { value: string; range: Range };
}

/** Flags COPY accepts; an ADD with any other flag cannot simply become a COPY. */
export const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude', 'from', 'parents']);

/** Read once per instruction and shared by the COPY/ADD rules; undefined for any other instruction. */
export function transferArgs(instruction: Instruction, lines: LineIndex): TransferArgs | undefined {
  if (!(instruction instanceof Add || instruction instanceof Copy)) return undefined;
  return sharedReading(instruction, () => readTransferArgs(instruction, lines));
}

function readTransferArgs(instruction: Add | Copy, lines: LineIndex): TransferArgs {
  const keyword = instruction instanceof Add ? 'ADD' : 'COPY';
  const flags = instruction.getFlags();
  const heredoc = heredocsOf(instruction, lines).length > 0;

  let args: { value: string; range: Range }[];
  const argsRange = instruction.getOpeningBracket() ? instruction.getArgumentsRange() : null; // exec form is rare
  if (argsRange) {
    const start = lines.offsetAt(argsRange.start);
    const text = lines.text.slice(start, lines.offsetAt(instruction.getRange().end));
    args = jsonStrings(text).map((w) => ({ value: w.value, range: lines.rangeAt(start + w.start, start + w.end) }));
  } else {
    const firstLine = instruction.getRange().start.line;
    // Offsets from our own scan (see documents/instruction-args); dockerfile-ast's getArguments drops as many
    // leading arguments as there are flags.
    args = argumentSpans(instruction, lines)
      .slice(flags.length)
      // With heredocs, only the instruction's own line holds arguments; the rest are bodies and delimiters.
      .filter((a) => !heredoc || (lines.positionAt(a.start).line === firstLine && !a.value.startsWith('<<')))
      .map((a) => ({ value: unquote(a.value), range: lines.rangeAt(a.start, a.end) }));
  }
  const sources = heredoc ? args.slice(0, -1) : args.length > 1 ? args.slice(0, -1) : args;
  const destination = heredoc || args.length > 1 ? args[args.length - 1] : undefined;
  return { keyword, flags, sources, heredoc, destination };
}

/**
 * A shell-form source as BuildKit reads it: quotes removed (`ADD "app.tgz" /` adds app.tgz, an archive, which ADD
 * unpacks). Escapes were resolved by the argument split already; `\$` keeps its backslash, as there.
 */
export function unquote(word: string): string {
  if (!word.includes('"') && !word.includes("'")) return word;
  let out = '';
  let quote = '';
  for (let i = 0; i < word.length; i++) {
    const char = word[i];
    if (quote) {
      if (char === quote) quote = '';
      else out += char;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else {
      out += char;
    }
  }
  return out;
}

/** `https://…`, `http://…`: fetched by ADD at build time. */
export function isRemoteUrl(source: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(source);
}

/** Git sources of ADD: `git@host:repo.git`, `git://…`, `ssh://…`, and URLs of `.git` repositories (with `#ref`). */
export function isGitSource(source: string): boolean {
  if (/^(?:git@|git:\/\/|ssh:\/\/|git\+)/i.test(source)) return true;
  return /^https?:\/\/[^#?]*\.git\/?(?:[#?].*)?$/i.test(source);
}

/** Names ADD unpacks (it detects archives by content; these are the names archives go by, compressed or not). */
export function looksLikeArchive(source: string): boolean {
  return /\.(?:tar|tgz|tbz2?|txz|tzst|tlz|taz|tz|gz|bz2|xz|zst|lz|lzma|lz4|Z)$/i.test(trimTrailingSlashes(source));
}
