import { Arg, Run, type Instruction, type Property } from 'dockerfile-ast';
import { stageBuildsOn, type DockerfileModel, type Stage } from '../../documents/dockerfile';
import { propertiesOf, removePropertyEdit } from '../../documents/dockerfile-properties';
import { instructionReferences } from '../../documents/variable-references';
import { textReading } from '../../documents/ast-memo';
import { insertAt } from '../../fixes';
import { classifySecret, secretName } from '../../knowledge/secrets';
import { defineDockerfileRule } from '../../rule';
import type { Fix, TextEdit } from '../../types';

export default defineDockerfileRule({
  meta: {
    id: 'secret-build-arg',
    code: 'DG146',
    severity: 'warning',
    category: 'secrets',
    title: 'Secret passed as a build argument',
    description:
      'An ARG named like a secret is meant to receive it with `--build-arg`, and BuildKit records every build argument in scope in the history of each later RUN of the stage (`RUN |1 NPM_TOKEN=… npm ci`), where anyone with the image reads it.',
    references: { cis: '4.10', hadolint: ['DL3064'], trivy: ['DS031'] },
    messages: {
      history:
        'The build argument {{name}} is meant for {{what}}, and the value passed with --build-arg is recorded in the image history of every later RUN of this stage; mount it as a build secret instead (RUN --mount=type=secret,id={{id}},env={{name}}).',
      buildOnly:
        'The build argument {{name}} is meant for {{what}}, and build arguments stay in the build cache and provenance of this {{place}}; mount it as a build secret instead (RUN --mount=type=secret,id={{id}},env={{name}}).',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    // A stage's own ARGs (not the global ones, nor ONBUILD triggers), whose names are kept with each instruction.
    for (const { instruction: arg, stage, onbuild } of model.entriesOf('ARG')) {
      if (!stage || onbuild || !(arg instanceof Arg)) continue;
      const secrets = textReading(arg, SECRET_NAMES, secretArguments);
      if (secrets.length === 0) continue;
      const instructions = stage.instructions;
      const i = instructions.indexOf(arg);
      const properties = realProperties(arg);
      for (const { index, match } of secrets) {
        const property = properties[index];
        const name = property.getName();
        const later = instructions.slice(i + 1);
        const runsAfter = later.some((instruction) => instruction instanceof Run);
        const shipped = inShippedImage(model, stage);
        const id = name.toLowerCase();
        const fix = moveToSecretMount(model, arg, properties, property, later);
        report({
          range: property.getNameRange(),
          messageId: shipped && runsAfter ? 'history' : 'buildOnly',
          severity: shipped && runsAfter ? undefined : 'info',
          data: { name, what: withArticle(match.what), id, place: shipped ? 'stage' : 'build stage (its history is not shipped)' },
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

const SECRET_NAMES = Symbol('secret-build-arg: the names of an ARG meant for a secret');

function realProperties(arg: Arg): Property[] {
  return propertiesOf(arg).filter((p) => p.getName() !== '' && !/^[\\`]$/.test(p.getName()));
}

/** The properties of an ARG named like a secret without a literal default (hardcoded-secret reports one): index and kind. */
function secretArguments(arg: Instruction): { index: number; match: { what: string } }[] {
  const found: { index: number; match: { what: string } }[] = [];
  realProperties(arg as Arg).forEach((property, index) => {
    const name = property.getName();
    const match = secretName(name);
    // A literal default is hardcoded-secret's finding.
    if (match && !classifySecret(name, property.getValue() ?? undefined)) found.push({ index, match });
  });
  return found;
}

function inShippedImage(model: DockerfileModel, stage: Stage): boolean {
  return !!model.finalStage && (model.finalStage === stage || stageBuildsOn(model.finalStage, stage));
}

/**
 * Removes the ARG and mounts a secret of the same name into each later RUN that reads it. Offered only when
 * RUNs are all that read it: an ENV or COPY that uses the argument would lose its value.
 */
function moveToSecretMount(model: DockerfileModel, arg: Arg, properties: Property[], property: Property, later: Instruction[]): Fix | undefined {
  const name = property.getName();
  const runs: Run[] = [];
  for (const instruction of later) {
    if (instruction instanceof Arg && propertiesOf(instruction).some((p) => p.getName() === name)) break; // redeclared
    if (!instructionReferences(instruction, model.lines).has(name)) continue;
    if (!(instruction instanceof Run)) return undefined;
    runs.push(instruction);
  }
  if (!runs.length) return undefined;
  const mount = ` --mount=type=secret,id=${name.toLowerCase()},env=${name}`;
  const edits: TextEdit[] = [removePropertyEdit(model, arg, properties, property)];
  for (const run of runs)
    if (!run.getFlags().some((flag) => flag.getValue()?.includes(`env=${name}`))) edits.push(insertAt(run.getInstructionRange().end, mount));
  return {
    title: `Pass ${name} as a build secret mounted into ${runs.length === 1 ? 'the RUN that uses it' : `the ${runs.length} RUNs that use it`}`,
    kind: 'suggestion',
    edits,
  };
}

function withArticle(what: string): string {
  if (what === 'credentials') return what;
  return `${/^(?:[aeiou]|API)/i.test(what) ? 'an' : 'a'} ${what}`;
}
