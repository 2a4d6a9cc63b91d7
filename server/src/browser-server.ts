// The language server's web worker entry (dist/browser/server.js), for VS Code for the web: the same core as the
// Node entry over the worker's message port, with a host that reads files through the client's workspace.fs.
import rulePages from 'dockguard:rule-pages';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { browserHost } from './browser/host';
import { createServer } from './lsp/server-core';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
createServer(connection, browserHost(connection, rulePages));
connection.listen();
