import { isMap, type Node, type Pair } from 'yaml';
import { type ComposeModel, type Service } from '../../documents/compose';
import { mapPair } from '../../documents/compose-merge-keys';
import { ensurePath, insertIntoService, replaceScalar } from '../../documents/compose-edits';
import { runtimeServices, type ChainLink } from '../../documents/compose-extends';
import { knownText, pairRange } from '../../documents/compose-runtime';
import { lookup, ownsNode } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';
import type { Fix, TextEdit } from '../../types';

export default defineComposeRule({
  meta: {
    id: 'missing-pids-limit',
    code: 'DG206',
    severity: 'info',
    category: 'resources',
    title: 'Service without a process limit',
    description:
      "Without `pids_limit` a fork bomb or a runaway worker pool in one container can fill the host's process table, and then no container (nor the host) can start a process.",
    references: { cis: '5.28', compose: 'services.<name>.pids_limit', kics: ['pids_limit_not_set'] },
    messages: {
      unlimited:
        "{{key}}: {{value}} lifts the process limit of service {{service}}, so a fork bomb in it can fill the host's process table and stop every container from starting processes; set a limit such as {{pids}}.",
      missing:
        "Service {{service}} has no process limit, so a fork bomb or a runaway worker pool in it can fill the host's process table and stop every container from starting processes; set pids_limit (for example {{pids}}).",
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, config, report, uri, readFile }) {
    const pids = config.limits.pids;
    for (const { service, chain } of runtimeServices({ model, uri, readFile })) {
      const settings = pidsSettings(chain);
      const values = settings.map((s) => Number(knownText(s.model, s.pair.value)));
      if (values.some((n) => Number.isNaN(n) || n > 0)) continue; // limited, or decided by a variable

      const fixes: Fix[] = [];
      const unlimited = settings[0];
      if (unlimited) {
        // `-1` (or 0) is an explicit "no limit": changing it is the author's call, offered as a suggestion.
        const own = unlimited.model === model && ownsNode(service, unlimited.pair.key);
        const edit = own
          ? replaceScalar(model, unlimited.pair.value, String(pids))
          : unlimited.key === 'pids_limit'
            ? insertIntoService(model, service, [['pids_limit', String(pids)]])
            : undefined;
        if (edit) fixes.push({ title: `Limit processes to ${pids}`, kind: 'suggestion', edits: [edit] });
        report({
          range: own ? pairRange(model, unlimited.pair) : service.nameRange,
          messageId: 'unlimited',
          data: { key: unlimited.key, value: String(knownText(unlimited.model, unlimited.pair.value)), service: service.name, pids },
          fixes,
        });
        continue;
      }
      const edit = pidsEdit(model, service, pids);
      if (edit) fixes.push({ title: `Limit processes to ${pids}`, kind: 'suggestion', preferred: true, edits: [edit] });
      report({
        range: service.nameRange,
        messageId: 'missing',
        data: { service: service.name, pids },
        fixes,
      });
    }
  },
});

interface PidsSetting {
  model: ComposeModel;
  key: 'pids_limit' | 'pids';
  pair: Pair<Node, Node | null>;
}

/** `pids_limit` and `deploy.resources.limits.pids` along the chain, nearest first. */
function pidsSettings(chain: ChainLink[]): PidsSetting[] {
  const settings: PidsSetting[] = [];
  for (const { model, service } of chain) {
    const top = mapPair(model, service.pair.value, 'pids_limit');
    if (top) settings.push({ model, key: 'pids_limit', pair: top });
    const deploy = mapPair(model, service.pair.value, 'deploy');
    const nested = deploy && lookup(model, deploy.value, ['resources', 'limits', 'pids']);
    if (nested) settings.push({ model, key: 'pids', pair: nested });
  }
  return settings;
}

/** Next to the other limits when the service writes `deploy.resources.limits`, else `pids_limit:`. */
function pidsEdit(model: ComposeModel, service: Service, pids: number): TextEdit | undefined {
  const limits = lookup(model, service.map, ['deploy', 'resources', 'limits']);
  if (limits && isMap(limits.value) && ownsNode(service, limits.key)) {
    const edit = ensurePath(model, service.map, ['deploy', 'resources', 'limits'], [['pids', String(pids)]]);
    if (edit) return edit;
  }
  return insertIntoService(model, service, [['pids_limit', String(pids)]]);
}
