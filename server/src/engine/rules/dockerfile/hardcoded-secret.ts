import { Arg, Env, Run, type Instruction, type Property } from 'dockerfile-ast';
import { stageBuildsOn, type DockerfileModel, type InstructionEntry, type Stage } from '../../documents/dockerfile';
import { textReading } from '../../documents/ast-memo';
import { instructionReferences, isVariableName, referencedNames } from '../../documents/variable-references';
import { propertiesOf, removePropertyEdit } from '../../documents/dockerfile-properties';
import { insertAt } from '../../fixes';
import { classifySecret, findCredentials, findTokenCredentials, secretName, URL_PASSWORD, URL_TOKEN, type SecretMatch } from '../../knowledge/secrets';
import { comparePositions } from '../../text';
import { defineDockerfileRule, type Report } from '../../rule';
import type { Fix, Range, TextEdit } from '../../types';

type Entry = InstructionEntry;

export default defineDockerfileRule({
  meta: {
    id: 'hardcoded-secret',
    code: 'DG105',
    severity: 'error',
    category: 'secrets',
    title: 'Secret hard-coded in ENV, ARG or RUN',
    description:
      'A password, token or key written into the Dockerfile ends up in the image configuration or history, where anyone who can pull the image reads it with `docker inspect` or `docker history`.',
    references: { cis: '4.10', kics: ['passwords_and_secrets'], trivy: ['DS031'], checkov: ['CKV_DOCKER_1005'] },
    messages: {
      nameBuildTime:
        '{{name}} hard-codes {{what}}, which {{exposure}}; pass it as a build secret instead: docker build --secret id={{id}},env={{name}} with RUN --mount=type=secret,id={{id}},env={{name}}.',
      nameRunTime: '{{name}} hard-codes {{what}}, which {{exposure}}; pass it when the container starts instead (docker run -e, or a compose secret).',
      valueBuildTime:
        '{{name}} holds what looks like {{what}}, which {{exposure}}; pass it as a build secret instead: docker build --secret id={{id}},env={{name}} with RUN --mount=type=secret,id={{id}},env={{name}}.',
      valueRunTime:
        '{{name}} holds what looks like {{what}}, which {{exposure}}; pass it when the container starts instead (docker run -e, or a compose secret).',
      buildArgInEnv:
        '{{name}} copies the build argument {{arg}} ({{what}}) into the image environment, where anyone with the image reads it (docker inspect); pass it as a build secret to the RUN that needs it (RUN --mount=type=secret,id={{id}},env={{arg}}), or when the container starts.',
      credentialInRun:
        'This looks like {{what}}, written into a RUN that the image history keeps; read it from a build secret instead (RUN --mount=type=secret,id=…,env=… with docker build --secret id=…,env=…).',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    for (const entry of model.entriesOf('ENV', 'ARG')) {
      const instruction = entry.instruction as Env | Arg;
      // What each property holds is kept with the instruction: a keystroke elsewhere reads no property again.
      const secrets = readingOf(instruction).secrets;
      if (secrets.length === 0) continue;
      const properties = realProperties(instruction);
      for (const secret of secrets) {
        const { index, name, match } = secret;
        const property = properties[index];
        const runs = entry.onbuild ? [] : runsUsing(model, entry, name);
        // A builder stage never runs as a container: whatever reads the value does so at build time.
        const buildTime = instruction instanceof Arg || runs.length > 0 || !shipped(model, entry.stage);
        report({
          range: valueRange(model, property, secret),
          messageId: match.reason === 'name' ? (buildTime ? 'nameBuildTime' : 'nameRunTime') : buildTime ? 'valueBuildTime' : 'valueRunTime',
          data: { name, what: withArticle(match.what), exposure: exposure(model, entry), id: secretId(name) },
          // An ONBUILD trigger is part of another image's build: moving its secret is that build's decision.
          fixes: entry.onbuild || mixesEnvForms(instruction, properties) ? [] : (moveToSecret(model, instruction, properties, property, runs, buildTime) ?? []),
        });
      }
    }
    checkBuildArgsInEnv(model, report);
  },
  checkShellSource({ source, report }) {
    for (const hit of findTokenCredentials(source.text)) {
      report({
        range: source.rangeOf(hit.start, hit.end),
        messageId: 'credentialInRun',
        data: { what: withArticle(hit.what) },
      });
    }
  },
});

/**
 * `ARG DB_PASSWORD` then `ENV DB_PASSWORD=${DB_PASSWORD}`: the value passed with `--build-arg` is written into the
 * image's configuration for good. Reported in the stages the image ships, for an ARG or an ENV named like a
 * secret; the ARG itself has no value here (a hard-coded default is reported on the ARG).
 */
function checkBuildArgsInEnv(model: DockerfileModel, report: (r: Report<'buildArgInEnv'>) => void): void {
  // A stage's ARGs and ENVs are together in file order (ONBUILD triggers are not the stage's own).
  let stage: Stage | undefined;
  let skip = true;
  const args = new Set<string>();
  for (const entry of model.entriesOf('ENV', 'ARG')) {
    if (entry.onbuild || !entry.stage) continue;
    if (entry.stage !== stage) {
      stage = entry.stage;
      skip = !shipped(model, stage);
      args.clear();
    }
    if (skip) continue;
    const instruction = entry.instruction as Env | Arg;
    const reading = readingOf(instruction);
    if (instruction instanceof Arg) for (const name of reading.names) args.add(name);
    if (!(instruction instanceof Env) || args.size === 0) continue;
    for (const { index, name, referenced } of reading.references) {
      for (const arg of args) {
        if (!isVariableName(arg) || !referenced.has(arg)) continue;
        const what = secretName(arg)?.what ?? secretName(name)?.what;
        if (!what) continue;
        const property = realProperties(instruction)[index];
        report({
          range: property.getValueRange() ?? property.getRange(),
          messageId: 'buildArgInEnv',
          data: { name, arg, what: withArticle(what), id: secretId(arg) },
        });
        break;
      }
    }
  }
}

interface SecretProperty {
  index: number;
  name: string;
  match: SecretMatch;
  /** For a credential-shaped value: where the credential lies in the value as written (null: nowhere); read once. */
  credential?: { start: number; end: number } | null;
}

/** What an ENV or ARG says for this rule, kept with the instruction (ast-memo textReading): no offsets. */
interface PropertiesReading {
  /** The properties (as realProperties lists them) that hard-code a secret, other than a URL's (credentials-in-url's). */
  secrets: SecretProperty[];
  /** The names every property declares. */
  names: string[];
  /** The properties that hold no secret but reference variables, with the names they reference. */
  references: { index: number; name: string; referenced: ReadonlySet<string> }[];
}

const PROPERTIES = Symbol('hardcoded-secret: what the properties of an ENV or ARG hold');

function readingOf(instruction: Env | Arg): PropertiesReading {
  return textReading(instruction, PROPERTIES, readProperties);
}

function readProperties(instruction: Instruction): PropertiesReading {
  const reading: PropertiesReading = { secrets: [], names: [], references: [] };
  realProperties(instruction as Env | Arg).forEach((property, index) => {
    const name = property.getName();
    const value = property.getValue();
    reading.names.push(name);
    const match = classifySecret(name, value ?? undefined);
    if (match) {
      if (match.reason === 'name' || (match.what !== URL_PASSWORD && match.what !== URL_TOKEN)) reading.secrets.push({ index, name, match });
    } else if (value?.includes('$')) {
      reading.references.push({ index, name, referenced: referencedNames(value) });
    }
  });
  return reading;
}

/** The value without its quotes; for a credential-shaped value, just the credential (the password of a URL). */
function valueRange(model: DockerfileModel, property: Property, secret: SecretProperty): Range {
  const range = property.getValueRange();
  if (!range) return property.getRange();
  let start = model.lines.offsetAt(range.start);
  let end = model.lines.offsetAt(range.end);
  const written = model.text.slice(start, end);
  if (secret.match.reason === 'value') {
    // Offsets into the value as written, which is the instruction's own text: kept with the reading.
    if (secret.credential === undefined) secret.credential = findCredentials(written)[0] ?? null;
    const hit = secret.credential;
    if (hit) return model.lines.rangeAt(start + hit.start, start + hit.end);
  }
  if (written.length >= 2 && (written[0] === '"' || written[0] === "'") && written.endsWith(written[0])) {
    start++;
    end--;
  }
  return model.lines.rangeAt(start, end);
}

/** Where the value ends up: the shipped image's configuration, its history, or a builder stage and the cache. */
function exposure(model: DockerfileModel, entry: Entry): string {
  if (entry.instruction instanceof Arg) return 'the image history records (docker history)';
  if (!shipped(model, entry.stage)) return 'the build stage, its cache and anyone reading this Dockerfile keep';
  return 'anyone with the image can read (docker inspect)';
}

/** The final stage and the stages it is built `FROM`: what the image ships. Global instructions count as shipped. */
function shipped(model: DockerfileModel, stage: Stage | undefined): boolean {
  return !stage || (model.finalStage !== undefined && stageBuildsOn(model.finalStage, stage));
}

function withArticle(what: string): string {
  return `${/^(?:[aeiou]|API|AWS|npm|SSH|HMAC|RSA)/i.test(what) ? 'an' : 'a'} ${what}`;
}

function secretId(name: string): string {
  return name.toLowerCase();
}

/**
 * `ENV A=1 B C=2`: BuildKit rejects a word without `=` among `name=value` pairs, and removing the first pair would
 * leave the old form `ENV B C=2` (B set to `C=2`), a new finding where one was removed: no fix for such an ENV.
 */
function mixesEnvForms(instruction: Env | Arg, properties: Property[]): boolean {
  return instruction instanceof Env && properties.length > 1 && properties.some((p) => p.getAssignmentOperator() === null);
}

/** dockerfile-ast reports a line continuation inside ENV/ARG as a property named by the escape character. */
function realProperties(instruction: Env | Arg): Property[] {
  return propertiesOf(instruction).filter((p) => p.getName() !== '' && !/^[\\`]$/.test(p.getName()));
}

/**
 * The RUN instructions that read the variable after it is set: later in the same stage, and for ENV also in
 * stages built `FROM` this one. A global ARG reaches a RUN only through an `ARG NAME` redeclared in its stage.
 * Only the RUNs of those stages are read (what each references is kept with it): a keystroke touches few of them.
 */
function runsUsing(model: DockerfileModel, declaration: Entry, name: string): Run[] {
  const line = declaration.instruction.getRange().end.line;
  // An ENV is inherited by the stages built FROM its own, however far down (a constant-time test: stageBuildsOn).
  const from = declaration.instruction instanceof Env ? declaration.stage : undefined;
  const inherits = (stage: Stage) => from !== undefined && stage !== from && stageBuildsOn(stage, from);
  const runs: Run[] = [];
  if (!isVariableName(name)) return runs;
  for (const { instruction, stage } of model.entriesOf('RUN')) {
    if (!stage || (declaration.stage && stage !== declaration.stage && !inherits(stage))) continue;
    if (!instructionReferences(instruction, model.lines).has(name)) continue;
    const use = instruction.getRange().start.line;
    const visible = declaration.stage ? (stage === declaration.stage && use > line) || inherits(stage) : redeclaresBefore(stage, name, use);
    if (visible && !runText(model, instruction).includes(`env=${name}`)) runs.push(instruction as Run);
  }
  return runs;
}

function runText(model: DockerfileModel, run: Instruction): string {
  const range = run.getRange();
  return model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
}

function redeclaresBefore(stage: Stage, name: string, line: number): boolean {
  return stage.instructions.some((i) => i instanceof Arg && i.getRange().start.line < line && readingOf(i).names.includes(name));
}

/**
 * Removes the hard-coded property (the whole instruction when it is the only one) and mounts the secret,
 * as an environment variable of the same name, into each RUN that reads it.
 */
function moveToSecret(
  model: DockerfileModel,
  instruction: Env | Arg,
  properties: Property[],
  property: Property,
  runs: Run[],
  buildTime: boolean,
): Fix[] | undefined {
  const name = property.getName();
  const removal = removePropertyEdit(model, instruction, properties, property);
  // A continuation line that starts with the escape character (`\   TOKEN`) gives the property no sound extent.
  if (comparePositions(removal.range.start, removal.range.end) > 0) return undefined;
  const edits: TextEdit[] = [removal];
  const mount = ` --mount=type=secret,id=${secretId(name)},env=${name}`;
  for (const run of runs) edits.push(insertAt(run.getInstructionRange().end, mount));
  const title = runs.length
    ? `Move ${name} to a build secret mounted into ${runs.length === 1 ? 'the RUN that uses it' : `the ${runs.length} RUNs that use it`}`
    : `Remove the hard-coded ${name} (${buildTime ? 'pass it as a build secret' : 'pass it at run time'})`;
  return [{ title, kind: 'suggestion', edits }];
}
