import * as fs from 'node:fs';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent, Diagnostic, Position, Range } from 'vscode-languageserver-protocol/node';
import { StdioServer } from '../../test/support/stdio-server';
import { nowMs } from './timing';

export interface Published {
  params: PublishDiagnosticsParams;
  /** When the notification was read off the server's stdout, on the nowMs() clock. */
  at: number;
}

/**
 * A language server spawned over stdio and driven like an editor drives it, for any server: the benchmarks
 * start ours, dockerfile-language-server-nodejs and yaml-language-server through the same class so all pay the
 * same client costs.
 */
export class LspSession {
  private readonly waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: Published) => void }[] = [];
  private readonly versions = new Map<string, number>();
  /** The last diagnostics published per document. */
  readonly latest = new Map<string, Diagnostic[]>();
  private server!: StdioServer;
  /** Spawn to the initialize result, in ms. */
  startupMs = 0;

  private constructor(readonly name: string) {}

  /**
   * `configuration` answers the server's workspace/configuration requests (null: no settings, the server's defaults).
   */
  static async start(
    name: string,
    command: string,
    args: string[],
    configuration: (section: string | undefined) => unknown = () => null,
    initializationOptions?: unknown,
  ): Promise<LspSession> {
    const session = new LspSession(name);
    const spawned = nowMs();
    session.server = await StdioServer.start(command, args, {
      configuration,
      onDiagnostics: (params) => session.onDiagnostics(params),
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    // StdioServer.start resolves once `initialize` answered (and `initialized` was sent, which costs nothing).
    session.startupMs = nowMs() - spawned;
    return session;
  }

  /** The server's process id, for reading its memory from /proc. */
  get pid(): number | undefined {
    return (this.server as unknown as { child: { pid?: number } }).child.pid;
  }

  /** Peak resident set size of the server process so far (VmHWM), in MB; undefined off Linux. */
  peakRssMb(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      return match ? Number(match[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** Current resident set size (VmRSS), in MB. */
  rssMb(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      return match ? Number(match[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    const at = nowMs();
    this.latest.set(params.uri, params.diagnostics);
    for (const waiter of [...this.waiters]) {
      if (waiter.uri === params.uri && waiter.predicate(params)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve({ params, at });
      }
    }
  }

  /**
   * The next publication for `uri` for this document version: the one carrying it, or for a server that does
   * not send versions, the next one at all (callers wait for each before sending another change).
   */
  private diagnosticsFor(uri: string, version: number, timeoutMs: number): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: no diagnostics for version ${version} of ${uri} within ${timeoutMs} ms\n${this.server.stderr}`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        predicate: (p) => p.version === undefined || p.version === null || p.version === version,
        resolve: (p) => (clearTimeout(timer), resolve(p)),
      });
    });
  }

  /** Opens a document and resolves with the time from sending didOpen to its first diagnostics, in ms. */
  async open(uri: string, languageId: string, text: string, timeoutMs = 120_000): Promise<{ latency: number; count: number }> {
    this.versions.set(uri, 1);
    const published = this.diagnosticsFor(uri, 1, timeoutMs);
    const sent = nowMs();
    await this.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const result = await published;
    return { latency: result.at - sent, count: result.params.diagnostics.length };
  }

  /** Sends one incremental change and resolves with the time until the diagnostics for it arrive, in ms. */
  async change(uri: string, change: TextDocumentContentChangeEvent, timeoutMs = 120_000): Promise<{ latency: number; count: number }> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const published = this.diagnosticsFor(uri, version, timeoutMs);
    const sent = nowMs();
    await this.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const result = await published;
    return { latency: result.at - sent, count: result.params.diagnostics.length };
  }

  /** Code actions for a diagnostic, as an editor asks when the cursor rests on it: the time to the answer and how many. */
  async codeAction(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<{ latency: number; count: number }> {
    const sent = nowMs();
    const actions = (await this.server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, triggerKind: 1 },
    })) as unknown[] | null;
    return { latency: nowMs() - sent, count: actions?.length ?? 0 };
  }

  async hover(uri: string, position: Position): Promise<{ latency: number; found: boolean }> {
    const sent = nowMs();
    const hover = await this.server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    return { latency: nowMs() - sent, found: hover !== null && hover !== undefined };
  }

  async notify(method: string, params: unknown): Promise<void> {
    await this.server.connection.sendNotification(method, params);
  }

  async close(uri: string): Promise<void> {
    await this.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
