// The benchmark's results: the printed table, the targets of issues 5 and 14 with PASS/MISS, and the JSON.
import type { BureauBench } from './bureauBench';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import type { ImportRun } from './appImport';
import type { BareSummary, FilterSeries, ReloadRun } from './dashboard';
import type { LowerResults } from './lowerBounds';
import { fmtMs, fmtRate, round1, summarize, table, type Summary } from './stats';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  chromium: string;
  node: string;
  os: string;
}

export function machineInfo(chromium: string): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() is as good as it gets
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    chromium,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

export interface ImportSet {
  file: string;
  rows: number;
  bytes: number;
  runs: ImportRun[];
}

export interface Target {
  name: string;
  limit: string;
  measured: string;
  pass: boolean;
}

export interface BenchResult {
  date: string;
  commit: string;
  seed: number;
  machine: Machine;
  durationS: number;
  lower: LowerResults | null;
  imports: Record<string, ImportSummary>;
  reload: { runs: ReloadRun[]; fromAppStart: Summary; fromNavigation: Summary; steadyHeapMb: number } | null;
  filters: Array<{
    agencies: number;
    series: number;
    ms: Summary;
    chartsMs: Summary;
    longestTaskMs: number;
    /** The same options on bare ECharts instances, and the app's time over them (bare.ts). */
    bare?: BareSummary | null;
    runs: FilterSeries['runs'];
  }>;
  /** The dashboard with the test bureau of 150 agencies × 6 years published (bureauBench.ts). */
  bureau?: BureauBench | null;
  /** The same bureau scenarios on other builds, measured in turns with `bureau` (--against). */
  against?: BureauBench[];
  /** Load averages at the start and the end of the run. */
  load?: { start: number[]; end: number[] };
  targets: Target[];
}

export interface ImportSummary {
  file: string;
  rows: number;
  bytes: number;
  total: Summary;
  parse: Summary;
  /** File chosen → preview on screen. */
  preview: Summary;
  commit: Summary;
  rowsPerS: number;
  longestTaskMs: number;
  afterCommitLongestTaskMs: number;
  afterCommitBusyMs: Summary;
  heapPeakMb: number;
  heapSteadyMb: number;
  ratioToPapa: number | null;
  ratioToUdsv: number | null;
  ratioToDuckdb: number | null;
  runs: ImportRun[];
}

export function summarizeImports(set: ImportSet, lower: LowerResults | null): ImportSummary {
  const total = summarize(set.runs.map((r) => r.totalMs));
  const lb = lower?.files.find((f) => f.file === set.file);
  const ratio = (x: Summary | undefined): number | null =>
    x && x.median > 0 ? Math.round((total.median / x.median) * 100) / 100 : null;
  return {
    file: set.file,
    rows: set.rows,
    bytes: set.bytes,
    total,
    parse: summarize(set.runs.map((r) => r.parseMs)),
    preview: summarize(set.runs.map((r) => r.previewMs)),
    commit: summarize(set.runs.map((r) => r.commitMs)),
    rowsPerS: Math.round((set.rows / total.median) * 1000),
    longestTaskMs: round1(Math.max(...set.runs.map((r) => r.longestTaskMs))),
    afterCommitLongestTaskMs: round1(Math.max(...set.runs.map((r) => r.afterCommit.longestTaskMs))),
    afterCommitBusyMs: summarize(set.runs.map((r) => r.afterCommit.busyMs)),
    heapPeakMb: Math.max(...set.runs.map((r) => r.heap.peakTotalMb)),
    heapSteadyMb: Math.max(...set.runs.map((r) => round1(r.heap.steadyMainMb + r.heap.steadyWorkerMb))),
    ratioToPapa: ratio(lb?.papa),
    ratioToUdsv: ratio(lb?.udsv),
    ratioToDuckdb: ratio(lb?.duckdb),
    runs: set.runs,
  };
}

export function targets(r: Omit<BenchResult, 'targets'>): Target[] {
  const out: Target[] = [];
  const add = (name: string, limit: string, value: number | null, max: number, unit = 'ms'): void => {
    const measured =
      value === null || !Number.isFinite(value)
        ? 'not measured'
        : unit === 'ms'
          ? fmtMs(value)
          : unit === 'x'
            ? `${value.toFixed(2)}×`
            : `${round1(value)} ${unit}`;
    out.push({ name, limit, measured, pass: value !== null && Number.isFinite(value) && value <= max });
  };
  const i100k = r.imports['indicators-100k.csv'];
  const i1m = r.imports['indicators-1m.csv'];
  add('import 100k rows: chosen → committed (median)', '≤ 0.6 s', i100k?.total.median ?? null, 600);
  add('import 1M rows: chosen → committed (median)', '≤ 4 s', i1m?.total.median ?? null, 4000);
  add('import 1M rows ÷ PapaParse alone (medians)', '≤ 2×', i1m?.ratioToPapa ?? null, 2, 'x');
  const allImports = Object.values(r.imports);
  add(
    'longest main-thread task during an import',
    '≤ 50 ms',
    allImports.length ? Math.max(...allImports.map((s) => s.longestTaskMs)) : null,
    50,
  );
  add(
    'reload, 1M stored: app start → all charts finished (median)',
    '≤ 0.5 s',
    r.reload?.fromAppStart.median ?? null,
    500,
  );
  const f50 = r.filters.find((f) => f.agencies <= 50);
  const f200 = r.filters.find((f) => f.agencies > 50 && f.agencies <= 200);
  add(`filter change → charts finished + frame, ${f50?.series ?? 50} series (p95)`, '≤ 50 ms', f50?.ms.p95 ?? null, 50);
  add(
    `filter change → charts finished + frame, ${f200?.series ?? 200} series (p95)`,
    '≤ 100 ms',
    f200?.ms.p95 ?? null,
    100,
  );
  for (const [f, n] of [
    [f50, 50],
    [f200, 200],
  ] as const)
    add(
      `filter change ÷ the same options on bare ECharts, ${f?.series ?? n} series (medians)`,
      '≤ 1.3×',
      f?.bare?.ratio ?? null,
      1.3,
      'x',
    );
  const steady = r.reload ? Math.max(r.reload.steadyHeapMb, i1m?.heapSteadyMb ?? 0) : (i1m?.heapSteadyMb ?? null);
  add('JS heap, 1M stored, steady (after gc)', '≤ 150 MB', steady, 150, 'MB');
  add('JS heap peak during a 1M import (page + worker)', '≤ 400 MB', i1m?.heapPeakMb ?? null, 400, 'MB');
  // Issue 14: importing at the speed of the engines a user could pick instead.
  const i1mq = r.imports['indicators-1m-quoted.csv'];
  const i1k = r.imports['indicators-1k.csv'];
  add('import 1M rows ÷ DuckDB-WASM read_csv + group-by (medians)', '≤ 1.5×', i1m?.ratioToDuckdb ?? null, 1.5, 'x');
  add('import 1M quoted rows ÷ DuckDB-WASM (medians)', '≤ 1.5×', i1mq?.ratioToDuckdb ?? null, 1.5, 'x');
  add('import 100k rows ÷ PapaParse alone (medians)', '≤ 1.5×', i100k?.ratioToPapa ?? null, 1.5, 'x');
  add('import 1,000 rows, fresh page: chosen → preview shown (median)', '≤ 150 ms', i1k?.preview.median ?? null, 150);
  add(
    'longest main-thread task after an import (dashboard data reloading)',
    '≤ 50 ms',
    allImports.length ? Math.max(...allImports.map((s) => s.afterCommitLongestTaskMs)) : null,
    50,
  );
  const b = r.bureau;
  if (b !== undefined) {
    add(
      `bureau ${b?.agencies ?? 150} × 6: app start → all charts finished (median)`,
      '≤ 0.5 s',
      b?.reload.median ?? null,
      500,
    );
    for (const f of b?.filters ?? [])
      add(`bureau: filter change on ${f.view} → charts finished + frame (p95)`, '≤ 50 ms', f.ms.p95, 50);
    add('bureau: warnings list opened (p95)', '≤ 100 ms', b?.warnings.p95 ?? null, 100);
    add('bureau: compare of four records opened (p95)', '≤ 100 ms', b?.compare.p95 ?? null, 100);
  }
  return out;
}

/** "bare ECharts 12 ms (notMerge) / 10 ms (the app's calls): 2.10× the faster" */
function bareText(b: BareSummary | null | undefined): string {
  if (!b) return 'bare ECharts not measured';
  return `the same options on bare ECharts ${fmtMs(b.notMerge.median)} median whole (notMerge), ${fmtMs(b.replay.median)} as the app set them; the app ÷ the faster: ${b.ratio.toFixed(2)}× (medians), ${b.ratioP95.toFixed(2)}× (p95s)`;
}

function bureauLine(b: BureauBench): string {
  const filters = b.filters
    .map(
      (f) => `${f.view} ${fmtMs(f.ms.median)} median, ${fmtMs(f.ms.p95)} p95 (${f.ms.n} changes; ${bareText(f.bare)})`,
    )
    .join('; ');
  return `Test bureau, ${b.agencies} agencies × 6 years (${b.records} records): all charts finished ${fmtMs(b.reload.median)} median, ${fmtMs(b.reload.p95)} p95 after the app's start; filter changes: ${filters}; warnings list ${fmtMs(b.warnings.median)} median, ${fmtMs(b.warnings.p95)} p95; compare of four records ${fmtMs(b.compare.median)} median, ${fmtMs(b.compare.p95)} p95 (${b.compare.n} openings each).`;
}

/** The bureau's figures per build, side by side, with each build's ratio to the first. */
function againstTable(base: BureauBench, others: readonly BureauBench[]): { header: string[]; rows: string[][] } {
  const metrics: Array<[string, (b: BureauBench) => number | null, 'ms' | 'x']> = [
    ['reload → all charts finished (median)', (b) => b.reload.median, 'ms'],
    ['reload (p95)', (b) => b.reload.p95, 'ms'],
    ...base.filters
      .map((f) => f.view)
      .flatMap((view): Array<[string, (b: BureauBench) => number | null, 'ms' | 'x']> => [
        [`filter change, ${view} (median)`, (b) => b.filters.find((f) => f.view === view)?.ms.median ?? null, 'ms'],
        [`filter change, ${view} (p95)`, (b) => b.filters.find((f) => f.view === view)?.ms.p95 ?? null, 'ms'],
        [
          `  main-thread CPU per change, ${view} (median)`,
          (b) => b.filters.find((f) => f.view === view)?.cpu?.thread ?? null,
          'ms',
        ],
        [
          `  ÷ bare ECharts, ${view} (medians)`,
          (b) => b.filters.find((f) => f.view === view)?.bare?.ratio ?? null,
          'x',
        ],
      ]),
    ['warnings list (median)', (b) => b.warnings.median, 'ms'],
    ['  main-thread CPU (median)', (b) => b.warningsCpu?.thread ?? null, 'ms'],
    ['compare of four records (median)', (b) => b.compare.median, 'ms'],
    ['  main-thread CPU (median)', (b) => b.compareCpu?.thread ?? null, 'ms'],
  ];
  const fmt = (v: number | null, unit: 'ms' | 'x') =>
    v === null || !Number.isFinite(v) ? '—' : unit === 'ms' ? fmtMs(v) : `${v.toFixed(2)}×`;
  const header = ['figure', base.dist, ...others.flatMap((o) => [o.dist, '÷ first'])];
  const rows = metrics.map(([name, get, unit]) => {
    const a = get(base);
    return [
      name,
      fmt(a, unit),
      ...others.flatMap((o) => {
        const b = get(o);
        return [fmt(b, unit), a !== null && b !== null && a > 0 ? `${(b / a).toFixed(2)}` : '—'];
      }),
    ];
  });
  return { header, rows };
}

export function printable(r: BenchResult): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; Chromium ${m.chromium}; Node ${m.node}`);
  lines.push('');
  lines.push('Imports through the data page (file chosen → committed, without the bench pressing commit):');
  lines.push(
    table(
      [
        'file',
        'runs',
        'median',
        'p95',
        'parse',
        'preview',
        'commit',
        'rows/s',
        'long task',
        'heap peak',
        'heap steady',
        '÷Papa',
        '÷uDSV',
        '÷DuckDB',
      ],
      Object.values(r.imports).map((s) => [
        s.file,
        String(s.total.n),
        fmtMs(s.total.median),
        fmtMs(s.total.p95),
        fmtMs(s.parse.median),
        fmtMs(s.preview.median),
        fmtMs(s.commit.median),
        fmtRate(s.rows, s.total.median),
        fmtMs(s.longestTaskMs),
        `${s.heapPeakMb} MB`,
        `${s.heapSteadyMb} MB`,
        s.ratioToPapa === null ? '—' : `${s.ratioToPapa.toFixed(2)}×`,
        s.ratioToUdsv === null ? '—' : `${s.ratioToUdsv.toFixed(2)}×`,
        s.ratioToDuckdb === null ? '—' : `${s.ratioToDuckdb.toFixed(2)}×`,
      ]),
    ),
  );
  const after = Object.values(r.imports).map(
    (s) => `${s.file}: longest ${fmtMs(s.afterCommitLongestTaskMs)}, busy ${fmtMs(s.afterCommitBusyMs.median)}`,
  );
  lines.push(`After commit (dashboard data reloading on the main thread): ${after.join('; ')}`);
  if (r.lower) {
    lines.push('');
    lines.push(
      `Lower bounds in the same browser (DuckDB-WASM ${r.lower.duckdbVersion}, start-up ${fmtMs(r.lower.duckdbInitMs)} not included):`,
    );
    lines.push(
      table(
        ['file', 'MB', 'PapaParse', 'p95', 'rows/s', 'uDSV', 'p95', 'DuckDB', 'p95'],
        r.lower.files.map((f) => [
          f.file,
          (f.bytes / 1e6).toFixed(1),
          fmtMs(f.papa.median),
          fmtMs(f.papa.p95),
          fmtRate(f.rows.papa, f.papa.median),
          fmtMs(f.udsv.median),
          fmtMs(f.udsv.p95),
          fmtMs(f.duckdb.median),
          fmtMs(f.duckdb.p95),
        ]),
      ),
    );
  }
  if (r.reload) {
    lines.push('');
    lines.push(
      `Reload with 1M indicator rows stored (${r.reload.fromAppStart.n} runs): all charts finished ${fmtMs(r.reload.fromAppStart.median)} median / ${fmtMs(r.reload.fromAppStart.p95)} p95 after app start, ${fmtMs(r.reload.fromNavigation.median)} after navigation start; steady heap ${r.reload.steadyHeapMb} MB`,
    );
  }
  for (const f of r.filters) {
    lines.push(
      `Filter changes, ${f.agencies} agencies (${f.series} series), ${f.ms.n} changes: ${fmtMs(f.ms.median)} median, ${fmtMs(f.ms.p95)} p95 (charts finished ${fmtMs(f.chartsMs.median)} / ${fmtMs(f.chartsMs.p95)}), longest task ${fmtMs(f.longestTaskMs)}; ${bareText(f.bare)}`,
    );
  }
  if (r.bureau) lines.push(bureauLine(r.bureau));
  if (r.bureau && r.against && r.against.length > 0) {
    const t = againstTable(r.bureau, r.against);
    lines.push('');
    lines.push('The bureau on each build, measured in turns:');
    lines.push(table(t.header, t.rows));
  }
  if (r.load)
    lines.push(
      `Load average (1, 5, 15 min): ${r.load.start.join(', ')} at the start, ${r.load.end.join(', ')} at the end`,
    );
  lines.push('');
  lines.push('Targets:');
  lines.push(
    table(
      ['target', 'limit', 'measured', 'result'],
      r.targets.map((t) => [t.name, t.limit, t.measured, t.pass ? 'PASS' : 'MISS']),
    ),
  );
  return lines.join('\n');
}

/** The figures as Markdown tables, for the README's Benchmark section (bench-results/latest.md). */
export function markdown(r: BenchResult): string {
  const m = r.machine;
  const ratio = (x: number | null) => (x === null ? '—' : `${x.toFixed(2)}×`);
  const lines: string[] = [];
  lines.push(
    `Taken ${r.date.slice(0, 10)} at commit \`${r.commit}\` on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Chromium ${m.chromium} (headless), ${m.os}; seed ${r.seed}.`,
  );
  lines.push('');
  lines.push(
    '| import (file chosen → committed) | runs | median | p95 | parse | preview shown | commit | rows/s | longest main-thread task | heap peak, page + worker (largest run) | heap after gc | ÷ PapaParse | ÷ uDSV | ÷ DuckDB-WASM |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of Object.values(r.imports)) {
    lines.push(
      `| ${s.file} | ${s.total.n} | ${fmtMs(s.total.median)} | ${fmtMs(s.total.p95)} | ${fmtMs(s.parse.median)} | ${fmtMs(s.preview.median)} | ${fmtMs(s.commit.median)} | ${fmtRate(s.rows, s.total.median)} | ${s.longestTaskMs > 0 ? fmtMs(s.longestTaskMs) : 'none over 50 ms'} | ${s.heapPeakMb} MB | ${s.heapSteadyMb} MB | ${ratio(s.ratioToPapa)} | ${ratio(s.ratioToUdsv)} | ${ratio(s.ratioToDuckdb)} |`,
    );
  }
  if (r.lower) {
    lines.push('');
    lines.push(
      `| lower bound, same browser, same file | MB | PapaParse alone | uDSV alone | DuckDB-WASM read_csv + group-by |`,
    );
    lines.push('|---|---:|---:|---:|---:|');
    for (const f of r.lower.files) {
      lines.push(
        `| ${f.file} | ${(f.bytes / 1e6).toFixed(1)} | ${fmtMs(f.papa.median)} (${fmtRate(f.rows.papa, f.papa.median)}) | ${fmtMs(f.udsv.median)} | ${fmtMs(f.duckdb.median)} |`,
      );
    }
    lines.push('');
    lines.push(
      `Medians of ${r.lower.files[0]?.papa.n ?? 0} runs; DuckDB-WASM ${r.lower.duckdbVersion}, its start-up (${fmtMs(r.lower.duckdbInitMs)}) not included.`,
    );
  }
  lines.push('');
  if (r.reload) {
    lines.push(
      `Reload with 1,000,000 indicator rows stored: all charts finished ${fmtMs(r.reload.fromAppStart.median)} median, ${fmtMs(r.reload.fromAppStart.p95)} p95 after the app's start (${fmtMs(r.reload.fromNavigation.median)} after navigation start); JS heap after gc ${r.reload.steadyHeapMb} MB.`,
    );
    lines.push('');
  }
  for (const f of r.filters) {
    lines.push(
      `Filter change with ${f.series} series (${f.ms.n} changes): ${fmtMs(f.ms.median)} median, ${fmtMs(f.ms.p95)} p95 to the frame after every chart finished; the last chart finishes ${fmtMs(f.chartsMs.median)} median, ${fmtMs(f.chartsMs.p95)} p95 after the change event; longest main-thread task ${fmtMs(f.longestTaskMs)}; ${bareText(f.bare)}.`,
    );
    lines.push('');
  }
  if (r.bureau) {
    lines.push(bureauLine(r.bureau));
    lines.push('');
    if (r.against && r.against.length > 0) {
      const t = againstTable(r.bureau, r.against);
      lines.push(`| ${t.header.join(' | ')} |`);
      lines.push(
        `|---|${t.header
          .slice(1)
          .map(() => '---:')
          .join('|')}|`,
      );
      for (const row of t.rows) lines.push(`| ${row.join(' | ')} |`);
      lines.push('');
    }
  }
  if (r.load) {
    lines.push(
      `Load average (1, 5, 15 min): ${r.load.start.join(', ')} at the start, ${r.load.end.join(', ')} at the end.`,
    );
    lines.push('');
  }
  lines.push('| target | limit | measured | |');
  lines.push('|---|---|---|---|');
  for (const t of r.targets) lines.push(`| ${t.name} | ${t.limit} | ${t.measured} | ${t.pass ? 'PASS' : 'MISS'} |`);
  return lines.join('\n') + '\n';
}
