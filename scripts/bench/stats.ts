// Small statistics and formatting helpers for the benchmark's table.

/** The q-quantile (0–1) by linear interpolation between order statistics; NaN for no data. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const p95 = (values: readonly number[]): number => quantile(values, 0.95);

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  values: number[];
}

export function summarize(values: readonly number[]): Summary {
  const rounded = values.map((v) => Math.round(v * 10) / 10);
  return {
    n: values.length,
    median: round1(median(values)),
    p95: round1(p95(values)),
    min: round1(Math.min(...values)),
    max: round1(Math.max(...values)),
    values: rounded,
  };
}

export function round1(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 10) / 10 : x;
}

export const mb = (bytes: number): number => round1(bytes / 1e6);

/** Milliseconds for the table: '412 ms' or '3.41 s'. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function fmtRate(rows: number, ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '—';
  const perS = (rows / ms) * 1000;
  return perS >= 1e6 ? `${(perS / 1e6).toFixed(2)} M/s` : `${Math.round(perS / 1000)} k/s`;
}

/** A plain-text table with right-aligned columns after the first. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Main-thread CPU time, ms: all of it, and that of script, layout and style recalculation. */
export interface CpuTimes {
  thread: number;
  script: number;
  layout: number;
  style: number;
}

/** The CPU time spent between two readings. */
export function cpuSince(a: CpuTimes, b: CpuTimes): CpuTimes {
  return {
    thread: round1(b.thread - a.thread),
    script: round1(b.script - a.script),
    layout: round1(b.layout - a.layout),
    style: round1(b.style - a.style),
  };
}
