import { removePair } from '../../documents/compose-edits';
import { knownFlag, pairRange } from '../../documents/compose-runtime';
import { lookup } from '../../documents/compose-values';
import type { ComposeModel, Service } from '../../documents/compose';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'oom-kill-disabled',
    code: 'DG223',
    severity: 'warning',
    category: 'resources',
    title: 'Out-of-memory killer disabled for the container',
    description:
      "`oom_kill_disable: true` stops the kernel from killing the container's processes when memory runs out: without a memory limit a leak or an attack takes the host's memory, and the kernel kills other processes instead.",
    references: { compose: 'services.<name>.oom_kill_disable' },
    messages: {
      noLimit:
        "oom_kill_disable: true without a memory limit lets service {{service}} take all of the host's memory, and the kernel then kills other processes instead of it; remove it, or set a memory limit too.",
      withLimit:
        'oom_kill_disable: true makes service {{service}} hang instead of being killed when it reaches its memory limit, so a leak or an attack freezes it rather than restarting it; remove it.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const seen = new Set<unknown>();
    for (const service of model.services) {
      const entry = service.get('oom_kill_disable');
      if (!entry || seen.has(entry.pair) || knownFlag(model, entry.value) !== true) continue;
      seen.add(entry.pair);
      const limited = hasMemoryLimit(model, service);
      const edit = entry.own ? removePair(model, service.map, entry.pair) : undefined;
      report({
        range: pairRange(model, entry.pair),
        messageId: limited ? 'withLimit' : 'noLimit',
        data: { service: service.name },
        severity: limited ? undefined : 'error',
        fixes: edit ? [{ title: 'Remove oom_kill_disable: true', kind: 'suggestion', edits: [edit] }] : [],
      });
    }
  },
});

/** `mem_limit`, or `deploy.resources.limits.memory`, in the service or what it extends in this file. */
function hasMemoryLimit(model: ComposeModel, service: Service): boolean {
  if (service.get('mem_limit')) return true;
  return service.entries('deploy').some((entry) => lookup(model, entry.value, ['resources', 'limits', 'memory']) !== undefined);
}
