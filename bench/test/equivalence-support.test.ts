// Checks of what the equivalence tools and engine benchmarks share (bench/support/corpus.ts, equivalence.ts,
// engine-bench.ts). `npx tsx --test bench/test/*.test.ts`
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, mock, test } from 'node:test';
import { codeUnitOrder, docsCodeBlocks, localeOrder, testLiterals, walk } from '../../test/support/corpus';
import { renderPhaseTable, renderSizeTable, type MeasuredSize } from '../support/engine-bench';
import { canonical, canonicalOutcome, describeDifference, reportDifferences } from '../support/equivalence';
import { cutAtOffset, deleteLine, mutate, type Edit } from '../../test/support/mutation';
import { Random } from '../../test/support/seeded-random';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary tree of the given files (path → text). */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockguard-bench-test-'));
  made.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('corpus support', () => {
  test('walk orders names as asked and skips dependencies', () => {
    const root = tree({ 'd/b.txt': '', 'd/C.txt': '', 'd/a/x.txt': '', 'd/node_modules/y.txt': '' });
    const names = (order: typeof localeOrder) => walk(path.join(root, 'd'), () => true, order).map((f) => path.relative(root, f).split(path.sep).join('/'));
    assert.deepEqual(names(localeOrder), ['d/a/x.txt', 'd/b.txt', 'd/C.txt']);
    assert.deepEqual(names(codeUnitOrder), ['d/C.txt', 'd/a/x.txt', 'd/b.txt']);
    assert.deepEqual(
      walk(path.join(root, 'missing'), () => true, localeOrder),
      [],
    );
  });

  test('docsCodeBlocks takes only the fences of the language, numbered per file', () => {
    const root = tree({
      'docs/r.md': '# r\n```dockerfile\nFROM a\n```\n```yaml\nservices: {}\n```\n```Dockerfile title\nFROM b\n```\n```dockerfile\nFROM c\n```\n',
    });
    assert.deepEqual(docsCodeBlocks(root, 'dockerfile', localeOrder), [
      { name: 'docs/r.md block 1', text: 'FROM a\n' },
      { name: 'docs/r.md block 2', text: 'FROM c\n' },
    ]);
    assert.deepEqual(docsCodeBlocks(root, 'ya?ml', localeOrder), [{ name: 'docs/r.md block 1', text: 'services: {}\n' }]);
  });

  test('testLiterals joins concatenations, numbers the accepted ones and keeps the note', () => {
    const root = tree({ 'test/a.test.ts': "const x = 'FROM a\\n' + ('RUN b\\n');\nconst y = 'skip';\nconst z = `FROM c`;\n" });
    const entries = testLiterals(
      root,
      (value) => (value.startsWith('FROM') ? { text: value, note: value.includes('RUN') ? 'joined' : undefined } : undefined),
      localeOrder,
    );
    assert.deepEqual(entries, [
      { name: 'test/a.test.ts literal 1 joined', text: 'FROM a\nRUN b\n' },
      { name: 'test/a.test.ts literal 2', text: 'FROM c' },
    ]);
  });

  test('mutate draws the site, then one edit among all, the same for the same seed', () => {
    const picked = new Set<number>();
    const edits: Edit[] = [0, 1, 2].map((k) => (site) => {
      picked.add(k);
      assert.ok(site.at >= 0 && site.at < site.lines.length && site.offset >= 0 && site.offset <= site.text.length);
      return { text: site.text, how: String(k) };
    });
    const run = (seed: number) => {
      const rng = new Random(seed);
      return Array.from({ length: 60 }, () => mutate('a\nb\nc', rng, [], edits).how).join('');
    };
    assert.equal(run(7), run(7));
    assert.deepEqual([...picked].sort(), [0, 1, 2]);
  });

  test('the shared edits say what they did', () => {
    const site = () => ({ text: 'one\ntwo\nthree', lines: ['one', 'two', 'three'], at: 1, offset: 5 });
    assert.deepEqual(cutAtOffset(site(), new Random(1), []), { text: 'one\nt', how: 'cut at 5' });
    assert.deepEqual(deleteLine(site(), new Random(1), []), { text: 'one\nthree', how: 'line 2 deleted' });
  });
});

describe('equivalence support', () => {
  const finding = (ruleId: string, line: number, extra: Record<string, unknown> = {}) => ({ ruleId, range: { start: { line, character: 0 } }, ...extra });

  test('canonical ignores key order; a throw is a result', () => {
    assert.equal(canonical({ b: 1, a: { d: 2, c: 3 } }), canonical({ a: { c: 3, d: 2 }, b: 1 }));
    assert.equal(
      canonicalOutcome(() => {
        throw new Error('boom');
      }),
      '{"threw":"Error: boom"}',
    );
  });

  test('describeDifference lists the findings of one side only', () => {
    const before = canonical([finding('a', 0), finding('b', 1)]);
    const after = canonical([finding('b', 1), finding('c', 4, { message: 'm' })]);
    const lines = describeDifference(before, after);
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^ {2}- only in baseline: a@1:1 /);
    assert.match(lines[1], /^ {2}\+ only in current: {2}c@5:1 .*"message":"m"/);
    assert.deepEqual(describeDifference(canonical([finding('a', 0), finding('b', 1)]), canonical([finding('b', 1), finding('a', 0)])), [
      '  same findings in another order',
    ]);
    assert.equal(describeDifference(before, '{"threw":"x"}')[1], '  current:  {"threw":"x"}');
  });

  test('reportDifferences saves the differing inputs, or removes the work folder when none differs', () => {
    const log = mock.method(console, 'log', () => undefined);
    try {
      const corpus = [
        { name: 'same', text: 'A' },
        { name: 'other', text: 'B' },
      ];
      const kept = tree({});
      const differing = reportDifferences({
        corpus,
        before: ['[]', '[]'],
        after: ['[]', canonical([finding('x', 0)])],
        workDir: kept,
        extension: 'txt',
        heading: (e) => `<${e.name}>`,
        shown: 15,
      });
      assert.equal(differing, 1);
      assert.equal(fs.readFileSync(path.join(kept, 'differs-1.txt'), 'utf8'), 'B');
      assert.ok(log.mock.calls.some((c) => String(c.arguments[0]).startsWith('\n<other>  (')));

      const removed = tree({});
      assert.equal(
        reportDifferences({ corpus, before: ['[]', '[]'], after: ['[]', '[]'], workDir: removed, extension: 'txt', heading: (e) => e.name, shown: 15 }),
        0,
      );
      assert.equal(fs.existsSync(removed), false);
      assert.equal(log.mock.calls.at(-1)?.arguments[0], 'equivalent: no input differs');
    } finally {
      log.mock.restore();
    }
  });
});

describe('engine benchmark tables', () => {
  const summary = (median: number) => ({ count: 10, median, p95: median * 2, min: median / 2, max: median * 3 });
  const measured = (findings: number, parse: number, analyze: number): MeasuredSize => ({
    findings,
    parse: summary(parse),
    analyze: summary(analyze),
    analyzeDefault: summary(analyze),
    overhead: (analyze - parse) / parse,
  });

  test('the size table marks an overhead above the target and divides by the unit', () => {
    const table = renderSizeTable(['lines'], 'line', 0.25, [
      { leading: ['10'], units: 10, measured: measured(3, 1, 1.2) },
      { leading: ['20'], units: 20, measured: measured(5, 1, 1.5) },
    ]);
    const [header, , within, above] = table.split('\n');
    assert.match(header, /^\| lines \| findings \| .*\| overhead \(≤ \+25%\) \| analyze \/ line \| parse \/ line \| analyze, default config \| samples \|$/);
    assert.match(within, /\+20% \|/);
    assert.match(above, /\+50% ✗ \|/);
    assert.match(within, /^\| {4}10 \| {8}3 \| .*120\.0 µs/);
  });

  test('the phase table puts the slowest phase of the last size first, with shares', () => {
    const table = renderPhaseTable([
      {
        label: '1 lines',
        phases: [
          { phase: 'p', median: 1 },
          { phase: 'q', median: 3 },
        ],
      },
      {
        label: '2 lines',
        phases: [
          { phase: 'p', median: 3 },
          { phase: 'q', median: 1 },
        ],
      },
    ]);
    const rows = table.split('\n');
    assert.match(rows[0], /^\| phase \| 1 lines \| share \| 2 lines \| share \|$/);
    assert.match(rows[2], /^\| p {5}\| .*25\.0% \| .*75\.0% \|$/);
    assert.match(rows[3], /^\| q /);
  });
});
