/**
 * Files past this size are not analysed: a clear note instead of a server busy for seconds on every keystroke.
 * 1 MB is some 25,000 Dockerfile lines or 1,000 compose services, far beyond any real file.
 */
export const MAX_ANALYSED_CHARS = 1024 * 1024;

/** A NUL character near the start means the file is not text (Dockerfiles and YAML never contain one). */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/** Whether the engine reads this text at all: hover and code actions skip what analyze reports as not analysed. */
export function isAnalysable(text: string): boolean {
  return text.length <= MAX_ANALYSED_CHARS && !looksBinary(text);
}
