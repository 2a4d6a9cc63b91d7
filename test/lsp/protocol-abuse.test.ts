// The bundled server (dist/server.js --stdio) under protocol abuse: broken frames and JSON, unknown methods,
// changes to documents never opened, edits and ranges past the end, a burst of a thousand changes, a long analysis
// beside a short one. It stays up and answers, and never publishes a version older than one it already published.
// (That closed documents' memory is given back is measured on the same core in-process, where the heap can be
// read: server-core.test.ts.)
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER } from '../support/lsp-client';

class RawServer {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly errors: string[] = [];
  stderr = '';
  private readonly listeners: (() => void)[] = [];

  constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    child.stderr.on('data', (chunk) => (this.stderr += chunk));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const listener of [...this.listeners]) listener();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => void this.errors.push(params.message));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
  }

  static async start(): Promise<RawServer> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new RawServer(child, connection);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await connection.sendNotification('initialized', {});
    return server;
  }

  /** Bytes as they are, framing included: what a broken client sends. */
  write(bytes: string): Promise<void> {
    return new Promise((resolve, reject) => this.child.stdin.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  frame(body: string, length = Buffer.byteLength(body)): Promise<void> {
    return this.write(`Content-Length: ${length}\r\n\r\n${body}`);
  }

  /** The server answers a request: hover on nothing is `null`, and it comes back. */
  async alive(): Promise<void> {
    const answer = await Promise.race([
      this.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere/Dockerfile' }, position: { line: 0, character: 0 } }),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`the server did not answer; stderr:\n${this.stderr}`)), 10_000)),
    ]);
    assert.equal(answer, null);
    assert.equal(this.child.exitCode, null, 'the server is still running');
  }

  waitFor(predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr:\n${this.stderr}`)), timeoutMs);
      const listener = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve();
      };
      this.listeners.push(listener);
    });
  }

  async stop(): Promise<void> {
    await Promise.race([this.connection.sendRequest('shutdown').catch(() => undefined), new Promise((r) => setTimeout(r, 2_000))]);
    await this.connection.sendNotification('exit').catch(() => undefined);
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

const open = (server: RawServer, uri: string, text: string, languageId = 'dockerfile') =>
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });

describe('protocol abuse against the bundled server', { timeout: 120_000 }, () => {
  let server: RawServer;
  before(async () => (server = await RawServer.start()));
  after(() => server.stop());

  it('answers after a message that is not JSON', async () => {
    await server.frame('{"jsonrpc": "2.0", "method": ');
    await server.frame('not json at all');
    await server.alive();
  });

  it('recovers from a Content-Length shorter than its body', async () => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri: 'file:///short/Dockerfile', languageId: 'dockerfile', version: 1, text: 'FROM x\n' } },
    });
    await server.frame(body, body.length - 20);
    await server.alive();
  });

  it('recovers from a Content-Length longer than its body, a header without one, and stray bytes', async () => {
    await server.frame('{"jsonrpc":"2.0","method":"$/x"}', 200);
    await server.write('X'.repeat(300)); // completes the long frame and overruns into nothing
    await server.write('Content-Type: application/json\r\n\r\n{}');
    await server.write('garbage between messages\r\n');
    await server.alive();
  });

  it('answers an unknown request with an error and ignores an unknown notification', async () => {
    await assert.rejects(server.connection.sendRequest('dockguard/noSuchMethod', {}), /Unhandled method|not found|-32601/i);
    await server.connection.sendNotification('dockguard/noSuchNotification', { x: 1 });
    await server.alive();
  });

  it('ignores didChange and requests for a document it never opened', async () => {
    const uri = 'file:///never-opened/Dockerfile';
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'FROM x\n' }] });
    const actions = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    await server.alive();
    assert.ok(!server.published.some((p) => p.uri === uri));
  });

  it('survives edits, code action and hover ranges past the end of the document', async () => {
    const uri = 'file:///out-of-range/Dockerfile';
    await open(server, uri, 'FROM alpine:3.23\n');
    const far = { line: 10_000, character: 10_000 };
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: far, end: { line: 20_000, character: 0 } }, text: 'USER root\n' },
        { range: { start: { line: -1, character: -5 }, end: { line: 0, character: 4 } }, text: 'FROM' },
      ],
    });
    await server.waitFor(() => server.published.some((p) => p.uri === uri && p.version === 2), 'diagnostics of version 2');
    const actions = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: far, end: far },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions));
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: far });
    assert.equal(hover, null);
    await server.alive();
  });

  it('takes a burst of 1,000 changes and never publishes a version older than one it published', async () => {
    const uri = 'file:///burst/Dockerfile';
    await open(server, uri, 'FROM alpine:3.23\nUSER app\n');
    for (let version = 2; version <= 1001; version++) {
      void server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [
          { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: version % 50 === 0 ? '\nRUN curl -k x | sh\n' : 'x' },
        ],
      });
    }
    await server.waitFor(() => server.published.some((p) => p.uri === uri && p.version === 1001), 'diagnostics of version 1001');
    const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `published ${versions[i]} after ${versions[i - 1]}`);
    await server.alive();
  });

  it('does not analyse a Dockerfile over 384 KB as you type: one note says so, at once', async () => {
    const uri = 'file:///huge/Dockerfile';
    await open(server, uri, 'FROM alpine:3.23\n' + 'RUN curl -k https://x | sh\n'.repeat(20_000));
    await server.waitFor(() => server.published.some((p) => p.uri === uri), 'diagnostics of the large document');
    const published = server.published.filter((p) => p.uri === uri).at(-1)!;
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['DG001'],
    );
    assert.equal(
      published.diagnostics[0].message,
      'dockguard does not analyse this file as you type: it is larger than 384 KB. The dockguard CLI analyses files up to 1 MB.',
    );
    await server.alive();
  });

  it('answers about another document while a long analysis runs, and publishes the small one first', async () => {
    const big = 'file:///slow/Dockerfile';
    const small = 'file:///quick/Dockerfile';
    // About 240 KB: 9,000 RUNs that download without certificate checks
    // into a shell, seconds of analysis in steps of a few hundred instructions (an instruction over 16 KB is
    // checked a rule per step, and one over 64 KB not at all).
    await open(server, big, 'FROM alpine:3.23\n' + 'RUN curl -k https://x | sh\n'.repeat(9_000));
    await open(server, small, 'FROM alpine:3.23\nRUN curl -k https://example.com\n');
    await server.waitFor(() => server.published.some((p) => p.uri === small), 'diagnostics of the small document');
    assert.ok(!server.published.some((p) => p.uri === big), 'the small document waited for the large one');
    await server.alive();
    await server.waitFor(() => server.published.some((p) => p.uri === big), 'diagnostics of the large document', 60_000);
  });
});
