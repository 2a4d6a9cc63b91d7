import { removePair } from '../../documents/compose-edits';
import { knownFlag, pairRange } from '../../documents/compose-runtime';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'privileged',
    code: 'DG201',
    severity: 'error',
    category: 'privileges',
    title: 'Service runs privileged',
    description:
      '`privileged: true` gives the container every capability, every host device and no seccomp or AppArmor confinement: whoever compromises it controls the host.',
    references: { cis: '5.4', compose: 'services.<name>.privileged', kics: ['privileged_containers_enabled'], composeLint: ['CL-0002'] },
    messages: {
      privileged:
        'privileged: true gives the container every capability and host device with no seccomp or AppArmor confinement, so whoever compromises it controls the host; remove it and grant only the capabilities (cap_add) or devices it needs.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const seen = new Set<unknown>();
    for (const service of model.services) {
      const entry = service.get('privileged');
      // Written once in an anchor shared by several services: reported once, where it is written.
      if (!entry || seen.has(entry.pair) || knownFlag(model, entry.value) !== true) continue;
      seen.add(entry.pair);
      const edit = entry.own ? removePair(model, service.map, entry.pair) : undefined;
      report({
        range: pairRange(model, entry.pair),
        messageId: 'privileged',
        fixes: edit ? [{ title: 'Remove privileged: true', kind: 'suggestion', edits: [edit] }] : [],
      });
    }
  },
});
