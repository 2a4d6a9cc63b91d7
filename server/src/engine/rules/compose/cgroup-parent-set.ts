import { removePair } from '../../documents/compose-edits';
import { displayValue, interpolate } from '../../documents/compose-interpolation';
import { pairRange } from '../../documents/compose-runtime';
import { scalarString } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'cgroup-parent-set',
    code: 'DG222',
    severity: 'warning',
    category: 'resources',
    title: 'Container placed in a custom parent cgroup',
    description:
      "`cgroup_parent` puts the container under a cgroup of the host's choosing instead of the one Docker creates for it: the limits and accounting that apply are that cgroup's, shared with whatever else runs there.",
    references: { compose: 'services.<name>.cgroup_parent', kics: ['cgroup_not_default'] },
    messages: {
      cgroupParent:
        "cgroup_parent: {{value}} places the container in a cgroup the host manages, where its memory, CPU and process limits are shared with whatever else runs there; remove it and set the service's own limits.",
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const seen = new Set<unknown>();
    for (const service of model.services) {
      const entry = service.get('cgroup_parent');
      // Written once in an anchor shared by several services: reported once, where it is written.
      if (!entry || seen.has(entry.pair)) continue;
      seen.add(entry.pair);
      const written = scalarString(model, entry.value);
      // An empty value is Docker's default; a variable may hold any cgroup, so it is not assumed empty.
      if (written === undefined || interpolate(written, model.env).trim() === '') continue;
      const edit = entry.own ? removePair(model, service.map, entry.pair) : undefined;
      report({
        range: pairRange(model, entry.pair),
        messageId: 'cgroupParent',
        data: { value: displayValue(interpolate(written, model.env).trim()) },
        fixes: edit ? [{ title: 'Remove cgroup_parent', kind: 'suggestion', edits: [edit] }] : [],
      });
    }
  },
});
