// The web worker bundle (dist/browser/server.js) run as a browser runs it, in a scope with only what a dedicated
// worker has: `self`, `postMessage`/`onmessage`, timers, MessageChannel, TextEncoder/TextDecoder, URL, performance,
// console. No `process`, `Buffer`, `require`, `setImmediate` or `global`: a bundle that reaches for Node fails
// here as it would in the browser. The test plays the VS Code client on the other side of the port, including the
// `dockguard/readFile` requests the browser client answers through workspace.fs.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  Disposable,
  type DataCallback,
  type Message,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { ReadDirectoryParams, ReadFileParams } from '../../server/src/lsp/protocol';
import { initialize, type StdioServerOptions } from './stdio-server';

export const WORKER_BUNDLE = path.resolve(__dirname, '..', '..', 'dist', 'browser', 'server.js');

/** Node globals a browser worker does not have. */
export const NODE_ONLY_GLOBALS = ['process', 'Buffer', 'require', 'module', 'setImmediate', 'global', '__dirname'];

export interface WorkerServerOptions extends StdioServerOptions {
  /** Answers the server's `dockguard/readFile` requests, as the VS Code client does; absent: method not found. */
  readFile?: (params: ReadFileParams) => unknown;
  /** Answers `dockguard/readDirectory` (workspace.fs.readDirectory in the VS Code client); absent: method not found. */
  readDirectory?: (params: ReadDirectoryParams) => unknown;
}

class PortReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return Disposable.create(() => (this.callback = undefined));
  }
  deliver(message: Message): void {
    this.callback?.(message);
  }
}

class PortWriter extends AbstractMessageWriter {
  constructor(private readonly send: (message: Message) => void) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.send(message);
  }
  end(): void {}
}

export class WorkerServer {
  readonly stderr = '';

  private constructor(
    readonly connection: ProtocolConnection,
    /** The worker's global scope. */
    readonly scope: vm.Context,
    private readonly channels: MessageChannel[],
  ) {}

  static async start(options: WorkerServerOptions): Promise<WorkerServer> {
    const channels: MessageChannel[] = [];
    const reader = new PortReader();
    const scope: Record<string, unknown> = {
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      TextEncoder,
      TextDecoder,
      URL,
      performance,
      // Tracked so that stop() can close the ports the worker opened (a Node port keeps the process alive).
      MessageChannel: class extends MessageChannel {
        constructor() {
          super();
          channels.push(this);
        }
      },
      addEventListener: () => undefined,
      // Messages cross a worker boundary as structured clones, asynchronously.
      postMessage: (message: Message) => setTimeout(() => reader.deliver(structuredClone(message)), 0),
    };
    scope.self = scope;
    const context = vm.createContext(scope);
    vm.runInContext(readFileSync(WORKER_BUNDLE, 'utf8'), context, { filename: WORKER_BUNDLE });
    const toWorker = (message: Message) =>
      setTimeout(() => (context.onmessage as ((event: { data: unknown }) => void) | undefined)?.({ data: structuredClone(message) }), 0);
    const connection = createProtocolConnection(reader, new PortWriter(toWorker));
    if (options.readFile) connection.onRequest('dockguard/readFile', options.readFile);
    if (options.readDirectory) connection.onRequest('dockguard/readDirectory', options.readDirectory);
    const server = new WorkerServer(connection, context, channels);
    // No process id: a worker has no process to watch.
    await initialize(connection, options, null);
    return server;
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    await this.connection.sendNotification('exit').catch(() => undefined);
    this.connection.dispose();
    for (const channel of this.channels) {
      channel.port1.close();
      channel.port2.close();
    }
  }
}
