// The VS Code client for the web (vscode.dev, github.dev, any web worker extension host): the language server runs
// in a web worker of its own (dist/browser/server.js), and reads files through this client's workspace.fs.
import { Uri, workspace, type ExtensionContext } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { startClient, stopClient } from './client';

/** The worker's name: VS Code's developer tools list it as `ExtensionHostWorker -> dockguard-language-server`. */
export const SERVER_WORKER_NAME = 'dockguard-language-server';

export async function activate(context: ExtensionContext): Promise<void> {
  await startClient(context, (clientOptions, outputChannel) => {
    const serverScript = Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
    return new LanguageClient(
      'dockguard',
      'dockguard',
      async () => {
        const worker = await startWorker(serverScript);
        outputChannel.info(`dockguard language server started in a web worker (${serverScript.toString(true)})`);
        // The transports, not the worker: the client tells a worker by `instanceof Worker`, which fails for the
        // workers of an extension host that wraps the Worker constructor (VS Code's web worker host does).
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
      },
      clientOptions,
    );
  });
}

export const deactivate = stopClient;

/**
 * A worker running the server script. Served over http(s) (vscode.dev) or from file: (a desktop web worker host),
 * the extension host starts it from its URL. Installed on a remote (code-server, a dev container opened in the
 * browser), the URL is `vscode-remote:`, from which the extension host refuses to start workers: the script is
 * read through workspace.fs and started from a blob instead.
 */
async function startWorker(script: Uri): Promise<Worker> {
  if (['http', 'https', 'file'].includes(script.scheme)) return new Worker(script.toString(true), { name: SERVER_WORKER_NAME });
  const source = await workspace.fs.readFile(script);
  const url = URL.createObjectURL(new Blob([source.slice()], { type: 'text/javascript' }));
  return new Worker(url, { name: SERVER_WORKER_NAME });
}
