import type { RuleMeta } from '../../types';

/** Reported by the engine itself when analysing a file failed: a defect of dockguard, never of the file. */
export const analysisFailed: RuleMeta = {
  id: 'analysis-failed',
  code: 'DG006',
  kind: 'any',
  severity: 'warning',
  category: 'configuration',
  title: 'File could not be analysed',
  description:
    'dockguard failed while analysing the file, so some or all of its findings are missing. This is a defect of dockguard, not of the file: please report it with the file.',
  references: {},
  messages: {
    failed: 'This file could not be analysed: {{failure}}. Findings may be missing; this is a dockguard defect, please report it.',
  },
  fixable: false,
  hasSuggestions: false,
  profile: 'recommended',
};
