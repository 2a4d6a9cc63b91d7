// The server host in a web worker (VS Code for the web): no file system here, so the files an analysis refers to
// are read by the VS Code client through workspace.fs (lsp/client-files.ts), which reaches virtual file systems
// too; rule pages come bundled; the clock and the queue are the worker's.
import type { Connection } from 'vscode-languageserver';
import { MAX_ANALYSED_CHARS } from '../engine';
import { listThroughClient, readThroughClient } from '../lsp/client-files';
import { MAX_DIRECTORY_ENTRIES, type ServerHost } from '../lsp/host';

/** A UTF-8 character is at most 4 bytes: a file over this cannot be analysed anyway. */
const MAX_READ_BYTES = MAX_ANALYSED_CHARS * 4;

/** Each rule's page by rule id: the sections the hover quotes. */
export type RulePages = Readonly<Record<string, string>>;

export function browserHost(connection: Connection, rulePages: RulePages): ServerHost {
  return {
    readFile: (uri, workspaceFolders) => readThroughClient(connection, uri, workspaceFolders, MAX_READ_BYTES),
    listDirectory: (uri, workspaceFolders) => listThroughClient(connection, uri, workspaceFolders, MAX_DIRECTORY_ENTRIES),
    rulePage: (ruleId) => (Object.prototype.hasOwnProperty.call(rulePages, ruleId) ? rulePages[ruleId] : undefined),
    log(level, message) {
      if (level === 'error') connection.console.error(message);
      else if (level === 'warning') connection.console.warn(message);
      else connection.console.info(message);
    },
    now: () => performance.now(),
    defer: macrotasks(),
  };
}

/**
 * Runs callbacks as macrotasks, after the messages already queued for the worker: a MessageChannel post (a
 * setTimeout(0) chain is clamped to 4 ms per call once nested, which would slow every analysis slice).
 */
export function macrotasks(): (callback: () => void) => void {
  if (typeof MessageChannel !== 'function') return (callback) => void setTimeout(callback, 0);
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  // The web's MessagePort (Node's types describe worker_threads' port, which has onmessage too but not in its types).
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => queue.shift()?.();
  return (callback) => {
    queue.push(callback);
    channel.port2.postMessage(undefined);
  };
}
