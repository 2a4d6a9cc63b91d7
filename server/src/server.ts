// The language server: LSP wiring only. Every decision about Dockerfiles and compose files lives in ./engine.
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from './docs-location';
import {
  analyze,
  type AnalyzeOptions,
  DEFAULT_CONFIG,
  detectKind,
  type DocumentKind,
  type Finding,
  invalidConfig,
  MAX_ANALYSED_CHARS,
  parseDockguardConfig,
  parseHadolintConfig,
  type ResolvedConfig,
} from './engine';
import { DOCKGUARD_FILES, HADOLINT_FILES } from './project-config';
import { AnalysisCache } from './lsp/analysis-cache';
import { codeActions, FIX_ALL_KIND, SHOW_DOCS_COMMAND } from './lsp/code-actions';
import { Configuration, filePathOf } from './lsp/configuration';
import { toDiagnostic } from './lsp/diagnostics';
import { findingHover } from './lsp/hover';
import { imageHover } from './lsp/image-hover';
import { VERSION } from './version';
import { ANALYZE_FILES_REQUEST, type AnalyzeFilesParams, type AnalyzeFilesResult } from './lsp/protocol';

// createConnection reads --stdio, --node-ipc or --socket from the command line.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();
const scheduled = new Map<string, NodeJS.Immediate>();
/** The configuration each document was last analysed with, so code actions and hovers agree with its squiggles. */
const lastConfig = new Map<string, { enabled: boolean; config: ResolvedConfig }>();
/** Files whose findings came from a workspace scan: closing one shows its saved text's findings again. */
const scanned = new Set<string>();
/** Configuration files whose problems are on display, with what was last sent for each. */
const configDiagnostics = new Map<string, string>();
let configuration: Configuration;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  configuration = new Configuration(connection, capabilities.workspace?.configuration === true);
  configuration.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []));
  if (params.initializationOptions?.settings) configuration.settingsChanged(params.initializationOptions.settings);
  // The VS Code client opens rule pages as rendered previews itself; other editors get them through showDocument.
  const clientCommands: string[] = params.initializationOptions?.clientCommands ?? [];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
      executeCommandProvider: { commands: [SHOW_DOCS_COMMAND].filter((c) => !clientCommands.includes(c)) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'dockguard', version: VERSION },
  };
});

connection.onInitialized(() => {
  void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dockguard' }).catch(() => undefined);
  connection.workspace.onDidChangeWorkspaceFolders?.(async () => {
    const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
    configuration.setWorkspaceFolders(folders.map((f) => f.uri));
    reanalyzeAll();
  });
});

/**
 * Compose rules may read the Dockerfile a service builds from: the open buffer when there is one (so unsaved
 * edits count), else the file on disk. Only local files, only reading.
 */
function readFile(uri: string): string | undefined {
  const open = documents.get(uri);
  if (open) return open.getText();
  const file = filePathOf(uri);
  if (!file) return undefined;
  try {
    return fs.statSync(file).size <= MAX_ANALYSED_CHARS ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function kindOf(document: { uri: string; languageId: string }): DocumentKind | undefined {
  return detectKind(document.uri, document.languageId);
}

function analyzeOptions(uri: string, kind: DocumentKind, config: ResolvedConfig): AnalyzeOptions {
  return {
    kind,
    uri,
    config,
    readFile,
    onRuleError: (ruleId, error) => connection.console.error(`dockguard: rule ${ruleId} failed on ${uri}: ${String((error as Error)?.stack ?? error)}`),
  };
}

/** Findings for the current version, from the cache or computed with the configuration last resolved for it. */
function findingsOf(document: TextDocument): Finding[] {
  const cached = cache.get(document);
  if (cached) return cached;
  const kind = kindOf(document);
  const settings = lastConfig.get(document.uri) ?? { enabled: true, config: DEFAULT_CONFIG };
  const findings = kind && settings.enabled ? analyze(document.getText(), analyzeOptions(document.uri, kind, settings.config)) : [];
  cache.set(document, findings);
  return findings;
}

async function publish(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  if (isConfigFile(uri)) return publishConfigProblems(uri, document.getText());
  const version = document.version;
  const resolved = await configuration.forDocument(uri);
  const current = documents.get(uri);
  // The text changed while the configuration was fetched: that newer version has its own run scheduled.
  if (!current || current.version !== version) return;
  const previous = lastConfig.get(uri);
  if (previous?.config !== resolved.config || previous?.enabled !== resolved.enabled) cache.delete(uri);
  lastConfig.set(uri, resolved);
  if (resolved.project && !documents.get(pathToFileURL(resolved.project.file).href)) {
    showConfigProblems(pathToFileURL(resolved.project.file).href, resolved.project.problems);
  }
  const findings = findingsOf(current);
  void connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
}

/**
 * Keystrokes arrive faster than they need analysing: coalesce them and analyse the latest text once the
 * queue of pending messages is drained, so no result is ever computed for, or published with, an old version.
 */
function schedule(uri: string): void {
  if (scheduled.has(uri)) return;
  scheduled.set(
    uri,
    setImmediate(() => {
      scheduled.delete(uri);
      publish(uri).catch((error) => connection.console.error(`dockguard: ${String(error?.stack ?? error)}`));
    }),
  );
}

function reanalyzeAll(): void {
  cache.clear();
  for (const document of documents.all()) schedule(document.uri);
}

// --- configuration files -------------------------------------------------------------------------------------

function isConfigFile(uri: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  return DOCKGUARD_FILES.includes(name) || HADOLINT_FILES.includes(name);
}

function publishConfigProblems(uri: string, text: string): void {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const parsed = DOCKGUARD_FILES.includes(name) ? parseDockguardConfig(text) : parseHadolintConfig(text);
  showConfigProblems(uri, parsed.problems);
}

function showConfigProblems(uri: string, problems: { range: Finding['range']; message: string }[]): void {
  // Called on every analysis of a file the configuration applies to: send only what changed.
  const key = JSON.stringify(problems);
  if ((configDiagnostics.get(uri) ?? '[]') === key) return;
  if (problems.length) configDiagnostics.set(uri, key);
  else configDiagnostics.delete(uri);
  const findings: Finding[] = problems.map((p) => ({
    ruleId: invalidConfig.id,
    code: invalidConfig.code,
    severity: invalidConfig.severity,
    message: p.message,
    messageId: 'problem',
    range: p.range,
    fixes: [],
  }));
  void connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
}

// --- documents -----------------------------------------------------------------------------------------------

documents.onDidChangeContent((event) => {
  const document = event.document;
  schedule(document.uri);
  if (isConfigFile(document.uri)) {
    // Edits to the project configuration apply as you type, to every open file.
    configuration.projectFilesChanged();
    reanalyzeAll();
    return;
  }
  // Compose files read other files: the Dockerfiles their services build from, the files they `extends`.
  const kind = kindOf(document);
  if (kind === 'dockerfile' || kind === 'compose') recheckComposeFiles(document.uri);
});

/** Open compose files may depend on a file that just changed (a Dockerfile, an extended compose file). */
function recheckComposeFiles(changed: string): void {
  for (const other of documents.all()) {
    if (other.uri !== changed && kindOf(other) === 'compose') {
      cache.delete(other.uri);
      schedule(other.uri);
    }
  }
}

documents.onDidClose((event) => {
  const uri = event.document.uri;
  const pending = scheduled.get(uri);
  if (pending) clearImmediate(pending);
  scheduled.delete(uri);
  cache.delete(uri);
  lastConfig.delete(uri);
  if (isConfigFile(uri)) {
    configuration.projectFilesChanged();
    reanalyzeAll();
  }
  // Unsaved edits of a closed Dockerfile are gone: compose files now see the file on disk.
  if (kindOf(event.document) !== undefined) recheckComposeFiles(uri);
  if (configDiagnostics.has(uri)) return;
  const onDisk = scanned.has(uri) ? readFile(uri) : undefined;
  if (onDisk === undefined) {
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  // A scanned file keeps its findings in the Problems panel, now for the text saved on disk.
  void analyzeUnopened({ uri, text: onDisk, languageId: event.document.languageId }).catch(() => undefined);
});

connection.onDidChangeConfiguration((change) => {
  configuration.settingsChanged(change.settings ?? undefined);
  reanalyzeAll();
});

connection.onDidChangeWatchedFiles(() => {
  // A configuration file was created, changed or deleted on disk.
  configuration.projectFilesChanged();
  reanalyzeAll();
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  const kind = document && kindOf(document);
  if (!document || !kind) return [];
  const settings = lastConfig.get(document.uri) ?? { enabled: true, config: DEFAULT_CONFIG };
  if (!settings.enabled) return [];
  return codeActions(params, { document, kind, findings: findingsOf(document), analyzeOptions: analyzeOptions(document.uri, kind, settings.config) });
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  const kind = document && kindOf(document);
  if (!document || !kind || lastConfig.get(document.uri)?.enabled === false) return null;
  // Both can apply at once: a finding on an image, and what that image resolves to.
  const parts = [findingHover(findingsOf(document), params.position), imageHover(document.getText(), kind, params.position)].filter((h) => h !== undefined);
  if (parts.length === 0) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
});

connection.onExecuteCommand(async (params) => {
  if (params.command === SHOW_DOCS_COMMAND && typeof params.arguments?.[0] === 'string') {
    // The https page, opened in the browser: editors other than VS Code have no offline Markdown preview to open.
    await connection.window.showDocument({ uri: ruleDocsUrl(params.arguments[0]), external: true, takeFocus: true });
  }
});

// --- workspace scan ------------------------------------------------------------------------------------------

/** Analyses a file that is not open and publishes its findings: how many, or undefined when it is not analysed. */
async function analyzeUnopened(file: { uri: string; text: string; languageId?: string }): Promise<number | undefined> {
  const kind = detectKind(file.uri, file.languageId);
  if (!kind || documents.get(file.uri)) return undefined; // open documents are analysed as they are edited
  const resolved = await configuration.forDocument(file.uri);
  if (!resolved.enabled) return undefined;
  const findings = analyze(file.text, analyzeOptions(file.uri, kind, resolved.config));
  scanned.add(file.uri);
  void connection.sendDiagnostics({ uri: file.uri, diagnostics: findings.map(toDiagnostic) });
  return findings.length;
}

connection.onRequest(ANALYZE_FILES_REQUEST, async (params: AnalyzeFilesParams): Promise<AnalyzeFilesResult> => {
  const result: AnalyzeFilesResult = { analyzed: 0, skipped: 0, findings: 0 };
  for (const file of params.files) {
    const count = await analyzeUnopened(file);
    if (count === undefined) {
      result.skipped++;
    } else {
      result.analyzed++;
      result.findings += count;
    }
  }
  return result;
});

documents.listen(connection);
connection.listen();
