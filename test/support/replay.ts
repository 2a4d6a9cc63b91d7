import { isDeepStrictEqual } from 'node:util';
import { analyze, createAnalysisState, type AnalysisState, type DocumentKind, type Finding, type ResolvedConfig } from '../../server/src/engine';
import { seededRandom } from './seeded-random';

/**
 * Replays random edits on documents and compares, after every edit, the findings of an incremental analysis (one
 * AnalysisState kept across the edits, as the language server keeps one per open document) with those of a full
 * analysis of the same text: findings, messages, ranges and fixes must be identical. The edits are what typing
 * does to a file, and what breaks incremental parsers: characters typed and deleted anywhere, lines pasted, joined
 * and split, continuation characters, heredocs opened and closed, parser directives, line endings changed, and for
 * compose files anchors, aliases, merge keys, flow collections and document markers.
 */
export interface ReplayOptions {
  kind: DocumentKind;
  /** Documents to start from; each gets `steps` edits. */
  starts: string[];
  /** Lines that pastes take from (a few at a time). */
  pool: string[];
  seed: number;
  steps: number;
  config: ResolvedConfig;
}

export interface Difference {
  start: number;
  step: number;
  edit: string;
  before: string;
  after: string;
  full: Finding[];
  incremental: Finding[];
}

export interface ReplayResult {
  edits: number;
  findings: number;
  differences: Difference[];
}

export function replay(options: ReplayOptions): ReplayResult {
  const random = seededRandom(options.seed);
  const result: ReplayResult = { edits: 0, findings: 0, differences: [] };
  for (const [index, start] of options.starts.entries()) {
    let state: AnalysisState = createAnalysisState();
    let text = start;
    analyze(text, { kind: options.kind, config: options.config, state });
    const history: string[] = [text];
    for (let step = 0; step < options.steps; step++) {
      const { name, next } = randomEdit(options.kind, text, options.pool, history, random);
      const before = text;
      text = next;
      history.push(text);
      if (history.length > 20) history.shift();
      const incremental = analyze(text, { kind: options.kind, config: options.config, state });
      const full = analyze(text, { kind: options.kind, config: options.config });
      result.edits++;
      result.findings += full.length;
      if (!isDeepStrictEqual(incremental, full)) {
        result.differences.push({ start: index, step, edit: name, before, after: text, full, incremental });
        // Go on from a fresh state, so one difference does not hide the next.
        state = createAnalysisState();
        analyze(text, { kind: options.kind, config: options.config, state });
      }
    }
  }
  return result;
}

type Random = () => number;

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const TYPED = [
  ...'abcdefghijklmnopqrstuvwxyzRUNFROMCOPYADDENVARG0123456789',
  ' ',
  ' ',
  '\t',
  '\\',
  '`',
  '$',
  '{',
  '}',
  '"',
  "'",
  '#',
  '<',
  '-',
  '=',
  ':',
  '\n',
  '\n',
  '&',
  '|',
  '*',
  '/',
  '.',
  '[',
  ']',
  ',',
];
const DOCKERFILE_SNIPPETS = [
  ' \\',
  ' \\\n',
  '\\\n  ',
  ' <<EOF\n',
  '\nEOF\n',
  'EOF',
  '<<-EOT\n\techo hi\n\tEOT\n',
  'RUN <<EOF\napt-get update\nEOF\n',
  '# escape=`\n',
  '# syntax=docker/dockerfile:1\n',
  '# dockguard-ignore ',
  'ONBUILD RUN curl -k https://x | sh\n',
  'RUN ["sh", "-c", "curl https://x | sh"]\n',
  'FROM ubuntu AS build\n',
  'FROM build\n',
  'USER root\n',
  'ARG BASE=node:20\nFROM ${BASE}\n',
  'ENV TOKEN=abc123secret\n',
  '\r\n',
];
const COMPOSE_SNIPPETS = [
  '&defaults ',
  '*defaults',
  '<<: *defaults\n',
  '    <<: [*a, *b]\n',
  'x-base: &base\n  privileged: true\n',
  '{ privileged: true }',
  '[a, b]',
  '---\n',
  '...\n',
  '  ',
  '\t',
  '    build: .\n',
  '    image: nginx:latest\n',
  '  new-service:\n    image: redis\n',
  '    ports: ["80:80"]\n',
  '    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
  '# dockguard-ignore ',
  '\r\n',
  '"',
  ': ',
  '- ',
];

/** One random edit: its kind and the text after it. */
export function randomEdit(kind: DocumentKind, text: string, pool: string[], history: string[], random: Random): { name: string; next: string } {
  const at = int(random, 0, text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  const splice = (from: number, to: number, insert: string) => text.slice(0, from) + insert + text.slice(to);
  const roll = random();
  if (roll < 0.25) return { name: 'type', next: splice(at, at, pick(random, TYPED)) };
  if (roll < 0.4) return { name: 'delete', next: splice(at, Math.min(text.length, at + int(random, 1, 3)), '') };
  if (roll < 0.47) return { name: 'delete range', next: splice(at, Math.min(text.length, at + int(random, 4, 120)), '') };
  if (roll < 0.55 && pool.length) {
    const count = int(random, 1, 5);
    const first = int(random, 0, pool.length - 1);
    return { name: 'paste lines', next: splice(lineStart, lineStart, pool.slice(first, first + count).join('\n') + '\n') };
  }
  if (roll < 0.62) {
    const newline = text.indexOf('\n', at);
    return newline < 0 ? { name: 'type at end', next: text + pick(random, TYPED) } : { name: 'join lines', next: splice(newline, newline + 1, '') };
  }
  if (roll < 0.68) return { name: 'split line', next: splice(at, at, '\n' + ' '.repeat(pick(random, [0, 0, 2, 4, 6]))) };
  if (roll < 0.82) {
    const snippets = kind === 'dockerfile' ? DOCKERFILE_SNIPPETS : COMPOSE_SNIPPETS;
    const snippet = pick(random, snippets);
    const where = pick(random, [at, lineStart, lineEnd, 0]);
    return { name: `insert ${JSON.stringify(snippet)}`, next: splice(where, where, snippet) };
  }
  if (roll < 0.87) {
    const lines = text.split('\n');
    const line = int(random, 0, Math.max(0, lines.length - 1));
    lines.splice(line, 1);
    return { name: 'delete line', next: lines.join('\n') };
  }
  if (roll < 0.9 && history.length > 1) return { name: 'undo to an earlier text', next: pick(random, history) };
  if (roll < 0.93) return { name: 'line endings', next: random() < 0.5 ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n') };
  if (roll < 0.96) {
    // Duplicate a block of lines (copy and paste within the file).
    const end = Math.min(text.length, lineStart + int(random, 10, 400));
    const block = text.slice(lineStart, text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end) + 1);
    return {
      name: 'duplicate block',
      next: splice(lineEnd + 1 > text.length ? text.length : lineEnd + 1, lineEnd + 1 > text.length ? text.length : lineEnd + 1, block),
    };
  }
  return {
    name: 'replace word',
    next: splice(at, Math.min(text.length, at + int(random, 1, 8)), pick(random, ['latest', 'root', 'sudo', 'curl -k', '--privileged', 'true', '0', '${X}'])),
  };
}

/** A difference, short enough to read in a test failure. */
export function describeDifference(d: Difference): string {
  const fullOnly = d.full.filter((f) => !d.incremental.some((g) => isDeepStrictEqual(f, g)));
  const incrementalOnly = d.incremental.filter((f) => !d.full.some((g) => isDeepStrictEqual(f, g)));
  return [
    `start ${d.start}, step ${d.step}, edit ${d.edit}`,
    `text before: ${JSON.stringify(d.before.slice(0, 2000))}`,
    `text after: ${JSON.stringify(d.after.slice(0, 2000))}`,
    `only in the full analysis: ${JSON.stringify(fullOnly.slice(0, 3))}`,
    `only in the incremental analysis: ${JSON.stringify(incrementalOnly.slice(0, 3))}`,
  ].join('\n');
}
