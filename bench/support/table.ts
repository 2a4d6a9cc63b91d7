/**
 * Markdown tables padded to column width: readable as printed in a terminal and rendered the same in
 * bench/results/latest.md. Shared by every benchmark so their reports look alike.
 */
export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

export function renderTable(columns: (Column | string)[], rows: string[][]): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { header: c, align: 'right' as Align } : { align: 'right' as Align, ...c }));
  const widths = cols.map((c, i) => Math.max(c.header.length, 3, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (text: string, i: number) => (cols[i].align === 'left' ? text.padEnd(widths[i]) : text.padStart(widths[i]));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => pad(cell, i)).join(' | ')} |`;
  const rule = `| ${cols.map((c, i) => (c.align === 'left' ? ':' + '-'.repeat(widths[i] - 1) : '-'.repeat(widths[i] - 1) + ':')).join(' | ')} |`;
  return [line(cols.map((c) => c.header)), rule, ...rows.map((r) => line(cols.map((_, i) => r[i] ?? '')))].join('\n');
}

/** A duration with three significant figures: `0.0412 ms`, `1.87 ms`, `143 ms`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  if (ms >= 0.1) return `${ms.toFixed(3)} ms`;
  return `${ms.toFixed(4)} ms`;
}

export function formatMicros(ms: number): string {
  const us = ms * 1000;
  return us >= 10 ? `${us.toFixed(1)} µs` : `${us.toFixed(2)} µs`;
}

export function formatPercent(fraction: number): string {
  return `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(0)}%`;
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** How a target reads next to its figure. */
export function verdict(met: boolean): string {
  return met ? 'met' : '**missed**';
}
