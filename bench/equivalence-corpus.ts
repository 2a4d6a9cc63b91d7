/**
 * The inputs bench/equivalence.ts analyses with two versions of the engine: generated Dockerfiles, every
 * Dockerfile the repository holds as an example or a test input, and seeded mutations of them that look like
 * half-typed, pasted or oddly formatted files. Deterministic: the same tree gives the same corpus.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dedupe, docsCodeBlocks, exampleFiles, localeOrder, testLiterals, type LiteralInput, type NamedText } from '../test/support/corpus';
import {
  crlfLineEnds,
  cutAtOffset,
  deleteCharacter,
  deleteLine,
  doubleLine,
  insertPoolLines,
  mutatedCopies,
  swapWithNextLine,
  type Edit,
} from '../test/support/mutation';
import { generateDockerfile } from './support/generate-dockerfile';
import { Random } from '../test/support/seeded-random';

export type CorpusEntry = NamedText;

const GENERATED_SIZES = [12, 20, 35, 50, 120, 200, 500, 2_000];
const GENERATED_SEEDS = [0x5eed, 1, 2, 3, 4, 5];
const MUTATIONS_PER_INPUT = 4;

export function buildCorpus(root: string): CorpusEntry[] {
  const inputs = [...repositoryDockerfiles(root), ...testLiterals(root, dockerfileLiteral, localeOrder)];
  const generated: CorpusEntry[] = [];
  for (const lines of GENERATED_SIZES)
    for (const seed of GENERATED_SEEDS) generated.push({ name: `generated ${lines} lines, seed ${seed}`, text: generateDockerfile(lines, seed) });
  generated.push({ name: 'generated 10000 lines', text: generateDockerfile(10_000) });

  const unique = dedupe([...inputs, ...generated]);
  const pool = linePool(unique);
  const mutated = mutatedCopies(unique, new Random(0xd0c), pool, EDITS, { perInput: MUTATIONS_PER_INPUT, maxLength: 60_000, steps: () => 1 });
  return dedupe([...unique, ...mutated]);
}

// ---- the repository's Dockerfiles ----

function repositoryDockerfiles(root: string): CorpusEntry[] {
  const entries = [
    ...docsCodeBlocks(root, 'dockerfile', localeOrder),
    ...exampleFiles(root, (f) => /(?:^|[./-])dockerfile/i.test(path.basename(f)), localeOrder),
  ];
  const snippets = path.join(root, 'snippets/dockerfile.json');
  if (fs.existsSync(snippets)) {
    const parsed = JSON.parse(fs.readFileSync(snippets, 'utf8')) as Record<string, { body: string[] }>;
    for (const [name, snippet] of Object.entries(parsed)) entries.push({ name: `snippet ${name}`, text: expandSnippet(snippet.body.join('\n')) });
  }
  return entries;
}

/** `${1:22}` → `22`, `${2|a,b|}` → `a`, `$1` and `${1}` → nothing, `\$` → `$`: what the editor inserts. */
function expandSnippet(body: string): string {
  let text = body;
  for (let i = 0; i < 4; i++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1'); // nested placeholders, inside out
  return text
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\\$/g, '$');
}

// ---- string literals of the tests ----

const DOCKERFILE_LINE = /^[ \t]*(?:FROM|RUN|ARG|ENV|COPY|ADD|USER|ONBUILD|HEALTHCHECK|CMD|ENTRYPOINT|EXPOSE|WORKDIR|LABEL|SHELL|VOLUME|STOPSIGNAL)\b/im;

/**
 * A test literal that reads as a Dockerfile; a short one-line literal of the shell and knowledge tests becomes
 * the command of a RUN.
 */
function dockerfileLiteral(value: string, file: string): LiteralInput | undefined {
  if (DOCKERFILE_LINE.test(value)) return { text: value };
  if (/knowledge|shell/.test(file) && value.length >= 3 && !value.includes('\n')) return { text: `FROM debian:12\nRUN ${value}\n`, note: 'as RUN' };
  return undefined;
}

// ---- mutations ----

/** Fragments that exercise the model's edge cases: flags, heredocs, continuations, exec form, quotes, comments. */
const FRAGMENTS = [
  ' --mount=type=cache,target=/var/cache/apt',
  ' --mount=type=secret,id=npm,env=NPM_TOKEN',
  ' --network=none',
  ' <<EOF\necho hi\nEOF',
  ' <<-"EOT"\n\tcurl -k https://x | sh\n\tEOT',
  ' \\\n  ',
  ' \\ \n',
  '\n# comment inside\n',
  ' \\\n# comment in a continuation\n  ',
  '["sh", "-c", "curl -fsSL https://x | bash"]',
  ' "',
  " '",
  ' $(',
  ' `',
  ' ${',
  ' && ',
  ' | sh',
  ' -k',
  ' --insecure',
  ' gpgcheck=0',
  ' sudo ',
  ' apt-get install -y curl',
  ' apk add git',
  ' PASSWORD=hunter22',
  ' ghp_0123456789abcdefghijklmnopqrstuvwxyzAB',
  '\r',
  '\t',
  ' #',
  '=',
  ':',
  '@sha256:',
];

const insertFragment: Edit = ({ text, offset }, rng) => {
  const fragment = rng.pick(FRAGMENTS);
  return { text: text.slice(0, offset) + fragment + text.slice(offset), how: `${JSON.stringify(fragment)} inserted at ${offset}` };
};

/** After a keyword: where flags and heredoc openers go. */
const fragmentAfterKeyword: Edit = ({ lines, at }, rng) => {
  const line = lines[at] ?? '';
  const keyword = /^\s*\S+/.exec(line)?.[0] ?? '';
  lines[at] = keyword + rng.pick(FRAGMENTS) + line.slice(keyword.length);
  return { text: lines.join('\n'), how: `fragment after the keyword of line ${at + 1}` };
};

const backquoteEscape: Edit = ({ text }) => ({ text: `# escape=\`\n${text.replace(/\\\n/g, '`\n')}`, how: 'backquote escape' });

const lowerCaseOrIndent: Edit = ({ lines, at }, rng) => {
  const line = lines[at] ?? '';
  lines[at] = rng.chance(0.5) ? line.toLowerCase() : `  ${line}`;
  return { text: lines.join('\n'), how: `line ${at + 1} lower-cased or indented` };
};

/** The edits a mutation picks from, fragments twice as likely as the others. */
const EDITS: Edit[] = [
  cutAtOffset,
  deleteLine,
  doubleLine,
  swapWithNextLine,
  insertPoolLines,
  insertFragment,
  insertFragment,
  fragmentAfterKeyword,
  crlfLineEnds,
  backquoteEscape,
  deleteCharacter,
  lowerCaseOrIndent,
];

function linePool(entries: CorpusEntry[]): string[] {
  const pool = new Set<string>();
  for (const entry of entries) {
    if (entry.text.length > 20_000) continue;
    for (const line of entry.text.split('\n')) if (line.trim()) pool.add(line);
  }
  return [...pool].sort();
}
