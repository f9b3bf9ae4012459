// The dashboard at a bureau's real size: the test bureau of 150 agencies × 6 years
// (scripts/bench/bureau.ts) published beside the app, as a deployment serves it. Measured: the
// reload until every chart has finished, filter changes on the overview (heatmaps of every agency,
// the ranking) and on the execution view (every agency's line), and opening the warnings list and
// a comparison of four records (hash change → the view drawn, charts finished, a frame).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DIST_DIR, startServer } from '../../test/e2e/harness';
import { newBenchContext, openPageSession } from './browser';
import { BUREAU_SIZES, writeBureau } from './bureau';
import { CHARTS_FINISHED, filterRuns, reloadRuns, waitChartsSettled } from './dashboard';
import { fmtMs, summarize, type Summary } from './stats';

export const BUREAU_AGENCIES = BUREAU_SIZES.at(-1)!;
/** Start years the filter changes go through: each one changes what the bureau's charts show. */
const BUREAU_FROM_YEARS = ['2020', '2022', '', '2021', '2023', '2019', '2024', ''];

export interface BureauBench {
  agencies: number;
  records: number;
  reload: Summary;
  filters: Array<{ view: string; series: number; ms: Summary; chartsMs: Summary }>;
  warnings: Summary;
  compare: Summary;
}

/** Hash change → `selector` present, every chart started since finished, then a frame; in the page. */
async function openView(page: Page, hash: string, selector: string): Promise<number> {
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

export async function bureauBench(
  browser: Browser,
  opts: { runs: number; changes: number; log: (l: string) => void; dist?: string; profileDir?: string },
): Promise<BureauBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bureau-bench-'));
  const files = writeBureau(dir, BUREAU_AGENCIES);
  const server = await startServer(opts.dist ?? DIST_DIR, '/bureau/', dir);
  const context = await newBenchContext(browser, server.origin);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}#/overview`, { waitUntil: 'load' });
    // The published files are imported on top of the built-in six records.
    const total = files.rows.records + 6;
    await page.waitForFunction(
      (n) => (document.querySelector('.filter-count')?.textContent ?? '').includes(String(n)),
      total,
      { timeout: 180_000, polling: 200 },
    );
    await waitChartsSettled(page, 0, 800, 60_000);
    opts.log(`  bureau of ${BUREAU_AGENCIES} agencies published: ${files.rows.records} records`);
    const reloads = await reloadRuns(
      page,
      opts.runs,
      opts.log,
      opts.profileDir ? { session: await openPageSession(page), dir: opts.profileDir } : undefined,
    );
    const filters: BureauBench['filters'] = [];
    for (const view of ['overview', 'execution']) {
      const s = await filterRuns(page, server.url, [], opts.changes, view, BUREAU_FROM_YEARS);
      const ms = summarize(s.runs.map((r) => r.ms));
      opts.log(`  bureau, filter changes on ${view}: median ${fmtMs(ms.median)}, p95 ${fmtMs(ms.p95)}`);
      filters.push({
        view,
        series: Number.isFinite(s.series) ? s.series : BUREAU_AGENCIES,
        ms,
        chartsMs: summarize(s.runs.map((r) => r.chartsMs)),
      });
    }
    await page.goto(`${server.url}#/overview`, { waitUntil: 'load' });
    await waitChartsSettled(page, 0, 500, 60_000);
    const keys = await page.$$eval('.records-table tbody th a', (as) =>
      as.slice(0, 4).map((a) => /#\/record\/([^?]+)/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''),
    );
    const compareHash = `#/compare?${keys.map((k) => `records=${k}`).join('&')}`;
    const warnings: number[] = [];
    const compare: number[] = [];
    for (let i = 0; i < Math.max(3, opts.runs * 2); i++) {
      warnings.push(await openView(page, '#/warnings', '.alerts-table tbody tr'));
      await openView(page, '#/overview', '.records-table tbody tr');
      compare.push(await openView(page, compareHash, '.compare-table tbody tr'));
      await openView(page, '#/overview', '.records-table tbody tr');
    }
    const result: BureauBench = {
      agencies: BUREAU_AGENCIES,
      records: files.rows.records,
      reload: summarize(reloads.map((r) => r.fromAppStartMs)),
      filters,
      warnings: summarize(warnings),
      compare: summarize(compare),
    };
    opts.log(
      `  bureau: warnings list ${fmtMs(result.warnings.median)} median, compare ${fmtMs(result.compare.median)} median`,
    );
    return result;
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
