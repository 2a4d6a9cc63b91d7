import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { InProcessServer, type MemoryHost } from './in-process-server';
import { StdioServer, type StdioServerOptions } from './stdio-server';
import { WorkerServer, type WorkerServerOptions } from './worker-server';

export const SERVER = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

interface ClientOptions {
  initializationOptions?: unknown;
  configuration?: (section: string | undefined, uri: string | undefined) => unknown;
  rootUri?: string;
  /** The client can watch files for the server (workspace/didChangeWatchedFiles by dynamic registration), as Neovim 0.10 can. */
  watchFiles?: boolean;
  onRegisterCapability?: (params: unknown) => void;
}

type Waiter = { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

/**
 * Drives the bundled server over stdio exactly as an editor would: no shortcuts into its internals.
 * Diagnostics are awaited as events; nothing sleeps.
 */
export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private server!: StdioServer | InProcessServer | WorkerServer;

  get connection(): ProtocolConnection {
    return this.server.connection;
  }

  get stderr(): string {
    return this.server.stderr;
  }

  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const client = new LspClient();
    client.server = await StdioServer.start(process.execPath, [SERVER, '--stdio'], client.serverOptions(options));
    return client;
  }

  /** The server core in this process, over `host` (see in-process-server.ts), driven the same way. */
  static async inProcess(host: MemoryHost, options: ClientOptions = {}): Promise<LspClient> {
    const client = new LspClient();
    client.server = await InProcessServer.start(host, client.serverOptions(options));
    return client;
  }

  /** The web worker bundle (dist/browser/server.js) in a browser-like worker scope (see worker-server.ts). */
  static async inWorker(options: ClientOptions & Pick<WorkerServerOptions, 'readFile' | 'readDirectory'> = {}): Promise<LspClient> {
    const client = new LspClient();
    client.server = await WorkerServer.start({ ...client.serverOptions(options), readFile: options.readFile, readDirectory: options.readDirectory });
    return client;
  }

  /** The core, when it runs in this process. */
  get core(): InProcessServer['core'] | undefined {
    return this.server instanceof InProcessServer ? this.server.core : undefined;
  }

  private serverOptions(options: ClientOptions): StdioServerOptions {
    return {
      configuration: options.configuration,
      onDiagnostics: (params) => this.onDiagnostics(params),
      initializationOptions: options.initializationOptions,
      rootUri: options.rootUri,
      onRegisterCapability: options.onRegisterCapability,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          // As VS Code: fixes that create a file (a .dockerignore) come as documentChanges with a CreateFile.
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
          ...(options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } : {}),
        },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    };
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    for (const waiter of [...this.waiters]) {
      if (waiter.uri === params.uri && waiter.predicate(params)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `predicate` (published from now on). */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; server stderr:\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async open(uri: string, languageId: string, text: string): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    const diagnostics = this.nextDiagnostics(uri, (p) => p.version === 1 || p.version === undefined);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return diagnostics;
  }

  /** Sends one change and resolves with the diagnostics published for the resulting version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const diagnostics = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return diagnostics;
  }

  /** Sends a change without waiting for its diagnostics, as fast typing does. */
  async changeNoWait(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Closes the document; resolves with what is published for it then (empty, unless it was scanned). */
  async close(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = (p) => p.diagnostics.length === 0): Promise<PublishDiagnosticsParams> {
    // A publish still on its way for the open document may come first: wait for the one the close causes.
    const cleared = this.nextDiagnostics(uri, predicate);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return cleared;
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}
