import type { RuleMeta } from '../../types';

/**
 * Reported by the engine where a file refers to another one its host refused to read: a path outside the
 * workspace (or, in the CLI, the paths analysed), a device, a pipe, a directory or a file over the size bound.
 */
export const fileNotRead: RuleMeta = {
  id: 'file-not-read',
  code: 'DG007',
  kind: 'any',
  severity: 'info',
  category: 'configuration',
  title: 'Referenced file not read',
  description:
    'A compose file or a Dockerfile refers to a file dockguard does not read (outside the workspace, not a regular file, or too large), so the checks that need that file are skipped for this reference.',
  references: {},
  messages: {
    notRead: '{{path}} was not read: {{reason}}. dockguard reads only regular files inside the workspace, so the checks that need it are skipped here.',
  },
  fixable: false,
  hasSuggestions: false,
  profile: 'recommended',
};
