// Workbooks and self-evaluation forms end to end on the production build: several forms (.xlsx and
// .docx) and a workbook of the contract tables dropped at once, the year asked for the form that
// states none, each figure shown with its cell, commit, the record on its page; a form with an
// error writes nothing; 导出 Excel loaded into a fresh profile gives the same data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { TEMPLATE_ROWS } from '../../src/domain/templates.ts';
import { toXlsx } from '../../src/domain/workbook/write.ts';
import { assertClean, openApp, ROOT_DIR, saveScreenshot, startEnv, type AppSession, type E2eEnv } from './harness.ts';
import { recordParam } from './dataPage.ts';

const FORMS = path.join(ROOT_DIR, 'test', 'fixtures', 'forms');
const form = (name: string) => path.join(FORMS, name);
const CHAOYANG = '北京市朝阳区投资促进服务中心';
const CHAOYANG_PROJECT = '开展北京·香港合作研讨洽谈会专题推介活动';
const BOOK_AGENCY = '北京市工作簿测试中心';
const BUILTIN_BATCHES = 3;

let env: E2eEnv;
let scratch: string;
let tablesBook: string;

before(async () => {
  env = await startEnv();
  scratch = await mkdtemp(path.join(tmpdir(), 'forms-e2e-'));
  // A workbook of the contract tables whose indicator sheet comes before its records sheet.
  tablesBook = path.join(scratch, '数据表.xlsx');
  const record = { ...TEMPLATE_ROWS.records, agency: BOOK_AGENCY };
  const indicator = { ...TEMPLATE_ROWS.indicators, agency: BOOK_AGENCY };
  await writeFile(tablesBook, toXlsx({ indicators: [indicator], records: [record] }));
});

after(async () => {
  await env?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function openDataPage(): Promise<AppSession> {
  const app = await openApp(env.browser, env.server.url, { acceptDownloads: true });
  await app.page.getByRole('link', { name: '数据管理' }).click();
  await app.page
    .locator('[data-batch]')
    .nth(BUILTIN_BATCHES - 1)
    .waitFor({ timeout: 15_000 });
  return app;
}

async function upload(page: Page, ...files: string[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(files);
  await page.locator('[data-testid="preview"], [data-testid="import-failure"]').first().waitFor({ timeout: 60_000 });
}

async function commit(page: Page): Promise<string> {
  await page.getByTestId('commit').click();
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 60_000 });
  return result.innerText();
}

async function exportCsv(page: Page): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const [records] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
  await page.locator('.export-links a').nth(2).waitFor();
  // The three links hold the files; the first download is enough to know they are built.
  void records;
  for (const a of await page.locator('.export-links a[download$=".csv"]').all()) {
    const name = (await a.getAttribute('download'))!;
    files[name] = await a.evaluate(async (el) => (await fetch((el as HTMLAnchorElement).href)).text());
  }
  return files;
}

describe('forms and workbooks', () => {
  test('forms and a workbook dropped at once: year asked, cells shown, committed, the record on its page', async () => {
    const app = await openDataPage();
    const { page } = app;
    try {
      await upload(
        page,
        form('project-national.xlsx'),
        form('department-national.docx'),
        form('department-guizhou-no-year.xlsx'),
        tablesBook,
      );
      const forms = page.getByTestId('forms-preview');
      assert.match(await page.getByTestId('forms-summary').innerText(), /共 3 份自评表：2 份可以导入，1 份有错误/);
      assert.ok(await page.getByTestId('commit').isDisabled());
      assert.match(await page.getByTestId('form-year-ask').innerText(), /1 份自评表没有写明年度/);

      // The year, once for the upload: the forms are read again with it.
      await page.getByTestId('form-year').fill('2023');
      await page.getByTestId('form-year-apply').click();
      await page.getByText('未写明年度的自评表按 2023 年度读取。').waitFor({ timeout: 60_000 });
      assert.match(await page.getByTestId('forms-summary').innerText(), /共 3 份自评表：3 份可以导入，0 份有错误/);

      // The workbook's sheets are batches of their own, records first.
      const sheets = await page
        .locator('article[data-file="数据表.xlsx"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet')));
      assert.deepEqual(sheets, ['评价记录', '绩效指标']);

      // A form's figures, each with the cell it came from; its warnings at their cells.
      const row = forms.locator('tr[data-form-file="project-national.xlsx"]');
      assert.match(await row.innerText(), new RegExp(CHAOYANG_PROJECT));
      await row.getByTestId('form-show').click();
      const detail = forms.locator('.form-detail[data-form="project-national.xlsx"]');
      const expenditure = await detail.locator('.form-record tr[data-field="expenditure"]').innerText();
      assert.match(expenditure, /全年执行数.*\s+\d+\.\d\d\s+Sheet1![A-Z]+\d+「/);
      assert.match(await detail.locator('.form-indicators').innerText(), /Sheet1![A-Z]+\d+/);
      const word = forms.locator('tr[data-form-file="department-national.docx"]');
      await word.getByTestId('form-show').click();
      const wordDetail = forms.locator('.form-detail[data-form="department-national.docx"]');
      assert.match(await wordDetail.locator('.form-record').innerText(), /表1 第\d+行/);
      const guizhou = forms.locator('tr[data-form-file="department-guizhou-no-year.xlsx"]');
      await guizhou.getByTestId('form-show').click();
      const warnings = forms.locator('.form-detail[data-form="department-guizhou-no-year.xlsx"] .issue-list.warnings');
      assert.match(await warnings.innerText(), /2023/);
      await saveScreenshot(page, 'forms-preview');

      assert.match(await commit(page), /已导入/);
      const text = await (async () => {
        await page.evaluate(
          (p) => (location.hash = `#/record/${p}`),
          recordParam(CHAOYANG, 2024, 'project', CHAOYANG_PROJECT),
        );
        // The dashboard's data follows a commit a moment later: wait for the record's figures.
        await page.locator('.record-view td.evidence-cell').first().waitFor();
        return page.locator('.record-view').innerText();
      })();
      assert.match(text, new RegExp(CHAOYANG_PROJECT));
      await page.evaluate(
        (p) => (location.hash = `#/record/${p}`),
        recordParam('绥阳县太白镇人民政府', 2023, 'department', ''),
      );
      await page.locator('.record-view h1').first().waitFor();
      assert.match(await page.locator('.record-view').innerText(), /绥阳县太白镇人民政府/);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a form with an error shows it at its cell and nothing is written', async () => {
    const app = await openDataPage();
    const { page } = app;
    try {
      const before = await page.locator('[data-batch]').count();
      await upload(page, form('project-national.xlsx'), form('project-forms-several.xlsx'));
      const row = page.locator('tr[data-form-file="project-forms-several.xlsx"]');
      await row.getByTestId('form-show').click();
      const errors = page.locator('.form-detail[data-form="project-forms-several.xlsx"] .issue-list.errors');
      assert.match(await errors.innerText(), /产业招商推介会!H\d+/);
      assert.ok(await page.getByTestId('commit').isDisabled());
      await page.getByTestId('discard').click();
      assert.equal(await page.locator('[data-batch]').count(), before);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('导出 Excel, imported into a fresh profile, gives the same data', async () => {
    const first = await openDataPage();
    let workbook: string;
    let csv: Record<string, string>;
    try {
      await upload(first.page, form('project-national.xlsx'), form('project-sichuan.docx'));
      await commit(first.page);
      const [download] = await Promise.all([
        first.page.waitForEvent('download'),
        first.page.getByTestId('export-xlsx').click(),
      ]);
      assert.match(download.suggestedFilename(), /^budget-performance-\d{4}-\d\d-\d\d\.xlsx$/);
      workbook = path.join(scratch, 'export.xlsx');
      await download.saveAs(workbook);
      csv = await exportCsv(first.page);
      assertClean(first);
    } finally {
      await first.close();
    }
    const bytes = await readFile(workbook);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');

    const second = await openDataPage();
    try {
      await upload(second.page, workbook);
      const sheets = await second.page
        .locator('article[data-sheet]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet')));
      assert.deepEqual(sheets, ['评价记录', '绩效指标', '资金明细', '评价发现']);
      await commit(second.page);
      assert.deepEqual(await exportCsv(second.page), csv);
      assertClean(second);
    } finally {
      await second.close();
    }
  });
});
