// The import store, with the real import engine behind an in-process stand-in for the Worker
// (same messages, delivered asynchronously and structured-cloned), against fake-indexeddb.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { watch } from 'vue';
import { listBatches, loadCurrent } from '@/db/ledger';
import type { BudgetDb } from '@/db/database';
import { manifestFiles, setImportWorkerFactory, useImportStore } from '@/stores/import';
import { fixture, fixtureBytes, freshDb } from '../workers/helpers';
import { InProcessWorker } from '../workers/inProcessWorker';
import { readWorkbook } from '@/domain/workbook/read';

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let db: BudgetDb;
let workers: InProcessWorker[];

beforeEach(() => {
  setActivePinia(createPinia());
  db = freshDb();
  workers = [];
  setImportWorkerFactory(() => {
    const w = new InProcessWorker(db);
    workers.push(w);
    return w;
  });
});

afterEach(() => {
  useImportStore().disconnect();
  setImportWorkerFactory(null);
  vi.unstubAllGlobals();
});

describe('upload, preview, commit', () => {
  test('choose → parsing → preview → commit → results, history and performance marks', async () => {
    const store = useImportStore();
    store.connect(db);
    performance.clearMarks();
    store.choose([fixture('records-gbk.csv')]);
    expect(store.phase).toBe('parsing');
    expect(store.progress).toMatchObject({ fileCount: 1, fileName: 'records-gbk.csv' });
    await until(() => store.phase === 'preview', 'preview');
    expect(store.previews.map((p) => [p.fileName, p.kind, p.encoding, p.rows])).toEqual([
      ['records-gbk.csv', 'records', 'gb18030', 2],
    ]);
    expect(store.totals).toEqual({ rows: 2, errors: 0, warnings: 0 });
    expect(store.canCommit).toBe(true);

    store.commit();
    expect(store.phase).toBe('committing');
    await until(() => store.results !== null, 'results');
    expect(store.phase).toBe('idle');
    expect(store.results!.map((r) => [r.status, r.batch.fileName, r.batch.newCount])).toEqual([
      ['committed', 'records-gbk.csv', 2],
    ]);
    expect(store.previews).toEqual([]);
    await until(() => store.batches.some((b) => b.fileName === 'records-gbk.csv'), 'history');
    expect(performance.getEntriesByType('mark').map((m) => m.name)).toEqual([
      'import:file-chosen',
      'import:parsed',
      'import:committed',
    ]);
  });

  test('a file with errors cannot be committed: commit() does nothing', async () => {
    const store = useImportStore();
    store.choose([fixture('records-errors.csv')]);
    await until(() => store.phase === 'preview', 'preview');
    expect(store.hasErrors).toBe(true);
    expect(store.canCommit).toBe(false);
    store.commit();
    expect(store.phase).toBe('preview');
    expect(workers[0]!.received.map((m) => m.type)).toEqual(['parse']);
    expect(await listBatches(db)).toEqual([]);
  });

  test('an identical re-upload is flagged and cannot be committed again', async () => {
    const store = useImportStore();
    store.choose([fixture('records-gbk.csv')]);
    await until(() => store.phase === 'preview', 'preview');
    store.commit();
    await until(() => store.results !== null, 'results');
    store.choose([fixture('records-gbk.csv')]);
    await until(() => store.phase === 'preview', 'second preview');
    expect(store.previews[0]!.identicalTo?.fileName).toBe('records-gbk.csv');
    expect(store.nothingNew).toBe(true);
    expect(store.canCommit).toBe(false);
  });

  test('cancel in the preview discards the parsed files in the worker; nothing is written', async () => {
    const store = useImportStore();
    store.choose([fixture('records-gbk.csv')]);
    await until(() => store.phase === 'preview', 'preview');
    store.cancel();
    expect(store.phase).toBe('idle');
    expect(store.cancelled).toBe(true);
    expect(store.previews).toEqual([]);
    await until(() => workers[0]!.received.some((m) => m.type === 'discard'), 'discard sent');
    await new Promise((r) => setTimeout(r, 20));
    expect(await listBatches(db)).toEqual([]);
  });

  test('cancel while parsing ignores what the worker still sends, and stops a worker that does not answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const store = useImportStore();
      store.choose([fixture('records-gbk.csv')]);
      store.cancel();
      expect(store.phase).toBe('idle');
      expect(workers[0]!.received.map((m) => m.type)).toEqual(['parse', 'cancel']);
      // The stand-in answers nothing while timers are frozen: after the grace period it is stopped.
      vi.advanceTimersByTime(400);
      expect(workers[0]!.terminated).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const store = useImportStore();
    // A late 'parsed' of the cancelled upload does not bring its preview back.
    await new Promise((r) => setTimeout(r, 50));
    expect(store.previews).toEqual([]);
    // The next upload gets a new worker.
    store.choose([fixture('records-gbk.csv')]);
    await until(() => store.phase === 'preview', 'preview after cancel');
    expect(workers).toHaveLength(2);
  });
});

describe('many files at once', () => {
  /** `n` small records files, one agency each. */
  const manyFiles = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        new File(
          [
            `单位名称,年度,评价类型,项目名称,全年预算数（万元）\n单位${String(i).padStart(2, '0')},2023,部门整体,,${i + 1}\n`,
          ],
          `r${String(i).padStart(2, '0')}.csv`,
          { type: 'text/csv' },
        ),
    );

  test('go to the worker twenty per message, a message per task, and are previewed in the order chosen', async () => {
    const store = useImportStore();
    store.choose(manyFiles(45));
    await until(() => store.phase === 'preview', 'preview');
    const sent = workers[0]!.received as Array<{ type: string; files?: File[] }>;
    expect(sent.map((m) => [m.type, m.files?.length])).toEqual([
      ['files', 20],
      ['files', 20],
      ['parse', 5],
    ]);
    expect(store.previews.map((p) => p.fileName)).toEqual(manyFiles(45).map((f) => f.name));
    expect(store.totals).toEqual({ rows: 45, errors: 0, warnings: 0 });
  });

  test('twenty files go in the parse message alone', async () => {
    const store = useImportStore();
    store.choose(manyFiles(20));
    await until(() => store.phase === 'preview', 'preview');
    expect(workers[0]!.received.map((m) => m.type)).toEqual(['parse']);
    expect(store.previews).toHaveLength(20);
  });

  test('cancelled while its files are still being sent: the rest is not sent, nothing is parsed or written', async () => {
    const store = useImportStore();
    store.choose(manyFiles(45));
    store.cancel();
    expect(store.phase).toBe('idle');
    await new Promise((r) => setTimeout(r, 50));
    expect(workers[0]!.received.map((m) => m.type)).toEqual(['files', 'cancel']);
    expect(store.previews).toEqual([]);
    // The worker is fine for the next upload.
    store.choose(manyFiles(3));
    await until(() => store.phase === 'preview', 'preview after cancel');
    expect(store.previews.map((p) => p.fileName)).toEqual(['r00.csv', 'r01.csv', 'r02.csv']);
    expect(await listBatches(db)).toEqual([]);
  });
});

/** Each fixture chosen, previewed and committed through the store, one upload after the other. */
async function commitEach(store: ReturnType<typeof useImportStore>, names: readonly string[]): Promise<void> {
  for (const name of names) {
    store.choose([fixture(name)]);
    await until(() => store.phase === 'preview', `preview of ${name}`);
    store.commit();
    await until(() => store.results !== null, `commit of ${name}`);
  }
}

describe('history, export, published data', () => {
  test('rollback through the store restores what the batch replaced', async () => {
    const store = useImportStore();
    store.connect(db);
    await commitEach(store, ['records-gbk.csv', 'records-update.csv']);
    const update = (await listBatches(db)).find((b) => b.fileName === 'records-update.csv')!;
    expect(update.supersededCount).toBe(1);
    const preview = await store.previewRollback([update.id]);
    expect(preview).toMatchObject({ kinds: [{ kind: 'records', leaving: 1, returning: 1 }] });
    await store.rollback(update.id);
    expect(store.historyNotice).toMatchObject({
      type: 'rolledBack',
      batches: [{ id: update.id, state: 'rolled_back' }],
    });
    await until(
      () => store.batches.find((b) => b.id === update.id)?.state === 'rolled_back',
      'history shows the rollback',
    );
    const project = (await loadCurrent(db, 'records')).find((r) => r.scope === 'project');
    expect(project?.budget).toBe(320);
  });

  test('the import result is put away once the batches it reports are rolled back, not before', async () => {
    const store = useImportStore();
    store.connect(db);
    await commitEach(store, ['records-gbk.csv', 'records-update.csv']);
    const [update, first] = await listBatches(db);
    expect(store.results?.map((r) => r.batch.id)).toEqual([update!.id]);
    // Another batch rolled back: what the banner says of the last import is still true.
    await store.rollback(first!.id);
    expect(store.results?.map((r) => r.batch.id)).toEqual([update!.id]);
    // Its own batch rolled back: "imported 1 batch" would contradict the history.
    await store.rollback(update!.id);
    expect(store.historyNotice).toMatchObject({ type: 'rolledBack' });
    expect(store.results).toBeNull();
  });

  test('a refused rollback leaves its code and parameters for the page, not a sentence', async () => {
    const store = useImportStore();
    store.connect(db);
    store.choose([fixture('records-gbk.csv')]);
    await until(() => store.phase === 'preview', 'preview');
    store.commit();
    await until(() => store.results !== null, 'results');
    const [batch] = await listBatches(db);
    await store.rollback(batch!.id);
    await store.rollback(batch!.id);
    expect(store.failure).toEqual({
      stage: 'history',
      code: 'batch_rolled_back',
      params: { id: batch!.id, file: 'records-gbk.csv' },
    });
  });

  test('a published file the server does not give is a code with the file and the HTTP status', async () => {
    const served: Record<string, string> = {
      'http://intranet.example/app/data/manifest.json': JSON.stringify({ files: ['records.csv'] }),
    };
    vi.stubGlobal('fetch', async (url: URL | string) => {
      const body = served[String(url)];
      return body === undefined ? new Response('', { status: 404 }) : new Response(body);
    });
    const store = useImportStore();
    await store.syncPublished('http://intranet.example/app/');
    expect(store.published).toEqual({
      failed: { code: 'published_fetch_failed', params: { file: 'records.csv', status: 404 } },
    });
  });

  test('exportAll returns the four files built in the worker as Blobs, reporting the rows written', async () => {
    const store = useImportStore();
    store.choose([fixture('records-gbk.csv')]);
    await until(() => store.phase === 'preview', 'preview');
    store.commit();
    await until(() => store.results !== null, 'results');
    const seen: Array<{ done: number; total: number }> = [];
    const stop = watch(
      () => store.exportProgress,
      (p) => p && seen.push(p),
      { flush: 'sync' },
    );
    const { files, leftOut } = await store.exportAll();
    stop();
    expect(leftOut).toEqual({ records: 0, indicators: 0, funds: 0, findings: 0 });
    expect(Object.keys(files).sort()).toEqual(['findings', 'funds', 'indicators', 'records']);
    expect(files.records).toBeInstanceOf(Blob);
    expect(files.records.type).toBe('text/csv;charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await files.records.arrayBuffer());
    expect(text).toContain('北京市海淀区科技服务中心');
    expect(text.startsWith('\uFEFF单位名称')).toBe(true);
    // From none to all of the stored rows, never going back.
    expect(seen[0]!.done).toBe(0);
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    expect(seen.at(-1)!.total).toBeGreaterThan(0);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(store.exporting).toBe(false);
    expect(store.exportProgress).toBeNull();
  });

  test('syncPublished: no manifest is silent and starts no worker', async () => {
    const fetch = vi.fn(async () => new Response('Not found', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    const store = useImportStore();
    await store.syncPublished('http://intranet.example/app/');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('http://intranet.example/app/data/manifest.json');
    expect(store.published).toBeNull();
    expect(workers).toHaveLength(0);
  });

  test('syncPublished imports the listed files as published batches', async () => {
    const served: Record<string, Uint8Array | string> = {
      'http://intranet.example/app/data/manifest.json': JSON.stringify({ files: ['records.csv'] }),
      'http://intranet.example/app/data/records.csv': fixtureBytes('records-gbk.csv'),
    };
    vi.stubGlobal('fetch', async (url: URL | string) => {
      const body = served[String(url)];
      return body === undefined ? new Response('', { status: 404 }) : new Response(body as BodyInit);
    });
    const store = useImportStore();
    await store.syncPublished('http://intranet.example/app/index.html');
    await until(() => store.published !== null, 'published');
    expect(store.published).toEqual({
      outcomes: [{ fileName: 'records.csv', status: 'committed', errors: [], errorCount: 0 }],
    });
    const published = (await listBatches(db)).filter((b) => b.origin === 'published');
    expect(published.map((b) => b.fileName)).toEqual(['records.csv']);
  });

  test('manifestFiles keeps plain file names only', () => {
    expect(manifestFiles({ files: ['records.csv', '../secret.csv', 'sub/x.csv', 'a\\b.csv', 3, 'funds.csv'] })).toEqual(
      ['records.csv', 'funds.csv'],
    );
    expect(manifestFiles({ files: 'records.csv' })).toEqual([]);
    expect(manifestFiles(null)).toEqual([]);
  });
});

describe('forms and Excel', () => {
  const formFile = (name: string) =>
    new File([readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'forms', name))], name);

  test('forms preview as one upload; the year is asked once and the files read again with it', async () => {
    const store = useImportStore();
    store.connect(db);
    store.choose([formFile('department-guizhou-no-year.xlsx'), formFile('project-national.xlsx')]);
    await until(() => store.phase === 'preview', 'preview');
    expect(store.forms!.files.map((f) => f.fileName)).toEqual([
      'department-guizhou-no-year.xlsx',
      'project-national.xlsx',
    ]);
    expect(store.forms!.withoutYear).toBe(1);
    expect(store.canCommit).toBe(false);

    store.setFormYear(2023);
    expect(store.phase).toBe('parsing');
    expect(workers[0]!.received.at(-1)).toMatchObject({ type: 'parse', formYear: 2023 });
    await until(() => store.phase === 'preview', 'preview with the year');
    expect(store.formYear).toBe(2023);
    expect(store.forms!.year).toBe(2023);
    expect(store.canCommit).toBe(true);
    store.commit();
    await until(() => store.results !== null, 'results');
    expect(store.forms).toBeNull();
    const records = await loadCurrent(db, 'records');
    expect(records.find((r) => r.agency === '绥阳县太白镇人民政府')?.year).toBe(2023);

    // A new upload asks again.
    store.choose([formFile('project-national.xlsx')]);
    expect(store.formYear).toBeNull();
    await until(() => store.phase === 'preview', 'the next preview');
    expect(store.forms!.year).toBeNull();
  });

  test('a form refused alone counts its own errors once: the summary agrees with the forms panel', async () => {
    const store = useImportStore();
    store.connect(db);
    store.choose([formFile('department-guizhou-no-year.xlsx')]);
    await until(() => store.phase === 'preview', 'preview');
    const formErrors = store.forms!.files.flatMap((f) => f.errors.map((e) => e.code));
    expect(formErrors).toEqual(['form_year_missing']);
    // No "no rows" of the empty batch beside it: the form's error says why there are none.
    expect(store.previews.flatMap((p) => p.errors.map((e) => e.code))).toEqual(['form_year_missing']);
    expect(store.totals.errors).toBe(1);
  });

  test('forms committed together are one upload in the history, rolled back as a unit; its records alone say what they leave behind', async () => {
    const store = useImportStore();
    store.connect(db);
    store.choose([formFile('project-national.xlsx'), formFile('department-national.xlsx')]);
    await until(() => store.phase === 'preview', 'preview');
    store.commit();
    await until(() => store.results !== null, 'results');
    await until(() => store.uploads.length === 1, 'one upload in the history');
    const [upload] = store.uploads;
    expect(upload!.forms).toBe(2);
    expect(upload!.files).toBe(2);
    expect(upload!.state).toBe('active');
    const kinds = upload!.batches.map((b) => b.kind);
    expect(kinds.slice(0, 3)).toEqual(['records', 'indicators', 'funds']);
    expect(upload!.rowsByKind[0]).toEqual({ kind: 'records', rows: 2 });

    // One batch of it, the records: the preview says its indicators and funds would stay behind.
    const recordsBatch = upload!.batches[0]!;
    const alone = await store.previewRollback([recordsBatch.id]);
    expect(alone!.orphans).toMatchObject({ code: 'rollback_orphans', params: { count: 2, kind: 'indicators' } });

    // The upload: every kind leaves, nothing comes back, nothing left behind.
    const preview = await store.previewRollback(upload!.activeIds);
    expect(preview!.orphans).toBeNull();
    expect(preview!.kinds.map((k) => [k.kind, k.leaving, k.returning])).toEqual(
      upload!.rowsByKind.map((r) => [r.kind, r.rows, 0]),
    );
    await store.rollbackUpload(upload!);
    expect(store.historyNotice).toMatchObject({ type: 'rolledBack' });
    expect(store.historyNotice?.type === 'rolledBack' && store.historyNotice.batches.map((b) => b.id)).toEqual(
      upload!.activeIds,
    );
    await until(() => store.uploads[0]?.state === 'rolled_back', 'the upload shown rolled back');
    for (const kind of ['records', 'indicators', 'funds', 'findings'] as const) {
      expect(await loadCurrent(db, kind)).toEqual([]);
    }
  });

  test('导出 Excel gives one workbook of the current data', async () => {
    const store = useImportStore();
    store.connect(db);
    const { blob } = await store.exportXlsx();
    expect(store.exporting).toBe(false);
    expect(store.exportProgress).toBeNull();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    const read = await readWorkbook(bytes, 'export.xlsx');
    expect(read.ok && read.workbook.sheets.map((s) => s.name)).toEqual([
      '评价记录',
      '绩效指标',
      '资金明细',
      '评价发现',
    ]);
  });
});
