// node/file-reader.ts: regular files inside the roots only, a size bound that holds for devices and pipes, and
// no way out through a symbolic link. Each case must answer at once (a FIFO must not block the read).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { readReferencedFile } from '../../../server/src/node/file-reader';
import { tempDir } from '../../support/temp-dir';

describe('readReferencedFile', () => {
  const dir = tempDir('dockguard-reader');
  const workspace = join(dir, 'ws');
  const outside = join(dir, 'outside');
  mkdirSync(join(workspace, 'api'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(workspace, 'api', 'Dockerfile'), 'FROM node:22\n');
  writeFileSync(join(outside, 'secret'), 'top secret\n');
  writeFileSync(join(workspace, 'big'), 'x'.repeat(5000));
  symlinkSync(join(outside, 'secret'), join(workspace, 'link-out'));
  symlinkSync(join(workspace, 'api', 'Dockerfile'), join(workspace, 'link-in'));
  execFileSync('mkfifo', [join(workspace, 'fifo')]);
  const options = { roots: [workspace], maxBytes: 4096 };

  it('reads a regular file inside the roots, by URI or path, also through a link that stays inside', () => {
    assert.deepEqual(readReferencedFile(pathToFileURL(join(workspace, 'api', 'Dockerfile')).href, options), { text: 'FROM node:22\n' });
    assert.deepEqual(readReferencedFile(join(workspace, 'link-in'), options), { text: 'FROM node:22\n' });
  });

  it('refuses what leaves the roots, by path, by .. or through a symbolic link', () => {
    assert.deepEqual(readReferencedFile(join(outside, 'secret'), options), { refused: 'it is outside the workspace' });
    assert.deepEqual(readReferencedFile(join(workspace, '..', 'outside', 'secret'), options), { refused: 'it is outside the workspace' });
    assert.deepEqual(readReferencedFile(join(workspace, 'link-out'), options), { refused: 'it is outside the workspace' });
    assert.deepEqual(readReferencedFile(join(workspace, 'api', 'Dockerfile'), { ...options, roots: [] }), { refused: 'it is outside the workspace' });
  });

  it('refuses devices, FIFOs and directories without blocking or allocating', () => {
    assert.deepEqual(readReferencedFile('/dev/zero', { ...options, roots: ['/'] }), { refused: 'it is not a regular file' });
    assert.deepEqual(readReferencedFile(join(workspace, 'fifo'), options), { refused: 'it is not a regular file' });
    assert.deepEqual(readReferencedFile(join(workspace, 'api'), options), { refused: 'it is not a regular file' });
  });

  it('refuses a file over the bound, and reads procfs files that report no size up to it', () => {
    assert.deepEqual(readReferencedFile(join(workspace, 'big'), options), { refused: 'it is larger than 4096 bytes' });
    const status = readReferencedFile('/proc/self/status', { roots: ['/proc'], maxBytes: 1 << 20 });
    assert.ok('text' in status && status.text.includes('VmRSS'), 'read past the 0 bytes procfs reports');
  });

  it('tells a missing file from a refused one, and refuses other schemes', () => {
    assert.deepEqual(readReferencedFile(join(workspace, 'nope'), options), { missing: true });
    assert.deepEqual(readReferencedFile('https://example.com/Dockerfile', options), { refused: 'it is not a local file' });
  });
});
