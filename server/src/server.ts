// The language server's Node entry (dist/server.js): the transport, Node's host, and the core. Everything the
// server does is in lsp/server-core.ts, which a web worker entry can run over its own host.
import { createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { createServer } from './lsp/server-core';
import { nodeHost } from './node/host';
import { ResilientMessageReader } from './node/resilient-reader';

// Over stdio, a reader that survives a broken frame (a wrong Content-Length) instead of going deaf; --node-ipc and
// --socket keep vscode-languageserver's own transports.
const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, new ResilientMessageReader(process.stdin), new StreamMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
createServer(connection, nodeHost(connection));
connection.listen();
