/**
 * The fuzzer's mutations: the equivalence corpora's edits (test/support/mutation.ts: truncation, line deletion,
 * duplication and swaps, lines spliced from other inputs, CRLF, a deleted character) and what a hostile or merely
 * odd file holds besides: flipped characters, lone CR, a byte-order mark, Unicode, very long lines and words,
 * deep nesting, many commands in one RUN, heredocs, escape directives, anchors, aliases and merge keys.
 */
import {
  crlfLineEnds,
  cutAtOffset,
  deleteCharacter,
  deleteLine,
  doubleLine,
  insertPoolLines,
  swapWithNextLine,
  mutate,
  type Edit,
  type Mutation,
} from '../mutation';
import type { Random } from '../seeded-random';
import type { DocumentKind } from '../../../server/src/engine/types';

const insertAt = (text: string, offset: number, inserted: string) => text.slice(0, offset) + inserted + text.slice(offset);

/** Characters a flip writes: syntax of both formats, line breaks, controls, and code units from anywhere. */
const FLIPS = [
  '\\',
  '`',
  '"',
  "'",
  '$',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '#',
  ':',
  '-',
  '&',
  '*',
  '|',
  '>',
  '<',
  ',',
  ' ',
  '\t',
  '\n',
  '\r',
  '=',
  '\u0000',
  '\u0001',
  '\u001b',
];

const flipCharacter: Edit = ({ text, offset }, rng) => {
  const char = rng.chance(0.7) ? rng.pick(FLIPS) : String.fromCharCode(rng.int(1, 0xffff));
  return { text: text.slice(0, offset) + char + text.slice(offset + 1), how: `character at ${offset} flipped to ${JSON.stringify(char)}` };
};

const loneCrLineEnds: Edit = ({ text }, rng) =>
  rng.chance(0.5)
    ? { text: text.replace(/\r?\n/g, '\r'), how: 'lone CR line ends' }
    : { text: text.replace(/\n$/, '\r'), how: 'last line ends with a lone CR' };

const byteOrderMark: Edit = ({ text }) => ({ text: '\uFEFF' + text, how: 'byte-order mark' });

const UNICODE = ['é', 'ß', '😀', '\u2028', '\u2029', '\u0085', '\u00a0', '\u200b', '\u202e', '\ud800', '\udc00', 'Ａ', '\u3000', '\u0301'];
const unicode: Edit = ({ text, offset }, rng) => {
  const inserted = rng.pick(UNICODE).repeat(rng.int(1, 3));
  return { text: insertAt(text, offset, inserted), how: `${JSON.stringify(inserted)} inserted at ${offset}` };
};

const WORD_CHARS = ['a', 'x', '-', '/', '.', '=', '$', '"', "'", '\\', ':', '{'];
const longWord: Edit = ({ text, offset }, rng) => {
  const length = rng.int(1_000, 30_000);
  const inserted = rng.pick(WORD_CHARS).repeat(length);
  return { text: insertAt(text, offset, inserted), how: `a word of ${length} ${JSON.stringify(inserted[0])} at ${offset}` };
};

const longLine: Edit = ({ lines, at }, rng) => {
  const length = rng.int(1_000, 30_000);
  const unit = rng.pick(['a ', '"ab cd" ', '# ', '- ', 'x=y ', '\\ ', '${A} ']);
  lines.splice(at, 0, (rng.chance(0.5) ? 'RUN ' : '') + unit.repeat(Math.ceil(length / unit.length)));
  return { text: lines.join('\n'), how: `a line of ${length} characters (${JSON.stringify(unit)}) before line ${at + 1}` };
};

const spliceText: Edit = ({ text, offset }, rng, pool) => {
  const source = rng.pick(pool);
  const start = rng.int(0, source.length);
  const piece = source.slice(start, start + rng.int(1, 200));
  return { text: insertAt(text, offset, piece), how: `${piece.length} characters of another input spliced at ${offset}` };
};

// ---- Dockerfile ----

const OPERATORS = [' && ', ' | ', ' ; ', ' || ', ' \\\n  && ', ' &&\\\n ', '\n'];
const COMMANDS = [
  'curl -k x',
  'curl -fsSL https://x | sh',
  'apt-get install -y curl',
  'apk add --allow-untrusted x',
  'wget -O- x',
  'echo "a b"',
  'cd /x',
  'pip install --trusted-host h x',
  'sudo x',
  'rm -rf /var/lib/apt/lists/*',
];
const manyCommands: Edit = ({ lines, at }, rng) => {
  const count = rng.int(2, rng.chance(0.1) ? 3_000 : 60);
  const operator = rng.pick(OPERATORS);
  const commands = Array.from({ length: count }, () => rng.pick(COMMANDS));
  lines.splice(at, 0, 'RUN ' + commands.join(operator === '\n' ? ' && ' : operator));
  return { text: lines.join('\n'), how: `a RUN of ${count} commands joined by ${JSON.stringify(operator)} before line ${at + 1}` };
};

const HEREDOCS = [
  'RUN <<EOF\napt-get update\ncurl -k x | sh\nEOF',
  'RUN <<-"X" bash\n\tcurl -k x\n\tX',
  'COPY <<EOF /etc/apt/sources.list\ndeb [trusted=yes] http://x ./\nEOF',
  'RUN <<EOF\nunterminated',
  'RUN cat > /x <<E1 && sh <<E2\na\nE1\nb\nE2',
  'RUN <<A <<B\nA\n',
];
const heredoc: Edit = ({ lines, at }, rng) => {
  lines.splice(at, 0, rng.pick(HEREDOCS));
  return { text: lines.join('\n'), how: `a heredoc before line ${at + 1}` };
};

const DIRECTIVES = ['# escape=`', '# escape=\\', '#escape =`', '# syntax=docker/dockerfile:1', '# check=skip=all', '#a=b #c=d'];
const escapeDirective: Edit = ({ text }, rng) => {
  const directive = rng.pick(DIRECTIVES);
  return { text: directive + rng.pick(['\n', '\r\n', '\r', ' ']) + text, how: `directive ${JSON.stringify(directive)} first` };
};

const SHELL_NESTS: [string, string][] = [
  ['$(', ')'],
  ['`', '`'],
  ['{ ', '; }'],
  ['(', ')'],
  ['"$(', ')"'],
  ['${A:-', '}'],
  ['[', ']'],
];
const shellNesting: Edit = ({ lines, at }, rng) => {
  const [open, close] = rng.pick(SHELL_NESTS);
  const depth = rng.int(2, rng.chance(0.2) ? 20_000 : 100);
  lines.splice(at, 0, 'RUN ' + open.repeat(depth) + 'curl -k x | sh' + close.repeat(depth));
  return { text: lines.join('\n'), how: `RUN nested ${depth} deep in ${JSON.stringify(open)} before line ${at + 1}` };
};

const continuationAtEnd: Edit = ({ text }, rng) => {
  const end = rng.pick(['\\', '\\\n', ' \\', '`', '\\\r\n']);
  return { text: text.replace(/\s*$/, '') + end, how: `ends with ${JSON.stringify(end)}` };
};

// ---- compose ----

const ANCHORS = [
  'x-base: &base\n  image: nginx:latest\n  privileged: true',
  '    <<: *base',
  '    <<: [*base, *hard]',
  '  other: *base',
  'x-hard: &hard\n  read_only: true\n  cap_drop: [ALL]',
  'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]',
  '    user: *missing',
  '    environment: &env\n      PASSWORD: secret',
  '    extends: { service: web }',
];
const anchors: Edit = ({ lines, at }, rng) => {
  lines.splice(at, 0, rng.pick(ANCHORS));
  return { text: lines.join('\n'), how: `anchors, aliases or merge keys before line ${at + 1}` };
};

const yamlNesting: Edit = ({ text, offset }, rng) => {
  const depth = rng.int(2, rng.chance(0.2) ? 20_000 : 300);
  const form = rng.int(0, 3);
  const nested =
    form === 0
      ? '['.repeat(depth) + ']'.repeat(depth)
      : form === 1
        ? '{a: '.repeat(depth) + '}'.repeat(depth)
        : form === 2
          ? '- '.repeat(depth) + 'x'
          : 'k: '.repeat(depth) + 'v';
  return { text: insertAt(text, offset, nested), how: `nesting ${depth} deep (form ${form}) at ${offset}` };
};

const indentStaircase: Edit = ({ lines, at }, rng) => {
  const depth = rng.int(2, 200);
  const step = rng.int(1, 3);
  const staircase = Array.from({ length: depth }, (_, i) => ' '.repeat(i * step) + `k${i}:`).join('\n') + ' 1';
  lines.splice(at, 0, staircase);
  return { text: lines.join('\n'), how: `a staircase of ${depth} keys before line ${at + 1}` };
};

const tabIndent: Edit = ({ lines, at }) => {
  lines[at] = (lines[at] ?? '').replace(/^ +/, '\t');
  return { text: lines.join('\n'), how: `line ${at + 1} indented with a tab` };
};

const COMMON: Edit[] = [
  cutAtOffset,
  deleteLine,
  doubleLine,
  swapWithNextLine,
  insertPoolLines,
  crlfLineEnds,
  deleteCharacter,
  flipCharacter,
  flipCharacter,
  loneCrLineEnds,
  byteOrderMark,
  unicode,
  longWord,
  longLine,
  spliceText,
  spliceText,
];
const DOCKERFILE: Edit[] = [...COMMON, manyCommands, manyCommands, heredoc, heredoc, escapeDirective, shellNesting, continuationAtEnd];
const COMPOSE: Edit[] = [...COMMON, anchors, anchors, yamlNesting, indentStaircase, tabIndent];

/** One to three mutations of `text`; `pool` holds other inputs of the same kind, for splices. */
export function mutateDocument(kind: DocumentKind, text: string, rng: Random, pool: readonly string[]): Mutation {
  const edits = kind === 'dockerfile' ? DOCKERFILE : COMPOSE;
  let current = text;
  const hows: string[] = [];
  for (let steps = rng.int(1, 3); steps > 0; steps--) {
    const step = mutate(current, rng, pool, edits);
    current = step.text;
    hows.push(step.how);
  }
  return { text: current, how: hows.join('; ') };
}
