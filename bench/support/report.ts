import * as fs from 'node:fs';

/**
 * One benchmark's part of the report. Printed to stdout; when scripts/bench.mjs runs the benchmark it also
 * passes BENCH_SECTION_FILE, and the script joins the sections into bench/results/latest.md.
 */
export function emitSection(markdown: string): void {
  const text = markdown.trimEnd() + '\n';
  process.stdout.write('\n' + text);
  const file = process.env.BENCH_SECTION_FILE;
  if (file) fs.writeFileSync(file, text);
}

/** Progress goes to stderr so stdout stays the report. */
export function progress(message: string): void {
  process.stderr.write(`  … ${message}\n`);
}
