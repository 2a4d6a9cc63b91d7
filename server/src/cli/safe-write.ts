import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from './discover';
import { STDIN_PATH } from './options';

/**
 * Where `--fix` may write: inside the directories given on the command line, and the files given by name as
 * they are named (not what a link named so points to). Both compared as real paths.
 */
export class WriteScope {
  private readonly directories: string[] = [];
  private readonly files = new Set<string>();

  constructor(paths: string[]) {
    for (const given of paths) {
      if (given === STDIN_PATH) continue;
      try {
        if (fs.statSync(given).isDirectory()) this.directories.push(fs.realpathSync(given));
        else this.files.add(path.join(fs.realpathSync(path.dirname(path.resolve(given))), path.basename(given)));
      } catch {
        // unreadable paths are reported by discovery and never written
      }
    }
  }

  allows(realFile: string): boolean {
    return this.files.has(realFile) || this.directories.some((directory) => isInside(realFile, directory));
  }
}

export class NotWritten extends Error {}

/**
 * Replaces a file's content with `text` the way editors save: a temporary file beside the real file, then a
 * rename over it, so a reader sees the old file or the new one, never half of one. Refuses, with the reason,
 * when the path leads (through a symbolic link) outside the paths given, or when the file no longer holds the
 * bytes that were analysed (someone else wrote it meanwhile).
 */
export function writeFixed(file: string, original: Buffer, text: string, scope: WriteScope): void {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (error) {
    throw new NotWritten(`not fixed: ${(error as Error).message}`);
  }
  if (!scope.allows(real)) throw new NotWritten(`not fixed: it is a symbolic link to ${real}, outside the paths given`);
  const stat = fs.statSync(real);
  if (!stat.isFile()) throw new NotWritten('not fixed: not a regular file');
  const unchanged = () => fs.readFileSync(real).equals(original);
  if (!unchanged()) throw new NotWritten('not fixed: the file changed since dockguard read it');

  const temporary = path.join(path.dirname(real), `.${path.basename(real)}.dockguard-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(temporary, 'wx', stat.mode & 0o7777);
  try {
    try {
      fs.writeFileSync(fd, text);
      fs.fchmodSync(fd, stat.mode & 0o7777); // the umask may have narrowed the mode given to open
      if (process.getuid?.() === 0) fs.fchownSync(fd, stat.uid, stat.gid);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Checked again right before the rename, to keep the window for a lost concurrent edit as small as it gets.
    if (!unchanged()) throw new NotWritten('not fixed: the file changed while dockguard fixed it');
    fs.renameSync(temporary, real);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
