import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { StdioServer } from '../../test/support/stdio-server';
import { nowMs } from './timing';

export interface Published {
  params: PublishDiagnosticsParams;
  /** When the notification was read off the server's stdout, on the nowMs() clock. */
  at: number;
}

/**
 * A language server spawned over stdio and driven like an editor drives it, for any server: the benchmark
 * starts ours and dockerfile-language-server-nodejs through the same class so both pay the same client costs.
 */
export class LspSession {
  private readonly waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: Published) => void }[] = [];
  private readonly versions = new Map<string, number>();
  private server!: StdioServer;

  private constructor(readonly name: string) {}

  /**
   * `configuration` answers the server's workspace/configuration requests (null: no settings, the server's defaults).
   */
  static async start(name: string, command: string, args: string[], configuration: (section: string | undefined) => unknown = () => null): Promise<LspSession> {
    const session = new LspSession(name);
    session.server = await StdioServer.start(command, args, {
      configuration,
      onDiagnostics: (params) => session.onDiagnostics(params),
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
    });
    return session;
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    const at = nowMs();
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
  async open(uri: string, languageId: string, text: string, timeoutMs = 60_000): Promise<{ latency: number; count: number }> {
    this.versions.set(uri, 1);
    const published = this.diagnosticsFor(uri, 1, timeoutMs);
    const sent = nowMs();
    await this.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const result = await published;
    return { latency: result.at - sent, count: result.params.diagnostics.length };
  }

  /** Sends one incremental change and resolves with the time until the diagnostics for it arrive, in ms. */
  async change(uri: string, change: TextDocumentContentChangeEvent, timeoutMs = 60_000): Promise<{ latency: number; count: number }> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const published = this.diagnosticsFor(uri, version, timeoutMs);
    const sent = nowMs();
    await this.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const result = await published;
    return { latency: result.at - sent, count: result.params.diagnostics.length };
  }

  async close(uri: string): Promise<void> {
    await this.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
