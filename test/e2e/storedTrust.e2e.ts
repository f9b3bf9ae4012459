// Nothing stored trusted blindly, end to end (issue 9): a records batch rolled back in another tab
// between preview and commit refuses the commit of indicator rows clearly, writes nothing, and the
// file is previewed again; a chunk damaged in IndexedDB is named on the data page, left out of the
// dashboard with a notice, while the other batches keep working.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { assertClean, openApp, ROOT_DIR, saveScreenshot, startEnv, type AppSession, type E2eEnv } from './harness.ts';
import { BUILTIN_BATCHES, commit, gotoData, storedCounts, upload } from './dataPage.ts';

const RECORDS = path.join(ROOT_DIR, 'test', 'fixtures', 'import', 'records-gbk.csv');
const HAIDIAN = '北京市海淀区科技服务中心';
/** An agency of the built-in dataset, as the charts name it. */
const CHAOYANG = '朝阳区投促中心';

let env: E2eEnv;
let scratch: string;

before(async () => {
  env = await startEnv();
  scratch = await mkdtemp(path.join(tmpdir(), 'stored-trust-e2e-'));
});

after(async () => {
  await env?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** The app on its data page, with records-gbk.csv (海淀's two records) committed over the built-in dataset. */
async function withRecordsCommitted(): Promise<AppSession> {
  const app = await openApp(env.browser, env.server.url);
  try {
    await gotoData(app.page);
    await upload(app.page, RECORDS);
    await commit(app.page);
    return app;
  } catch (e) {
    await app.close();
    throw e;
  }
}

const errorCodes = (page: Page, file: string) =>
  page
    .locator(`article[data-file="${file}"] .issue-list.errors [data-code]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));

describe('stored data is not trusted blindly', () => {
  test('records rolled back in one tab: the commit of their indicators in the other is refused, writes nothing, and the file is previewed again', async () => {
    const app = await withRecordsCommitted();
    const { page } = app;
    try {
      const indicators = path.join(scratch, 'indicators-haidian.csv');
      await writeFile(
        indicators,
        `单位名称,年度,评价类型,项目名称,一级指标,二级指标,三级指标,分值,得分\n${HAIDIAN},2023,部门整体,,产出指标,数量指标,服务企业数,10,9\n`,
      );
      await upload(page, indicators);
      assert.deepEqual(await errorCodes(page, 'indicators-haidian.csv'), []);
      assert.ok(await page.getByTestId('commit').isEnabled());

      // The other tab rolls the records back.
      const other = await app.context.newPage();
      await other.goto(env.server.url, { waitUntil: 'load' });
      await gotoData(other, BUILTIN_BATCHES + 1);
      const row = other.locator('[data-batch]').filter({ hasText: 'records-gbk.csv' });
      await row.getByRole('button', { name: /回滚/ }).click();
      await other.getByTestId('confirm-rollback').click();
      await row.getByText(/已回滚/).waitFor({ timeout: 30_000 });
      await other.close();

      const before = await storedCounts(page);
      await page.getByTestId('commit').click();
      const failure = page.getByTestId('import-failure');
      await failure.waitFor({ timeout: 60_000 });
      assert.equal(await failure.locator('[data-code]').getAttribute('data-code'), 'commit_missing_records');
      assert.match(await failure.innerText(), /已不在数据中/);
      assert.match(await failure.innerText(), new RegExp(HAIDIAN));
      // Read again against the records stored now: the row has lost its record, and cannot be committed.
      await page
        .locator('article[data-file="indicators-haidian.csv"] .issue-list.errors [data-code]')
        .first()
        .waitFor({ timeout: 60_000 });
      assert.deepEqual(await errorCodes(page, 'indicators-haidian.csv'), ['missing_record']);
      assert.ok(await page.getByTestId('commit').isDisabled());
      assert.deepEqual(await storedCounts(page), before);
      await saveScreenshot(page, 'stored-trust-two-tabs');
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a chunk damaged in storage is named on the data page and left out of the dashboard, which keeps working', async () => {
    const app = await withRecordsCommitted();
    const { page } = app;
    try {
      await gotoData(page, BUILTIN_BATCHES + 1);
      // A budget ×10 in the stored chunk of the new batch, as a disk error or the DevTools might leave it.
      const batchId = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const req = indexedDB.open('budget-perf-dashboard');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const db = req.result;
              const tx = db.transaction(['batches', 'chunks'], 'readwrite');
              const batches = tx.objectStore('batches').getAll();
              batches.onsuccess = () => {
                const b = (batches.result as Array<{ id: number; fileName: string }>).find(
                  (x) => x.fileName === 'records-gbk.csv',
                )!;
                const chunks = tx.objectStore('chunks');
                const all = chunks.getAll();
                all.onsuccess = () => {
                  const c = (all.result as Array<{ batchId: number; num: Record<string, Float64Array> }>).find(
                    (x) => x.batchId === b.id,
                  )!;
                  c.num.budget![0] = c.num.budget![0]! * 10;
                  chunks.put(c);
                  tx.oncomplete = () => {
                    db.close();
                    resolve(b.id);
                  };
                };
              };
            };
          }),
      );
      await page.reload({ waitUntil: 'load' });
      await gotoData(page, BUILTIN_BATCHES + 1);
      const notice = page.getByTestId('damage-notice');
      await notice.waitFor({ timeout: 30_000 });
      assert.deepEqual(
        await notice
          .locator('[data-code]')
          .evaluateAll((els) => els.map((e) => [e.getAttribute('data-batch'), e.getAttribute('data-code')])),
        [[String(batchId), 'chunk_checksum']],
      );
      assert.match(await notice.innerText(), /records-gbk\.csv/);
      const row = page.locator(`tr[data-batch="${batchId}"]`).filter({ hasText: 'records-gbk.csv' });
      await row.getByTestId('damaged').waitFor();
      await saveScreenshot(page, 'stored-trust-damaged-data-page');

      // The dashboard: a notice linking to the data page; the built-in agencies there, the damaged batch's not.
      await page.getByRole('link', { name: '预算执行' }).click();
      // The built-in dataset's six records, charted; the damaged batch's two are not counted.
      await page.getByText(/当前[:：]\s*6 条评价记录/).waitFor({ timeout: 30_000 });
      await page.getByText(CHAOYANG).first().waitFor({ state: 'attached', timeout: 30_000 });
      const dashNotice = page.getByTestId('damage-notice');
      await dashNotice.waitFor({ timeout: 30_000 });
      assert.match(await dashNotice.innerText(), /records-gbk\.csv/);
      assert.doesNotMatch(await page.locator('body').innerText(), /海淀/);
      await saveScreenshot(page, 'stored-trust-damaged-dashboard');

      // The notice leads to the data page; rolled back there, the damaged batch is no longer named.
      await dashNotice.getByRole('link').click();
      await row.waitFor({ timeout: 30_000 });
      await row.getByRole('button', { name: /回滚/ }).click();
      await page.getByTestId('confirm-rollback').click();
      await row.getByText(/已回滚/).waitFor({ timeout: 30_000 });
      await page.getByTestId('damage-notice').waitFor({ state: 'detached', timeout: 30_000 });
      assertClean(app);
    } finally {
      await app.close();
    }
  });
});
