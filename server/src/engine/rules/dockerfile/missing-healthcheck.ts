import { Healthcheck } from 'dockerfile-ast';
import { rootImage, stageChain, type Stage } from '../../documents/dockerfile';
import { runsServiceByDefault } from '../../knowledge/base-images';
import { healthcheckCommand, startCommand } from '../../knowledge/image-usage';
import { startsInteractively } from '../../knowledge/interactive';
import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  meta: {
    id: 'missing-healthcheck',
    code: 'DG116',
    severity: 'info',
    category: 'configuration',
    title: 'Final stage runs a service without a HEALTHCHECK',
    description:
      'Without a HEALTHCHECK, Docker only knows whether the process exists, not whether it works: a hung or broken service keeps receiving traffic and is never restarted.',
    references: { cis: '4.6', kics: ['healthcheck_instruction_missing'], trivy: ['DS026'], checkov: ['CKV_DOCKER_2'] },
    profile: 'strict',
    messages: {
      healthcheckNone:
        'HEALTHCHECK NONE turns health checking off, so a hung or broken service looks healthy and is never restarted; replace it with a HEALTHCHECK CMD that probes the service.',
      noHealthcheck:
        'The final stage runs a service but has no HEALTHCHECK, so a hung or broken process looks healthy and is never restarted; add a HEALTHCHECK CMD that probes it.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    const final = model.finalStage;
    if (!final?.image.written) return;
    const chain = stageChain(final);
    const healthcheck = nearestHealthcheck(chain);
    if (healthcheck) {
      const subcommand = healthcheck.getSubcommand();
      // `HEALTHCHECK CMD ...` is what we want; a bare `HEALTHCHECK` is still being typed.
      if (!subcommand || healthcheckCommand(healthcheck) !== undefined || subcommand.getValue().toUpperCase() !== 'NONE') return;
      report({
        range: subcommand.getRange(),
        messageId: 'healthcheckNone',
      });
      return;
    }
    // Builder-only files (a final stage that only collects artifacts) run nothing: nothing to check.
    const start = startCommand(chain);
    const root = rootImage(final);
    if (!start.cmd && !start.entrypoint && !(root.ref && runsServiceByDefault(root.ref))) return;
    // An interactive shell or REPL (`php -a`, `python3`, `irb`) is no service: there is nothing to probe.
    if (startsInteractively(start)) return;
    report({
      range: final.from.getRange(),
      messageId: 'noHealthcheck',
    });
  },
});

/** The last HEALTHCHECK of the stage or of the stages it builds on: the one the image keeps. */
function nearestHealthcheck(chain: Stage[]): Healthcheck | undefined {
  for (const stage of chain) {
    for (let i = stage.instructions.length - 1; i >= 0; i--) {
      const instruction = stage.instructions[i];
      if (instruction instanceof Healthcheck) return instruction;
    }
  }
  return undefined;
}
