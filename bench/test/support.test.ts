// Checks of the benchmark helpers (not of speed: no test asserts a time).
// `npx tsx --test bench/test/*.test.ts`
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { analyze } from '../../server/src/engine';
import { generateDockerfile } from '../support/generate-dockerfile';
import { Random } from '../../test/support/seeded-random';
import { growthExponent, percentile, summarize } from '../support/stats';
import { formatMs, renderTable } from '../support/table';
import { sampleInterleaved } from '../support/timing';

describe('generateDockerfile', () => {
  for (const lines of [20, 200, 2_000, 10_000]) {
    test(`${lines} lines: exactly that many, the same text every time`, () => {
      const text = generateDockerfile(lines);
      assert.equal(text.split('\n').length - 1, lines);
      assert.ok(text.endsWith('\n'));
      assert.equal(generateDockerfile(lines), text);
    });
  }

  test('a different seed gives a different file of the same size', () => {
    const other = generateDockerfile(200, 7);
    assert.notEqual(other, generateDockerfile(200));
    assert.equal(other.split('\n').length - 1, 200);
  });

  test('has the constructs the benchmark promises', () => {
    const text = generateDockerfile(2_000);
    const ast = DockerfileParser.parse(text);
    const keywords = new Set(ast.getInstructions().map((i) => i.getKeyword()));
    for (const keyword of ['FROM', 'RUN', 'ENV', 'ARG', 'COPY', 'ADD', 'USER', 'WORKDIR', 'LABEL', 'EXPOSE', 'HEALTHCHECK', 'ENTRYPOINT']) {
      assert.ok(keywords.has(keyword), `no ${keyword}`);
    }
    assert.ok(ast.getFROMs().length > 10, 'multi-stage');
    assert.match(text, /^FROM \S*\$\{[A-Z_]+\}/m, 'FROM with an ARG');
    assert.match(text, /^FROM [a-z]+-\d+ AS /m, 'FROM an earlier stage');
    assert.match(text, /\\\n\s+&& /, '&& over a continuation');
    assert.match(text, /\\\n\s+# /, 'a comment line inside a continuation');
    assert.match(text, /^RUN <<EOF/m, 'heredoc RUN');
    assert.match(text, /^# /m, 'comments');
  });

  test('every size analyses without errors and has findings for the rules to report', () => {
    for (const lines of [20, 200, 2_000]) {
      const findings = analyze(generateDockerfile(lines), { kind: 'dockerfile' });
      assert.ok(findings.length > 0, `${lines} lines: no findings`);
    }
  });
});

describe('Random', () => {
  test('is deterministic per seed and stays in range', () => {
    const a = new Random(1);
    const b = new Random(1);
    for (let i = 0; i < 1_000; i++) {
      const value = a.int(3, 9);
      assert.equal(value, b.int(3, 9));
      assert.ok(value >= 3 && value <= 9);
    }
  });
});

describe('stats', () => {
  test('percentiles interpolate between ranks', () => {
    assert.equal(percentile([1, 2, 3, 4], 50), 2.5);
    assert.equal(percentile([5], 95), 5);
    const summary = summarize([10, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(summary.median, 5.5);
    assert.equal(summary.min, 1);
    assert.equal(summary.max, 10);
    assert.ok(Math.abs(summary.p95 - 9.55) < 1e-9);
  });

  test('growth exponent is 1 for linear and 2 for quadratic cost', () => {
    assert.ok(Math.abs(growthExponent(200, 2, 2_000, 20) - 1) < 1e-9);
    assert.ok(Math.abs(growthExponent(10, 1, 100, 100) - 2) < 1e-9);
  });

  test('summarize refuses an empty sample', () => {
    assert.throws(() => summarize([]));
  });
});

describe('table', () => {
  test('pads columns and aligns numbers right, text left', () => {
    const table = renderTable(
      [{ header: 'name', align: 'left' }, 'time'],
      [
        ['a', '1 ms'],
        ['longer', '10.5 ms'],
      ],
    );
    assert.equal(table, ['| name   |    time |', '| :----- | ------: |', '| a      |    1 ms |', '| longer | 10.5 ms |'].join('\n'));
  });

  test('durations keep three significant figures', () => {
    assert.equal(formatMs(0.04123), '0.0412 ms');
    assert.equal(formatMs(1.874), '1.87 ms');
    assert.equal(formatMs(143.2), '143 ms');
  });
});

describe('sampleInterleaved', () => {
  test('gives every task the same number of samples, aligned by round', () => {
    const calls: string[] = [];
    const samples = sampleInterleaved([() => calls.push('a'), () => calls.push('b')], {
      warmupMs: 0,
      warmupCalls: 2,
      budgetMs: 0,
      minSamples: 5,
      maxSamples: 5,
    });
    assert.deepEqual(
      samples.map((s) => s.length),
      [5, 5],
    );
    // Warm-up runs each task on its own; then rounds alternate which task goes first.
    assert.deepEqual(calls.slice(4), ['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a', 'a', 'b']);
  });
});
