import type { RuleMeta } from '../../types';

/** Reported on an inline suppression that suppresses nothing. */
export const unusedSuppression: RuleMeta = {
  id: 'unused-suppression',
  code: 'DG004',
  kind: 'any',
  severity: 'info',
  category: 'configuration',
  title: 'Suppression that suppresses nothing',
  description: 'A dockguard-ignore comment names an unknown rule or no longer matches any finding; left in place it would silently hide a future finding.',
  references: {},
  messages: {
    noRule: 'This dockguard-ignore comment names no rule, so it suppresses nothing; name a rule id or code.',
    unknownRule: '{{name}} is not a dockguard rule, so this suppression does nothing.',
    unused: 'Nothing {{where}} is reported by {{name}} any more: remove the suppression so it cannot hide a future finding.',
  },
  fixable: true,
  hasSuggestions: false,
  profile: 'recommended',
};
