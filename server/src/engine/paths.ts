import * as path from 'node:path';

const URI = /^[a-z][a-z0-9+.-]+:/i;

/**
 * Resolves a path written in a file (`build: ./api`) against that file's URI or path.
 * Pure string work: nothing is read here.
 */
export function resolveRelative(base: string, relative: string): string {
  if (URI.test(base)) return new URL(relative.split(path.sep).join('/'), base).href;
  return path.resolve(path.dirname(base), relative);
}
