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

/**
 * Server → client: read a file an analysis refers to (a compose `build:` Dockerfile, an `extends:` file, a
 * `.dockguard.yaml`). The web worker server has no file system; the VS Code client reads through `workspace.fs`,
 * so it works on virtual file systems too, and answers what it refused or could not find instead of failing.
 */
export const READ_FILE_REQUEST = 'dockguard/readFile';

export interface ReadFileParams {
  uri: string;
  /** The folder URIs the read must stay inside (the workspace folders, or the open documents' folders). */
  roots: string[];
  /** Largest file read, in bytes: a larger one is refused. */
  maxBytes: number;
}

/** The same outcomes as the server host's FileRead. */
export type ReadFileResult = { text: string } | { missing: true } | { refused: string };

/**
 * Server → client: list a directory an analysis looks into (a Dockerfile's build context), shallowly, through
 * `workspace.fs` as READ_FILE_REQUEST reads: inside the roots, never through a symbolic link, at most `maxEntries`.
 */
export const READ_DIRECTORY_REQUEST = 'dockguard/readDirectory';

export interface ReadDirectoryParams {
  uri: string;
  /** The folder URIs the listing must stay inside. */
  roots: string[];
  /** Entries returned at most. */
  maxEntries: number;
}

/** Entries as [name, is a directory] (a symbolic link is not one); the same outcomes as the host's DirectoryRead. */
export type ReadDirectoryResult = { entries: [string, boolean][] } | { missing: true } | { refused: string };
