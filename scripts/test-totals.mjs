// A node:test reporter that prints only the run's totals, after the dot reporter's dots: the suite name comes from
// DOCKGUARD_SUITE. Node reports the totals as diagnostics at the end of the run ("tests 12", "pass 12", ...).
export default async function* totals(source) {
  const counts = {};
  for await (const event of source) {
    if (event.type !== 'test:diagnostic' || event.data.nesting !== 0) continue;
    const match = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ([\d.]+)$/.exec(event.data.message);
    if (match) counts[match[1]] = Number(match[2]);
  }
  if (counts.tests === undefined) return;
  const suite = process.env.DOCKGUARD_SUITE ? `${process.env.DOCKGUARD_SUITE}: ` : '';
  const skipped = (counts.skipped ?? 0) + (counts.todo ?? 0);
  const failed = (counts.fail ?? 0) + (counts.cancelled ?? 0);
  const seconds = ((counts.duration_ms ?? 0) / 1000).toFixed(1);
  yield `\n${suite}${counts.pass ?? 0} passed, ${failed} failed, ${skipped} skipped\n`;
  yield `(${counts.tests} tests in ${counts.suites ?? 0} suites, ${seconds} s)\n`;
}
