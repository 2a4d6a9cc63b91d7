import type { Node } from 'yaml';
import { type ComposeModel } from '../../documents/compose';
import { mapPair } from '../../documents/compose-merge-keys';
import { knownFlag, knownText, pairRange } from '../../documents/compose-runtime';
import { seqItems } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';
import type { Range } from '../../types';

export default defineComposeRule({
  meta: {
    id: 'healthcheck-disabled',
    code: 'DG218',
    severity: 'info',
    category: 'configuration',
    title: 'Health check switched off',
    description:
      'With the health check disabled, Docker cannot tell a hung or hijacked service from a healthy one: nothing restarts it and services waiting on `condition: service_healthy` cannot rely on it.',
    references: { cis: '5.26', compose: 'services.<name>.healthcheck', kics: ['healthcheck_not_set'] },
    messages: {
      disabled:
        '{{setting}} switches off the health check, so Docker cannot tell a hung or hijacked service from a healthy one; define a test (healthcheck.test) that checks the service really answers.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    const seen = new Set<Node>();
    for (const service of model.services) {
      const healthcheck = service.get('healthcheck')?.value;
      // A healthcheck written in an anchor shared by several services is reported once, where it is written.
      if (!healthcheck || seen.has(healthcheck)) continue;
      seen.add(healthcheck);
      const where = disabledAt(model, healthcheck);
      if (!where) continue;
      report({
        range: where.range,
        messageId: 'disabled',
        data: { setting: where.written },
      });
    }
  },
});

/** `disable: true`, or `test: ["NONE"]` (a string `test` is run by a shell, so `NONE` there is a command). */
function disabledAt(model: ComposeModel, healthcheck: Node): { range: Range; written: string } | undefined {
  const disable = mapPair(model, healthcheck, 'disable');
  if (disable && knownFlag(model, disable.value) === true) return { range: pairRange(model, disable), written: 'healthcheck.disable: true' };
  const test = mapPair(model, healthcheck, 'test');
  const first = seqItems(model, test?.value)[0];
  if (test && first && knownText(model, first) === 'NONE') return { range: model.rangeOf(first), written: 'healthcheck.test: ["NONE"]' };
  return undefined;
}
