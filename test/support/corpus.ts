/**
 * What the two equivalence corpora (bench/equivalence-corpus.ts, bench/compose-equivalence-corpus.ts) share:
 * reading the repository's inputs and the string literals of the tests (the mutations are in mutation.ts).
 * Each corpus is seeded and built in sequence, so the order files are read in is part of what it contains:
 * these helpers keep it exactly as each corpus had it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface NamedText {
  /** Where the text comes from, to find it again when it differs. */
  name: string;
  text: string;
}

/** How `walk` orders the names in a folder. The corpora differ here, and changing one would change its corpus. */
export type NameOrder = (a: string, b: string) => number;
export const localeOrder: NameOrder = (a, b) => a.localeCompare(b);
export const codeUnitOrder: NameOrder = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Files under `folder` that `keep` accepts, depth first in `order`; dependencies and VS Code test installs skipped. */
export function walk(folder: string, keep: (file: string) => boolean, order: NameOrder): string[] {
  if (!fs.existsSync(folder)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => order(a.name, b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.vscode-test')) files.push(...walk(full, keep, order));
    } else if (keep(full)) {
      files.push(full);
    }
  }
  return files;
}

/** A repository path with forward slashes, as input names show it on every platform. */
export function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The fenced code blocks of `docs/**.md` whose info string starts with `language` (a regex source), in order. */
export function docsCodeBlocks(root: string, language: string, order: NameOrder): NamedText[] {
  const fence = new RegExp(`^\`\`\`${language}[^\\n]*\\n([\\s\\S]*?)^\`\`\``, 'gm');
  const entries: NamedText[] = [];
  for (const file of walk(path.join(root, 'docs'), (f) => f.endsWith('.md'), order)) {
    let n = 0;
    for (const block of fs.readFileSync(file, 'utf8').matchAll(fence)) entries.push({ name: `${rel(root, file)} block ${++n}`, text: block[1] });
  }
  return entries;
}

/** The files of the examples and the test fixtures that `keep` accepts, named by their path. */
export function exampleFiles(root: string, keep: (file: string) => boolean, order: NameOrder): NamedText[] {
  return ['examples', 'test/fixtures'].flatMap((folder) =>
    walk(path.join(root, folder), keep, order).map((file) => ({ name: rel(root, file), text: fs.readFileSync(file, 'utf8') })),
  );
}

/** What a test literal becomes in a corpus: its text (or one built from it), and a note for the name. */
export interface LiteralInput {
  text: string;
  note?: string;
}

/**
 * Every string literal (and `+` concatenation of literals) in the tests that `asInput` accepts, numbered per
 * file among the accepted ones.
 */
export function testLiterals(root: string, asInput: (value: string, file: string) => LiteralInput | undefined, order: NameOrder): NamedText[] {
  const entries: NamedText[] = [];
  for (const file of walk(path.join(root, 'test'), (f) => f.endsWith('.ts'), order)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    let n = 0;
    const visit = (node: ts.Node): void => {
      const value = literalValue(node);
      if (value !== undefined) {
        const input = asInput(value, file);
        if (input) entries.push({ name: `${rel(root, file)} literal ${++n}${input.note ? ` ${input.note}` : ''}`, text: input.text });
        return; // a concatenation's parts are in it already
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return entries;
}

export function literalValue(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literalValue(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalValue(node.left);
    const right = left === undefined ? undefined : literalValue(node.right);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  return undefined;
}

/** The first of each text, in order. */
export function dedupe<T extends { text: string }>(entries: T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.text) && seen.add(e.text));
}
