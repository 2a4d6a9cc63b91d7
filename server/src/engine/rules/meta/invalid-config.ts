import type { RuleMeta } from '../../types';

/** Reported on `.dockguard.yaml` for each key or value dockguard cannot use. */
export const invalidConfig: RuleMeta = {
  id: 'invalid-config',
  code: 'DG003',
  kind: 'any',
  severity: 'error',
  category: 'configuration',
  title: 'Invalid dockguard configuration',
  description: 'A key or value in .dockguard.yaml is unknown or of the wrong type; it is ignored, and the rest of the file still applies.',
  references: {},
  messages: {
    problem: '{{message}}',
  },
  fixable: false,
  hasSuggestions: false,
  profile: 'recommended',
};
