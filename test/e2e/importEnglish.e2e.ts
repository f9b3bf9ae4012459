// The data page and the format page in English: every word the product writes is English; the
// only Chinese is data (file names, agency and project names, headers and cells as written in the
// file), and it is marked lang="zh". Issues carry their codes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { assertClean, openApp, ROOT_DIR, saveScreenshot, startEnv, type E2eEnv } from './harness.ts';

const FIXTURES = path.join(ROOT_DIR, 'test', 'fixtures', 'import');
const fixture = (name: string) => path.join(FIXTURES, name);
/** Batches of the built-in dataset: records, indicators, funds, findings. */
const BUILTIN_BATCHES = 4;

let env: E2eEnv;
let scratch: string;

before(async () => {
  env = await startEnv();
  scratch = await mkdtemp(path.join(tmpdir(), 'import-en-e2e-'));
});

after(async () => {
  await env?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/**
 * The Chinese text of `selector` outside the elements marked as Chinese data (lang="zh…"): the
 * page's own words. Closed <details> count too (textContent, not what is on screen).
 */
async function chineseOutsideData(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) throw new Error(`no ${sel}`);
    const copy = root.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('[lang^="zh"]')) el.remove();
    const cjk = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
    return (copy.textContent ?? '').match(cjk) ?? [];
  }, selector);
}

async function upload(page: Page, ...files: string[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(files);
  await page.locator('[data-testid="preview"]').waitFor({ timeout: 60_000 });
}

function card(page: Page, fileName: string) {
  return page.locator(`article[data-file="${fileName}"]`);
}

async function codes(page: Page, fileName: string, severity: 'errors' | 'warnings'): Promise<Array<string | null>> {
  return card(page, fileName)
    .locator(`.issue-list.${severity} [data-code]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
}

describe('the data page in English', () => {
  test('shows no Chinese outside data, localises kinds, labels and values, and names each error by its code', async () => {
    // Warnings: expenditure over budget, a grade that does not match its score, an unknown column.
    const warnings = path.join(scratch, 'records-warnings.csv');
    await writeFile(
      warnings,
      '单位名称,年度,评价类型,全年预算数（万元）,全年执行数（万元）,评价得分,评价等级,联系人\n' +
        '北京市西城区示例中心,2023,部门整体,1200,1300,85,优,张三\n',
    );
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    try {
      await page.locator('.lang-switch button[lang="en"]').click();
      await page.getByRole('link', { name: 'Data', exact: true }).click();
      await page
        .locator('[data-batch]')
        .nth(BUILTIN_BATCHES - 1)
        .waitFor({ timeout: 15_000 });

      await upload(page, fixture('records-errors.csv'), warnings, fixture('records-gbk.csv'), fixture('binary.csv'));
      // Every section open: the header mappings and sample rows are checked as shown.
      await page
        .locator('details.file-section')
        .evaluateAll((els) => els.forEach((e) => ((e as HTMLDetailsElement).open = true)));
      // A header mapping is drawn once its section is opened.
      await page.waitForFunction(
        () => document.querySelectorAll('.header-map').length === document.querySelectorAll('details.headers').length,
      );
      await saveScreenshot(page, 'import-english-preview');

      assert.deepEqual(await chineseOutsideData(page, 'main'), []);
      assert.deepEqual(await chineseOutsideData(page, 'header'), []);

      // The errors and warnings shown, by code.
      assert.deepEqual(await codes(page, 'records-errors.csv', 'errors'), [
        'amount_negative',
        'duplicate_key',
        'integer_invalid',
      ]);
      assert.deepEqual(await codes(page, 'records-warnings.csv', 'warnings'), [
        'unknown_column',
        'over_budget',
        'grade_mismatch',
      ]);
      assert.deepEqual(await codes(page, 'binary.csv', 'errors'), ['not_text']);
      const errors = await card(page, 'records-errors.csv').locator('.issue-list.errors').innerText();
      assert.match(errors, /An amount cannot be negative: -20/);
      assert.match(errors, /Repeats row 2: the same agency, year, scope and project may appear only once/);
      const warned = await card(page, 'records-warnings.csv').locator('.issue-list.warnings').innerText();
      assert.match(warned, /Expenditure 1,300\.00 CNY 10k exceeds the budget 1,200\.00 CNY 10k\./);
      assert.match(warned, /The grade “Excellent” does not match the score 85\.00, whose grade is “Good”\./);

      // The preview of the valid file: kind, encoding and delimiter in English; labels, not field
      // names; values formatted; scope and grade in English; the file's names marked Chinese.
      const ok = card(page, 'records-gbk.csv');
      const facts = await ok.locator('.file-facts').innerText();
      assert.match(facts, /Records/);
      assert.match(facts, /GBK \/ GB18030/);
      assert.match(facts, /comma/);
      const heads = await ok.locator('.sample-rows th').allInnerTexts();
      assert.ok(heads.includes('Full-year budget (CNY 10k)'), heads.join(' | '));
      assert.ok(!heads.some((h) => /_/.test(h)), `snake_case header: ${heads.join(' | ')}`);
      const sample = await ok.locator('.sample-rows tbody').innerText();
      assert.match(sample, /2,400\.00/);
      assert.match(sample, /Project/);
      assert.doesNotMatch(sample, /\bproject\b|\bdepartment\b/);
      const agencyCells = await ok.locator('.sample-rows tbody td[lang="zh"]').allInnerTexts();
      assert.ok(agencyCells.includes('北京市海淀区科技服务中心'), agencyCells.join(' | '));
      assert.equal(await page.locator('article[data-file] h3 [lang="zh"]').count(), 0);
      assert.match(await page.locator('.preview-bar').innerText(), /4 files, \d+ data rows?, 4 errors, 3 warnings/);

      // Only the valid file, committed: the result and the history in English too.
      await page.getByTestId('discard').click();
      await upload(page, fixture('records-gbk.csv'));
      await page.getByTestId('commit').click();
      const result = await page.getByTestId('import-result').innerText();
      assert.match(result, /Imported 1 batch: 2 new rows, 0 replaced\./);
      assert.deepEqual(await chineseOutsideData(page, 'main'), []);

      // The rollback dialog, too.
      await page
        .locator('[data-batch]')
        .first()
        .getByRole('button', { name: /Roll back/ })
        .click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText(/rows? shown now/).waitFor();
      assert.deepEqual(await chineseOutsideData(page, 'dialog'), []);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.equal(
        await page.evaluate(() => document.activeElement?.closest('[data-batch]')?.getAttribute('data-batch')),
        await page.locator('[data-batch]').first().getAttribute('data-batch'),
      );

      // Rolled back, at 1024 px: the history, with the time of the rollback in its state, still
      // fits its panel, so every row's roll-back button is on screen without scrolling sideways.
      await page.setViewportSize({ width: 1024, height: 768 });
      await page
        .locator('[data-batch]')
        .first()
        .getByRole('button', { name: /Roll back/ })
        .click();
      await dialog.getByTestId('confirm-rollback').click();
      await page.locator('[data-batch] .rolled-time').first().waitFor({ timeout: 30_000 });
      await saveScreenshot(page, 'import-english-history-1024');
      const history = await page
        .locator('.history-table')
        .evaluate((table) => ({ wrap: table.parentElement!.clientWidth, table: table.scrollWidth }));
      assert.ok(history.table <= history.wrap, `history ${history.table} px wide in a ${history.wrap} px panel`);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('the format page shows no Chinese outside the headers, aliases and values files hold', async () => {
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    try {
      await page.locator('.lang-switch button[lang="en"]').click();
      await page.evaluate(() => (location.hash = '#/format'));
      await page.getByRole('heading', { name: 'Data format' }).waitFor();
      assert.deepEqual(await chineseOutsideData(page, 'main'), []);
      const text = await page.locator('.format-view').innerText();
      for (const expected of ['全年预算数（万元）', 'budget', 'excellent / good / fair / poor', '优 / 良 / 中 / 差'])
        assert.ok(text.includes(expected), `format page lacks ${expected}`);
      await saveScreenshot(page, 'format-english');
      assertClean(app);
    } finally {
      await app.close();
    }
  });
});
