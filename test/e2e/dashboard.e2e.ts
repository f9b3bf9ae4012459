// The dashboard in headless Chromium on the production build: the built-in dataset on first load
// with painted charts, links that reproduce a filtered view (and back/forward), the record view,
// comparison, tablet width and print, with no console error and no request off the origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { assertClean, openApp, saveScreenshot, startEnv, VIEWPORTS, type E2eEnv } from './harness.ts';

const CCPIT = '中国国际贸易促进委员会北京市分会';
const SHORT = ['北京市贸促会', '朝阳区投促中心', '渝中区招商局'];

let env: E2eEnv;
before(async () => {
  env = await startEnv();
});
after(() => env?.close());

/**
 * Painted (non-blank) pixels of each chart shown on the page (a chart may use several canvas
 * layers). A panel with nothing to draw, or showing its table, keeps its chart hidden.
 */
async function paintedPixels(page: Page): Promise<number[]> {
  return page.$$eval('.echart', (charts) =>
    charts
      .filter((chart) => chart.checkVisibility())
      .map((chart) => {
        let n = 0;
        for (const c of Array.from(chart.querySelectorAll('canvas'))) {
          const ctx = c.getContext('2d');
          if (!ctx || c.width === 0 || c.height === 0) continue;
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          for (let i = 0; i < d.length; i += 4)
            if (d[i + 3]! > 0 && (d[i]! < 240 || d[i + 1]! < 240 || d[i + 2]! < 240)) n++;
        }
        return n;
      }),
  );
}

async function expectCharts(page: Page, count: number): Promise<void> {
  await page
    .locator('.echart canvas')
    .nth(count - 1)
    .waitFor({ state: 'attached', timeout: 15_000 });
  // ECharts paints on the next frame.
  await page.waitForTimeout(200);
  const painted = await paintedPixels(page);
  assert.equal(painted.length, count, `expected ${count} charts, found ${painted.length}`);
  for (const [i, n] of painted.entries()) assert.ok(n > 500, `chart ${i} looks blank (${n} painted pixels)`);
}

async function ariaLabels(page: Page): Promise<string[]> {
  return page.$$eval('.echart', (els) =>
    els.filter((e) => e.checkVisibility()).map((e) => e.getAttribute('aria-label') ?? ''),
  );
}

test('first load shows the built-in dataset with painted charts for all three agencies', async () => {
  const app = await openApp(env.browser, env.server.url);
  const { page } = app;
  try {
    await page.locator('.records-table tbody tr').nth(5).waitFor({ timeout: 15_000 });
    assert.match(page.url(), /#\/overview$/);
    assert.equal(await page.locator('.records-table tbody tr').count(), 6);
    const tableText = await page.locator('.records-table').innerText();
    for (const name of SHORT) assert.ok(tableText.includes(name), `${name} missing from the records table`);
    // Heatmaps (execution rate, score) and the ranking.
    await expectCharts(page, 3);
    const labels = await ariaLabels(page);
    assert.match(labels[0] ?? '', /3 个单位/);
    const cards = await page.locator('.cards').innerText();
    assert.match(cards, /加权执行率/);
    assert.match(cards, /97\.57%/);
    await saveScreenshot(page, 'dashboard-overview');

    // The heatmap's data as a table: one row per agency.
    await page.locator('.chart-panel').first().getByRole('button', { name: '数据表' }).click();
    const heatTable = await page.locator('.chart-panel').first().locator('table').innerText();
    for (const name of SHORT) assert.ok(heatTable.includes(name));
    assert.match(heatTable, /96\.92/);

    // Every view draws its charts; the per-agency lines name all three agencies.
    const views: Array<[string, string, number]> = [
      ['预算执行', 'execution', 2],
      ['结转结余', 'carryover', 2],
      ['绩效得分', 'scores', 3],
    ];
    for (const [label, name, charts] of views) {
      await page.locator('.app-nav').getByRole('link', { name: label }).click();
      await page.waitForURL(new RegExp(`#/${name}`));
      await expectCharts(page, charts);
      await saveScreenshot(page, `dashboard-${name}`);
    }
    await page.locator('.app-nav').getByRole('link', { name: '预算执行' }).click();
    await expectCharts(page, 2);
    // The per-record charts are tabs of one panel: each draws when chosen.
    for (const tab of ['项目：预算与执行', '基本支出与项目支出（部门整体）', '年初预算与调整后预算']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('heading', { name: tab }).waitFor();
      await expectCharts(page, 2);
    }
    await page.getByRole('tab', { name: '部门整体：预算与执行' }).click();
    const trend = (await ariaLabels(page))[0] ?? '';
    for (const name of SHORT) assert.ok(trend.includes(name), `execution trend description lacks ${name}: ${trend}`);
    await page.locator('.app-nav').getByRole('link', { name: '结转结余' }).click();
    await page.locator('.changes li').first().waitFor();
    assert.match(
      await page.locator('.changes').innerText(),
      /北京市贸促会[\s\S]*2021 2\.89%[\s\S]*2022 3\.24%[\s\S]*上升 \+0\.35 个百分点/,
    );

    // English switch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.app-nav').getByRole('link', { name: 'Overview' }).waitFor();
    assert.match(await page.locator('.changes').innerText(), /up \+0\.35 pp/);
    await saveScreenshot(page, 'dashboard-carryover-en');
    assertClean(app);
  } finally {
    await app.close();
  }
});

test('a chart below the fold is drawn after the charts in view, with the data of the latest filter', async () => {
  // A short window: the ranking starts below the fold, the heatmaps are in view.
  const app = await openApp(env.browser, env.server.url, { viewport: { width: 1366, height: 420 } });
  const { page } = app;
  try {
    await page.locator('.records-table tbody tr').nth(5).waitFor({ timeout: 15_000 });
    await expectCharts(page, 3);
    const below = await page.$$eval('.echart', (els) =>
      els.map((e) => e.getBoundingClientRect().top > window.innerHeight + 100),
    );
    assert.deepEqual(below, [false, false, true], 'the ranking is below the fold, the heatmaps are not');
    // Which chart was given an option when, and when the charts in view had all finished.
    await page.evaluate(() => {
      const w = window as unknown as { __given: Array<{ chart: number; t: number }> };
      w.__given = [];
      document.addEventListener(
        'echart-option',
        (e) => {
          const chart = [...document.querySelectorAll('.echart')].indexOf(e.target as Element);
          w.__given.push({ chart, t: performance.now() });
        },
        true,
      );
    });
    const before = await ariaLabels(page);
    const t0 = await page.evaluate(() => performance.now());
    // Department records only: the ranking's latest year is no longer 2024.
    await page.locator('input[name=scope][value=department]').check();
    // The ranking is drawn without being scrolled to (when the page is idle), with the new data.
    await page.waitForFunction(
      (old) => (document.querySelectorAll('.echart')[2]?.getAttribute('aria-label') ?? old) !== old,
      before[2] ?? '',
      { timeout: 10_000 },
    );
    const { given, marks } = await page.evaluate((since) => {
      const w = window as unknown as { __given: Array<{ chart: number; t: number }> };
      const marks = performance.getEntriesByName('dashboard:charts-finished').filter((m) => m.startTime > since);
      return { given: w.__given, marks: marks.map((m) => m.startTime) };
    }, t0);
    const at = (chart: number) => given.find((g) => g.chart === chart)?.t ?? NaN;
    const inView = Math.max(at(0), at(1));
    assert.ok(at(2) > inView, 'the ranking below the fold is drawn after the heatmaps in view');
    // "Every chart finished" (what a leader's wait is timed by) is marked when the charts in view are done.
    assert.ok(
      marks.length > 0 && marks.at(-1)! <= inView,
      `charts finished at ${marks.join(', ')}; in view by ${inView}`,
    );
    // What it shows is the panel's own description for the project records, the same words.
    const caption = await page.locator('.chart-panel').nth(2).innerText();
    const label = (await ariaLabels(page))[2] ?? '';
    assert.ok(label.length > 0 && label !== before[2]);
    assert.ok(caption.includes(label.slice(0, 12)), 'the drawn ranking describes the filtered data');
    const painted = await paintedPixels(page);
    assert.ok((painted[2] ?? 0) > 500, 'the ranking is painted');
    assertClean(app);
  } finally {
    await app.close();
  }
});

test('a link with filters reproduces the view; back and forward step through filter changes', async () => {
  const q = new URLSearchParams({ agencies: CCPIT, from: '2021', to: '2022', scope: 'department', threshold: '95' });
  const app = await openApp(env.browser, `${env.server.url}#/execution?${q}`);
  const { page } = app;
  try {
    await page.locator('.filter-count').filter({ hasText: '2 条' }).waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('#filter-from').inputValue(), '2021');
    assert.equal(await page.locator('#filter-to').inputValue(), '2022');
    assert.ok(await page.locator('input[name="scope"][value="department"]').isChecked());
    assert.match(await page.locator('.picker-button').innerText(), /北京市贸促会/);
    assert.equal(await page.locator('input[name="threshold"]').inputValue(), '95');
    await expectCharts(page, 2);
    const trend = (await ariaLabels(page))[0] ?? '';
    assert.ok(trend.includes('北京市贸促会') && !trend.includes('渝中区招商局'), trend);
    assert.match(await page.locator('.view').innerText(), /低于阈值的记录（< 95\.00%）/);
    await saveScreenshot(page, 'dashboard-execution-filtered');

    await page.locator('.segmented label').filter({ hasText: '项目' }).click();
    await page.waitForURL(/scope=project/);
    await page.locator('.filter-count').filter({ hasText: '1 条' }).waitFor();
    await page.goBack();
    await page.waitForURL(/scope=department/);
    await page.locator('.filter-count').filter({ hasText: '2 条' }).waitFor();
    assert.ok(await page.locator('input[name="scope"][value="department"]').isChecked());
    await page.goForward();
    await page.waitForURL(/scope=project/);
    assert.ok(await page.locator('input[name="scope"][value="project"]').isChecked());
    assertClean(app);
  } finally {
    await app.close();
  }
});

test('the record view of 北京市贸促会 2022 shows its level-1 table; its link opens it again', async () => {
  const app = await openApp(env.browser, env.server.url);
  const { page } = app;
  try {
    const row = page.locator('.records-table tbody tr').filter({ hasText: '2022' }).filter({ hasText: '部门整体' });
    await row.getByRole('link', { name: '北京市贸促会' }).click();
    await page.waitForURL(/#\/record\//);
    await page.getByRole('heading', { name: '北京市贸促会 2022 · 部门整体' }).waitFor();
    const tree = await page.locator('.indicator-tree').innerText();
    assert.match(tree, /当年预算执行情况\s+20\.00\s+19\.38\s+96\.90%/);
    assert.match(tree, /整体绩效目标实现情况\s+60\.00\s+55\.80\s+93\.00%/);
    assert.match(tree, /预算管理情况\s+20\.00\s+20\.00\s+100\.00%/);
    const figures = await page.locator('.figures-table').innerText();
    assert.match(figures, /全年预算数\s+5,333\.85 万元/);
    assert.match(figures, /预算执行率\s+96\.92%/);
    assert.match(figures, /结转结余率\s+3\.24%/);
    assert.match(
      await page.locator('.record-view').innerText(),
      /中国国际贸易促进委员会北京市分会2022年度部门整体绩效评价报告/,
    );
    await saveScreenshot(page, 'dashboard-record');
    const url = page.url();

    // The same link in a fresh browser (empty IndexedDB) opens the same record.
    const again = await openApp(env.browser, url);
    try {
      await again.page.getByRole('heading', { name: '北京市贸促会 2022 · 部门整体' }).waitFor({ timeout: 15_000 });
      await again.page.locator('.indicator-tree').waitFor();
      assertClean(again);
    } finally {
      await again.close();
    }

    // The project record has fund lines drawn as a chart.
    await page.goto(`${env.server.url}#/overview`);
    await page
      .locator('.records-table tbody tr')
      .filter({ hasText: '北京市市长国际企业家顾问会议' })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: '北京市贸促会 2022 · 北京市市长国际企业家顾问会议' }).waitFor();
    await expectCharts(page, 1);
    assert.match(await page.locator('.indicator-tree').innerText(), /效益\s+30\.00\s+22\.44\s+74\.80%/);
    await saveScreenshot(page, 'dashboard-record-project');
    assertClean(app);
  } finally {
    await app.close();
  }
});

test('a chart point leads to its record', async () => {
  const app = await openApp(env.browser, `${env.server.url}#/overview`);
  const { page } = app;
  try {
    await expectCharts(page, 3);
    // The ranking of the latest year (2024) has one bar: 朝阳区投促中心's project.
    const ranking = page.locator('.chart-panel').nth(2).locator('.echart');
    // Below the cards and heatmaps: brought into the window before the click.
    await ranking.scrollIntoViewIfNeeded();
    const box = await ranking.boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height / 2);
    await page.waitForURL(/#\/record\//);
    await page.getByRole('heading', { name: '朝阳区投促中心 2024 · 招商引资及推介大型专项活动经费' }).waitFor();
    // Its indicators go down to level 3; level 1 and 2 add up their parts.
    const tree = page.locator('.indicator-tree');
    await tree.waitFor();
    assert.match(await tree.innerText(), /1 级\s*产出指标\s+45\.00\s+45\.00\s+100\.00%/);
    assert.match(await tree.innerText(), /3 级\s*举办或参与宣传活动次数\s+35\.00\s+35\.00\s+100\.00%\s+≥1次\/年\s+1次/);
    // Folding a level-1 indicator hides its children.
    await tree.getByRole('button', { name: '产出指标 (1 级)' }).click();
    assert.equal(await tree.getByText('举办或参与宣传活动次数').count(), 0);
    await tree.getByRole('button', { name: '产出指标 (1 级)' }).click();
    // The filter bar is sticky: scroll back so the full-page screenshot shows it at the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'dashboard-record-tree');
    assertClean(app);
  } finally {
    await app.close();
  }
});

test('chart tools: PNG and CSV downloads, the data table links to records', async () => {
  const app = await openApp(env.browser, `${env.server.url}#/execution`);
  const { page } = app;
  try {
    await expectCharts(page, 2);
    await page.getByRole('tab', { name: '项目：预算与执行' }).click();
    const panel = page.locator('.chart-panel').filter({ has: page.getByRole('heading', { name: '项目：预算与执行' }) });
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '保存图片' }).click(),
    ]);
    assert.equal(png.suggestedFilename(), '项目：预算与执行.png');
    const pngBytes = await readFile((await png.path())!);
    assert.deepEqual([...pngBytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.ok(pngBytes.length > 5000, 'the PNG is too small to hold the chart');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    const text = await readFile((await csv.path())!, 'utf8');
    assert.ok(text.startsWith('\uFEFF评价记录,全年预算数（万元）,全年执行数（万元）,预算执行率'), text.slice(0, 80));
    assert.match(text, /渝中区招商局 2019 · 招商引资专项经费,281\.28,268\.49,95\.45\r\n/);

    await panel.getByRole('button', { name: '数据表' }).click();
    await panel.getByRole('link', { name: '渝中区招商局 2019 · 招商引资专项经费' }).click();
    await page.getByRole('heading', { name: '渝中区招商局 2019 · 招商引资专项经费' }).waitFor();
    assert.match(await page.locator('.figures-table').innerText(), /预算执行率\s+95\.45%/);
    assertClean(app);
  } finally {
    await app.close();
  }
});

test('data imported in another tab appears without a reload; a hostile agency name stays text', async () => {
  const HOSTILE = '<img src=x onerror=alert(1)>';
  const app = await openApp(env.browser, `${env.server.url}#/execution`);
  const { page } = app;
  const dialogs: string[] = [];
  app.context.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await expectCharts(page, 2);
    assert.match(await page.locator('.filter-count').innerText(), /6 条/);

    const other = await app.context.newPage();
    await other.goto(`${env.server.url}#/data`);
    const csv = `单位名称,地区,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,评价得分\r\n"${HOSTILE}",测试市,2023,部门整体,,100,80,70\r\n`;
    await other
      .locator('[data-testid="file-input"]')
      .setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const commit = other.locator('[data-testid="commit"]');
    await commit.waitFor({ timeout: 15_000 });
    await other.waitForFunction(
      () => !(document.querySelector('[data-testid="commit"]') as HTMLButtonElement | null)?.disabled,
    );
    await commit.click();

    // The first tab follows without a reload.
    await page.locator('.filter-count').filter({ hasText: '7 条' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(200);
    const trend = (await ariaLabels(page))[0] ?? '';
    assert.ok(trend.includes(HOSTILE), `trend description lacks the new agency: ${trend}`);
    // 80% is below the 90% threshold: the record is listed, its name as text.
    assert.ok((await page.locator('.records-table').innerText()).includes(HOSTILE));

    // Hover the 2023 column of the trend: the axis tooltip lists the new agency, as text.
    const chart = page.locator('.echart').first();
    const box = await chart.boundingBox();
    assert.ok(box);
    const plotLeft = box.x + 56;
    const plotWidth = box.width - 56 - 24;
    await page.mouse.move(plotLeft + plotWidth * (4.5 / 6), box.y + box.height / 2);
    const tip = chart.locator('div').filter({ hasText: HOSTILE }).last();
    await tip.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await tip.innerText(), /80\.00%/);
    assert.equal(await page.locator('img').count(), 0, 'an <img> element was injected');
    await saveScreenshot(page, 'dashboard-hostile-tooltip');
    assert.deepEqual(dialogs, []);
    assertClean(app);
  } finally {
    await app.close();
  }
});

test('compare: two records side by side, kept in the URL', async () => {
  const app = await openApp(env.browser, `${env.server.url}#/compare`);
  const { page } = app;
  try {
    await page.locator('.compare-picker label').first().waitFor({ timeout: 15_000 });
    await page.locator('.compare-picker label').filter({ hasText: '北京市贸促会 2022 · 部门整体' }).click();
    await page
      .locator('.compare-picker label')
      .filter({ hasText: '北京市贸促会 2022 · 北京市市长国际企业家顾问会议' })
      .click();
    await page.locator('.compare-table').waitFor();
    const table = await page.locator('.compare-table').innerText();
    assert.match(table, /全年预算数\s+5,333\.85 万元\s+112\.33 万元/);
    assert.match(table, /评价得分\s+95\.18 分\s+85\.99 分/);
    await expectCharts(page, 1);
    await saveScreenshot(page, 'dashboard-compare');
    const levelRows = await page.locator('.compare-table tbody tr').count();
    await page.reload();
    await page.locator('.compare-table').waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.compare-table').innerText(), /95\.18 分/);
    // The level-1 rows too: the table waits for the summaries made after the first draw.
    assert.equal(await page.locator('.compare-table tbody tr').count(), levelRows);
    assertClean(app);
  } finally {
    await app.close();
  }
});

test('opened straight on the scores view, the level-1 chart never says there is nothing to draw', async () => {
  const app = await openApp(env.browser, `${env.server.url}#/scores`);
  const { page } = app;
  try {
    await expectCharts(page, 3);
    // Every empty-panel text the page shows from its start, reloaded: the level-1 summaries are
    // made after the first draw, and the chart waiting for them says it is reading.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __emptyTexts: string[] }).__emptyTexts = seen;
      new MutationObserver(() => {
        for (const p of document.querySelectorAll('.chart-panel p.empty')) seen.push(p.textContent ?? '');
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await expectCharts(page, 3);
    const texts = await page.evaluate(() => (window as unknown as { __emptyTexts: string[] }).__emptyTexts);
    assert.ok(!texts.some((s) => s.includes('没有可画的数据')), `an empty panel was shown: ${texts.join(' | ')}`);
    assert.ok(
      texts.every((s) => s.includes('正在读取数据')),
      texts.join(' | '),
    );
    assertClean(app);
  } finally {
    await app.close();
  }
});

test('usable on a 1024×768 tablet and printable without navigation', async () => {
  const app = await openApp(env.browser, `${env.server.url}#/overview`, { viewport: VIEWPORTS.tablet });
  const { page } = app;
  try {
    await expectCharts(page, 3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the tablet`);
    await saveScreenshot(page, 'dashboard-overview-tablet');
    await page.locator('.app-nav').getByRole('link', { name: '绩效得分' }).click();
    await expectCharts(page, 3);
    await saveScreenshot(page, 'dashboard-scores-tablet');

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.app-header').isVisible(), false);
    // On paper the page says what it shows: the filters, the date and the data version.
    const context = await page.locator('.print-context').innerText();
    assert.match(context, /单位：全部单位；年度：全部年度；评价类型：全部/);
    assert.match(context, /打印日期：\d{4}年\d{1,2}月\d{1,2}日；数据版本：批次 \d+（.+，\d{4}年.+提交）/);
    assert.equal(await page.locator('.filter-bar').isVisible(), false);
    assert.equal(await page.locator('.panel-tools').first().isVisible(), false);
    await saveScreenshot(page, 'dashboard-scores-print');
    assertClean(app);
  } finally {
    await app.close();
  }
});

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => Number(x) / 255);
    const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(bl!);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('keyboard focus on the dark header is a ring of at least 3:1 against it', async () => {
  const app = await openApp(env.browser, `${env.server.url}#/overview`);
  const { page } = app;
  try {
    await expectCharts(page, 3);
    const header = await page.locator('.app-header').evaluate((h) => getComputedStyle(h).backgroundColor);
    // The header's controls in tab order: the skip link comes first, then the views, then the languages.
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || !el.closest('.app-header')) return null;
        const s = getComputedStyle(el);
        return {
          text: el.textContent?.trim() ?? '',
          style: s.outlineStyle,
          width: s.outlineWidth,
          color: s.outlineColor,
        };
      });
      if (ring === null) continue;
      seen.push(ring.text);
      assert.equal(ring.style, 'solid', `${ring.text}: no focus ring`);
      assert.ok(parseFloat(ring.width) >= 2, `${ring.text}: ring ${ring.width} wide`);
      const ratio = contrast(ring.color, header);
      assert.ok(ratio >= 3, `${ring.text}: ring ${ring.color} on ${header} is ${ratio.toFixed(2)}:1`);
    }
    assert.ok(seen.includes('总览') && seen.includes('English'), `header controls reached: ${seen.join(', ')}`);
    assertClean(app);
  } finally {
    await app.close();
  }
});
