import * as fs from 'node:fs';
import { type DocumentKind, MAX_ANALYSED_CHARS } from '../engine';
import { STDIN_PATH } from './options';

/**
 * No text of at most MAX_ANALYSED_CHARS UTF-16 units takes more UTF-8 bytes than this, so reading stops here: a
 * device such as /dev/zero or an endless pipe ends as "too large" instead of filling memory.
 */
export const MAX_INPUT_BYTES = MAX_ANALYSED_CHARS * 3;

export class InputTooLarge extends Error {
  constructor() {
    super(`not analysed: larger than the ${MAX_ANALYSED_CHARS / (1024 * 1024)} MB dockguard analyses`);
  }
}

export interface Input {
  text: string;
  /** The bytes as read, to check before --fix writes that the file has not changed since. */
  bytes: Buffer;
}

/**
 * Reads a file, or standard input for `-`, exactly once: whatever it is (a regular file, a pipe, /dev/stdin, a
 * FIFO), the text read is the text analysed, so nothing is consumed by a first look and then found empty.
 */
export function readInput(file: string): Input {
  // /dev/stdin is read as fd 0 itself: opening it anew fails when standard input is a socket (as Node's spawn gives).
  const fd = file === STDIN_PATH || file === '/dev/stdin' ? 0 : fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > MAX_INPUT_BYTES) throw new InputTooLarge();
    const bytes = readAll(fd);
    return { bytes, text: bytes.toString('utf8') };
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

function readAll(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let read: number;
    try {
      read = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking standard input (a terminal or a pipe another process set so) has no data yet: wait.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > MAX_INPUT_BYTES) throw new InputTooLarge();
    chunks.push(chunk.subarray(0, read));
  }
  return Buffer.concat(chunks, total);
}

/** A file whose name says nothing of its kind: compose when it has a top-level `services:` key. */
export function sniffKind(text: string): DocumentKind {
  return /^services\s*:/m.test(text.slice(0, 64 * 1024)) ? 'compose' : 'dockerfile';
}
