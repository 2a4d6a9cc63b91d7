/**
 * What the two equivalence tools (bench/equivalence.ts, bench/compose-equivalence.ts) share: a worktree of the
 * baseline commit, a worker process per engine, canonical results, the per-rule summary and the report of the
 * inputs whose findings differ.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NamedText } from '../../test/support/corpus';

export interface Finding {
  ruleId: string;
  range: { start: { line: number; character: number } };
}

/** JSON with sorted keys, so two objects that hold the same values compare equal however they were built. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** What a finding's message was made from: not in older engines, and the message itself is compared. */
const MESSAGE_SOURCE_KEYS = new Set(['messageId', 'data']);

/** The canonical result of one analysis, or of the error it threw: a throw is a result to compare too. */
export function canonicalOutcome(run: () => unknown): string {
  try {
    const result = run();
    return canonical(Array.isArray(result) ? result.map(withoutMessageSource) : result);
  } catch (error) {
    return canonical({ threw: String(error) });
  }
}

function withoutMessageSource(finding: unknown): unknown {
  if (!finding || typeof finding !== 'object') return finding;
  return Object.fromEntries(Object.entries(finding).filter(([key]) => !MESSAGE_SOURCE_KEYS.has(key)));
}

export function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function shortCommit(root: string, commit: string): string {
  return git(root, ['rev-parse', '--short', `${commit}^{commit}`]);
}

/** A module of the engine under `engineRoot` (a worktree or this tree), loaded by file so each side gets its own. */
export function loadEngine(engineRoot: string, file: string): Promise<unknown> {
  return import(pathToFileURL(path.join(engineRoot, 'server/src/engine', file)).href);
}

export interface BaselineTree {
  dir: string;
  remove: () => void;
}

/**
 * A worktree of the baseline commit in the temp folder, sharing this tree's node_modules. `prepare` may patch
 * the checkout before it is analysed; if it throws, the worktree is removed.
 */
export function baselineTree(root: string, commit: string, prefix: string, prepare?: (dir: string) => void): BaselineTree {
  const sha = git(root, ['rev-parse', '--verify', `${commit}^{commit}`]);
  const dir = path.join(os.tmpdir(), `${prefix}-${sha.slice(0, 12)}-${process.pid}`);
  git(root, ['worktree', 'add', '--detach', '--force', dir, sha]);
  const remove = () => {
    try {
      git(root, ['worktree', 'remove', '--force', dir]);
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
      git(root, ['worktree', 'prune']);
    }
  };
  try {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    prepare?.(dir);
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}

/** A temporary folder holding the corpus as JSON, for the workers to read. */
export function writeCorpus(prefix: string, corpus: NamedText[]): { workDir: string; corpusFile: string; lines: number } {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const corpusFile = path.join(workDir, 'corpus.json');
  fs.writeFileSync(corpusFile, JSON.stringify(corpus));
  return { workDir, corpusFile, lines: corpus.reduce((sum, e) => sum + e.text.split('\n').length, 0) };
}

/**
 * Runs `script` in worker mode in its own process, so the two engines never share a module, and returns what
 * the worker wrote. The worker gets `engineRoot corpusFile outFile label`.
 */
export function analyseWith<T>(script: string, engineRoot: string, corpusFile: string, label: 'baseline' | 'current'): T {
  const outFile = path.join(path.dirname(corpusFile), `${label}.json`);
  const started = Date.now();
  execFileSync(process.execPath, ['--import', 'tsx', script, '--worker', engineRoot, corpusFile, outFile, label], { cwd: engineRoot, stdio: 'inherit' });
  console.log(`${label}: analysed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(fs.readFileSync(outFile, 'utf8')) as T;
}

/** `--worker …` runs the worker with the arguments after it (exit code 2 if it fails); anything else runs main. */
export function runToolOrWorker(main: () => void, work: (args: string[]) => Promise<void>): void {
  if (process.argv[2] !== '--worker') {
    main();
    return;
  }
  work(process.argv.slice(3)).catch((error) => {
    console.error(error);
    process.exit(2);
  });
}

/** Prints how many findings of each rule the current tree reports over the corpus, and how many inputs threw. */
export function printFindingCounts(results: string[]): void {
  const perRule = new Map<string, number>();
  for (const result of results) {
    if (!result.startsWith('[')) continue;
    for (const f of JSON.parse(result) as Finding[]) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  }
  const findings = [...perRule.values()].reduce((sum, n) => sum + n, 0);
  const threw = results.filter((r) => r.startsWith('{')).length;
  console.log(`current tree: ${findings.toLocaleString('en')} findings over the corpus${threw ? `, ${threw} inputs threw` : ''}`);
  console.log(
    `  ${[...perRule]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ')}`,
  );
}

export interface DifferenceReport<E extends NamedText> {
  corpus: E[];
  /** Canonical results per input, as compared. */
  before: string[];
  after: string[];
  workDir: string;
  /** How a differing input is saved, and how its heading reads. */
  extension: string;
  heading: (entry: E) => string;
  shown: number;
}

/**
 * Reports the inputs whose results differ, the first `shown` saved in `workDir` with the findings on one side
 * only; removes `workDir` when none differs. Returns how many differ.
 */
export function reportDifferences<E extends NamedText>({ corpus, before, after, workDir, extension, heading, shown }: DifferenceReport<E>): number {
  const differing = corpus.map((entry, i) => ({ entry, i })).filter(({ i }) => before[i] !== after[i]);
  if (differing.length === 0) {
    console.log('equivalent: no input differs');
    fs.rmSync(workDir, { recursive: true, force: true });
    return 0;
  }
  console.log(`\n${differing.length} of ${corpus.length} inputs differ (inputs kept in ${workDir}):`);
  for (const { entry, i } of differing.slice(0, shown)) {
    const file = path.join(workDir, `differs-${i}.${extension}`);
    fs.writeFileSync(file, entry.text);
    console.log(`\n${heading(entry)}  (${file})`);
    console.log(describeDifference(before[i], after[i]).join('\n'));
  }
  return differing.length;
}

function findingKey(f: Finding): string {
  return `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

/** The findings on one side only, by canonical text, as short lines. */
export function describeDifference(baseline: string, current: string): string[] {
  const before = JSON.parse(baseline) as Finding[] | { threw: string };
  const after = JSON.parse(current) as Finding[] | { threw: string };
  if (!Array.isArray(before) || !Array.isArray(after)) return [`  baseline: ${baseline.slice(0, 300)}`, `  current:  ${current.slice(0, 300)}`];
  const beforeSet = new Set(before.map((f) => canonical(f)));
  const afterSet = new Set(after.map((f) => canonical(f)));
  const lines: string[] = [];
  for (const f of before) if (!afterSet.has(canonical(f))) lines.push(`  - only in baseline: ${findingKey(f)} ${canonical(f).slice(0, 400)}`);
  for (const f of after) if (!beforeSet.has(canonical(f))) lines.push(`  + only in current:  ${findingKey(f)} ${canonical(f).slice(0, 400)}`);
  if (lines.length === 0) lines.push('  same findings in another order');
  return lines;
}
