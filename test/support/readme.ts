// The README's code blocks, so tests can run its recipes as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cli';

export const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

export interface CodeBlock {
  language: string;
  code: string;
  /** The last `##`/`###` heading above the block. */
  section: string;
}

export function codeBlocks(markdown: string = README): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let section = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#{2,3} (.*)$/.exec(lines[i]);
    if (heading) section = heading[1];
    const fence = /^```(\w*)$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push({ language: fence[1], code: lines.slice(i + 1, end).join('\n') + '\n', section });
    i = end;
  }
  return blocks;
}

/** The one block of `language` whose code contains `marker`. */
export function codeBlock(language: string, marker: string): string {
  const found = codeBlocks().filter((b) => b.language === language && b.code.includes(marker));
  if (found.length !== 1) throw new Error(`expected one ${language} block containing ${marker} in README.md, found ${found.length}`);
  return found[0].code;
}
