/** Files past this size are not analysed: a clear note instead of a frozen editor. */
export const MAX_ANALYSED_CHARS = 4 * 1024 * 1024;

/** A NUL character near the start means the file is not text (Dockerfiles and YAML never contain one). */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}
