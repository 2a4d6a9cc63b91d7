// `npm run fuzz [-- --inputs 100000 --seed 1 --budget 200]`: a seeded fuzzing campaign over the engine (see
// test/support/fuzz/). Prints the figures and every distinct failure; exit code 1 when anything failed.
// Failing inputs are written to a JSON file in the temp folder, to become regression cases.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCampaign, type CampaignResult, type FuzzInput } from '../test/support/fuzz/campaign';
import { loadSeeds } from '../test/support/fuzz/seeds';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const inputs = option('inputs', 100_000);
const seed = option('seed', 1);
const budgetMs = option('budget', 200);
const growthEvery = option('growth-every', 50);
const root = join(__dirname, '..');

const seeds = loadSeeds(root);
console.log(
  `dockguard fuzz: seed ${seed}, ${inputs.toLocaleString('en')} inputs from ${seeds.dockerfile.length} Dockerfile and ${seeds.compose.length} compose seeds`,
);
const result = runCampaign(seeds, {
  seed,
  inputs,
  budgetMs,
  growthEvery,
  onProgress: (done, r) => {
    if (done % 10_000 === 0)
      console.log(
        `  ${done.toLocaleString('en')} inputs, ${r.failures.length} failures, ${r.superlinear.length} super-linear, ${(performance.now() / 1000) | 0} s`,
      );
  },
});
report(result);

function label(input: FuzzInput): string {
  return `${input.kind} "${input.name.slice(0, 160)}" (${input.text.length.toLocaleString('en')} chars)`;
}

function report(r: CampaignResult): void {
  const mb = (r.characters / 1024 / 1024).toFixed(1);
  console.log(`\ninputs               ${r.inputs.toLocaleString('en')} (${mb} MB)`);
  console.log(`exceptions           ${r.exceptions}`);
  console.log(`fix failures         ${r.fixFailures} (of ${r.fixesApplied.toLocaleString('en')} fixes and suggestions applied, plus fix-all on every input)`);
  console.log(`over ${budgetMs} ms          ${r.overBudget.length}`);
  console.log(`growth checks        ${r.growthChecks} (n and 4n copies of a piece), super-linear: ${r.superlinear.length}`);
  console.log(`time                 ${r.seconds.toFixed(0)} s`);
  console.log('\nslowest analyses:');
  for (const s of r.slowest) console.log(`  ${s.ms.toFixed(1).padStart(7)} ms  ${label(s.input)}`);
  const distinct = new Map<string, { count: number; example: FuzzInput; detail: string }>();
  for (const f of r.failures) {
    const key = `${f.kind}: ${f.detail
      .split('\n')[0]
      .replace(/ at \d+:\d+/g, '')
      .replace(/\d+/g, 'N')}`;
    const entry = distinct.get(key) ?? { count: 0, example: f.input, detail: f.detail };
    entry.count++;
    distinct.set(key, entry);
  }
  if (distinct.size) console.log(`\n${distinct.size} distinct failures:`);
  for (const [key, { count, example, detail }] of distinct)
    console.log(`  ${count}x ${key}\n     e.g. ${label(example)}\n     ${detail.split('\n').slice(0, 4).join('\n     ')}`);
  for (const { input, growth } of r.superlinear) {
    console.log(
      `  super-linear: ${growth.description}: ${growth.sizes.join(' -> ')} chars, ${growth.ms.map((m) => m.toFixed(1)).join(' -> ')} ms (x${growth.ratio.toFixed(1)}) in ${label(input)}`,
    );
  }
  for (const { input, ms } of r.overBudget) console.log(`  over budget: ${ms.toFixed(0)} ms ${label(input)}`);
  const failing = [...r.failures.map((f) => ({ ...f.input, why: f.detail })), ...r.superlinear.map((s) => ({ ...s.input, why: s.growth.description }))];
  if (failing.length || r.overBudget.length) {
    const file = join(tmpdir(), `dockguard-fuzz-${seed}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        [...failing, ...r.overBudget.map((o) => ({ ...o.input, why: `${o.ms} ms` }))].map(({ kind, name, text, why }) => ({ kind, name, text, why })),
        null,
        1,
      ),
    );
    console.log(`\nfailing inputs: ${file}`);
    process.exitCode = 1;
  }
}
