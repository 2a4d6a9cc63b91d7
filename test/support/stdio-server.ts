import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface StdioServerOptions {
  /** Answers workspace/configuration, item by item (null: no settings, the server's defaults). */
  configuration?: (section: string | undefined, scopeUri: string | undefined) => unknown;
  onDiagnostics: (params: PublishDiagnosticsParams) => void;
  capabilities: ClientCapabilities;
  initializationOptions?: unknown;
  /** The workspace folder, as an editor that opened a folder sends it. */
  rootUri?: string;
  /** Sees the server's client/registerCapability requests (answered with null either way). */
  onRegisterCapability?: (params: unknown) => void;
}

/**
 * Any language server spawned over stdio and initialised as an editor would: the protocol tests drive ours with
 * it, and the latency benchmark drives ours and docker-langserver through it so both pay the same client costs.
 */
export class StdioServer {
  stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(command: string, args: string[], options: StdioServerOptions): Promise<StdioServer> {
    const child = spawn(command, args, { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new StdioServer(child, connection);
    child.stderr.on('data', (chunk) => (server.stderr += chunk));
    await initialize(connection, options);
    return server;
  }

  /** Asks politely (shutdown, exit), then kills a server that has not gone within two seconds. */
  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2_000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** What an editor does before anything else: answer the server's requests, then initialize and initialized. */
export async function initialize(connection: ProtocolConnection, options: StdioServerOptions, processId: number | null = process.pid): Promise<void> {
  connection.onNotification('textDocument/publishDiagnostics', options.onDiagnostics);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
    params.items.map((item) => options.configuration?.(item.section, item.scopeUri) ?? null),
  );
  connection.onRequest('client/registerCapability', (params: unknown) => {
    options.onRegisterCapability?.(params);
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId,
    rootUri: options.rootUri ?? null,
    workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'workspace' }] : null,
    capabilities: options.capabilities,
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});
}
