// The dashboard at a bureau's real size: the test bureau of 150 agencies × 6 years
// (scripts/bench/bureau.ts) published beside the app, as a deployment serves it. Measured: the
// reload until every chart has finished, filter changes on the overview (heatmaps of every agency,
// the ranking) and on the execution view (every agency's line), and opening the warnings list and
// a comparison of four records (hash change → the view drawn, charts finished, a frame).
// Given several builds (`npm run bench -- --bureau --against DIR`), each is published on an origin
// of its own and the builds take turns, scenario by scenario and block by block, so that load from
// elsewhere on the machine falls on all of them alike.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DIST_DIR, startServer } from '../../test/e2e/harness';
import { CpuClock, newBenchContext, openPageSession, startProfile, stopProfile, type CpuTimes } from './browser';
import { BUREAU_SIZES, writeBureau } from './bureau';
import {
  bareSummary,
  CHARTS_FINISHED,
  cpuMedians,
  filterRuns,
  reloadRuns,
  waitChartsSettled,
  type BareSummary,
  type FilterRun,
  type ReloadRun,
} from './dashboard';
import { fmtMs, summarize, type Summary } from './stats';
import { sleep } from './browser';

export const BUREAU_AGENCIES = BUREAU_SIZES.at(-1)!;
/** Start years the filter changes go through: each one changes what the bureau's charts show. */
export const BUREAU_FROM_YEARS = ['2020', '2022', '', '2021', '2023', '2019', '2024', ''];

export interface BureauBench {
  /** The build measured (its folder). */
  dist: string;
  agencies: number;
  records: number;
  reload: Summary;
  filters: Array<{
    view: string;
    series: number;
    ms: Summary;
    chartsMs: Summary;
    bare: BareSummary | null;
    /** Main-thread CPU per change (medians), trailing work included. */
    cpu: CpuTimes | null;
  }>;
  warnings: Summary;
  compare: Summary;
  /** Main-thread CPU per opening (medians). */
  warningsCpu: CpuTimes | null;
  compareCpu: CpuTimes | null;
}

/** Hash change → `selector` present, every chart started since finished, then a frame; in the page. */
export async function openView(page: Page, hash: string, selector: string): Promise<number> {
  // A script as text: the TypeScript transform would name its inner functions with a helper the
  // page does not have.
  const script = `new Promise((resolve, reject) => {
    const hash = ${JSON.stringify(hash)}, selector = ${JSON.stringify(selector)}, mark = ${JSON.stringify(CHARTS_FINISHED)};
    const t0 = performance.now();
    location.hash = hash;
    const deadline = t0 + 10000;
    const charts = () => {
      const shown = [...document.querySelectorAll('.echart')].some((e) => e.checkVisibility());
      return !shown || performance.getEntriesByName(mark).some((e) => e.startTime > t0);
    };
    const frame = () => {
      if (document.querySelector(selector) && charts())
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      else if (performance.now() > deadline) reject(new Error(hash + ': ' + selector + ' not drawn within 10 s'));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`;
  return page.evaluate(script) as Promise<number>;
}

export function cpuText(c: CpuTimes | null): string {
  return c ? `${c.thread} ms (script ${c.script}, layout ${c.layout}, style ${c.style})` : '—';
}

/** One build with the bureau published and imported, on an origin of its own. */
interface BureauSession {
  dist: string;
  page: Page;
  url: string;
  records: number;
  compareHash: string;
  cpu: CpuClock;
  reloads: ReloadRun[];
  filters: Map<string, FilterRun[]>;
  warnings: number[];
  compare: number[];
  warningsCpu: CpuTimes[];
  compareCpu: CpuTimes[];
  close(): Promise<void>;
}

async function openBureau(browser: Browser, dist: string, log: (l: string) => void): Promise<BureauSession> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bureau-bench-'));
  const files = writeBureau(dir, BUREAU_AGENCIES);
  const server = await startServer(dist, '/bureau/', dir);
  const context = await newBenchContext(browser, server.origin);
  const close = async (): Promise<void> => {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`  page error: ${e.message}`));
    await page.goto(`${server.url}#/overview`, { waitUntil: 'load' });
    // The published files are imported on top of the built-in six records.
    const total = files.rows.records + 6;
    await page.waitForFunction(
      (n) => (document.querySelector('.filter-count')?.textContent ?? '').includes(String(n)),
      total,
      { timeout: 180_000, polling: 200 },
    );
    await waitChartsSettled(page, 0, 800, 60_000);
    const keys = await page.$$eval('.records-table tbody th a', (as) =>
      as.slice(0, 4).map((a) => /#\/record\/([^?]+)/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''),
    );
    log(`  bureau of ${BUREAU_AGENCIES} agencies published for ${dist}: ${files.rows.records} records`);
    return {
      dist,
      page,
      url: server.url,
      records: files.rows.records,
      compareHash: `#/compare?${keys.map((k) => `records=${k}`).join('&')}`,
      cpu: await CpuClock.open(page),
      reloads: [],
      filters: new Map(),
      warnings: [],
      compare: [],
      warningsCpu: [],
      compareCpu: [],
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

const VIEWS = ['overview', 'execution'] as const;

/**
 * The bureau scenarios on each build in `dists` (the first is the one reported as the product's
 * figures); with more than one, `rounds` blocks of each scenario per build, taking turns.
 */
export async function bureauBench(
  browser: Browser,
  opts: {
    runs: number;
    changes: number;
    log: (l: string) => void;
    dists?: readonly string[];
    rounds?: number;
    profileDir?: string;
  },
): Promise<BureauBench[]> {
  const dists = opts.dists && opts.dists.length > 0 ? opts.dists : [DIST_DIR];
  const rounds = opts.rounds ?? 1;
  const sessions: BureauSession[] = [];
  try {
    for (const d of dists) sessions.push(await openBureau(browser, d, opts.log));
    const each = async (what: string, f: (s: BureauSession, round: number) => Promise<void>): Promise<void> => {
      for (let r = 0; r < rounds; r++)
        for (const s of sessions) {
          await f(s, r);
          if (sessions.length > 1) opts.log(`  ${what}, round ${r + 1}, ${path.basename(s.dist)} done`);
        }
    };
    await each('reloads', async (s, r) => {
      const profile = opts.profileDir && r === 0 && s === sessions[0];
      s.reloads.push(
        ...(await reloadRuns(
          s.page,
          opts.runs,
          opts.log,
          profile ? { session: await openPageSession(s.page), dir: opts.profileDir! } : undefined,
        )),
      );
    });
    for (const view of VIEWS)
      await each(`${view} filter changes`, async (s, r) => {
        // The first build's first block profiled (the bare replays in it run in their own
        // script, echarts-bare.js, so the summary tells them apart).
        const profile = opts.profileDir && r === 0 && s === sessions[0] ? await openPageSession(s.page) : null;
        if (profile) await startProfile(profile);
        const runs = await filterRuns(s.page, s.url, [], opts.changes, view, BUREAU_FROM_YEARS, s.cpu);
        if (profile) {
          mkdirSync(opts.profileDir!, { recursive: true });
          const file = path.join(opts.profileDir!, `bureau-${view}-filters.cpuprofile`);
          writeFileSync(file, JSON.stringify(await stopProfile(profile)));
        }
        s.filters.set(view, [...(s.filters.get(view) ?? []), ...runs.runs]);
      });
    await each('warnings and compare', async (s) => {
      await s.page.goto(`${s.url}#/overview`, { waitUntil: 'load' });
      await waitChartsSettled(s.page, 0, 500, 60_000);
      // Each opening's CPU time runs to the end of its trailing work (150 ms later).
      const timed = async (hash: string, selector: string, ms: number[], cpu: CpuTimes[]): Promise<void> => {
        const c0 = await s.cpu.now();
        ms.push(await openView(s.page, hash, selector));
        await sleep(150);
        cpu.push(CpuClock.since(c0, await s.cpu.now()));
      };
      for (let i = 0; i < Math.max(3, opts.runs * 2); i++) {
        await timed('#/warnings', '.alerts-table tbody tr', s.warnings, s.warningsCpu);
        await openView(s.page, '#/overview', '.records-table tbody tr');
        await sleep(150);
        await timed(s.compareHash, '.compare-table tbody tr', s.compare, s.compareCpu);
        await openView(s.page, '#/overview', '.records-table tbody tr');
        await sleep(150);
      }
    });
    const results = sessions.map((s): BureauBench => {
      const filters = VIEWS.map((view) => {
        const runs = s.filters.get(view) ?? [];
        return {
          view,
          series: BUREAU_AGENCIES,
          ms: summarize(runs.map((r) => r.ms)),
          chartsMs: summarize(runs.map((r) => r.chartsMs)),
          bare: bareSummary(runs),
          cpu: cpuMedians(runs.map((r) => r.cpu)),
        };
      });
      return {
        dist: s.dist,
        agencies: BUREAU_AGENCIES,
        records: s.records,
        reload: summarize(s.reloads.map((r) => r.fromAppStartMs)),
        filters,
        warnings: summarize(s.warnings),
        compare: summarize(s.compare),
        warningsCpu: cpuMedians(s.warningsCpu),
        compareCpu: cpuMedians(s.compareCpu),
      };
    });
    for (const b of results) {
      const name = sessions.length > 1 ? ` (${b.dist})` : '';
      opts.log(`  bureau${name}: reload ${fmtMs(b.reload.median)} median, ${fmtMs(b.reload.p95)} p95`);
      for (const f of b.filters)
        opts.log(
          `  bureau${name}, filter changes on ${f.view}: median ${fmtMs(f.ms.median)}, p95 ${fmtMs(f.ms.p95)}, CPU ${cpuText(f.cpu)}; bare ECharts ${f.bare ? `${fmtMs(f.bare.notMerge.median)} / ${fmtMs(f.bare.replay.median)}, ÷ ${f.bare.ratio.toFixed(2)}×${f.bare.cpu ? `; CPU ${f.bare.cpu.app} ms ÷ bare ${Math.min(f.bare.cpu.notMerge, f.bare.cpu.replay)} ms = ${f.bare.cpu.ratio.toFixed(2)}×` : ''}` : '—'}`,
        );
      opts.log(
        `  bureau${name}: warnings list ${fmtMs(b.warnings.median)} median (CPU ${cpuText(b.warningsCpu)}), compare ${fmtMs(b.compare.median)} median (CPU ${cpuText(b.compareCpu)})`,
      );
    }
    return results;
  } finally {
    for (const s of sessions) await s.close();
  }
}
