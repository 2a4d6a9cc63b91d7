import { appendToSeq, insertIntoService } from '../../documents/compose-edits';
import { chainValues, nearestValue, runtimeServices } from '../../documents/compose-extends';
import { knownText, ownSlot } from '../../documents/compose-runtime';
import { isTrue, seqItems } from '../../documents/compose-values';
import { DEFAULT_CAPABILITIES, normalizeCapability } from '../../knowledge/capabilities';
import { defineComposeRule } from '../../rule';
import type { TextEdit } from '../../types';

export default defineComposeRule({
  meta: {
    id: 'missing-cap-drop-all',
    code: 'DG202',
    severity: 'warning',
    category: 'privileges',
    title: 'Service keeps the default capabilities',
    description:
      "Without `cap_drop: [ALL]` a container keeps Docker's default capabilities (CHOWN, SETUID, NET_RAW, …), which most services never use and an attacker can use to go further after a compromise.",
    references: { cis: '5.3', compose: 'services.<name>.cap_drop', kics: ['container_capabilities_unrestricted'], composeLint: ['CL-0006'] },
    messages: {
      allNotDropped:
        "cap_drop does not drop ALL, so service {{service}} keeps {{count}} of Docker's default capabilities ({{shown}}) that an attacker can use after a compromise; add ALL to cap_drop and give back only what it needs with cap_add.",
      noCapDrop:
        "Service {{service}} keeps Docker's default capabilities ({{shown}}) that an attacker can use after a compromise; add cap_drop: [ALL] and give back only what it needs with cap_add.",
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report, uri, readFile }) {
    for (const { service, chain } of runtimeServices({ model, uri, readFile })) {
      // A privileged container gets every capability whatever cap_drop says: that is privileged's finding.
      const privileged = nearestValue(chain, 'privileged');
      if (privileged && isTrue(privileged.model, privileged.value)) continue;
      // compose merges cap_drop along `extends`; a merge key's list is replaced by one written in the service.
      const dropped: string[] = [];
      let unknown = false;
      for (const { model: owner, value } of chainValues(chain, 'cap_drop')) {
        for (const item of seqItems(owner, value)) {
          const text = knownText(owner, item);
          if (text === undefined) unknown = true;
          else dropped.push(normalizeCapability(text));
        }
      }
      const kept = DEFAULT_CAPABILITIES.filter((cap) => !dropped.includes(cap));
      if (unknown || dropped.includes('ALL') || kept.length === 0) continue;

      const slot = ownSlot(model, service, 'cap_drop');
      let edit: TextEdit | undefined;
      if (slot.kind === 'own') edit = appendToSeq(model, slot.pair.value, 'ALL');
      // ALL is a superset of whatever an anchor's list drops, so a list of the service's own may hide it.
      else edit = insertIntoService(model, service, [['cap_drop', '[ALL]']]);

      const shown = `${kept.slice(0, 3).join(', ')}${kept.length > 3 ? ` and ${kept.length - 3} more` : ''}`;
      report({
        range: slot.kind === 'own' ? model.rangeOf(slot.pair.key) : service.nameRange,
        messageId: dropped.length ? 'allNotDropped' : 'noCapDrop',
        data: { service: service.name, count: kept.length, shown },
        fixes: edit
          ? [
              {
                title: slot.kind === 'own' ? 'Add ALL to cap_drop' : 'Drop all capabilities (cap_drop: [ALL])',
                kind: 'suggestion',
                preferred: true,
                edits: [edit],
              },
            ]
          : [],
      });
    }
  },
});
