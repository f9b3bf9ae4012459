// Steps on the data page (数据管理) that several e2e files take: open it once the built-in
// dataset is in the history, pick files and wait for the preview, commit, and count what is
// really stored in IndexedDB (read without the app).
import type { Page } from 'playwright-core';
import { saveScreenshot } from './harness.ts';

/** Batches of the built-in dataset: records, indicators, funds. */
/** Batches of the built-in dataset: records, indicators, funds, findings. */
export const BUILTIN_BATCHES = 4;

/** Goes to the data page and waits until the history lists `batches` batches. */
export async function gotoData(page: Page, batches = BUILTIN_BATCHES): Promise<void> {
  await page.getByRole('link', { name: '数据管理', exact: true }).click();
  try {
    await page
      .locator('[data-batch]')
      .nth(batches - 1)
      .waitFor({ timeout: 30_000 });
  } catch (err) {
    await saveScreenshot(page, 'data-page-history-missing');
    throw err;
  }
}

/** A record's address parameter on the record page (#/record/<param>), as the app writes it. */
export function recordParam(agency: string, year: number, scope: 'department' | 'project', project: string): string {
  return Buffer.from([agency, year, scope, project].join('\u001f'), 'utf8').toString('base64url');
}

/** Picks files and waits for the preview (or a failure). */
export async function upload(page: Page, ...files: string[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(files);
  await page.locator('[data-testid="preview"], [data-testid="import-failure"]').first().waitFor({ timeout: 60_000 });
}

/** Commits the preview and returns what the result banner says. */
export async function commit(page: Page): Promise<string> {
  await page.getByTestId('commit').click();
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 60_000 });
  return result.innerText();
}

/** Rows in each store (batches, chunks, chunkKeys), read without the app: what is really stored. */
export async function storedCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open('budget-perf-dashboard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = ['batches', 'chunks', 'chunkKeys'];
          const tx = db.transaction(names, 'readonly');
          const counts = names.map((n) => tx.objectStore(n).count());
          tx.oncomplete = () => {
            db.close();
            resolve(Object.fromEntries(names.map((n, i) => [n, counts[i]!.result])));
          };
        };
      }),
  );
}
