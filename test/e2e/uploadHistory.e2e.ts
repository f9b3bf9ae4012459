// An upload in the batch history, end to end on the production build: several forms dropped and
// committed at once are one entry in the history with their batches under it; the records batch
// alone may be rolled back, and the dialog first says (by code) that its indicators stay behind; the upload is
// rolled back as a unit, its records leave the dashboard, the record it replaced comes back, and
// the history shows the upload rolled back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { assertClean, openApp, ROOT_DIR, saveScreenshot, startEnv, type E2eEnv } from './harness.ts';
import { BUILTIN_BATCHES, commit, gotoData, recordParam, upload } from './dataPage.ts';

const FORMS = path.join(ROOT_DIR, 'test', 'fixtures', 'forms');
const form = (name: string) => path.join(FORMS, name);
/** The Sichuan form's record: not in the built-in dataset. */
const QINGSHEN = ['青神县发展和改革局', 2023, 'project', '51000021R000000019951-工资性支出'] as const;
/** The national department form's record: it replaces the built-in one, which comes back. */
const CHAOYANG = ['北京市朝阳区投资促进服务中心', 2023, 'department', ''] as const;

let env: E2eEnv;

before(async () => {
  env = await startEnv();
});

after(async () => {
  await env?.close();
});

/** The record page of a record: its heading when stored, else the not-found panel (never the loading one). */
async function recordShown(page: Page, key: readonly [string, number, 'department' | 'project', string]) {
  await page.evaluate((p) => (location.hash = `#/record/${p}`), recordParam(...key));
  const view = page.locator('.record-view');
  await view.locator('h1, [data-testid="record-not-found"]').first().waitFor({ timeout: 30_000 });
  return (await view.getByTestId('record-not-found').count()) === 0;
}

describe('an upload in the batch history', () => {
  test('forms committed at once are one upload entry, rolled back as a unit', async () => {
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    try {
      await gotoData(page);
      await upload(page, form('project-national.xlsx'), form('project-sichuan.docx'), form('department-national.xlsx'));
      await commit(page);

      // One entry for the upload, newest first: three forms, its batches listed under it.
      const entry = page.locator('tbody[data-upload]').first();
      await entry.locator('[data-testid="upload-row"]').waitFor({ timeout: 30_000 });
      assert.equal(await entry.getAttribute('data-state'), 'active');
      const files = entry.locator('.upload-files');
      assert.equal(await files.getAttribute('data-forms'), '3');
      assert.equal(await files.getAttribute('data-files'), '3');
      const rowsByKind = await entry
        .locator('.kind-rows')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-rows')]));
      assert.deepEqual(rowsByKind[0], ['records', '3']);
      assert.deepEqual(
        rowsByKind.map((r) => r[0]),
        ['records', 'indicators', 'funds', 'findings'].filter((k) => rowsByKind.some((r) => r[0] === k)),
      );
      const batchIds = await entry
        .locator('tr[data-batch]')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-batch'))));
      assert.equal(batchIds.length, rowsByKind.length);
      assert.equal(Number(await entry.getAttribute('data-batch-count')), batchIds.length);
      assert.ok(batchIds.every((id) => id > BUILTIN_BATCHES));
      // The built-in dataset is an upload of its own, further down.
      assert.equal(await page.locator('tbody[data-upload="builtin"] tr[data-batch]').count(), BUILTIN_BATCHES);
      // Folded and unfolded: the batches hide and come back.
      const toggle = entry.getByTestId('upload-toggle');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await entry.locator('tr[data-batch]').count(), 0);
      await toggle.click();
      assert.equal(await entry.locator('tr[data-batch]').count(), batchIds.length);
      await saveScreenshot(page, 'upload-history-entry');

      // The records batch alone: its indicators would stay without their records; the dialog says so
      // before the analyst confirms (here: cancels).
      await entry.locator(`tr[data-batch="${batchIds[0]}"]`).getByRole('button').click();
      const dialog = page.getByTestId('rollback-dialog');
      const orphans = dialog.getByTestId('rollback-orphans');
      await orphans.waitFor({ timeout: 30_000 });
      assert.equal(await orphans.getAttribute('data-code'), 'rollback_orphans');
      assert.ok(await dialog.getByTestId('confirm-rollback').isEnabled());
      await dialog.getByTestId('cancel-rollback').click();
      await dialog.waitFor({ state: 'detached' });

      assert.equal(await recordShown(page, QINGSHEN), true);
      await gotoData(page, BUILTIN_BATCHES + batchIds.length);

      // The upload as a unit: the preview covers every kind; the record it replaced comes back.
      await page.locator('tbody[data-upload]').first().getByTestId('rollback-upload').click();
      await dialog.waitFor();
      assert.equal(await dialog.getAttribute('data-batches'), batchIds.join(','));
      const records = dialog.locator('.kind-effect[data-kind="records"]');
      await records.waitFor({ timeout: 30_000 });
      assert.equal(await records.getAttribute('data-leaving'), '3');
      assert.equal(await records.getAttribute('data-returning'), '1');
      assert.equal(
        await dialog.locator('.kind-effect').count(),
        rowsByKind.length,
        'the preview has a part per kind of the upload',
      );
      assert.equal(await dialog.getByTestId('rollback-orphans').count(), 0);
      await saveScreenshot(page, 'upload-history-rollback-dialog');
      await dialog.getByTestId('confirm-rollback').click();
      await page.getByTestId('rolled-back-upload').waitFor({ timeout: 30_000 });

      const after = page.locator('tbody[data-upload]').first();
      await page.waitForFunction(
        () => document.querySelector('tbody[data-upload]')?.getAttribute('data-state') === 'rolled_back',
        undefined,
        { timeout: 30_000 },
      );
      assert.deepEqual(
        await after
          .locator('tr[data-batch]')
          .evaluateAll((els) =>
            els.map((e) => [Number(e.getAttribute('data-batch')), e.className.includes('rolled_back')]),
          ),
        batchIds.map((id) => [id, true]),
      );
      assert.equal(await after.getByTestId('rollback-upload').count(), 0);

      // The dashboard: the upload's own records are gone; the built-in record it replaced is back.
      assert.equal(await recordShown(page, QINGSHEN), false);
      assert.equal(await recordShown(page, CHAOYANG), true);
      assertClean(app);
    } finally {
      await app.close();
    }
  });
});
