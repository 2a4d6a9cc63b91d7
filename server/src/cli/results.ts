import type { Finding } from '../engine';

/** The findings of one analysed file, as the formatters see them. */
export interface FileResult {
  /** The path as given or found, relative to the working directory when it was relative (or the --stdin-filename). */
  path: string;
  /** The text the findings were computed on (after --fix): fingerprints hash the flagged lines. */
  text: string;
  findings: Finding[];
}

/** A path that could not be read or analysed: reported, never counted as clean. */
export interface Problem {
  path: string;
  reason: string;
}

/** What one run produced: the formatters report both, so a failure never reads as a pass. */
export interface Report {
  results: FileResult[];
  problems: Problem[];
}
