import type { RuleMeta } from '../../types';

/** Reported by the engine itself when a file cannot be analysed as a whole. */
export const notAnalyzed: RuleMeta = {
  id: 'not-analyzed',
  code: 'DG001',
  kind: 'any',
  severity: 'info',
  category: 'configuration',
  title: 'File not analysed',
  description: 'The file is binary, too large or too deeply nested to analyse as you type, so none of its findings are shown.',
  references: {},
  messages: {
    tooLarge: 'dockguard did not analyse this file: it is larger than {{megabytes}} MB.',
    binary: 'dockguard did not analyse this file: it looks binary, not text.',
    tooDeep: 'dockguard did not analyse this file: it is nested more than {{levels}} levels deep.',
    stackExhausted: 'dockguard did not analyse this file: it is too deeply nested to analyse.',
  },
  fixable: false,
  hasSuggestions: false,
  profile: 'recommended',
};
