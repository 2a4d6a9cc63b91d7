// Engine speed on compose files: analyze() against the yaml library's own parse of the same text, in one run.
// Run with `npm run bench` (or `node --expose-gc --import tsx bench/compose-engine.ts`).
import { parseDocument } from 'yaml';
import { analyze, composeRules, DEFAULT_CONFIG, parseCompose, resolveConfig } from '../server/src/engine';
import { generateCompose } from './support/generate-compose';
import {
  breakdownEachSize,
  engineSection,
  measureEachSize,
  measureSize,
  medianPerPhase,
  renderPhaseTable,
  renderSizeTable,
  renderTargetTable,
  samplingPlan,
  type MeasuredSize,
  type PhaseBreakdown,
  type PhaseTime,
} from './support/engine-bench';
import { emitSection } from './support/report';
import { formatCount, formatMs, formatPercent, verdict } from './support/table';
import { consume, gcExposed, nowMs, type SamplingPlan } from './support/timing';

const SIZES = [3, 30, 300];
const BREAKDOWN_SIZES = [30, 300];

/** The product owner's targets. */
const TARGET_30_SERVICES_MS = 5;
const TARGET_OVERHEAD = 0.25;

/**
 * The options server/src/engine/documents/compose.ts parses with: the baseline must do the same work, or the
 * overhead would include (or hide) the cost of an option.
 */
const YAML_OPTIONS = { merge: false, uniqueKeys: true, prettyErrors: false } as const;

/**
 * Every rule on: the strict profile adds the pinning rules, and a registry list gives untrusted-image-registry
 * something to check. DEFAULT_CONFIG (recommended rules only) is measured alongside.
 */
const EVERY_RULE = resolveConfig({ profile: 'strict', trustedRegistries: ['docker.io', 'ghcr.io/acme'] });

/** Longer warm-ups and budgets for the large sizes, whose calls are slow. */
function planFor(services: number): SamplingPlan {
  return samplingPlan(services >= 300 ? 3_000 : 1_500, services >= 300 ? 15_000 : 6_000);
}

interface SizeResult extends MeasuredSize {
  services: number;
  lines: number;
}

function measureServices(services: number): SizeResult {
  const text = generateCompose(services);
  const measured = measureSize(
    `${formatCount(services)} services`,
    () => parseDocument(text, YAML_OPTIONS),
    () => analyze(text, { kind: 'compose', config: EVERY_RULE }),
    () => analyze(text, { kind: 'compose', config: DEFAULT_CONFIG }),
    planFor(services),
  );
  return { services, lines: text.split('\n').length - 1, ...measured };
}

/**
 * Where analyze's time goes, phase by phase, on a fresh model each round (the model and the rules share results
 * computed lazily per model, so reusing one would flatter every round after the first). Shared results are
 * charged to the first rule that asks for them, in the order analyze runs the rules.
 */
function breakdown(services: number): PhaseTime[] {
  const text = generateCompose(services);
  const phases = ['yaml parseDocument', 'model: services, anchors, lines (parseCompose minus parse)', ...composeRules.map((r) => `rule ${r.meta.id}`)];
  const context = { config: EVERY_RULE, uri: undefined, readFile: () => undefined, listDirectory: () => undefined, report: (r: unknown) => consume(r) };

  return medianPerPhase(phases, () => {
    let start = nowMs();
    consume(parseDocument(text, YAML_OPTIONS));
    const parsed = nowMs() - start;
    start = nowMs();
    const model = parseCompose(text); // parses again: the model phase is this minus the parse above
    const modelled = nowMs() - start;
    const ruleTimes = composeRules.map((rule) => {
      const t = nowMs();
      rule.check({ ...context, model });
      return nowMs() - t;
    });
    return [parsed, Math.max(0, modelled - parsed), ...ruleTimes];
  });
}

function main(): void {
  const results = measureEachSize(SIZES, measureServices);
  const phases = breakdownEachSize(BREAKDOWN_SIZES, 'services', breakdown);
  emitSection(render(results, phases));
}

function render(results: SizeResult[], breakdowns: PhaseBreakdown[]): string {
  const sizeTable = renderSizeTable(
    ['services', 'lines'],
    'service',
    TARGET_OVERHEAD,
    results.map((r) => ({ leading: [formatCount(r.services), formatCount(r.lines)], units: r.services, measured: r })),
  );

  const r30 = results.find((r) => r.services === 30)!;
  const worstOverhead = results.reduce((worst, r) => (r.overhead > worst.overhead ? r : worst));
  const targetTable = renderTargetTable([
    [
      `30-service compose file analysed in ≤ ${TARGET_30_SERVICES_MS} ms (median, warm)`,
      `${formatMs(r30.analyze.median)} (the yaml parse alone: ${formatMs(r30.parse.median)})`,
      verdict(r30.analyze.median <= TARGET_30_SERVICES_MS),
    ],
    [
      `our model + rules add ≤ ${formatPercent(TARGET_OVERHEAD)} to yaml's parseDocument`,
      results.map((r) => `${formatCount(r.services)} services: ${formatPercent(r.overhead)}`).join(', '),
      verdict(worstOverhead.overhead <= TARGET_OVERHEAD),
    ],
  ]);
  return engineSection({
    title: 'Engine: compose analysis',
    method: `Generated compose files (seeded, identical every run: anchors merged with \`<<:\`, \`extends\`, \`build:\`, ports and volumes in both syntaxes, environment maps and lists, deploy limits, capabilities, health checks, comments; about ${Math.round(r30.lines / r30.services)} lines a service). Each size times yaml's \`parseDocument(text, ${JSON.stringify(YAML_OPTIONS).replace(/"/g, '').replace(/,/g, ', ').replace(/:/g, ': ')})\` (the call the engine makes), \`analyze(text, { kind: 'compose' })\` with every compose rule on (strict profile and a trusted-registry list) and \`analyze\` with the default configuration (recommended rules), interleaved call by call after a warm-up${gcExposed ? ', with a full GC between sizes' : ''}. \`analyze\` parses with the same call, so *overhead* = (analyze − parse) / parse is exactly our model and rules; it is the median of that ratio over rounds, each round timing both back to back, which cancels swings in machine load. *min* is the fastest call, the closest to an idle machine.`,
    sizeTable,
    targetTable,
    phaseNote:
      "The phases run in this order on a fresh model each round. What the rules share, computed once per model when first asked (the services that start a container with their `extends` chains, each mapping's keys through merge keys, mounts and ports), is charged to the first rule that asks, in the order analyze runs the rules. *model* is parseCompose minus a separate parse of the same text.",
    phaseTable: renderPhaseTable(breakdowns),
  });
}

main();
