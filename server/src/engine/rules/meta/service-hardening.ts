import type { RuleMeta } from '../../types';

/**
 * Not a check of its own: in the editor, a compose service that misses several of the baseline-hardening rules
 * (engine/hardening-group.ts) shows one finding of this rule listing them, instead of one per rule. Turning it off
 * shows them one by one again; the CLI always reports them one by one.
 */
export const serviceHardening: RuleMeta = {
  id: 'service-hardening',
  code: 'DG008',
  kind: 'compose',
  severity: 'warning',
  category: 'configuration',
  title: 'Service misses several baseline hardening settings',
  description:
    'A service that keeps the default capabilities, a writable root filesystem, no resource or process limit and the right to gain privileges gives an attacker who gets in far more than it needs; this one finding lists which of those it misses.',
  references: { cis: '5.3, 5.10, 5.11, 5.12, 5.25, 5.28' },
  messages: {
    missing:
      'Service {{service}} misses {{count}} baseline hardening settings ({{list}}), so an attacker who gets in can do more than the service needs; apply Harden this service, or each setting on its own.',
  },
  fixable: false,
  hasSuggestions: true,
  profile: 'recommended',
};
