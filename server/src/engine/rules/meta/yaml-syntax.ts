import type { RuleMeta } from '../../types';

/** Reported by the engine for each YAML error in a compose file. */
export const yamlSyntax: RuleMeta = {
  id: 'yaml-syntax',
  code: 'DG002',
  kind: 'compose',
  severity: 'error',
  category: 'configuration',
  title: 'Invalid YAML',
  description: 'The compose file is not valid YAML, so Docker Compose will refuse it; dockguard analyses what did parse but offers no fixes until it is valid.',
  references: {},
  messages: {
    syntax: '{{message}}',
  },
  fixable: false,
  hasSuggestions: false,
  profile: 'recommended',
};
