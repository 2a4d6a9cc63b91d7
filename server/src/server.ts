// The language server: LSP wiring only. Every decision about Dockerfiles and compose files lives in ./engine.
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from './engine/analyze';
import { DEFAULT_CONFIG, type ResolvedConfig } from './engine/config';
import { detectKind } from './engine/detect';
import type { Finding } from './engine/types';
import { AnalysisCache } from './lsp/analysis-cache';
import { findingsForRequest, quickFixActions } from './lsp/code-actions';
import { toDiagnostic } from './lsp/diagnostics';

// createConnection reads --stdio, --node-ipc or --socket from the command line.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();
const scheduled = new Map<string, NodeJS.Immediate>();

connection.onInitialize(
  (): InitializeResult => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
    },
    serverInfo: { name: 'dockguard', version: process.env.DOCKGUARD_VERSION ?? '0.1.0' },
  }),
);

function configFor(_document: TextDocument): ResolvedConfig {
  return DEFAULT_CONFIG;
}

/**
 * Compose rules may read the Dockerfile a service builds from: the open buffer when there is one (so unsaved
 * edits count), else the file on disk. Only local files, only reading.
 */
function readFile(uri: string): string | undefined {
  const open = documents.get(uri);
  if (open) return open.getText();
  if (!uri.startsWith('file:')) return undefined;
  try {
    const file = fileURLToPath(uri);
    return fs.statSync(file).size <= 4 * 1024 * 1024 ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function findingsOf(document: TextDocument): Finding[] {
  const cached = cache.get(document);
  if (cached) return cached;
  const kind = detectKind(document.uri, document.languageId);
  const findings = kind
    ? analyze(document.getText(), {
        kind,
        uri: document.uri,
        config: configFor(document),
        readFile,
        onRuleError: (ruleId, error) => connection.console.error(`dockguard: rule ${ruleId} failed: ${String((error as Error)?.stack ?? error)}`),
      })
    : [];
  cache.set(document, findings);
  return findings;
}

function publish(uri: string): void {
  const document = documents.get(uri);
  if (!document) return;
  const findings = findingsOf(document);
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics: findings.map(toDiagnostic) });
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
      publish(uri);
    }),
  );
}

documents.onDidChangeContent((event) => {
  schedule(event.document.uri);
  // A compose service built from this Dockerfile may now run as root, or no longer: re-check open compose files.
  if (detectKind(event.document.uri, event.document.languageId) === 'dockerfile') {
    for (const other of documents.all()) {
      if (detectKind(other.uri, other.languageId) === 'compose') {
        cache.delete(other.uri);
        schedule(other.uri);
      }
    }
  }
});

documents.onDidClose((event) => {
  const pending = scheduled.get(event.document.uri);
  if (pending) clearImmediate(pending);
  scheduled.delete(event.document.uri);
  cache.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onCodeAction((params): CodeAction[] => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const findings = findingsForRequest(params, findingsOf(document));
  return quickFixActions(document.uri, findings);
});

documents.listen(connection);
connection.listen();
