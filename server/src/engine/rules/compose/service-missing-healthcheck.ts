import { Healthcheck } from 'dockerfile-ast';
import { builtStage, dockerfileOf } from '../../documents/compose-build';
import { chainHas, nearestValue, runtimeServices, type ChainLink } from '../../documents/compose-extends';
import { knownText } from '../../documents/compose-runtime';
import { lookup } from '../../documents/compose-values';
import { stageChain } from '../../documents/dockerfile';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'service-missing-healthcheck',
    code: 'DG228',
    severity: 'info',
    category: 'configuration',
    title: 'Long-running service without a health check',
    description:
      'Without a health check Docker only knows that the process exists, not that it works: a hung or hijacked service keeps running as healthy, and `depends_on: { condition: service_healthy }` cannot wait for it.',
    profile: 'strict',
    references: { cis: '5.26', compose: 'services.<name>.healthcheck', kics: ['healthcheck_not_set'] },
    messages: {
      noHealthcheck:
        'Service {{service}} has no healthcheck, so Docker cannot tell a hung or hijacked service from a healthy one; add a healthcheck whose test checks that the service really answers.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report, uri, readFile }) {
    for (const { service, chain } of runtimeServices({ model, uri, readFile })) {
      if (chainHas(chain, 'healthcheck') || isOneShot(chain)) continue;
      // An image built here may define its HEALTHCHECK in its Dockerfile; one that is pulled cannot be seen.
      const build = dockerfileOf(model, service);
      const stage = build && builtStage(model, build, readFile, service.reportRange('build'));
      if (stage && stageChain(stage).some((s) => s.instructions.some((instruction) => instruction instanceof Healthcheck))) continue;
      report({ range: service.nameRange, messageId: 'noHealthcheck', data: { service: service.name } });
    }
  },
});

/**
 * A job rather than a service: started on demand (`profiles:`), or told never to restart (`restart: "no"` written,
 * `deploy.restart_policy.condition: none`): compose runs it to completion, there is nothing to probe.
 */
function isOneShot(chain: ChainLink[]): boolean {
  if (chainHas(chain, 'profiles')) return true;
  const restart = nearestValue(chain, 'restart');
  if (restart && knownText(restart.model, restart.value) === 'no') return true;
  const deploy = nearestValue(chain, 'deploy');
  const condition = deploy && lookup(deploy.model, deploy.value, ['restart_policy', 'condition']);
  return !!condition && knownText(deploy.model, condition.value) === 'none';
}
