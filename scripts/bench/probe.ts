// One bureau scenario traced and profiled, for finding where the milliseconds go:
//
//   node --import tsx scripts/bench/probe.ts --dist DIR --scenario reload|overview|execution|warnings|compare
//        [--runs N] [--out DIR] [--trace]
//
// The test bureau (150 agencies × 6 years) is published beside the build, as bureauBench.ts does;
// the scenario runs N times under a Chromium trace and a CPU profile (both written to --out), and
// the main thread's time is printed by kind (script, style, layout, paint, gc) and by module.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../test/e2e/harness';
import { launchBenchBrowser, newBenchContext, openPageSession, startProfile, stopProfile } from './browser';
import { BUREAU_AGENCIES, openView, BUREAU_FROM_YEARS } from './bureauBench';
import { writeBureau } from './bureau';
import { appStartMarks, CHARTS_FINISHED, filterChanges, phaseText, waitChartsSettled } from './dashboard';
import { printSummary, summarizeProfile } from './profileSummary';
import { printTrace, summarizeTrace, TRACE_CATEGORIES, type TraceEvent } from './traceSummary';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
};
const dist = path.resolve(opt('dist', 'dist'));
const scenario = opt('scenario', 'overview');
const runs = Number(opt('runs', '10'));
const out = path.resolve(opt('out', '/tmp/probe'));
const withTrace = args.includes('--trace');
mkdirSync(out, { recursive: true });
const log = (l: string): void => console.log(l);

const dir = mkdtempSync(path.join(tmpdir(), 'bureau-probe-'));
const files = writeBureau(dir, BUREAU_AGENCIES);
const server = await startServer(dist, '/bureau/', dir);
const browser = await launchBenchBrowser();
try {
  const context = await newBenchContext(browser, server.origin);
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') log(`console: ${m.text()}`);
  });
  await page.goto(`${server.url}#/overview`, { waitUntil: 'load' });
  await page.waitForFunction(
    (n) => (document.querySelector('.filter-count')?.textContent ?? '').includes(String(n)),
    files.rows.records + 6,
    { timeout: 180_000, polling: 200 },
  );
  await waitChartsSettled(page, 0, 800, 60_000);
  const view = scenario === 'execution' ? 'execution' : 'overview';
  await page.goto(`${server.url}#/${view}`, { waitUntil: 'load' });
  await waitChartsSettled(page, 0, 800, 60_000);
  if (view === 'execution') {
    const toggle = page.locator('.top-agencies button.tool');
    if ((await toggle.count()) > 0 && (await toggle.first().getAttribute('aria-pressed')) !== 'true') {
      const t0 = await page.evaluate(() => performance.now());
      await toggle.first().click();
      await waitChartsSettled(page, t0, 500, 30_000);
    }
  }
  const keys = await page.$$eval('.records-table tbody th a', (as) =>
    as.slice(0, 4).map((a) => /#\/record\/([^?]+)/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''),
  );
  const compareHash = `#/compare?${keys.map((k) => `records=${k}`).join('&')}`;
  const session = await openPageSession(page);
  const times: number[] = [];
  if (withTrace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await startProfile(session);
  const changes = filterChanges(runs, BUREAU_FROM_YEARS);
  for (let i = 0; i < runs; i++) {
    await page.evaluate(`performance.mark('probe:start')`);
    if (scenario === 'reload') {
      await page.reload({ waitUntil: 'load' });
      const last = (await waitChartsSettled(page, 0, 800, 60_000)) ?? NaN;
      const start = await appStartMarks(page);
      times.push(last - start.interactive);
      log(`  reload ${i + 1}: ${Math.round(last - start.interactive)} ms; ${phaseText(start.phases)}`);
    } else if (scenario === 'warnings' || scenario === 'compare') {
      const [hash, sel] =
        scenario === 'warnings' ? ['#/warnings', '.alerts-table tbody tr'] : [compareHash, '.compare-table tbody tr'];
      times.push(await openView(page, hash, sel));
      await page.evaluate(`performance.mark('probe:end')`);
      await openView(page, '#/overview', '.records-table tbody tr');
      await waitChartsSettled(page, 0, 300, 30_000);
    } else {
      const c = changes[i]!;
      const r = (await page.evaluate(
        `window.__bench.filterChange(${JSON.stringify(c.selector)}, ${JSON.stringify(c.value)}, ${JSON.stringify(CHARTS_FINISHED)})`,
      )) as { ms: number };
      times.push(r.ms);
    }
    await page.evaluate(`performance.mark('probe:end')`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const profile = await stopProfile(session);
  writeFileSync(path.join(out, `${scenario}.cpuprofile`), JSON.stringify(profile));
  log(`${scenario}: ${times.map((t) => Math.round(t)).join(' ')} ms`);
  const sorted = [...times].sort((a, b) => a - b);
  log(`  median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms`);
  if (withTrace) {
    const traceBuf = await browser.stopTracing();
    writeFileSync(path.join(out, `${scenario}.trace.json`), traceBuf);
    const trace = JSON.parse(traceBuf.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    const summary = summarizeTrace(events, { longMs: 8 });
    printTrace(summary, log, `${scenario} (${runs} runs, whole trace)`, 24);
    const perRun = summary.selfMs.slice(0, 16).map((x) => `${x.name} ${(x.ms / runs).toFixed(1)}`);
    log(`  per run: ${perRun.join(', ')}`);
  }
  printSummary(summarizeProfile(profile, dist, { per: runs, top: 30 }), log, `${scenario} CPU per run`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
