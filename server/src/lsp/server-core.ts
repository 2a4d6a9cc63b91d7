// The language server core: LSP wiring over an injected host, with all its state in one instance. No Node
// built-in and no file system here or below (ESLint enforces it): files come through the host, so the same core
// runs in the Node entry (server.ts), in a web worker and in-process in the protocol tests.
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../docs-location';
import {
  analysedFilesGlob,
  analysisSteps,
  BUILD_CONTEXT_WATCH_GLOB,
  composeReferences,
  createAnalysisState,
  detectKind,
  findRule,
  groupHardening,
  invalidConfig,
  MAX_TYPING_CHARS,
  type AnalysisState,
  type AnalyzeOptions,
  type DocumentKind,
  type DirectoryLister,
  type FileReader,
  type Finding,
  type ResolvedConfig,
  resolveRelative,
} from '../engine';
import { VERSION } from '../version';
import { codeActions, FIX_ALL_KIND, SHOW_DOCS_COMMAND, type WorkspaceEditSupport } from './code-actions';
import { Configuration, type DocumentConfig } from './configuration';
import { SOURCE, toDiagnostic } from './diagnostics';
import { FileCache } from './file-cache';
import type { ServerHost } from './host';
import { findingHover, type Sections } from './hover';
import { imageHover } from './image-hover';
import { isConfigFile, parseConfigFile, ProjectConfigs } from './project-configs';
import { parentUri, uriBaseName } from './uris';
import { ANALYZE_FILES_REQUEST, type AnalyzeFilesParams, type AnalyzeFilesResult } from './protocol';

/** Longest the core computes without giving the event loop a turn, unless one analysis step alone takes longer. */
export const SLICE_MS = 8;
/** The project configuration files, watched with the analysed files and the build context's (as the VS Code client does). */
const PROJECT_CONFIG_GLOB = '**/{.dockguard,.hadolint}.{yaml,yml}';
/** Marks a directory listing among an analysis's cache misses (URIs never start with it). */
const DIRECTORY = '\u0000directory:';
/** Cross-file reads an analysis may wait for in turn (a build Dockerfile, then an extends chain, level by level). */
const MAX_READ_ROUNDS = 8;
/** Files watched at the server's request (entrypoint scripts, oddly named extends files), at most. */
const MAX_WATCHED = 500;

/** One document version's analysis: what diagnostics, code actions, hover and fix-all all read. */
interface Analysis {
  version: number;
  kind: DocumentKind | undefined;
  settings: DocumentConfig;
  findings: Finding[];
  /** Every file the analysis asked for (open or not): an edit of another document matters only if it is here. */
  reads: Set<string>;
}

/** An analysis in progress; a newer version of the document cancels it. */
interface Run {
  version: number;
  cancelled: boolean;
  done: Promise<Analysis | undefined>;
}

interface DocumentState {
  analysis?: Analysis;
  run?: Run;
  deferred?: boolean;
  /** What the engine keeps between analyses of this document, so each re-analyses only what an edit changed. */
  engine: AnalysisState;
}

export interface ServerCore {
  /** How long the longest uninterrupted analysis step took, in ms (the scheduler's bound on blocking). */
  readonly longestStepMs: number;
  /** Analyses run to completion: one per published document version (plus re-reads of referenced files). */
  readonly analyses: number;
  readonly openDocuments: number;
  /** Documents with analysis state kept: the open ones, none once they are closed. */
  readonly trackedDocuments: number;
}

export function createServer(connection: Connection, host: ServerHost): ServerCore {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  /** Files whose findings came from a workspace scan: closing one shows its saved text's findings again. */
  const scanned = new Set<string>();
  /** Configuration files whose problems are on display, with what was last sent for each. */
  const configDiagnostics = new Map<string, string>();
  const sections: Sections = new Map();
  let configuration: Configuration;
  let workspaceEdits: WorkspaceEditSupport = { documentChanges: false, createFile: false };
  let watchFiles = false;
  const files = new FileCache(host, readRoots);
  const projects = new ProjectConfigs(files, (uri) => documents.get(uri)?.getText());
  let longestStepMs = 0;
  let analyses = 0;
  /** How the client watches files for us on request (dynamic registration), when it can. */
  let watching: { relativePatterns: boolean } | undefined;
  const watched = new Set<string>();

  /**
   * Where files may be read: the workspace folders; with none open (an editor on a single file), the folders of
   * the open documents, so `build: ./api` still resolves but nothing above them is read.
   */
  function readRoots(): readonly string[] {
    const folders = configuration?.workspaceFolders ?? [];
    if (folders.length) return folders;
    return [...new Set(documents.all().flatMap((d) => parentUri(d.uri) ?? []))];
  }

  const log = (message: string, error?: unknown) => host.log('error', `dockguard: ${message}${error === undefined ? '' : `: ${describe(error)}`}`);

  /** A handler that throws answers with `fallback` and is logged: the server stays up whatever goes wrong. */
  function guard<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P) => {
      try {
        return await handler(...args);
      } catch (error) {
        log(`${name} failed`, error);
        return fallback;
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    configuration = new Configuration(connection, params.capabilities.workspace?.configuration === true, projects);
    const editCapabilities = params.capabilities.workspace?.workspaceEdit;
    workspaceEdits = {
      documentChanges: editCapabilities?.documentChanges === true,
      createFile: editCapabilities?.resourceOperations?.includes('create') === true,
    };
    configuration.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []));
    const watchedFiles = params.capabilities.workspace?.didChangeWatchedFiles;
    if (watchedFiles?.dynamicRegistration) watching = { relativePatterns: watchedFiles.relativePatternSupport === true };
    if (params.initializationOptions?.settings) configuration.settingsChanged(params.initializationOptions.settings);
    // The VS Code client opens rule pages as rendered previews itself; other editors get them through showDocument.
    const clientCommands: string[] = Array.isArray(params.initializationOptions?.clientCommands) ? params.initializationOptions.clientCommands : [];
    // The VS Code client watches files itself (its `synchronize.fileEvents`, sent with clientCommands); other editors
    // that can watch are asked to, so what the server cached is forgotten when a file changes on disk there too.
    watchFiles = clientCommands.length === 0 && params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
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
    if (watchFiles) {
      const watchers = [PROJECT_CONFIG_GLOB, analysedFilesGlob(), BUILD_CONTEXT_WATCH_GLOB].map((globPattern) => ({ globPattern }));
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    connection.workspace.onDidChangeWorkspaceFolders?.(
      guard('workspace folders', undefined, async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        configuration.setWorkspaceFolders(folders.map((f) => f.uri));
        files.clear();
        reanalyzeAll();
      }),
    );
  });

  // --- analysis ------------------------------------------------------------------------------------------------

  function stateOf(uri: string): DocumentState {
    let state = states.get(uri);
    if (!state) states.set(uri, (state = { engine: createAnalysisState() }));
    return state;
  }

  /**
   * The engine reads synchronously: open documents give their text, other files come from the cache. A miss is
   * noted, fetched through the host, and the analysis runs again before anything is published.
   */
  function reader(misses?: Set<string>, reads?: Set<string>): FileReader {
    return (uri) => {
      reads?.add(uri);
      const open = documents.get(uri);
      if (open) return open.getText();
      const read = files.peek(uri);
      if (!read) {
        misses?.add(uri);
        return undefined;
      }
      // A refusal (outside the workspace, not a regular file) is reported where the reference is written.
      return 'text' in read ? read.text : 'refused' in read ? { refused: read.refused } : undefined;
    };
  }

  /** Directory listings (a Dockerfile's build context) come from the cache the same way; a miss is noted as DIRECTORY + URI. */
  function lister(misses?: Set<string>): DirectoryLister {
    return (uri) => {
      const listed = files.peekDirectory(uri);
      if (!listed) {
        misses?.add(DIRECTORY + uri);
        return undefined;
      }
      return 'entries' in listed ? listed.entries : 'refused' in listed ? { refused: listed.refused } : undefined;
    };
  }

  function analyzeOptions(uri: string, kind: DocumentKind, config: ResolvedConfig, misses?: Set<string>, reads?: Set<string>): AnalyzeOptions {
    return {
      kind,
      uri,
      config,
      readFile: reader(misses, reads),
      listDirectory: lister(misses),
      maxChars: MAX_TYPING_CHARS[kind],
      now: host.today?.(),
      onRuleError: (ruleId, error) => log(`rule ${ruleId} failed on ${uri}`, error),
    };
  }

  /** Runs the analysis step by step, giving the event loop a turn every SLICE_MS; undefined once `run` is cancelled. */
  async function stepped(text: string, options: AnalyzeOptions, run: Run): Promise<Finding[] | undefined> {
    const steps = analysisSteps(text, options);
    let sliceStart = host.now();
    for (;;) {
      const stepStart = host.now();
      const step = steps.next();
      const now = host.now();
      if (now - stepStart > longestStepMs) longestStepMs = now - stepStart;
      if (step.done) {
        analyses++;
        return step.value;
      }
      if (now - sliceStart >= SLICE_MS) {
        await new Promise<void>((resolve) => host.defer(resolve));
        if (run.cancelled) return undefined;
        sliceStart = host.now();
      }
    }
  }

  /** Findings of `text`, with every file it refers to read first (rounds of cache misses, fetched together). */
  async function findingsOf(
    uri: string,
    text: string,
    kind: DocumentKind,
    config: ResolvedConfig,
    run: Run,
    state?: AnalysisState,
    reads?: Set<string>,
  ): Promise<Finding[] | undefined> {
    for (let round = 0; ; round++) {
      const misses = new Set<string>();
      reads?.clear();
      const findings = await stepped(text, { ...analyzeOptions(uri, kind, config, misses, reads), state }, run);
      if (findings === undefined || misses.size === 0 || round === MAX_READ_ROUNDS) return findings;
      await Promise.all(
        [...misses].map((missing) => (missing.startsWith(DIRECTORY) ? files.fetchDirectory(missing.slice(DIRECTORY.length)) : files.fetch(missing))),
      );
      if (run.cancelled) return undefined;
    }
  }

  async function analyzeDocument(uri: string, run: Run): Promise<Analysis | undefined> {
    const document = documents.get(uri);
    if (!document || document.version !== run.version) return undefined;
    if (isConfigFile(uri)) {
      showConfigProblems(uri, parseConfigFile(uri, document.getText()).problems);
      return undefined;
    }
    const settings = await configuration.forDocument(uri);
    if (run.cancelled) return undefined;
    if (settings.project && !documents.get(settings.project.uri)) showConfigProblems(settings.project.uri, settings.project.problems);
    const kind = detectKind(uri, document.languageId);
    let findings: Finding[] = [];
    const reads = new Set<string>();
    if (kind && settings.enabled) {
      const found = await findingsOf(uri, document.getText(), kind, settings.config, run, states.get(uri)?.engine, reads);
      if (found === undefined) return undefined;
      findings = shown(found, kind, settings.config);
    }
    // Closed, or a newer version arrived, while this ran: publish nothing for it.
    const state = states.get(uri);
    if (run.cancelled || !state || documents.get(uri)?.version !== run.version) return undefined;
    const analysis: Analysis = { version: run.version, kind, settings, findings, reads };
    state.analysis = analysis;
    watchReads(reads);
    void connection.sendDiagnostics({ uri, version: run.version, diagnostics: findings.map(toDiagnostic) });
    return analysis;
  }

  /** Starts analysing the document's current version now, cancelling an older run. */
  function start(uri: string): Run | undefined {
    const document = documents.get(uri);
    if (!document) return undefined;
    const state = stateOf(uri);
    if (state.run && !state.run.cancelled && state.run.version === document.version) return state.run;
    if (state.run) state.run.cancelled = true;
    const run: Run = { version: document.version, cancelled: false, done: Promise.resolve(undefined) };
    run.done = analyzeDocument(uri, run).catch((error) => {
      if (!run.cancelled) publishFailure(uri, run.version, error);
      return undefined;
    });
    state.run = run;
    return run;
  }

  /**
   * Keystrokes arrive faster than they need analysing: coalesce them, and analyse the latest text once the
   * messages already received are handled. A newer version cancels the run of an older one between two steps,
   * so nothing is ever published for an old version.
   */
  function schedule(uri: string): void {
    const state = stateOf(uri);
    if (state.run) state.run.cancelled = true;
    if (state.deferred) return;
    state.deferred = true;
    host.defer(() => {
      state.deferred = false;
      if (states.get(uri) === state) start(uri);
    });
  }

  /** An exception outside the engine's own containment: one diagnostic saying so replaces the file's others. */
  function publishFailure(uri: string, version: number, error: unknown): void {
    log(`could not analyse ${uri}`, error);
    const meta = findRule('analysis-failed') ?? findRule('not-analyzed')!;
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: meta.code,
      codeDescription: { href: ruleDocsUrl(meta.id) },
      message: `dockguard could not analyse this file: ${describe(error)}`,
      data: { ruleId: meta.id },
    };
    void connection.sendDiagnostics({ uri, version, diagnostics: [diagnostic] });
  }

  /** The analysis of the document's current version: the published one, or the run that will publish it. */
  async function currentAnalysis(uri: string): Promise<Analysis | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const state = stateOf(uri);
    if (state.analysis?.version === document.version) return state.analysis;
    const analysis = await start(uri)?.done;
    return analysis?.version === documents.get(uri)?.version ? analysis : undefined;
  }

  /**
   * The files analyses usually read (Dockerfiles, compose files, `.env`, the configuration, the build context's
   * credential names) are watched by glob: by the VS Code client on its own, by other editors at the server's request
   * (onInitialized). Anything else an analysis read (an entrypoint script a Dockerfile runs, an extends file of
   * another name) is watched on request, file by file, by any client that can, so that saving docker-entrypoint.sh
   * drops it from the cache and re-analyses the Dockerfile that reads it.
   */
  function watchReads(reads: Set<string>): void {
    if (!watching) return;
    const watchers: { globPattern: string | { baseUri: string; pattern: string } }[] = [];
    for (const uri of reads) {
      if (watched.has(uri) || watched.size >= MAX_WATCHED || documents.get(uri) || isWatchedByClient(uri)) continue;
      watched.add(uri);
      const parent = parentUri(uri);
      const name = escapeGlob(uriBaseName(uri));
      watchers.push({ globPattern: watching.relativePatterns && parent ? { baseUri: parent, pattern: name } : `**/${name}` });
    }
    if (watchers.length === 0) return;
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }

  function reanalyzeAll(): void {
    for (const state of states.values()) state.analysis = undefined;
    for (const document of documents.all()) schedule(document.uri);
  }

  // --- configuration files -------------------------------------------------------------------------------------

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

  documents.onDidChangeContent(
    guard('document change', undefined, (event) => {
      const uri = event.document.uri;
      schedule(uri);
      if (isConfigFile(uri)) {
        // Edits to the project configuration apply as you type, to every open file.
        reanalyzeAll();
        return;
      }
      // Compose files read other files: the Dockerfiles their services build from, the files they `extends`.
      const kind = detectKind(uri, event.document.languageId);
      if (kind) recheckComposeFiles(uri);
    }),
  );

  /**
   * Open compose files may depend on a file that just changed (a Dockerfile, an extended compose file). One whose
   * analysis of its current version is done and never asked for that file is left alone: re-analysing every open
   * compose file on each keystroke in any Dockerfile was most of the server's work (and garbage) with a large
   * compose file open.
   */
  function recheckComposeFiles(changed: string): void {
    for (const other of documents.all()) {
      if (other.uri !== changed && detectKind(other.uri, other.languageId) === 'compose') {
        const state = stateOf(other.uri);
        const done = state.analysis?.version === other.version && !state.deferred && (!state.run || state.run.cancelled || state.run.version === other.version);
        if (done && !state.analysis!.reads.has(changed)) continue;
        state.analysis = undefined;
        schedule(other.uri);
      }
    }
  }

  documents.onDidOpen(() => {
    // With no workspace folder, the open documents' folders are where reads may go: they just changed.
    if (!configuration?.workspaceFolders.length) files.forgetRefusals();
  });

  documents.onDidClose(
    guard('document close', undefined, async (event) => {
      const uri = event.document.uri;
      const state = states.get(uri);
      if (state?.run) state.run.cancelled = true;
      states.delete(uri);
      // Its saved text may differ from the buffer that was open: read it again when asked.
      files.invalidate(uri);
      if (isConfigFile(uri)) reanalyzeAll();
      // Unsaved edits of a closed Dockerfile are gone: compose files now see the file on disk.
      if (detectKind(uri, event.document.languageId) !== undefined) recheckComposeFiles(uri);
      if (configDiagnostics.has(uri)) return;
      if (!scanned.has(uri)) {
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      // A scanned file keeps its findings in the Problems panel, now for the text saved on disk.
      const read = await files.fetch(uri);
      if ('text' in read) await analyzeUnopened({ uri, text: read.text, languageId: event.document.languageId });
      else void connection.sendDiagnostics({ uri, diagnostics: [] });
    }),
  );

  connection.onDidChangeConfiguration(
    guard('configuration change', undefined, (change) => {
      configuration.settingsChanged(change.settings ?? undefined);
      reanalyzeAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('watched files', undefined, (params) => {
      // A configuration file, a Dockerfile or a compose file changed on disk: forget what was read of it.
      for (const change of params.changes) files.invalidate(change.uri);
      reanalyzeAll();
    }),
  );

  connection.onCodeAction(
    guard('code action', [], async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = await currentAnalysis(document.uri);
      const current = documents.get(document.uri);
      if (!analysis?.kind || !analysis.settings.enabled || !current || current.version !== analysis.version) return [];
      return codeActions(params, {
        document: current,
        kind: analysis.kind,
        findings: analysis.findings,
        analyzeOptions: analyzeOptions(current.uri, analysis.kind, analysis.settings.config),
        state: states.get(current.uri)?.engine,
        workspaceEdits,
      });
    }),
  );

  connection.onHover(
    guard('hover', null, async (params) => {
      const analysis = await currentAnalysis(params.textDocument.uri);
      const document = documents.get(params.textDocument.uri);
      if (!analysis?.kind || !analysis.settings.enabled || !document || document.version !== analysis.version) return null;
      // Both can apply at once: a finding on an image, and what that image resolves to.
      const parts = [
        findingHover(analysis.findings, params.position, (ruleId) => host.rulePage(ruleId), sections),
        // A file too large to analyse as you type is not parsed for a hover either.
        document.getText().length <= MAX_TYPING_CHARS[analysis.kind]
          ? imageHover(document.getText(), analysis.kind, params.position, states.get(document.uri)?.engine, host.today?.())
          : undefined,
      ].filter((h) => h !== undefined);
      if (parts.length === 0) return null;
      return { contents: { kind: 'markdown' as const, value: parts.join('\n\n---\n\n') } };
    }),
  );

  connection.onExecuteCommand(
    guard('command', undefined, async (params) => {
      if (params.command === SHOW_DOCS_COMMAND && typeof params.arguments?.[0] === 'string') {
        // The https page, opened in the browser: editors other than VS Code have no offline Markdown preview to open.
        await connection.window.showDocument({ uri: ruleDocsUrl(params.arguments[0]), external: true, takeFocus: true });
      }
    }),
  );

  // --- workspace scan ------------------------------------------------------------------------------------------

  /** Analyses a file that is not open and publishes its findings: how many, or undefined when it is not analysed. */
  async function analyzeUnopened(file: { uri: string; text: string; languageId?: string }, visited = new Set<string>()): Promise<number | undefined> {
    const kind = detectKind(file.uri, file.languageId);
    if (!kind || documents.get(file.uri) || visited.has(file.uri)) return undefined; // open documents are analysed as they are edited
    visited.add(file.uri);
    const settings = await configuration.forDocument(file.uri);
    if (!settings.enabled) return undefined;
    const run: Run = { version: 0, cancelled: false, done: Promise.resolve(undefined) };
    const findings = shown((await findingsOf(file.uri, file.text, kind, settings.config, run)) ?? [], kind, settings.config);
    scanned.add(file.uri);
    void connection.sendDiagnostics({ uri: file.uri, diagnostics: findings.map(toDiagnostic) });
    let count = findings.length;
    // The files a compose file includes or extends are compose files whatever their names: scanned with it.
    if (kind === 'compose') {
      for (const reference of composeReferences(file.text)) {
        const uri = resolveRelative(file.uri, reference);
        const read = await files.fetch(uri);
        if ('text' in read) count += (await analyzeUnopened({ uri, text: read.text, languageId: 'dockercompose' }, visited)) ?? 0;
      }
    }
    return count;
  }

  connection.onRequest(
    ANALYZE_FILES_REQUEST,
    guard('workspace scan', { analyzed: 0, skipped: 0, findings: 0 }, async (params: AnalyzeFilesParams): Promise<AnalyzeFilesResult> => {
      const result: AnalyzeFilesResult = { analyzed: 0, skipped: 0, findings: 0 };
      for (const file of Array.isArray(params?.files) ? params.files : []) {
        const count = typeof file?.uri === 'string' && typeof file.text === 'string' ? await analyzeUnopened(file) : undefined;
        if (count === undefined) {
          result.skipped++;
        } else {
          result.analyzed++;
          result.findings += count;
        }
      }
      return result;
    }),
  );

  documents.listen(connection);

  return {
    get longestStepMs() {
      return longestStepMs;
    },
    get analyses() {
      return analyses;
    },
    get openDocuments() {
      return documents.all().length;
    },
    get trackedDocuments() {
      return states.size;
    },
  };
}

/** Files the glob watchers cover (client/src/client.ts, onInitialized): analysed files, `.env`, the configuration. */
function isWatchedByClient(uri: string): boolean {
  const name = uriBaseName(uri);
  return detectKind(uri) !== undefined || name === '.env' || isConfigFile(uri);
}

/** A file name as a glob that matches only it. */
function escapeGlob(name: string): string {
  return name.replace(/[*?[\]{}!]/g, (c) => `[${c}]`);
}

/** What the editor shows of an analysis: a compose service's missing baseline settings as one finding. */
function shown(findings: Finding[], kind: DocumentKind, config: ResolvedConfig): Finding[] {
  return kind === 'compose' ? groupHardening(findings, config) : findings;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
