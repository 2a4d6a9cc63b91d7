import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine';

interface Entry {
  version: number;
  findings: Finding[];
}

/**
 * Findings per document version. Code actions and hovers read from here, so they always describe the text
 * the user sees; a lookup for a newer version than the cache holds misses and the caller re-analyses.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument): Finding[] | undefined {
    const entry = this.entries.get(document.uri);
    return entry && entry.version === document.version ? entry.findings : undefined;
  }

  set(document: TextDocument, findings: Finding[]): void {
    this.entries.set(document.uri, { version: document.version, findings });
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
