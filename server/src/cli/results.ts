import type { Finding } from '../engine';

/** The findings of one analysed file, as the formatters see them. */
export interface FileResult {
  /** The path as given or found, relative to the working directory when it was relative. */
  path: string;
  findings: Finding[];
}
