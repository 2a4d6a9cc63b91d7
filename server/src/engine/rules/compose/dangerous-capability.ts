import type { Node } from 'yaml';
import { knownText, removeListItem } from '../../documents/compose-runtime';
import { seqItems } from '../../documents/compose-values';
import { capabilityRisk, normalizeCapability } from '../../knowledge/capabilities';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'dangerous-capability',
    code: 'DG203',
    severity: 'error',
    category: 'privileges',
    title: 'Dangerous capability added',
    description:
      'Capabilities such as SYS_ADMIN, SYS_MODULE or ALL hand the container powers that reach past it into the host kernel, its devices or its security policy.',
    references: { cis: '5.3', compose: 'services.<name>.cap_add', kics: ['container_capabilities_unrestricted'], composeLint: ['CL-0011'] },
    messages: {
      dangerous: 'cap_add: {{capability}} {{risk}}; remove it, or grant a narrower capability if the service needs one.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const seen = new Set<Node>();
    for (const service of model.services) {
      const entry = service.get('cap_add');
      if (!entry) continue;
      const context = {
        hostPid: knownText(model, service.get('pid')?.value) === 'host',
        hostNetwork: knownText(model, service.get('network_mode')?.value) === 'host',
      };
      for (const item of seqItems(model, entry.value)) {
        // A list written in an anchor is reported once, where it is written.
        if (seen.has(item)) continue;
        seen.add(item);
        const written = knownText(model, item);
        if (written === undefined) continue;
        const capability = normalizeCapability(written);
        const risk = capabilityRisk(capability, context);
        if (!risk) continue;
        const edit = removeListItem(model, service, entry.pair, item);
        report({
          range: model.rangeOf(item),
          messageId: 'dangerous',
          data: { capability: written, risk: risk.risk },
          severity: risk.severity,
          fixes: edit ? [{ title: `Remove ${written} from cap_add`, kind: 'suggestion', edits: [edit] }] : [],
        });
      }
    }
  },
});
