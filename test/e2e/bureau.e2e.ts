// The dashboard at a bureau's real size: the generated test bureau (scripts/bench/bureau.ts) of 10,
// 50 and 150 agencies × 6 years, published beside the app as a deployment would. Each size is
// loaded once; then every view is walked in zh-CN and English at 1440×900, 1366×768 and 1024×768,
// with a screenshot of each (test-results/screenshots/bureau-*.png) and the checks a leader's eye
// would make: nothing wider than the window, no headline figure cut off, and, in English, no
// Chinese character outside the data (agency, project and indicator names).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { BUREAU_SIZES, writeBureau } from '../../scripts/bench/bureau.ts';
import { KNOWN_AGENCIES } from '../../src/domain/agencies.ts';
import { HEATMAP_ROWS } from '../../src/charts/overview.ts';
import {
  assertClean,
  DIST_DIR,
  launchBrowser,
  openApp,
  ROOT_DIR,
  saveScreenshot,
  startServer,
  type StaticServer,
} from './harness.ts';
import type { Browser } from 'playwright-core';

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;
const LANGS = ['zh-CN', 'en'] as const;
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Every text cell of the built-in dataset: data, not UI words. */
function builtinTexts(): string[] {
  const out = new Set<string>();
  for (const f of ['records.csv', 'indicators.csv', 'funds.csv']) {
    const text = readFileSync(path.join(ROOT_DIR, 'data', f), 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
    for (const row of rows) for (const cell of row) if (CJK.test(cell)) out.add(cell.trim());
  }
  // The agency registry's short names (北京市贸促会) stand for agencies of the data.
  for (const a of KNOWN_AGENCIES) out.add(a.short);
  return [...out];
}

/** Waits until the charts drawn after `since` have finished and nothing more came for a while. */
async function chartsSettled(page: Page, since: number): Promise<void> {
  await page.waitForFunction(
    (t0) => {
      const w = window as unknown as { __quiet?: { n: number; at: number } };
      const marks = performance.getEntriesByName('dashboard:charts-finished').filter((m) => m.startTime > t0);
      const now = performance.now();
      const n = marks.length;
      if (!w.__quiet || w.__quiet.n !== n) w.__quiet = { n, at: now };
      // Quiet for 300 ms after the last chart finished, or 1.5 s without any (a view without charts).
      return now - w.__quiet.at > (n > 0 ? 300 : 1500);
    },
    since,
    { timeout: 30_000, polling: 100 },
  );
}

async function go(page: Page, hash: string): Promise<void> {
  const t0 = await page.evaluate(() => performance.now());
  await page.evaluate((h) => (location.hash = h), hash);
  await chartsSettled(page, t0);
}

/**
 * Text a reader gets from the page in the UI's language: visible text and the accessible labels
 * (chart descriptions included), leaving out what is marked as Chinese (lang="zh…": data names,
 * the language switch's 中文).
 */
async function readableText(page: Page): Promise<string> {
  // A script as text: the test's TypeScript transform would name inner functions with a helper
  // the page does not have.
  return page.evaluate(`(() => {
    const zh = (el) => {
      const tagged = el && el.closest('[lang]');
      return !!tagged && tagged !== document.documentElement && tagged.getAttribute('lang').startsWith('zh');
    };
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || zh(el) || !el.checkVisibility() || el.closest('script,style')) continue;
      parts.push(n.textContent || '');
    }
    // A closed select shows its chosen option, which the walk above skips as not visible.
    for (const sel of document.querySelectorAll('select'))
      if (!zh(sel) && sel.selectedOptions[0] && !zh(sel.selectedOptions[0])) parts.push(sel.selectedOptions[0].text);
    for (const e of document.querySelectorAll('[aria-label],[title],[placeholder]'))
      if (!zh(e)) for (const a of ['aria-label', 'title', 'placeholder']) parts.push(e.getAttribute(a) || '');
    return parts.join('\\n');
  })()`);
}

function withoutData(text: string, data: readonly string[]): string {
  let s = text;
  // Longest first, so a name is removed before a shorter name inside it.
  for (const d of [...data].sort((a, b) => b.length - a.length)) s = s.split(d).join(' ');
  return s;
}

/** Headline figures whose text does not fit their box. */
async function cutFigures(page: Page): Promise<string[]> {
  return page.$$eval('.figure-value, .figure-label', (els) =>
    els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => (e as HTMLElement).innerText),
  );
}

/**
 * Table cells pressed so narrow that their text stands a character or two a line: a column that a
 * wide neighbour or a stray width rule squeezed (the record view's 出处 once was).
 */
async function squeezedCells(page: Page): Promise<string[]> {
  return page.$$eval('table td, table th', (els) =>
    els
      .filter((e) => {
        const el = e as HTMLElement;
        if (el.offsetParent === null) return false;
        const text = el.innerText.trim();
        const em = parseFloat(getComputedStyle(el).fontSize) || 13;
        return text.length > 4 && el.clientWidth < 3.5 * em;
      })
      .slice(0, 3)
      .map((e) => (e as HTMLElement).innerText.trim().slice(0, 20)),
  );
}

/**
 * The overview's first heatmap scrolled to its end by its scroll bar, as a leader would: the
 * last agency's cells are drawn (it is given the rows around its window only), hovering one names
 * that agency, and clicking it opens that agency's record.
 */
async function lastHeatmapRow(page: Page): Promise<void> {
  await page.setViewportSize(WIDTHS[1]);
  await go(page, '/overview');
  const panel = page.locator('.chart-panel').first();
  // The heatmap's table, a page at a time: its last page's last row is the heatmap's last row.
  await panel.getByRole('button', { name: '数据表' }).click();
  await panel.locator('.pager').getByRole('button', { name: '末页' }).click();
  const [last = '', ...lastRow] = (await panel.locator('tbody tr').last().locator('td').allInnerTexts()).map((c) =>
    c.trim(),
  );
  await panel.getByRole('button', { name: '图表' }).click();
  const chart = panel.locator('.echart');
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  // The grid of buildHeatmap: 142 px of names on the left, 36 px for the scroll bar, 28 above, 48 below.
  const grid = { left: box.x + 142, right: box.x + box.width - 36, top: box.y + 28, bottom: box.y + box.height - 48 };
  const rowHeight = (grid.bottom - grid.top) / HEATMAP_ROWS;
  // The scroll bar runs beside the grid, its handle over the first rows: dragged to the end.
  const bar = box.x + box.width - 16;
  await page.mouse.move(bar, grid.top + rowHeight / 2);
  await page.mouse.down();
  await page.mouse.move(bar, grid.bottom + 100, { steps: 12 });
  await page.mouse.up();
  // A year with a figure in the last row: its column's cell.
  const column = lastRow.findIndex((c) => c !== '' && c !== '—');
  assert.ok(column >= 0, `the last agency (${last}) has a figure in some year`);
  const years = lastRow.length;
  const x = grid.left + ((column + 0.5) / years) * (grid.right - grid.left);
  const y = grid.bottom - rowHeight / 2;
  await page.mouse.move(x, y - 3);
  await page.mouse.move(x, y);
  const tip = chart.locator('div').filter({ hasText: last }).last();
  await tip.waitFor({ state: 'visible', timeout: 5_000 });
  await page.mouse.click(x, y);
  await page.waitForURL(/#\/record\//);
  assert.ok((await page.locator('.view-title').innerText()).includes(last), `the record of ${last} opened`);
}

// BUREAU=10 runs one size while working on the views.
const SIZES = process.env['BUREAU'] ? process.env['BUREAU'].split(',').map(Number) : BUREAU_SIZES;

for (const size of SIZES) {
  test(`a bureau of ${size} agencies: every view in both languages at three widths`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), `bureau-${size}-`));
    const files = writeBureau(dir, size);
    const data = [...files.dataTexts, ...builtinTexts()];
    const server: StaticServer = await startServer(DIST_DIR, '/app/', dir);
    const app = await openApp(browser, `${server.url}#/overview`, { viewport: WIDTHS[0] });
    const { page } = app;
    try {
      // The published files are imported on top of the built-in six records.
      const total = files.rows.records + 6;
      await page
        .locator('.filter-count')
        .filter({ hasText: new RegExp(`\\b${total}\\b`) })
        .waitFor({ timeout: 90_000 });
      await chartsSettled(page, 0);
      // Four records to compare and one to open: the first rows of the overview's records table.
      const keys = await page.$$eval('.records-table tbody th a', (as) =>
        as.slice(0, 4).map((a) => /#\/record\/([^?]+)/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''),
      );
      assert.equal(keys.length, 4);
      const views: Array<[string, string]> = [
        ['overview', '/overview'],
        ['execution', '/execution'],
        ['carryover', '/carryover'],
        ['scores', '/scores'],
        ['warnings', '/warnings'],
        ['compare', `/compare?${keys.map((k) => `records=${k}`).join('&')}`],
        ['record', `/record/${keys[0]}`],
      ];
      const problems: string[] = [];
      for (const lang of LANGS) {
        await page.getByRole('button', { name: lang === 'en' ? 'English' : '中文' }).click();
        for (const vp of WIDTHS) {
          await page.setViewportSize(vp);
          for (const [name, hash] of views) {
            await go(page, hash);
            const where = `${size} agencies, ${name}, ${lang}, ${vp.width}`;
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            if (overflow > 0) problems.push(`${where}: page ${overflow}px wider than the window`);
            const squeezed = await squeezedCells(page);
            if (squeezed.length > 0) problems.push(`${where}: squeezed cells: ${squeezed.join(' | ')}`);
            if (vp.width === 1366) {
              const cut = await cutFigures(page);
              if (cut.length > 0) problems.push(`${where}: cut off: ${cut.join(' | ')}`);
            }
            if (lang === 'en') {
              const rest = withoutData(await readableText(page), data);
              const m = CJK.exec(rest);
              if (m)
                problems.push(
                  `${where}: Chinese outside data: …${rest.slice(Math.max(0, m.index - 40), m.index + 40)}…`,
                );
            }
            await page.evaluate(() => window.scrollTo(0, 0));
            await saveScreenshot(page, `bureau-${size}-${name}-${lang}-${vp.width}`);
          }
        }
      }
      assert.deepEqual(problems, []);

      await page.getByRole('button', { name: '中文' }).click();
      if (size > HEATMAP_ROWS) await lastHeatmapRow(page);

      // Warnings: the thresholds live in the URL; a stricter limit flags more, each row opens its record.
      await page.getByRole('button', { name: '中文' }).click();
      await go(page, '/warnings');
      const flagged = async () => Number(/（(\d+) 条）/.exec(await page.locator('.warnings-view h2').innerText())?.[1]);
      const before = await flagged();
      assert.ok(before > 0, 'the test bureau has records past the default thresholds');
      await go(page, '/warnings?carryLimit=2&fall=3');
      assert.equal(await page.locator('input[name="th-carryover"]').inputValue(), '2');
      assert.ok((await flagged()) > before, 'a stricter carryover limit flags more records');
      assert.ok((await page.locator('.alerts-table tr.level-red').count()) > 0);
      const first = page.locator('.alerts-table tbody tr').first();
      const agency = await first.locator('th a').innerText();
      await first.locator('th a').click();
      await page.waitForURL(/#\/record\//);
      assert.ok((await page.locator('.record-sub').innerText()).length > 0);
      assert.ok((await page.locator('.view-title').innerText()).startsWith(agency));
      assertClean(app);
    } finally {
      await app.close();
      await server.close();
    }
  });
}
