// The dashboard with a million rows stored: reloading the page until every chart has finished,
// and filter changes (input event → every chart finished, then a frame). Charts report through
// the 'dashboard:charts-finished' mark (src/composables/echartsCore.ts), set whenever the last
// chart with a pending render finishes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadBareECharts, replayOnBare, type BareRun } from './bare';
import { summarize, type Summary } from './stats';
import {
  benchState,
  CpuClock,
  longestIn,
  selfTimes,
  sleep,
  startProfile,
  steadyHeap,
  stopProfile,
  type CpuTimes,
  type TargetSession,
} from './browser';

export const CHARTS_FINISHED = 'dashboard:charts-finished';

export interface ReloadRun {
  /** Navigation start → the last chart finished. */
  fromNavigationMs: number;
  /** DOM interactive (the app's script about to run) → the last chart finished. */
  fromAppStartMs: number;
  longestTaskMs: number;
  recordsShown: string;
  /** App start → each of the data store's marks (src/stores/data.ts DATA_MARKS), the last of each. */
  phases: Record<string, number>;
}

/** The data store's marks, in the order they come. */
const DATA_PHASES = ['data:opened', 'data:read', 'data:ready'] as const;

/**
 * Waits until charts have finished and nothing has happened for `quietMs` (no further chart
 * finished, no long task); returns the time of the last charts-finished mark.
 */
export async function waitChartsSettled(
  page: Page,
  since: number,
  quietMs: number,
  timeoutMs: number,
): Promise<number | null> {
  const start = Date.now();
  for (;;) {
    const { now, last, lastTaskEnd } = await page.evaluate(
      ({ name, since }) => {
        const marks = performance.getEntriesByName(name).filter((e) => e.startTime > since);
        const b = (window as unknown as { __bench: { longTasks: Array<{ t: number; d: number }> } }).__bench;
        const lt = b.longTasks.at(-1);
        return { now: performance.now(), last: marks.at(-1)?.startTime ?? null, lastTaskEnd: lt ? lt.t + lt.d : 0 };
      },
      { name: CHARTS_FINISHED, since },
    );
    if (last !== null && now - Math.max(last, lastTaskEnd) >= quietMs) return last;
    if (Date.now() - start > timeoutMs) return last;
    await sleep(50);
  }
}

/** Reloads the current dashboard page `runs` times and times each until its charts are done. */
export async function reloadRuns(
  page: Page,
  runs: number,
  log: (l: string) => void,
  profile?: { session: TargetSession; dir: string },
): Promise<ReloadRun[]> {
  const out: ReloadRun[] = [];
  for (let i = 0; i < runs; i++) {
    // The page's DevTools session outlives the reload, so the profile covers the app's start.
    if (profile && i === 0) await startProfile(profile.session);
    await page.reload({ waitUntil: 'load' });
    const last = await waitChartsSettled(page, 0, 1000, 90_000);
    if (last === null) throw new Error('reload: no chart finished within 90 s');
    if (profile && i === 0) {
      const p = await stopProfile(profile.session);
      mkdirSync(profile.dir, { recursive: true });
      writeFileSync(path.join(profile.dir, 'reload-main.cpuprofile'), JSON.stringify(p));
      log('  reload, page CPU, self time:');
      for (const f of selfTimes(p, 15))
        log(`    ${String(f.ms).padStart(8)} ms ${String(f.share).padStart(5)} %  ${f.fn}`);
    }
    const nav = await appStartMarks(page);
    const s = await benchState(page);
    const recordsShown =
      (await page
        .locator('.filter-count')
        .first()
        .textContent()
        .catch(() => '')) ?? '';
    const run: ReloadRun = {
      fromNavigationMs: last,
      fromAppStartMs: last - nav.interactive,
      longestTaskMs: Math.max(0, ...s.longTasks.filter((l) => l.t < last).map((l) => l.d)),
      recordsShown: recordsShown.trim(),
      phases: nav.phases,
    };
    log(
      `  reload ${i + 1}: charts finished ${Math.round(run.fromNavigationMs)} ms after navigation (${Math.round(run.fromAppStartMs)} ms after app start), longest task ${Math.round(run.longestTaskMs)} ms; ${phaseText(run.phases)}; ${run.recordsShown}`,
    );
    out.push(run);
  }
  return out;
}

/** DOM interactive (the app's start) and the data store's marks after it, in the page's time. */
export async function appStartMarks(page: Page): Promise<{ interactive: number; phases: Record<string, number> }> {
  const { interactive, at } = await page.evaluate((names) => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const at = names.map((m) => [m, performance.getEntriesByName(m).at(-1)?.startTime ?? NaN] as const);
    return { interactive: n?.domInteractive ?? 0, at };
  }, DATA_PHASES);
  return { interactive, phases: Object.fromEntries(at.map(([m, t]) => [m, Math.round(t - interactive)])) };
}

/** "database opened 40 ms, rows read 210 ms, views given the data 230 ms" after app start. */
export function phaseText(p: Record<string, number>): string {
  const name: Record<string, string> = {
    'data:opened': 'database opened',
    'data:read': 'rows read',
    'data:ready': 'views given the data',
  };
  return Object.entries(p)
    .map(([m, t]) => `${name[m] ?? m} ${Number.isFinite(t) ? `${t} ms` : '—'}`)
    .join(', ');
}

export async function steadyMainHeapMb(session: TargetSession): Promise<number> {
  const h = await steadyHeap(session);
  return Math.round(((h?.usedSize ?? 0) / 1e6) * 10) / 10;
}

export interface FilterRun {
  change: string;
  ms: number;
  /** Charts finished without waiting for the following frame. */
  chartsMs: number;
  longestTaskMs: number;
  /** The same options on bare ECharts instances (bare.ts); null when no chart was given one. */
  bare: BareRun | null;
  /** Main-thread CPU time from just before the change to the end of its trailing work (with a CPU clock). */
  cpu?: CpuTimes;
}

export interface FilterSeries {
  agencies: number;
  /** Lines in the trend chart, as the view reports them ("shown of total"). */
  series: number;
  runs: FilterRun[];
}

/** The filter changes to make, in order: start year, then scope, alternating. */
export function filterChanges(
  count: number,
  years: readonly string[] = ['2016', '2018', '', '2017', '2019', '2015', '2020', ''],
): Array<{ selector: string; value: string; label: string }> {
  const scopes = ['department', 'project', 'all'];
  const out: Array<{ selector: string; value: string; label: string }> = [];
  for (let i = 0; out.length < count; i++) {
    const y = years[i % years.length]!;
    out.push({ selector: '#filter-from', value: y, label: `from=${y || 'any'}` });
    if (out.length < count) {
      const s = scopes[i % scopes.length]!;
      out.push({ selector: `input[name=scope][value=${s}]`, value: s, label: `scope=${s}` });
    }
  }
  return out;
}

/**
 * Opens the execution view (one trend line per agency) with `agencies` selected and every agency
 * drawn, then makes `count` filter changes through the filter bar and times each one in the page:
 * from just before the input's change event to the first frame after every chart finished.
 */
export async function filterRuns(
  page: Page,
  appUrl: string,
  agencyNames: readonly string[],
  count: number,
  view = 'execution',
  years?: readonly string[],
  cpu?: CpuClock,
): Promise<FilterSeries> {
  const query = agencyNames.map((a) => `agencies=${encodeURIComponent(a)}`).join('&');
  await page.goto(`${appUrl}#/${view}?${query}`, { waitUntil: 'load' });
  await waitChartsSettled(page, 0, 800, 90_000);
  const toggle = page.locator('.top-agencies button.tool');
  if ((await toggle.count()) > 0 && (await toggle.first().getAttribute('aria-pressed')) !== 'true') {
    const t0 = await page.evaluate(() => performance.now());
    await toggle.first().click();
    await waitChartsSettled(page, t0, 500, 30_000);
  }
  const shownText =
    (await page
      .locator('.top-agencies .muted')
      .first()
      .textContent()
      .catch(() => '')) ?? '';
  const series = Number(/\d+/.exec(shownText)?.[0] ?? NaN);
  await loadBareECharts(page);
  const runs: FilterRun[] = [];
  for (const c of filterChanges(count, years)) {
    const c0 = await cpu?.now();
    // The page does the timing (INIT_SCRIPT's filterChange): no round trip to Node inside the clock.
    const r = await page.evaluate(
      ({ selector, value, name }) =>
        (
          window as unknown as {
            __bench: {
              filterChange(s: string, v: string, n: string): Promise<{ t0: number; ms: number; chartsMs: number }>;
            };
          }
        ).__bench.filterChange(selector, value, name),
      { selector: c.selector, value: c.value, name: CHARTS_FINISHED },
    );
    // Let the long-task observer deliver, and any trailing work end, before the next change.
    await sleep(150);
    const c1 = await cpu?.now();
    const s = await benchState(page);
    const longestTaskMs = longestIn(s.longTasks, r.t0, r.t0 + r.ms);
    // Then the floor: the options this change gave the charts, drawn by bare ECharts.
    const bare = await replayOnBare(page, r.t0, cpu);
    await sleep(100);
    runs.push({
      change: c.label,
      ms: r.ms,
      chartsMs: r.chartsMs,
      longestTaskMs,
      bare,
      ...(c0 && c1 ? { cpu: CpuClock.since(c0, c1) } : {}),
    });
  }
  return { agencies: agencyNames.length, series, runs };
}

export interface BareSummary {
  /** Bare instances given each new option whole (notMerge). */
  notMerge: Summary;
  /** Bare instances given the app's own setOption calls. */
  replay: Summary;
  /** The app's change (to the frame after its charts finished) over the faster bare way, medians. */
  ratio: number;
  /** The same for the 95th percentiles. */
  ratioP95: number;
  /** Changes with a bare run (those that gave a chart an option). */
  n: number;
  /** Main-thread CPU medians (with a CPU clock): the app's change and each bare way. */
  cpu?: { app: number; notMerge: number; replay: number; ratio: number };
}

/** The bare-ECharts floor of a series of changes, and the app's time over it. */
export function bareSummary(runs: readonly FilterRun[]): BareSummary | null {
  const withBare = runs.filter((r): r is FilterRun & { bare: BareRun } => r.bare !== null);
  if (withBare.length === 0) return null;
  const app = summarize(withBare.map((r) => r.ms));
  const notMerge = summarize(withBare.map((r) => r.bare.notMerge));
  const replay = summarize(withBare.map((r) => r.bare.replay));
  const floor = notMerge.median <= replay.median ? notMerge : replay;
  const ratio = (a: number, b: number): number => (b > 0 ? Math.round((a / b) * 100) / 100 : NaN);
  const cpuRuns = withBare.filter((r) => r.cpu && r.bare.notMergeCpu !== undefined && r.bare.replayCpu !== undefined);
  const med = (xs: number[]) => summarize(xs).median;
  const cpu =
    cpuRuns.length === withBare.length
      ? {
          app: med(cpuRuns.map((r) => r.cpu!.thread)),
          notMerge: med(cpuRuns.map((r) => r.bare.notMergeCpu!)),
          replay: med(cpuRuns.map((r) => r.bare.replayCpu!)),
        }
      : null;
  return {
    notMerge,
    replay,
    ratio: ratio(app.median, floor.median),
    ratioP95: ratio(app.p95, floor.p95),
    n: withBare.length,
    ...(cpu ? { cpu: { ...cpu, ratio: ratio(cpu.app, Math.min(cpu.notMerge, cpu.replay)) } } : {}),
  };
}

/** Medians of each CPU figure over the runs that have them; null when none has. */
export function cpuMedians(list: ReadonlyArray<CpuTimes | undefined>): CpuTimes | null {
  const xs = list.filter((c): c is CpuTimes => c !== undefined);
  if (xs.length === 0) return null;
  const med = (f: (c: CpuTimes) => number) => summarize(xs.map(f)).median;
  return {
    thread: med((c) => c.thread),
    script: med((c) => c.script),
    layout: med((c) => c.layout),
    style: med((c) => c.style),
  };
}
