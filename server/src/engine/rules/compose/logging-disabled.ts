import type { Node } from 'yaml';
import { mapPair } from '../../documents/compose-merge-keys';
import { removePair } from '../../documents/compose-edits';
import { knownText } from '../../documents/compose-runtime';
import { ownsNode } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'logging-disabled',
    code: 'DG221',
    severity: 'info',
    category: 'configuration',
    title: 'Container logs discarded',
    description:
      'The `none` logging driver throws away everything the container writes to stdout and stderr, so an attack or a failure leaves no trace to investigate or alert on.',
    references: { compose: 'services.<name>.logging', composeLint: ['CL-0014'] },
    messages: {
      noneDriver:
        "The none logging driver discards the container's output, so an attack or a failure leaves no trace; remove it to use the daemon's default driver, or choose one that keeps or ships the logs.",
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const seen = new Set<Node>();
    for (const service of model.services) {
      const entry = service.get('logging');
      const driver = entry?.value ? mapPair(model, entry.value, 'driver') : undefined;
      const value = driver && model.resolve(driver.value);
      // Written once in an anchor shared by several services: reported once, where it is written.
      if (!entry || !value || seen.has(value) || knownText(model, value) !== 'none') continue;
      seen.add(value);
      const edit = entry.own && ownsNode(service, value) ? removePair(model, service.map, entry.pair) : undefined;
      report({
        range: model.rangeOf(value),
        messageId: 'noneDriver',
        fixes: edit ? [{ title: 'Remove the logging setting (use the daemon default)', kind: 'suggestion', edits: [edit] }] : [],
      });
    }
  },
});
