// Two builds side by side on the report scenario, run by run: one page of each build in the same
// browser, the PDF chosen in one then in the other, so the machine's load falls on both alike.
//   node --import tsx scripts/bench/reportPair.ts OTHER_DIST [runs] [file]
// (this build's dist/ or BENCH_DIST against OTHER_DIST; the file defaults to the report bench's
// PDF, bench-results/report-45p.pdf: run `npm run bench -- --report` once first.)
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DIST_DIR, startServer } from '../../test/e2e/harness';
import { launchBenchBrowser } from './browser';
import { ROOT_DIR } from './generate';
import { fmtMs, summarize } from './stats';

const [other, runsArg, fileArg] = process.argv.slice(2);
if (!other) throw new Error('usage: reportPair.ts OTHER_DIST [runs] [file]');
const runs = Number(runsArg ?? 10);
const file = fileArg ?? path.join(ROOT_DIR, 'bench-results', 'report-45p.pdf');
const dists = [path.resolve(process.env['BENCH_DIST'] ?? DIST_DIR), path.resolve(other)];

const servers = await Promise.all(dists.map((d) => startServer(d, '/app/')));
const browser = await launchBenchBrowser();
const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
try {
  const pages: Page[] = [];
  const workers = dists.map(() => 0);
  for (const [i, s] of servers.entries()) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    page.on('worker', () => workers[i]!++);
    await page.goto(`${s.url}#/data`, { waitUntil: 'load' });
    await page.getByTestId('report-input').waitFor({ state: 'attached', timeout: 30_000 });
    pages.push(page);
  }
  const once = async (page: Page): Promise<number> => {
    await page.getByTestId('report-input').setInputFiles(file);
    await page.getByTestId('report-fields').waitFor({ timeout: 60_000 });
    const ms = (await page.evaluate(`(() => {
      const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN;
      return at('report:read') - at('report:chosen');
    })()`)) as number;
    await page.getByTestId('report-discard').click();
    await page.getByTestId('report-fields').waitFor({ state: 'detached' });
    return ms;
  };
  process.stdout.write(`load at the start: ${load()}\n`);
  // The first read of each page starts the report worker and loads pdf.js: reported, not counted.
  const first: number[] = [];
  for (const page of pages) first.push(await once(page));
  const times: number[][] = dists.map(() => []);
  for (let r = 0; r < runs; r++) {
    // Alternate which build goes first.
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) times[i]!.push(await once(pages[i]!));
  }
  for (const [i, d] of dists.entries()) {
    const s = summarize(times[i]!);
    process.stdout.write(
      `${d}: PDF chosen → extraction median ${fmtMs(s.median)} (p95 ${fmtMs(s.p95)}); runs ${times[i]!.map((t) => Math.round(t)).join(' ')}; first read ${fmtMs(first[i]!)}; workers seen ${workers[i]}\n`,
    );
  }
  const [a, b] = times.map((t) => summarize(t).median);
  process.stdout.write(`ratio ${(a! / b!).toFixed(3)}; load at the end: ${load()}\n`);
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
