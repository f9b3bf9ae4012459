// The analyst's workflow end to end on the production build: upload (GBK, errors, identical
// files, hostile text), preview, commit, supersede and roll back, export into a fresh profile,
// cancel a big upload, and the published-data manifest.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  assertClean,
  DIST_DIR,
  openApp,
  ROOT_DIR,
  saveScreenshot,
  startEnv,
  startServer,
  type AppSession,
  type E2eEnv,
} from './harness.ts';
import { BUILTIN_BATCHES, commit, gotoData, storedCounts, upload } from './dataPage.ts';

const FIXTURES = path.join(ROOT_DIR, 'test', 'fixtures', 'import');
const fixture = (name: string) => path.join(FIXTURES, name);
const HAIDIAN = '北京市海淀区科技服务中心';
const PROJECT = '科技成果转化服务经费';

let env: E2eEnv;
let scratch: string;

before(async () => {
  env = await startEnv();
  scratch = await mkdtemp(path.join(tmpdir(), 'import-e2e-'));
});

after(async () => {
  await env?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** The record page's URL parameter: the record key, UTF-8, base64url (as router.ts writes it). */
function recordParam(agency: string, year: number, scope: 'department' | 'project', project: string): string {
  return Buffer.from([agency, year, scope, project].join('\u001f'), 'utf8').toString('base64url');
}

/** Opens the data page once the built-in dataset is in the history. */
async function openDataPage(url: string = env.server.url): Promise<AppSession> {
  const app = await openApp(env.browser, url, { acceptDownloads: true });
  await gotoData(app.page);
  return app;
}

function card(page: Page, fileName: string) {
  return page.locator(`article[data-file="${fileName}"]`);
}

async function historyFiles(page: Page): Promise<string[]> {
  return page.locator('[data-batch] .file-cell').allInnerTexts();
}

async function openRecord(page: Page, param: string): Promise<string> {
  await page.evaluate((p) => (location.hash = `#/record/${p}`), param);
  const view = page.locator('.record-view');
  await view.waitFor();
  await page.locator('.record-view h1').first().waitFor();
  return view.innerText();
}

describe('import', () => {
  test('a GBK file with Chinese headers is previewed, committed, and its agency reaches the dashboard', async () => {
    const app = await openDataPage();
    const { page } = app;
    try {
      await upload(page, fixture('records-gbk.csv'));
      const c = card(page, 'records-gbk.csv');
      const facts = await c.locator('.file-facts').innerText();
      assert.match(facts, /评价记录/);
      assert.match(facts, /GBK \/ GB18030/);
      assert.match(facts, /逗号/);
      // Header mapping: as written → field, with the unit.
      await c.getByText(/表头对应/).click();
      const mapping = await c.locator('.header-map').innerText();
      assert.match(mapping, /全年预算数（万元）\s+全年预算数（万元）\s*budget\s+万元/);
      // The first rows as stored: the agency, the amounts in 万元, the derived grade.
      const sample = await c.locator('.sample-rows').innerText();
      assert.match(sample, new RegExp(HAIDIAN));
      assert.match(sample, /2,400\.00/);
      await saveScreenshot(page, 'import-gbk-preview');

      assert.match(await commit(page), /新增 2 条/);
      assert.equal((await historyFiles(page))[0], 'records-gbk.csv');
      // The marks a benchmark reads.
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      for (const m of ['import:file-chosen', 'import:parsed', 'import:committed'])
        assert.ok(marks.includes(m), `mark ${m}: ${marks.join(', ')}`);

      // Committed by the worker; the dashboard's store follows (Dexie's change broadcast).
      await page.getByRole('link', { name: '预算执行' }).click();
      await page.getByText(HAIDIAN).first().waitFor({ state: 'attached', timeout: 15_000 });
      const text = await openRecord(page, recordParam(HAIDIAN, 2023, 'project', PROJECT));
      assert.match(text, /320\.00/);
      await saveScreenshot(page, 'import-gbk-dashboard');
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a file with errors shows each error with row and column, cannot be committed, and leaves nothing stored', async () => {
    const app = await openDataPage();
    const { page } = app;
    try {
      const before = await storedCounts(page);
      await upload(
        page,
        fixture('indicators-errors.csv'),
        fixture('records-errors.csv'),
        fixture('unknown-headers.csv'),
        fixture('binary.csv'),
        fixture('latin1.csv'),
        fixture('empty.csv'),
      );
      const rec = await card(page, 'records-errors.csv').locator('.issue-list.errors').innerText();
      assert.match(rec, /3\s+全年预算数（万元）\s+金额不能为负数：-20/);
      assert.match(rec, /4\s+单位名称\s+与第 2 行重复/);
      assert.match(rec, /5\s+年度\s+不是有效的整数/);
      const ind = await card(page, 'indicators-errors.csv').locator('.issue-list.errors').innerText();
      assert.match(ind, /2\s+得分\s+得分 12\.00 超过分值 10\.00/);
      assert.match(ind, /3\s+单位名称\s+找不到对应的评价记录/);
      assert.match(
        await card(page, 'unknown-headers.csv').innerText(),
        /无法识别文件类型：表头应包含 单位名称（agency）/,
      );
      assert.match(await card(page, 'binary.csv').innerText(), /不是文本文件/);
      assert.match(await card(page, 'latin1.csv').innerText(), /既不是 UTF-8 也不是 GBK/);
      assert.match(await card(page, 'empty.csv').innerText(), /文件是空的/);
      // Each issue row carries its code.
      const codes = (name: string) =>
        card(page, name)
          .locator('.issue-list.errors [data-code]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      assert.deepEqual(await codes('records-errors.csv'), ['amount_negative', 'duplicate_key', 'integer_invalid']);
      assert.deepEqual(await codes('indicators-errors.csv'), ['score_above_weight', 'missing_record']);
      assert.deepEqual(await codes('binary.csv'), ['not_text']);
      // Records are processed first, whatever the order chosen.
      const order = await page
        .locator('article[data-file]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-file')));
      assert.equal(order[0], 'records-errors.csv');
      assert.ok(await page.getByTestId('commit').isDisabled());
      assert.match(await page.locator('.preview-bar').innerText(), /有错误的文件不能导入/);
      await saveScreenshot(page, 'import-errors-preview');

      // The error list downloads as CSV with every error.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card(page, 'records-errors.csv')
          .locator('.issue-list.errors')
          .getByRole('button', { name: '下载 CSV' })
          .click(),
      ]);
      const csv = await readFile((await download.path())!, 'utf8');
      assert.equal(download.suggestedFilename(), 'records-errors-错误.csv');
      assert.equal(csv.trim().split('\r\n').length, 4);

      await page.getByTestId('discard').click();
      assert.equal(await page.locator('article[data-file]').count(), 0);
      assert.deepEqual(await storedCounts(page), before);
      assert.equal((await historyFiles(page)).length, BUILTIN_BATCHES);
      await page.getByRole('link', { name: '总览' }).click();
      await page.locator('.view-title').first().waitFor();
      assert.equal(await page.getByText('北京市西城区示例中心').count(), 0);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('thousands of errors stay a fast, virtualised list', async () => {
    const app = await openDataPage();
    const { page } = app;
    try {
      const rows = Array.from(
        { length: 5000 },
        (_, i) => `北京市西城区示例中心,北京市西城区,2023,项目,项目${i},-${i + 1},1,80`,
      );
      const file = path.join(scratch, 'many-errors.csv');
      await writeFile(
        file,
        ['单位名称,地区,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,评价得分', ...rows].join('\n'),
      );
      await upload(page, file);
      const list = card(page, 'many-errors.csv').locator('.issue-list.errors');
      assert.match(await list.locator('h4').innerText(), /错误（5,000）/);
      // Only the rows in view (plus a margin) exist in the DOM.
      const rendered = await list.locator('.issue-body [role="row"]').count();
      assert.ok(rendered > 0 && rendered < 60, `rendered rows: ${rendered}`);
      await list.locator('.issue-body').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await list.getByText('金额不能为负数：-5000').waitFor();
      assert.ok((await list.locator('.issue-body [role="row"]').count()) < 60);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('re-uploading an identical file is recognised and changes nothing', async () => {
    const app = await openDataPage();
    const { page } = app;
    try {
      await upload(page, fixture('records-gbk.csv'));
      await commit(page);
      const before = await storedCounts(page);
      await upload(page, fixture('records-gbk.csv'));
      const note = await card(page, 'records-gbk.csv').locator('.file-note').innerText();
      assert.match(note, /与已导入的批次 #5“records-gbk\.csv”.*内容完全相同/);
      assert.match(await page.locator('.preview-bar').innerText(), /都与已导入的批次完全相同/);
      assert.ok(await page.getByTestId('commit').isDisabled());
      await saveScreenshot(page, 'import-identical');
      await page.getByTestId('discard').click();
      assert.deepEqual(await storedCounts(page), before);
      assert.deepEqual(
        (await historyFiles(page)).filter((f) => f === 'records-gbk.csv'),
        ['records-gbk.csv'],
      );
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a superseding file shows old → new figures; rolling it back brings the old figures back', async () => {
    const app = await openDataPage();
    const { page } = app;
    const param = recordParam(HAIDIAN, 2023, 'project', PROJECT);
    try {
      await upload(page, fixture('records-gbk.csv'));
      await commit(page);
      await upload(page, fixture('records-update.csv'));
      const diff = await card(page, 'records-update.csv').locator('.supersede-diff').innerText();
      assert.match(diff, /新增 0 条，替换 1 条已有数据/);
      assert.match(diff, /全年预算数（万元）\s+320\.00 万元\s+360\.00 万元/);
      assert.match(diff, /评价得分\s+88\.00\s+93\.00/);
      await saveScreenshot(page, 'import-supersede-preview');
      assert.match(await commit(page), /替换 1 条/);
      assert.match(await openRecord(page, param), /360\.00/);

      await gotoData(page);
      const row = page.locator('[data-batch]').filter({ hasText: 'records-update.csv' });
      await row.getByRole('button', { name: /回滚/ }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText(/条数据将恢复为更早批次中的数值/).waitFor();
      const said = await dialog.innerText();
      assert.match(said, /回滚批次 #6/);
      assert.match(said, /1 条数据将恢复为更早批次中的数值/);
      assert.match(said, /全年预算数（万元）\s+360\.00 万元\s+320\.00 万元/);
      await saveScreenshot(page, 'import-rollback-confirm');
      await page.getByTestId('confirm-rollback').click();
      await page.getByText('已回滚批次 #6').waitFor();
      assert.match(await row.innerText(), /已回滚/);
      await saveScreenshot(page, 'import-history');
      const text = await openRecord(page, param);
      assert.match(text, /320\.00/);
      assert.doesNotMatch(text, /360\.00/);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('the export, loaded into a fresh browser profile, gives the same data', async () => {
    const first = await openDataPage();
    const files: Record<string, string> = {};
    try {
      await upload(first.page, fixture('records-gbk.csv'));
      await commit(first.page);
      const downloads = new Map<string, string>();
      first.page.on('download', async (d) => {
        const target = path.join(scratch, `export-${d.suggestedFilename()}`);
        await d.saveAs(target);
        downloads.set(d.suggestedFilename(), target);
      });
      await first.page.getByTestId('export-all').click();
      await first.page.locator('.export-links a').nth(3).waitFor();
      for (let i = 0; i < 50 && downloads.size < 4; i++) await first.page.waitForTimeout(100);
      assert.deepEqual([...downloads.keys()].sort(), ['findings.csv', 'funds.csv', 'indicators.csv', 'records.csv']);
      for (const [name, file] of downloads) files[name] = await readFile(file, 'utf8');
      assert.match(files['records.csv']!, new RegExp(HAIDIAN));
      assertClean(first);
    } finally {
      await first.close();
    }

    // A new context: its own, empty IndexedDB (the built-in dataset loads on first start).
    const second = await openDataPage();
    try {
      const paths = ['indicators.csv', 'funds.csv', 'findings.csv', 'records.csv'].map((n) =>
        path.join(scratch, `export-${n}`),
      );
      await upload(second.page, ...paths);
      const order = await second.page
        .locator('article[data-file]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-file')));
      assert.deepEqual(order, [
        'export-records.csv',
        'export-indicators.csv',
        'export-funds.csv',
        'export-findings.csv',
      ]);
      await commit(second.page);
      await second.page.getByTestId('export-all').click();
      await second.page.locator('.export-links a').nth(3).waitFor();
      const texts = await second.page
        .locator('.export-links a')
        .evaluateAll(async (links) =>
          Object.fromEntries(
            await Promise.all(
              links.map(async (a) => [
                a.getAttribute('download'),
                await (await fetch((a as HTMLAnchorElement).href)).text(),
              ]),
            ),
          ),
        );
      // Same data: the second browser exports byte for byte what the first one did.
      for (const name of ['records.csv', 'indicators.csv', 'funds.csv', 'findings.csv']) {
        assert.equal('\uFEFF' + (texts[name] as string), files[name], `${name} differs after the round trip`);
      }
      await second.page.getByRole('link', { name: '预算执行' }).click();
      await second.page.getByText(HAIDIAN).first().waitFor({ state: 'attached', timeout: 15_000 });
      assertClean(second);
    } finally {
      await second.close();
    }
  });

  test('hostile text in a file is shown as text and never run', async () => {
    const app = await openDataPage();
    const { page } = app;
    const hostile = '<img src=x onerror="window.__pwned=1">';
    try {
      await upload(page, fixture('records-hostile.csv'));
      const sample = card(page, 'records-hostile.csv').locator('.sample-rows');
      assert.ok((await sample.innerText()).includes(hostile));
      await commit(page);
      assert.ok((await page.locator('[data-batch]').first().innerText()).includes('records-hostile.csv'));
      const text = await openRecord(page, recordParam(hostile, 2024, 'department', ''));
      assert.ok(text.includes(hostile), `record page text: ${text.slice(0, 200)}`);
      assert.ok(text.includes('<script>window.__pwned=2</script>'));
      await page.getByRole('link', { name: '总览' }).click();
      await page.locator('.view-title').first().waitFor();
      await page.waitForTimeout(500);
      await saveScreenshot(page, 'import-hostile');
      const pwned = await page.evaluate(() => ({
        flag: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        imgs: document.querySelectorAll('img[onerror]').length,
      }));
      assert.deepEqual(pwned, { flag: null, imgs: 0 });
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a big upload shows progress, leaves the page responsive, and cancel leaves nothing behind', async () => {
    const app = await openDataPage();
    const { page } = app;
    try {
      // About 85 MB: long enough to watch and cancel on a fast machine (big files are read in two
      // parts at once), short enough for CI.
      const header = '单位名称,地区,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,评价得分\n';
      const row = (i: number) =>
        `北京市西城区示例中心${i % 40},北京市西城区,${2000 + (i % 25)},项目,项目编号${i},${(i % 900) + 1},${i % 900},80\n`;
      const lines: string[] = [header];
      for (let i = 0; i < 950_000; i++) lines.push(row(i));
      const file = path.join(scratch, 'big.csv');
      await writeFile(file, lines.join(''));
      const before = await storedCounts(page);

      // From before the upload: the worst timer lag on the main thread.
      await page.evaluate(() => {
        const w = window as unknown as { __lag: number };
        w.__lag = 0;
        let last = performance.now();
        setInterval(() => {
          const now = performance.now();
          w.__lag = Math.max(w.__lag, now - last - 20);
          last = now;
        }, 20);
      });
      await page.getByTestId('file-input').setInputFiles(file);
      await page.locator('.import-progress progress').waitFor();
      // Progress moves before the parse ends, shown between 0 and 100 (how soon depends on the
      // machine's load, so wait for it).
      await page.waitForFunction(
        () => {
          const v = Number(document.querySelector('.import-progress progress')?.getAttribute('value'));
          return v > 0 && v < 100;
        },
        null,
        { timeout: 60_000, polling: 10 },
      );
      // The main thread kept its timers on time while the workers parsed.
      const lag = await page.evaluate(() => (window as unknown as { __lag: number }).__lag);
      assert.ok(lag < 250, `main thread blocked for ${lag} ms during parsing`);
      await saveScreenshot(page, 'import-progress');
      await page.getByTestId('cancel-parse').click();
      await page.getByText('已取消，没有写入任何数据。').waitFor();
      assert.equal(await page.locator('article[data-file]').count(), 0);
      assert.deepEqual(await storedCounts(page), before);

      // The next upload works straight away.
      await upload(page, fixture('records-gbk.csv'));
      assert.match(await commit(page), /新增 2 条/);
      assertClean(app);
    } finally {
      await app.close();
    }
  });
});

describe('help for analysts', () => {
  test('the templates download from beside the app and the format page explains every column', async () => {
    const app = await openDataPage();
    const { page } = app;
    try {
      for (const kind of ['records', 'indicators', 'funds']) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator(`a[data-template="${kind}"]`).click(),
        ]);
        assert.equal(download.suggestedFilename(), `${kind}.csv`);
        const bytes = await readFile((await download.path())!);
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${kind}.csv starts with a BOM`);
        assert.equal(bytes.toString('utf8').trim().split('\r\n').length, 2);
      }
      await page.getByRole('link', { name: '查看数据格式说明' }).click();
      await page.getByRole('heading', { name: '数据格式说明' }).waitFor();
      const text = await page.locator('.format-view').innerText();
      for (const expected of [
        '全年预算数（万元）',
        'budget',
        '调整后预算数',
        '偏差原因分析及改进措施',
        '资金来源 / 支出明细',
        'GBK / GB18030',
        '表头是第 1 行',
      ]) {
        assert.ok(text.includes(expected), `format page lacks ${expected}`);
      }
      await saveScreenshot(page, 'import-format');
      // English, on the data page too.
      await page.locator('.lang-switch button[lang="en"]').click();
      await page.getByRole('heading', { name: 'Data format' }).waitFor();
      await page.getByRole('link', { name: 'Data', exact: true }).click();
      await upload(page, fixture('records-errors.csv'));
      assert.match(await page.locator('.preview-bar').innerText(), /Files with errors cannot be imported/);
      await saveScreenshot(page, 'import-errors-en');
      assertClean(app);
    } finally {
      await app.close();
    }
  });
});

describe('published data', () => {
  test('files listed in data/manifest.json are imported as a published batch, once', async () => {
    // A deployment: the build plus a data/ folder with an exported records file and a manifest.
    const site = path.join(scratch, 'site');
    await cp(DIST_DIR, site, { recursive: true });
    await mkdir(path.join(site, 'data'), { recursive: true });
    await cp(fixture('records-gbk.csv'), path.join(site, 'data', 'records.csv'));
    await writeFile(path.join(site, 'data', 'manifest.json'), JSON.stringify({ files: ['records.csv'] }));
    const server = await startServer(site, '/published/');
    try {
      const app = await openApp(env.browser, server.url);
      const { page } = app;
      try {
        await page.getByRole('link', { name: '数据管理' }).click();
        const row = page.locator('[data-batch]').filter({ hasText: 'records.csv' }).filter({ hasText: '发布' });
        await row.waitFor({ timeout: 20_000 });
        assert.match(
          await page.locator('.banner').first().innerText(),
          /已载入部署目录 data\/ 中发布的数据：records\.csv/,
        );
        assert.ok(server.requested.includes('/published/data/records.csv'));
        await page.getByRole('link', { name: '预算执行' }).click();
        await page.getByText(HAIDIAN).first().waitFor({ state: 'attached', timeout: 15_000 });
        // A reload of the page does not import the unchanged file again.
        await page.reload();
        await page.getByRole('link', { name: '数据管理' }).click();
        await page.locator('[data-batch]').nth(BUILTIN_BATCHES).waitFor();
        await page.waitForTimeout(1000);
        assert.equal(await page.locator('[data-batch]').filter({ hasText: '发布' }).count(), 1);
        assertClean(app);
      } finally {
        await app.close();
      }
    } finally {
      await server.close();
    }
  });
});
