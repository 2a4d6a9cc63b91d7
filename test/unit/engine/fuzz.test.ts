// A seeded slice of the fuzzer (`npm run fuzz` runs 100,000 inputs and also checks time): no exception, every
// fix and suggestion takes and breaks nothing, fix-all converges and is idempotent; and every input the fuzzer
// ever found failing (test/support/fuzz/regressions.ts) passes the same checks.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../../server/src/engine/config';
import { runCampaign, type FuzzFailure } from '../../support/fuzz/campaign';
import { judge } from '../../support/fuzz/oracle';
import { FUZZ_REGRESSIONS } from '../../support/fuzz/regressions';
import { loadSeeds } from '../../support/fuzz/seeds';

const root = join(__dirname, '..', '..', '..');

function describeFailures(failures: FuzzFailure[]): string {
  return failures
    .slice(0, 10)
    .map(
      (f) => `${f.kind}: ${f.detail.split('\n')[0]}\n  input (${f.input.kind}, ${f.input.name.slice(0, 120)}): ${JSON.stringify(f.input.text.slice(0, 400))}`,
    )
    .join('\n');
}

describe('fuzzing: a seeded slice', () => {
  it('3,000 mutated documents: no exception, no fix failure', { timeout: 600_000 }, () => {
    const result = runCampaign(loadSeeds(root), { seed: 0x5eed, inputs: 3_000, budgetMs: Infinity, maxChars: 20_000, fixesPerInput: 4 });
    assert.ok(result.inputs > 2_500, `only ${result.inputs} inputs judged`);
    assert.ok(result.fixesApplied > 1_000, `only ${result.fixesApplied} fixes applied`);
    assert.deepEqual(result.failures.length, 0, describeFailures(result.failures));
  });

  it(`the ${FUZZ_REGRESSIONS.length} regression cases`, () => {
    const config = resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io'] });
    for (const regression of FUZZ_REGRESSIONS) {
      const verdict = judge(regression.text, {
        kind: regression.kind,
        config,
        uri: `/w/project/${regression.kind === 'dockerfile' ? 'Dockerfile' : 'compose.yaml'}`,
      });
      assert.deepEqual(
        verdict.failures.map((f) => f.detail.split('\n')[0]),
        [],
        `${regression.note}: ${JSON.stringify(regression.text.slice(0, 300))}`,
      );
    }
  });
});
