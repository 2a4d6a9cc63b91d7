// Requests dockguard adds to LSP. The VS Code client declares the same shapes in client/src/protocol.ts.

/** Analyse files that are not open (a workspace scan) and publish their diagnostics. */
export const ANALYZE_FILES_REQUEST = 'dockguard/analyzeFiles';

export interface AnalyzeFilesParams {
  files: { uri: string; text: string; languageId?: string }[];
}

export interface AnalyzeFilesResult {
  analyzed: number;
  /** Open documents (analysed as they are edited), ignored paths, and files of no known kind. */
  skipped: number;
  findings: number;
}
