// The server core (lsp/server-core.ts) run in this process over a pair of in-memory streams, with a host the test
// controls: files from a map (as a web worker reads them through the client), a log to inspect. What the protocol
// tests assert of the bundled server, they can assert of the core this way, with its state in reach.
import { PassThrough } from 'node:stream';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { DirectoryRead, FileRead, ServerHost } from '../../server/src/lsp/host';
import { createServer, type ServerCore } from '../../server/src/lsp/server-core';
import { initialize, type StdioServerOptions } from './stdio-server';

export interface MemoryHostOptions {
  /** File contents by URI; anything else is missing. */
  files?: Map<string, string>;
}

export class MemoryHost implements ServerHost {
  readonly files: Map<string, string>;
  readonly reads: string[] = [];
  readonly listings: string[] = [];
  readonly logged: string[] = [];

  constructor(options: MemoryHostOptions = {}) {
    this.files = options.files ?? new Map();
  }

  async readFile(uri: string, workspaceFolders: readonly string[]): Promise<FileRead> {
    this.reads.push(uri);
    if (!workspaceFolders.some((folder) => uri.startsWith(folder.endsWith('/') ? folder : folder + '/'))) return { refused: 'it is outside the workspace' };
    const text = this.files.get(uri);
    return text === undefined ? { missing: true } : { text };
  }

  /** The entries of a folder: the files (and the folders of files) under it in the map. */
  async listDirectory(uri: string, workspaceFolders: readonly string[]): Promise<DirectoryRead> {
    this.listings.push(uri);
    if (!workspaceFolders.some((folder) => uri === folder.replace(/\/$/, '') || uri.startsWith(folder.endsWith('/') ? folder : folder + '/')))
      return { refused: 'it is outside the workspace' };
    const prefix = `${uri.replace(/\/$/, '')}/`;
    const entries = new Map<string, boolean>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash)), slash >= 0);
    }
    return entries.size ? { entries: [...entries].map(([name, directory]) => ({ name, directory })) } : { missing: true };
  }

  rulePage(): string | undefined {
    return undefined;
  }

  log(level: string, message: string): void {
    this.logged.push(`${level}: ${message}`);
  }

  now(): number {
    return performance.now();
  }

  defer(callback: () => void): void {
    setImmediate(callback);
  }
}

export class InProcessServer {
  readonly stderr = '';

  private constructor(
    readonly connection: ProtocolConnection,
    readonly core: ServerCore,
    readonly host: MemoryHost,
    private readonly streams: PassThrough[],
    private readonly serverConnection: { dispose(): void },
  ) {}

  static async start(host: MemoryHost, options: StdioServerOptions): Promise<InProcessServer> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const core = createServer(serverConnection, host);
    serverConnection.listen();
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const server = new InProcessServer(connection, core, host, [toServer, toClient], serverConnection);
    // No process id: the server would otherwise watch this process, and its timer keep the tests from ending.
    await initialize(connection, options, null);
    return server;
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    this.connection.dispose();
    this.serverConnection.dispose();
    for (const stream of this.streams) stream.destroy();
  }
}
