import { analysisFailed } from './analysis-failed';
import { fileNotRead } from './file-not-read';
import { invalidConfig } from './invalid-config';
import { notAnalyzed } from './not-analyzed';
import { serviceHardening } from './service-hardening';
import { suppressionForbidden } from './suppression-forbidden';
import { unusedSuppression } from './unused-suppression';
import { yamlSyntax } from './yaml-syntax';
import type { RuleMeta } from '../../types';

/** Findings the engine reports about the input itself rather than about its content. */
export const metaRules: RuleMeta[] = [
  notAnalyzed,
  yamlSyntax,
  invalidConfig,
  unusedSuppression,
  suppressionForbidden,
  analysisFailed,
  fileNotRead,
  serviceHardening,
];
