// Requests dockguard adds to LSP, shared by the server and the VS Code client (types and constants only: the
// client bundles this file, so it imports nothing).

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
