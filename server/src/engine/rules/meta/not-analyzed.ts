import type { RuleMeta } from '../../types';

/** Reported by the engine itself when a file cannot be analysed as a whole. */
export const notAnalyzed: RuleMeta = {
  id: 'not-analyzed',
  code: 'DG001',
  kind: 'any',
  severity: 'info',
  category: 'configuration',
  title: 'File not analysed',
  description:
    'The file is binary, too large or too deeply nested to analyse as you type, so none of its findings are shown; or one instruction is too long to analyse, so none of its own findings are.',
  references: {},
  messages: {
    tooLarge: 'dockguard did not analyse this file: it is larger than {{megabytes}} MB.',
    tooLargeToType:
      'dockguard does not analyse this file as you type: it is larger than {{kilobytes}} KB. The dockguard CLI analyses files up to {{megabytes}} MB.',
    binary: 'dockguard did not analyse this file: it looks binary, not text.',
    tooDeep: 'dockguard did not analyse this file: it is nested more than {{levels}} levels deep.',
    stackExhausted: 'dockguard did not analyse this file: it is too deeply nested to analyse.',
    instructionTooLong: 'dockguard did not analyse this instruction: it is longer than {{kilobytes}} KB.',
  },
  fixable: false,
  hasSuggestions: false,
  profile: 'recommended',
};
