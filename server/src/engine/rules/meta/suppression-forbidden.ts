import type { RuleMeta } from '../../types';

/** Reported on each inline suppression when the project does not allow them. */
export const suppressionForbidden: RuleMeta = {
  id: 'suppression-forbidden',
  code: 'DG005',
  kind: 'any',
  severity: 'warning',
  category: 'configuration',
  title: 'Inline suppression not allowed in this project',
  description: 'The project sets allowSuppressions: false, so dockguard-ignore comments are not honoured; the findings they would hide are reported.',
  references: {},
  messages: {
    forbidden: 'Inline suppressions are not allowed in this project (allowSuppressions: false): this comment is ignored and the finding it names is reported.',
  },
  fixable: false,
  hasSuggestions: false,
  profile: 'recommended',
};
