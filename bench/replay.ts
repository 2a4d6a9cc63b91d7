// `npm run replay [-- seeds=20 steps=300]`: the replay test at scale. Random edits on generated and example
// Dockerfiles and compose files; after every edit an incremental analysis (the state kept across edits, as the
// language server keeps it) is compared with a full one. Prints the figures and the first differences; exit 1
// when any.
import { readFileSync } from 'node:fs';
import { generateCompose } from './support/generate-compose';
import { generateDockerfile } from './support/generate-dockerfile';
import { resolveConfig } from '../server/src/engine';
import { describeDifference, replay, type ReplayResult } from '../test/support/replay';

const args = new Map(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
const seeds = Number(args.get('seeds') ?? 20);
const steps = Number(args.get('steps') ?? 300);
const config = resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io', 'gcr.io/distroless'] });

const dockerfiles = [readFileSync('examples/Dockerfile', 'utf8'), generateDockerfile(40, 7), generateDockerfile(150, 8), generateDockerfile(400, 9)];
const composeFiles = [readFileSync('examples/compose.yaml', 'utf8'), generateCompose(3, 7), generateCompose(10, 8), generateCompose(25, 9)];

const totals = { dockerfile: empty(), compose: empty() };
const started = Date.now();
for (let seed = 1; seed <= seeds; seed++) {
  add(totals.dockerfile, replay({ kind: 'dockerfile', starts: dockerfiles, pool: dockerfiles.join('\n').split('\n'), seed, steps, config }));
  add(totals.compose, replay({ kind: 'compose', starts: composeFiles, pool: composeFiles.join('\n').split('\n'), seed, steps, config }));
  process.stderr.write(`  … seed ${seed}/${seeds}\n`);
}
for (const [kind, total] of Object.entries(totals)) {
  console.log(`${kind}: ${total.edits} edits replayed, ${total.findings} findings compared, ${total.differences.length} differences`);
  for (const difference of total.differences.slice(0, 3)) console.log(describeDifference(difference));
}
console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(totals.dockerfile.differences.length + totals.compose.differences.length ? 1 : 0);

function empty(): ReplayResult {
  return { edits: 0, findings: 0, differences: [] };
}

function add(total: ReplayResult, result: ReplayResult): void {
  total.edits += result.edits;
  total.findings += result.findings;
  total.differences.push(...result.differences);
}
