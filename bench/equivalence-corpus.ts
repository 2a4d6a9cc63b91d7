/**
 * The inputs bench/equivalence.ts analyses with two versions of the engine: generated Dockerfiles, every
 * Dockerfile the repository holds as an example or a test input, and seeded mutations of them that look like
 * half-typed, pasted or oddly formatted files. Deterministic: the same tree gives the same corpus.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { generateDockerfile } from './support/generate-dockerfile';
import { Random } from './support/random';

export interface CorpusEntry {
  /** Where the text comes from, to find it again when it differs. */
  name: string;
  text: string;
}

const GENERATED_SIZES = [12, 20, 35, 50, 120, 200, 500, 2_000];
const GENERATED_SEEDS = [0x5eed, 1, 2, 3, 4, 5];
const MUTATIONS_PER_INPUT = 4;

export function buildCorpus(root: string): CorpusEntry[] {
  const inputs = [...repositoryDockerfiles(root), ...testLiterals(root)];
  const generated: CorpusEntry[] = [];
  for (const lines of GENERATED_SIZES) for (const seed of GENERATED_SEEDS) generated.push({ name: `generated ${lines} lines, seed ${seed}`, text: generateDockerfile(lines, seed) });
  generated.push({ name: 'generated 10000 lines', text: generateDockerfile(10_000) });

  const unique = dedupe([...inputs, ...generated]);
  const pool = linePool(unique);
  const rng = new Random(0xd0c);
  const mutated: CorpusEntry[] = [];
  for (const entry of unique) {
    if (entry.text.length > 60_000) continue; // the big generated files are covered by the smaller ones' mutations
    for (let i = 0; i < MUTATIONS_PER_INPUT; i++) {
      const { text, how } = mutate(entry.text, rng, pool);
      mutated.push({ name: `${entry.name} / mutation ${i + 1}: ${how}`, text });
    }
  }
  return dedupe([...unique, ...mutated]);
}

function dedupe(entries: CorpusEntry[]): CorpusEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.text) && seen.add(e.text));
}

// ---- the repository's Dockerfiles ----

function repositoryDockerfiles(root: string): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  for (const file of walk(path.join(root, 'docs'), (f) => f.endsWith('.md'))) {
    const blocks = fs.readFileSync(file, 'utf8').matchAll(/^```dockerfile[^\n]*\n([\s\S]*?)^```/gm);
    let n = 0;
    for (const block of blocks) entries.push({ name: `${rel(root, file)} block ${++n}`, text: block[1] });
  }
  for (const folder of ['examples', 'test/fixtures']) {
    for (const file of walk(path.join(root, folder), (f) => /(?:^|[./-])dockerfile/i.test(path.basename(f)))) {
      entries.push({ name: rel(root, file), text: fs.readFileSync(file, 'utf8') });
    }
  }
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
 * Every string literal (and `+` concatenation of literals) in the tests that reads as a Dockerfile; short
 * one-line literals of the shell and knowledge tests become the command of a RUN.
 */
function testLiterals(root: string): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  for (const file of walk(path.join(root, 'test'), (f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const shellTests = /knowledge|shell/.test(file);
    let n = 0;
    const visit = (node: ts.Node): void => {
      const value = literalValue(node);
      if (value !== undefined) {
        if (DOCKERFILE_LINE.test(value)) entries.push({ name: `${rel(root, file)} literal ${++n}`, text: value });
        else if (shellTests && value.length >= 3 && !value.includes('\n')) entries.push({ name: `${rel(root, file)} literal ${++n} as RUN`, text: `FROM debian:12\nRUN ${value}\n` });
        return; // a concatenation's parts are in it already
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return entries;
}

function literalValue(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literalValue(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalValue(node.left);
    const right = left === undefined ? undefined : literalValue(node.right);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
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

function mutate(text: string, rng: Random, pool: string[]): { text: string; how: string } {
  const lines = text.split('\n');
  const at = rng.int(0, Math.max(0, lines.length - 1));
  const offset = rng.int(0, text.length);
  switch (rng.int(0, 11)) {
    case 0:
      return { text: text.slice(0, offset), how: `cut at ${offset}` };
    case 1:
      lines.splice(at, 1);
      return { text: lines.join('\n'), how: `line ${at + 1} deleted` };
    case 2:
      lines.splice(at, 0, lines[at] ?? '');
      return { text: lines.join('\n'), how: `line ${at + 1} doubled` };
    case 3: {
      if (at + 1 < lines.length) [lines[at], lines[at + 1]] = [lines[at + 1], lines[at]];
      return { text: lines.join('\n'), how: `lines ${at + 1} and ${at + 2} swapped` };
    }
    case 4: {
      const added = rng.int(1, 3);
      for (let i = 0; i < added; i++) lines.splice(rng.int(0, lines.length), 0, rng.pick(pool));
      return { text: lines.join('\n'), how: `${added} lines from other inputs inserted` };
    }
    case 5:
    case 6: {
      const fragment = rng.pick(FRAGMENTS);
      return { text: text.slice(0, offset) + fragment + text.slice(offset), how: `${JSON.stringify(fragment)} inserted at ${offset}` };
    }
    case 7: {
      // After a keyword: where flags and heredoc openers go.
      const line = lines[at] ?? '';
      const keyword = /^\s*\S+/.exec(line)?.[0] ?? '';
      lines[at] = keyword + rng.pick(FRAGMENTS) + line.slice(keyword.length);
      return { text: lines.join('\n'), how: `fragment after the keyword of line ${at + 1}` };
    }
    case 8:
      return { text: text.replace(/\r?\n/g, '\r\n'), how: 'CRLF line ends' };
    case 9:
      return { text: `# escape=\`\n${text.replace(/\\\n/g, '`\n')}`, how: 'backquote escape' };
    case 10: {
      const removed = text.charAt(offset);
      return { text: text.slice(0, offset) + text.slice(offset + 1), how: `character ${JSON.stringify(removed)} at ${offset} deleted` };
    }
    default: {
      const line = lines[at] ?? '';
      lines[at] = rng.chance(0.5) ? line.toLowerCase() : `  ${line}`;
      return { text: lines.join('\n'), how: `line ${at + 1} lower-cased or indented` };
    }
  }
}

function linePool(entries: CorpusEntry[]): string[] {
  const pool = new Set<string>();
  for (const entry of entries) {
    if (entry.text.length > 20_000) continue;
    for (const line of entry.text.split('\n')) if (line.trim()) pool.add(line);
  }
  return [...pool].sort();
}

// ---- files ----

function walk(folder: string, keep: (file: string) => boolean): string[] {
  if (!fs.existsSync(folder)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.vscode-test')) files.push(...walk(full, keep));
    } else if (keep(full)) {
      files.push(full);
    }
  }
  return files;
}

function rel(root: string, file: string): string {
  return path.relative(root, file);
}
