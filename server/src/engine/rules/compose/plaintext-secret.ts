import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { type ComposeModel, type Service } from '../../documents/compose';
import { mapPair } from '../../documents/compose-merge-keys';
import { appendToSeq, canEdit, ensurePath, insertSequence, removePair, removeSeqItem, replaceScalar } from '../../documents/compose-edits';
import { hasUnknown, interpolate } from '../../documents/compose-interpolation';
import { keyValues, lookup, ownsNode, scalarSliceRange, scalarString, seqItems, type KeyValue } from '../../documents/compose-values';
import { isOfficialHubImage, parseImageRef } from '../../documents/image-ref';
import { secretNameFor, supportsFileVariant } from '../../knowledge/secret-files';
import { classifySecret, type SecretMatch } from '../../knowledge/secrets';
import { defineComposeRule, type Report } from '../../rule';
import type { Fix, Range, TextEdit } from '../../types';

export default defineComposeRule({
  meta: {
    id: 'plaintext-secret',
    code: 'DG215',
    severity: 'error',
    category: 'secrets',
    title: 'Secret in plain text',
    description:
      'A password, token or key written in `environment` or `build.args` is in the repository, in `docker inspect` output and, for build arguments, in the image history.',
    references: { cis: '4.10', compose: 'services.<name>.environment, services.<name>.build.args', composeLint: ['CL-0020', 'CL-0021'] },
    messages: {
      environmentName: '{{name}} holds {{what}} in plain text, readable by anyone with the repository or docker inspect; read it from a secret file instead.',
      environmentValue:
        'The value of {{name}} is shaped like a credential ({{what}}) in plain text, readable by anyone with the repository or docker inspect; read it from a secret file instead.',
      buildArgName:
        '{{name}} holds {{what}} in plain text, and build arguments stay in the image history for anyone who pulls it; pass it as a build secret (build.secrets, RUN --mount=type=secret) instead.',
      buildArgValue:
        'The value of {{name}} is shaped like a credential ({{what}}) in plain text, and build arguments stay in the image history for anyone who pulls it; pass it as a build secret (build.secrets, RUN --mount=type=secret) instead.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    // Values shared through an anchor are reported once, where they are written.
    const seen = new Set<Node>();
    for (const service of model.services) {
      const environment = service.get('environment');
      if (environment?.value) checkVariables(model, service, environment.value, 'environment', seen, report);
      const build = service.get('build');
      const args = build && isMap(build.value) ? lookup(model, build.value, ['args']) : undefined;
      if (args?.value) checkVariables(model, service, args.value, 'build-arg', seen, report);
    }
  },
});

type Place = 'environment' | 'build-arg';

const MAX_SECRET_NAME = 128;
type MessageId = 'environmentName' | 'environmentValue' | 'buildArgName' | 'buildArgValue';
type Reporter = (r: Report<MessageId>) => void;

function checkVariables(model: ComposeModel, service: Service, container: Node, place: Place, seen: Set<Node>, report: Reporter): void {
  for (const variable of keyValues(model, container)) {
    if (seen.has(variable.node)) continue;
    seen.add(variable.node);
    const match = classifySecret(variable.name, composeLiteral(variable.value));
    if (!match) continue;
    const suggestion = ownsNode(service, variable.node) ? moveToSecret(model, service, container, variable, place) : undefined;
    report({ range: valueRange(model, variable), ...message(variable.name, match, place), fixes: suggestion ? [suggestion] : [] });
  }
}

/**
 * The value as compose passes it when the file alone decides it: `$$` is a literal `$` and a `$` that starts no
 * variable is one too (`pa$$w0rd`, `hunter2$` are literal passwords), and a default fills an unset variable. A value
 * that depends on the environment is passed as written, for the secrets knowledge to judge its defaults.
 */
function composeLiteral(value: string | undefined): string | undefined {
  if (value === undefined || !value.includes('$')) return value;
  const literal = interpolate(value);
  // The secrets knowledge reads a `$` as a reference; a literal one is shown to it as another character.
  return hasUnknown(literal) ? value : literal.replace(/\$/g, '\uFF04');
}

function message(name: string, match: SecretMatch, place: Place): Pick<Report<MessageId>, 'messageId' | 'data'> {
  const byValue = match.reason === 'value';
  const messageId = place === 'build-arg' ? (byValue ? 'buildArgValue' : 'buildArgName') : byValue ? 'environmentValue' : 'environmentName';
  return { messageId, data: { name, what: byValue ? match.what : `${article(match.what)}${match.what}` } };
}

function article(noun: string): string {
  if (noun.endsWith('credentials')) return '';
  return /^[aeiou]/i.test(noun) ? 'an ' : 'a ';
}

/** The value itself: after `NAME=` in the list form. */
function valueRange(model: ComposeModel, variable: KeyValue): Range {
  const text = scalarString(model, variable.node);
  if (text === undefined || variable.value === undefined || !text.endsWith(variable.value) || text === variable.value) return variable.range;
  return scalarSliceRange(model, variable.node, text.length - variable.value.length, text.length) ?? variable.range;
}

/**
 * One suggestion, three edits: a top-level `secrets:` entry read from a file (merged into an existing one), the
 * service's (or build's) `secrets:` list referencing it, and the plaintext entry removed, or, for official images
 * that read `<VAR>_FILE`, renamed to point at `/run/secrets/<name>` so the application needs no change.
 */
function moveToSecret(model: ComposeModel, service: Service, container: Node, variable: KeyValue, place: Place): Fix | undefined {
  // The name becomes a mapping key, and YAML limits implicit keys to 1024 characters: no real variable is that long.
  if (!canEdit(model) || !model.root || !service.map || variable.name.length > MAX_SECRET_NAME) return undefined;
  if (anchored(model, container, variable)) return undefined;
  const name = secretNameFor(variable.name);
  const file = `./secrets/${name}.txt`;
  const owner = place === 'environment' ? service.map : (model.resolve(service.get('build')?.value) as YAMLMap<Node, Node | null>);
  if (!isMap(owner) || !ownsNode(service, owner.items[0]?.key as Node)) return undefined;

  const reference = referenceEdit(model, owner, name);
  if (reference === null) return undefined;
  const official = place === 'environment' ? officialImage(model, service) : undefined;
  const fileVariant = supportsFileVariant(official, variable.name);
  const entry = fileVariant ? renameToFile(model, container, variable, name) : removeEntry(model, owner, container, variable, place);
  if (!entry) return undefined;
  const declaration = declareSecret(model, name, file);
  if (declaration === null) return undefined;

  // Same-point insertions land in this order: the service's list before a top-level `secrets:` after it.
  const edits = [...(Array.isArray(entry) ? entry : [entry]), reference, declaration].filter((e): e is TextEdit => e !== undefined);
  const how = fileVariant
    ? `${variable.name}_FILE`
    : place === 'build-arg'
      ? `the Dockerfile reads it with RUN --mount=type=secret,id=${name}`
      : `the app reads /run/secrets/${name}`;
  return { title: `Move ${variable.name} to a secret read from ${file} (${how})`, kind: 'suggestion', edits };
}

/**
 * Whether the variables, or this one, carry an anchor: an alias elsewhere names them, so the edit would change
 * another service's variables too, and removing the anchor would point its aliases at another node or at none.
 */
function anchored(model: ComposeModel, container: Node, variable: KeyValue): boolean {
  if (container.anchor || variable.node.anchor) return true;
  const pair = isMap(container) ? mapPair(model, container, variable.name) : undefined;
  return Boolean((pair?.key as Node | null)?.anchor);
}

/** Top-level `secrets: { name: { file } }`; undefined when already declared, null when it cannot be added. */
function declareSecret(model: ComposeModel, name: string, file: string): TextEdit | undefined | null {
  const secrets = mapPair(model, model.root, 'secrets');
  if (secrets && mapPair(model, secrets.value, name)) return undefined;
  return ensurePath(model, model.root, ['secrets'], [[name, [['file', file]]]]) ?? null;
}

/** `secrets: [name]` in the service or its build; undefined when already listed, null when it cannot be added. */
function referenceEdit(model: ComposeModel, owner: YAMLMap<Node, Node | null>, name: string): TextEdit | undefined | null {
  const pair = mapPair(model, owner, 'secrets');
  if (!pair) return insertSequence(model, owner, 'secrets', [name]) ?? null;
  if (!owner.items.includes(pair) || !isSeq(pair.value)) return null; // merged from an anchor, or not a list
  const listed = seqItems(model, pair.value).some(
    (item) => (isMap(item) ? scalarString(model, mapPair(model, item, 'source')?.value) : scalarString(model, item)) === name,
  );
  if (listed) return undefined;
  return appendToSeq(model, pair.value, name) ?? null;
}

function removeEntry(model: ComposeModel, owner: YAMLMap<Node, Node | null>, container: Node, variable: KeyValue, place: Place): TextEdit | undefined {
  const key = place === 'environment' ? 'environment' : 'args';
  const holder = mapPair(model, owner, key);
  const only = keyValues(model, container).length === 1;
  // The last entry takes its key along: `environment:` left empty is not a valid mapping or list for every tool.
  if (only) return holder && owner.items.includes(holder) && holder.value === container ? removePair(model, owner, holder) : undefined;
  if (isMap(container)) {
    const pair = mapPair(model, container, variable.name);
    return pair && container.items.includes(pair) ? removePair(model, container, pair) : undefined;
  }
  return removeSeqItem(model, container, variable.node);
}

/** `NAME: value` → `NAME_FILE: /run/secrets/<name>`, in the map or the list form, quotes kept. */
function renameToFile(model: ComposeModel, container: Node, variable: KeyValue, name: string): TextEdit[] | undefined {
  const path = `/run/secrets/${name}`;
  if (isMap(container)) {
    const pair = mapPair(model, container, variable.name);
    if (!pair || !container.items.includes(pair)) return undefined;
    const keyEnd = scalarSliceRange(model, pair.key, variable.name.length, variable.name.length);
    const value = replaceScalar(model, pair.value, path);
    return keyEnd && value ? [{ range: keyEnd, newText: '_FILE' }, value] : undefined;
  }
  const text = scalarString(model, variable.node);
  const whole = text === undefined ? undefined : scalarSliceRange(model, variable.node, 0, text.length);
  return whole && [{ range: whole, newText: `${variable.name}_FILE=${path}` }];
}

function officialImage(model: ComposeModel, service: Service): string | undefined {
  const image = scalarString(model, service.get('image')?.value);
  const ref = image === undefined ? undefined : parseImageRef(interpolate(image, model.env));
  return ref && isOfficialHubImage(ref) ? ref.name : undefined;
}
