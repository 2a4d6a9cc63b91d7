import type { DocumentKind } from './types';

/**
 * Files past this size are not analysed: a clear note instead of a run that takes seconds. 1 MB is some 25,000
 * Dockerfile lines or 2,000 compose services, far beyond any real file.
 */
export const MAX_ANALYSED_CHARS = 1024 * 1024;

/**
 * What the language server analyses as you type (AnalyzeOptions.maxChars), several times the largest real files:
 * 384 KB of Dockerfile (some 11,000 lines), 176 KB of compose file (some 300 services). The analysis runs in steps
 * of the parse, the rules and the suppressions, and at these sizes the costliest shapes bench/scaling.ts knows keep
 * every step near or under the 200 ms the server may be held on a shared 2-core machine (a compose file is parsed
 * in one step, and YAML costs about 1 ms per KB in the worst shapes). Larger files get a note that says so; the
 * CLI analyses them.
 */
export const MAX_TYPING_CHARS: Readonly<Record<DocumentKind, number>> = { dockerfile: 384 * 1024, compose: 176 * 1024 };

/**
 * One Dockerfile instruction longer than this is not analysed (a note says so), and its arguments are read only
 * this far: a single RUN of thousands of chained commands or a megabyte of words would hold the language server
 * for seconds. The longest instructions of real Dockerfiles are a few kilobytes; a heredoc embedding a whole
 * configuration file some tens.
 */
export const MAX_INSTRUCTION_CHARS = 64 * 1024;

/** A NUL character near the start means the file is not text (Dockerfiles and YAML never contain one). */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/** Whether the engine reads this text at all: hover and code actions skip what analyze reports as not analysed. */
export function isAnalysable(text: string): boolean {
  return text.length <= MAX_ANALYSED_CHARS && !looksBinary(text);
}
