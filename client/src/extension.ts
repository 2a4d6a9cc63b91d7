// The VS Code client: starts the bundled language server and knows nothing about rules.
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { fixAllInActiveFile, selectSuppressionReason, showRuleDocumentation } from './commands';
import { analysedFilesGlob } from '../../server/src/engine';
import { scanWorkspace } from './scan';
import { createStatusBar } from './status-bar';

let client: LanguageClient | undefined;

/** Commands the client implements itself, so the server does not register them a second time. */
const CLIENT_COMMANDS = ['dockguard.showRuleDocumentation', 'dockguard.selectSuppressionReason'];

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
      { pattern: '**/{.dockguard,.hadolint}.{yaml,yml}' },
    ],
    synchronize: {
      configurationSection: 'dockguard',
      // The project configuration, and the Dockerfiles and compose files compose analyses read (a build
      // Dockerfile, an extends file): the server caches what it read until one of these changes on disk.
      fileEvents: [workspace.createFileSystemWatcher('**/{.dockguard,.hadolint}.{yaml,yml}'), workspace.createFileSystemWatcher(analysedFilesGlob())],
    },
    initializationOptions: { clientCommands: CLIENT_COMMANDS },
    outputChannel,
  };
  client = new LanguageClient('dockguard', 'dockguard', serverOptions, clientOptions);
  const running = client;
  context.subscriptions.push(
    outputChannel,
    commands.registerCommand('dockguard.fixAll', fixAllInActiveFile),
    commands.registerCommand('dockguard.scanWorkspace', () => scanWorkspace(running)),
    commands.registerCommand('dockguard.showRuleDocumentation', (ruleId?: string) => showRuleDocumentation(context, ruleId)),
    commands.registerCommand('dockguard.selectSuppressionReason', selectSuppressionReason),
    createStatusBar(),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
