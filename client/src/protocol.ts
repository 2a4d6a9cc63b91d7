// The request dockguard adds to LSP, as declared by the server in server/src/lsp/protocol.ts.
export const ANALYZE_FILES_REQUEST = 'dockguard/analyzeFiles';

export interface AnalyzeFilesParams {
  files: { uri: string; text: string; languageId?: string }[];
}

export interface AnalyzeFilesResult {
  analyzed: number;
  skipped: number;
  findings: number;
}
