import { commands, ProgressLocation, window, workspace, type CancellationToken } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { analysedFilesGlob } from '../../server/src/engine';
import { ANALYZE_FILES_REQUEST, type AnalyzeFilesParams, type AnalyzeFilesResult } from '../../server/src/lsp/protocol';

/** The file names the CLI and the server analyse (defined once, in the engine). */
export const FILES_GLOB = analysedFilesGlob();
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';
const BATCH = 25;
/** The server notes files over 1 MB as not analysed; past this, not even that is worth reading them for. */
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * Analyses every Dockerfile and compose file in the workspace, open or not, so their findings show in the
 * Problems panel. Files are read through VS Code (virtual workspaces work too); the server applies the
 * ignore paths and the project configuration.
 */
export async function scanWorkspace(client: BaseLanguageClient): Promise<void> {
  await window.withProgress(
    { location: ProgressLocation.Notification, title: 'dockguard: scanning the workspace', cancellable: true },
    async (progress, token: CancellationToken) => {
      const uris = await workspace.findFiles(FILES_GLOB, EXCLUDE_GLOB, undefined, token);
      const total: AnalyzeFilesResult = { analyzed: 0, skipped: 0, findings: 0 };
      for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
        const files: AnalyzeFilesParams['files'] = [];
        for (const uri of uris.slice(i, i + BATCH)) {
          try {
            const stat = await workspace.fs.stat(uri);
            if (stat.size > MAX_BYTES) continue;
            files.push({ uri: uri.toString(), text: new TextDecoder().decode(await workspace.fs.readFile(uri)) });
          } catch {
            // unreadable or deleted meanwhile: nothing to report for it
          }
        }
        const result = await client.sendRequest<AnalyzeFilesResult>(ANALYZE_FILES_REQUEST, { files });
        total.analyzed += result.analyzed;
        total.skipped += result.skipped;
        total.findings += result.findings;
        progress.report({ increment: (100 * files.length) / Math.max(uris.length, 1), message: `${Math.min(i + BATCH, uris.length)} of ${uris.length} files` });
      }
      const message = `dockguard: ${total.findings} finding(s) in ${total.analyzed} file(s) (${total.skipped} open, ignored or skipped).`;
      void window.showInformationMessage(message, 'Open Problems').then((choice) => {
        if (choice) void commands.executeCommand('workbench.actions.view.problems');
      });
    },
  );
}
