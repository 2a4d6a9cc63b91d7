// The VS Code client: starts the bundled language server and knows nothing about rules.
import * as path from 'node:path';
import { window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const outputChannel = window.createOutputChannel('dockguard', { log: true });
  const clientOptions: LanguageClientOptions = {
    // No scheme filter: untitled buffers and virtual workspaces are analysed too; the server only reads text.
    documentSelector: [
      { language: 'dockerfile' },
      { language: 'dockercompose' },
      { language: 'yaml', pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
    ],
    outputChannel,
  };
  client = new LanguageClient('dockguard', 'dockguard', serverOptions, clientOptions);
  context.subscriptions.push(outputChannel);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
