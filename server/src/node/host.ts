// The server host for Node: local files through node/file-reader (regular files inside the workspace folders,
// bounded), other URIs (a virtual workspace) through the client's workspace.fs (lsp/client-files.ts), rule pages from the docs shipped beside the bundle, logging to the client's console, Node's clock and queue.
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { MAX_ANALYSED_CHARS, parseIsoDay } from '../engine';
import { listThroughClient, readThroughClient } from '../lsp/client-files';
import { MAX_DIRECTORY_ENTRIES, type DirectoryRead, type FileRead, type ServerHost } from '../lsp/host';
import { readRulePage } from '../rule-pages';
import { listReferencedDirectory } from './directory-lister';
import { readReferencedFile } from './file-reader';

/** A UTF-8 character is at most 4 bytes: a file over this cannot be analysed anyway. */
const MAX_READ_BYTES = MAX_ANALYSED_CHARS * 4;

function localRoots(workspaceFolders: readonly string[]): string[] {
  return workspaceFolders.flatMap((folder) => {
    try {
      return folder.startsWith('file:') ? [fileURLToPath(folder)] : [];
    } catch {
      return [];
    }
  });
}

export function nodeHost(connection: Connection): ServerHost {
  const today = parseIsoDay(process.env.DOCKGUARD_TODAY);
  return {
    async readFile(uri: string, workspaceFolders: readonly string[]): Promise<FileRead> {
      if (!uri.startsWith('file:')) return readThroughClient(connection, uri, workspaceFolders, MAX_READ_BYTES);
      return readReferencedFile(uri, { roots: localRoots(workspaceFolders), maxBytes: MAX_READ_BYTES });
    },
    async listDirectory(uri: string, workspaceFolders: readonly string[]): Promise<DirectoryRead> {
      if (!uri.startsWith('file:')) return listThroughClient(connection, uri, workspaceFolders, MAX_DIRECTORY_ENTRIES);
      return listReferencedDirectory(uri, { roots: localRoots(workspaceFolders), maxEntries: MAX_DIRECTORY_ENTRIES });
    },
    rulePage: readRulePage,
    log(level, message) {
      if (level === 'error') connection.console.error(message);
      else if (level === 'warning') connection.console.warn(message);
      else connection.console.info(message);
    },
    today: () => today,
    now: () => performance.now(),
    defer: (callback) => void setImmediate(callback),
  };
}
