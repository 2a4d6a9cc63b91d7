import * as path from 'node:path';

/**
 * A result's path as CI platforms want it: relative to the working directory (the repository root in CI), with
 * forward slashes. A path outside the working directory stays as given.
 */
export function repositoryPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
