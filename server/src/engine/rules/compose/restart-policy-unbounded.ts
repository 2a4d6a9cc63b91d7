import type { Node, Pair } from 'yaml';
import type { ComposeModel } from '../../documents/compose';
import { insertIntoMap, replaceScalar } from '../../documents/compose-edits';
import { knownText, pairRange } from '../../documents/compose-runtime';
import { lookup, ownsNode } from '../../documents/compose-values';
import { defineComposeRule, type Report } from '../../rule';
import type { Fix } from '../../types';

/** CIS 5.14: restart on failure, at most this many times. */
const MAX_RESTARTS = 5;
const BOUNDED = `on-failure:${MAX_RESTARTS}`;

export default defineComposeRule({
  meta: {
    id: 'restart-policy-unbounded',
    code: 'DG227',
    severity: 'info',
    category: 'resources',
    title: 'Restart policy without a bound',
    description:
      'A service that restarts forever (`always`, `unless-stopped`, `on-failure` without a count) turns a crash, or an attack that crashes it, into an endless restart loop that hides the failure and keeps using the host; CIS asks for `on-failure` with at most 5 retries.',
    profile: 'strict',
    references: { cis: '5.14', compose: 'services.<name>.restart, services.<name>.deploy.restart_policy', kics: ['restart_policy_on_failure_not_set_to_5'] },
    messages: {
      restart: `restart: {{policy}} restarts the container without limit, so a crash loop goes on forever and hides the failure; use restart: ${BOUNDED}.`,
      tooMany: `restart: {{policy}} allows {{count}} restarts, more than the ${MAX_RESTARTS} CIS recommends, so a crash loop goes on long after it is clear the service is failing; use restart: ${BOUNDED}.`,
      deploy: `deploy.restart_policy has no max_attempts, so a crash loop goes on forever and hides the failure; set max_attempts: ${MAX_RESTARTS}.`,
      deployTooMany: `deploy.restart_policy allows {{count}} restart attempts, more than the ${MAX_RESTARTS} CIS recommends; set max_attempts: ${MAX_RESTARTS}.`,
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const seen = new Set<unknown>();
    for (const service of model.services) {
      const restart = service.get('restart');
      if (restart && !seen.has(restart.pair)) {
        seen.add(restart.pair);
        const policy = knownText(model, restart.value);
        const verdict = policy === undefined ? undefined : judgeRestart(policy);
        if (verdict) {
          const edit = restart.own ? replaceScalar(model, restart.value, BOUNDED) : undefined;
          report({
            range: pairRange(model, restart.pair),
            ...(verdict.count === undefined
              ? { messageId: 'restart', data: { policy: policy! } }
              : { messageId: 'tooMany', data: { policy: policy!, count: verdict.count } }),
            fixes: edit ? [{ title: `Restart on failure at most ${MAX_RESTARTS} times (restart: ${BOUNDED})`, kind: 'suggestion', edits: [edit] }] : [],
          });
        }
      }
      const deploy = service.get('deploy');
      const policyPair = deploy && lookup(model, deploy.value, ['restart_policy']);
      if (!policyPair || seen.has(policyPair)) continue;
      seen.add(policyPair);
      // Only a policy written in the service itself is edited: one in an anchor is shared.
      checkDeployPolicy(model, policyPair, deploy!.own && ownsNode(service, policyPair.key), report);
    }
  },
});

/** `always`, `unless-stopped`, `on-failure` and `on-failure:0` restart without end; `on-failure:N` with N > 5 too often. */
function judgeRestart(policy: string): { count?: string } | undefined {
  const [name, count] = policy.trim().toLowerCase().split(':');
  if (name === 'always' || name === 'unless-stopped') return {};
  if (name !== 'on-failure') return undefined;
  if (count === undefined || count.trim() === '') return {};
  const retries = Number(count);
  if (!Number.isInteger(retries)) return undefined;
  // Docker reads a count of 0 as no limit at all.
  if (retries === 0) return {};
  return retries > MAX_RESTARTS ? { count: String(retries) } : undefined;
}

type DeployReport = (report: Report<'deploy' | 'deployTooMany'>) => void;

/** `deploy.restart_policy`: restarts on any exit by default, and without `max_attempts` never gives up. */
function checkDeployPolicy(model: ComposeModel, pair: Pair<Node, Node | null>, own: boolean, report: DeployReport): void {
  const condition = lookup(model, pair.value, ['condition']);
  if (condition && knownText(model, condition.value) === 'none') return;
  const attempts = lookup(model, pair.value, ['max_attempts']);
  if (attempts) {
    const text = knownText(model, attempts.value);
    const count = text === undefined ? NaN : Number(text);
    if (!Number.isInteger(count) || (count > 0 && count <= MAX_RESTARTS)) return;
    const edit = own ? replaceScalar(model, attempts.value, String(MAX_RESTARTS)) : undefined;
    const fixes: Fix[] = edit ? [{ title: `Give up after ${MAX_RESTARTS} attempts (max_attempts: ${MAX_RESTARTS})`, kind: 'suggestion', edits: [edit] }] : [];
    report({
      range: pairRange(model, attempts),
      ...(count === 0 ? { messageId: 'deploy' } : { messageId: 'deployTooMany', data: { count: String(count) } }),
      fixes,
    });
    return;
  }
  const edit = own ? insertIntoMap(model, pair.value, [['max_attempts', String(MAX_RESTARTS)]]) : undefined;
  report({
    range: model.rangeOf(pair.key),
    messageId: 'deploy',
    fixes: edit ? [{ title: `Give up after ${MAX_RESTARTS} attempts (max_attempts: ${MAX_RESTARTS})`, kind: 'suggestion', edits: [edit] }] : [],
  });
}
