// What both VS Code entries share (extension.ts for Node, browser-extension.ts for the web): the client options,
// the commands, the status bar and the file reads the server asks for. They differ only in how the server starts.
import { commands, window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { analysedFilesGlob, BUILD_CONTEXT_WATCH_GLOB } from '../../server/src/engine';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, type ReadDirectoryParams, type ReadFileParams } from '../../server/src/lsp/protocol';
import { fixAllInActiveFile, selectSuppressionReason, showRuleDocumentation } from './commands';
import { readDirectoryForServer, readFileForServer } from './read-file';
import { scanWorkspace } from './scan';
import { createStatusBar } from './status-bar';

/** Commands the client implements itself, so the server does not register them a second time. */
const CLIENT_COMMANDS = ['dockguard.showRuleDocumentation', 'dockguard.selectSuppressionReason'];

let client: BaseLanguageClient | undefined;

/** Creates the language client over the entry's transport, given the options every entry shares. */
export type ClientFactory = (options: LanguageClientOptions, outputChannel: LogOutputChannel) => BaseLanguageClient;

export async function startClient(context: ExtensionContext, create: ClientFactory): Promise<BaseLanguageClient> {
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
      // Dockerfile, an extends file, the .env that interpolates a compose file), and what decides a Dockerfile's
      // build context (.dockerignore files, and credential files appearing or going): the server caches what it
      // read or listed until one of these changes on disk.
      fileEvents: [
        workspace.createFileSystemWatcher('**/{.dockguard,.hadolint}.{yaml,yml}'),
        workspace.createFileSystemWatcher(analysedFilesGlob()),
        workspace.createFileSystemWatcher(BUILD_CONTEXT_WATCH_GLOB),
      ],
    },
    initializationOptions: { clientCommands: CLIENT_COMMANDS },
    outputChannel,
  };
  const running = create(clientOptions, outputChannel);
  client = running;
  // Files the server cannot read itself (the web worker has no file system; the Node server, a virtual one).
  running.onRequest(READ_FILE_REQUEST, (params: ReadFileParams, token) => readFileForServer(params, token));
  running.onRequest(READ_DIRECTORY_REQUEST, (params: ReadDirectoryParams, token) => readDirectoryForServer(params, token));
  context.subscriptions.push(
    outputChannel,
    commands.registerCommand('dockguard.fixAll', fixAllInActiveFile),
    commands.registerCommand('dockguard.scanWorkspace', () => scanWorkspace(running)),
    commands.registerCommand('dockguard.showRuleDocumentation', (ruleId?: string) => showRuleDocumentation(context, ruleId)),
    commands.registerCommand('dockguard.selectSuppressionReason', selectSuppressionReason),
    createStatusBar(),
  );
  await running.start();
  return running;
}

export async function stopClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}
