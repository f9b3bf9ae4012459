import 'fake-indexeddb/auto';
// Nothing stored is trusted blindly (issue 9): the commit checks indicator and fund rows against
// the records stored at that moment; a database of a newer version is refused untouched; every
// class of damaged chunk is found, named, and its batch left out while the others keep working.
import { describe, expect, it } from 'vitest';
import { BudgetDb, LATEST_VERSION } from '@/db/database';
import { checkStoredData, damageWritten, loadDamage } from '@/db/damage';
import { commitFile, listBatches, loadCurrent, rollbackBatch } from '@/db/ledger';
import { loadCurrentChunks } from '@/db/reads';
import { isDictColumn } from '@/db/textCodec';
import { IssueError, issueErrorIn } from '@/domain/issues';
import { recordKey } from '@/domain/keys';
import { dump, freshDbPerTest, fund, parsedRows, parseText, record } from './helpers';

const db = freshDbPerTest();

async function refusal(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  const coded = issueErrorIn(e);
  expect(coded, String(e)).toBeInstanceOf(IssueError);
  return coded!.problem as unknown as { code: string; params: Record<string, unknown> };
}

describe('the commit-time reference check', () => {
  it('refuses indicator rows whose record was rolled back between preview and commit, writing nothing', async () => {
    const d = db();
    const records = await commitFile(d, parsedRows('records', [record({ agency: '甲' })], 'records.csv'));
    // The preview: checked against the records stored then, and passing.
    const known = new Map([
      [recordKey({ agency: '甲', year: 2023, scope: 'department', project: '' }), { score: null }],
    ]);
    const preview = await parseText(
      '单位名称,年度,评价类型,项目名称,一级指标,二级指标,三级指标,分值,得分\n' +
        Array.from({ length: 300 }, (_, i) => `甲,2023,部门整体,,产出指标,数量指标,指标${i},1,1`).join('\n'),
      'indicators.csv',
      { knownRecords: known },
    );
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toBe(300);
    // Another tab rolls the records back.
    const other = new BudgetDb(d.name);
    await rollbackBatch(other, records.batch.id);
    other.close();
    const before = await dump(d);
    const p = await refusal(commitFile(d, preview));
    expect(p.code).toBe('commit_missing_records');
    expect(p.params).toMatchObject({ file: 'indicators.csv', count: 1, year: 2023, scope: 'department' });
    expect(await dump(d)).toEqual(before);
    expect(await loadCurrent(d, 'indicators')).toEqual([]);
  });

  it('refuses fund rows of a record never stored, and commits them once it is', async () => {
    const d = db();
    const funds = parsedRows('funds', [fund({ agency: '乙' })], 'funds.csv');
    const p = await refusal(commitFile(d, funds));
    expect(p.code).toBe('commit_missing_records');
    expect(p.params).toMatchObject({ count: 1, year: 2023 });
    expect(await listBatches(d)).toEqual([]);
    await commitFile(d, parsedRows('records', [record({ agency: '乙' })], 'records.csv'));
    expect((await commitFile(d, funds)).status).toBe('committed');
    expect(await loadCurrent(d, 'funds')).toHaveLength(1);
  });
});

describe('a database written by a newer version', () => {
  async function newer(name: string, version: number, stores: string[]): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, version);
      req.onupgradeneeded = () => {
        for (const s of stores) req.result.createObjectStore(s);
      };
      req.onsuccess = () => {
        const tx = req.result.transaction('meta', 'readwrite');
        tx.objectStore('meta').put({ key: 'mine', value: 1 }, 'mine');
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
      req.onerror = () => reject(req.error);
    });
  }

  async function versionAndStores(name: string): Promise<{ version: number; stores: string[] }> {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        const out = { version: req.result.version, stores: [...req.result.objectStoreNames].sort() };
        req.result.close();
        resolve(out);
      };
      req.onerror = () => reject(req.error);
    });
  }

  it.each([
    ['a higher schema version', (LATEST_VERSION + 1) * 10, ['meta']],
    ['an unknown store', LATEST_VERSION * 10, ['meta', 'batches', 'chunks', 'chunkKeys', 'forecasts']],
  ])('is refused with database_newer and left unchanged: %s', async (_label, version, stores) => {
    const name = `newer-${version}-${stores.length}-${Math.random()}`;
    await newer(name, version, stores);
    const before = await versionAndStores(name);
    const d = new BudgetDb(name);
    const p = await refusal(d.open());
    expect(p.code).toBe('database_newer');
    expect(p.params.supported).toBe(LATEST_VERSION);
    expect(p.params.version).toBe(Math.floor(version / 10));
    expect(p.params.stores).toBe(stores.includes('forecasts') ? 'forecasts' : '');
    // Every operation fails the same way; nothing was created or upgraded.
    expect((await refusal(commitFile(d, parsedRows('records', [record()], 'r.csv')))).code).toBe('database_newer');
    d.close();
    expect(await versionAndStores(name)).toEqual(before);
  });
});

describe('damaged chunks', () => {
  /** Two records batches (甲's and 乙's); the first is then damaged by `harm`. */
  async function damaged(harm: (chunk: Record<string, unknown>) => void) {
    const d = db();
    const a = await commitFile(
      d,
      parsedRows(
        'records',
        [2020, 2021, 2022, 2023].map((year) => record({ agency: '甲', year, budget: year - 1900 })),
        'a.csv',
      ),
    );
    await commitFile(d, parsedRows('records', [record({ agency: '乙', budget: 50 })], 'b.csv'));
    const chunk = (await d.chunks.toArray()).find((c) => c.batchId === a.batch.id)!;
    harm(chunk as unknown as Record<string, unknown>);
    await d.chunks.put(chunk);
    // A new connection: nothing it has read so far is trusted from before.
    const fresh = new BudgetDb(d.name);
    return { d: fresh, id: a.batch.id, close: () => fresh.close() };
  }

  const num = (c: Record<string, unknown>) => c.num as Record<string, Float64Array>;
  const text = (c: Record<string, unknown>) => c.text as Record<string, unknown>;

  const HARMS: Array<[string, (c: Record<string, unknown>) => void, string, string | undefined]> = [
    ['a length that is no row count', (c: Record<string, unknown>) => (c.length = -1), 'chunk_header', undefined],
    ['a length not its columns’', (c: Record<string, unknown>) => (c.length = 3), 'chunk_column', 'agency'],
    [
      'a column too short',
      (c: Record<string, unknown>) => (num(c).budget = new Float64Array([100])),
      'chunk_column',
      'budget',
    ],
    [
      'dictionary codes out of range',
      (c: Record<string, unknown>) => {
        const col = text(c).agency;
        if (!isDictColumn(col as never)) throw new Error('agency is expected dictionary-encoded');
        (col as { codes: Uint16Array }).codes[1] = 7;
      },
      'chunk_codes',
      'agency',
    ],
    ['an infinite number', (c: Record<string, unknown>) => (num(c).budget![0] = Infinity), 'chunk_number', 'budget'],
    ['a negative amount', (c: Record<string, unknown>) => (num(c).expenditure![1] = -5), 'chunk_number', 'expenditure'],
    ['a year that is not whole', (c: Record<string, unknown>) => (num(c).year![0] = 2023.5), 'chunk_number', 'year'],
    [
      'a scope none of the contract’s',
      (c: Record<string, unknown>) => {
        const col = text(c).scope as { dict: string[] } | string[];
        if (Array.isArray(col)) col[0] = 'whole';
        else col.dict[0] = 'whole';
      },
      'chunk_value',
      'scope',
    ],
    [
      'a budget ×10 (the checksum)',
      (c: Record<string, unknown>) => (num(c).budget![0] = 1200),
      'chunk_checksum',
      undefined,
    ],
  ];

  it.each(HARMS)(
    '%s: the batch is named damaged and left out, the other batch keeps working',
    async (_label, harm, code, field) => {
      const { d, id, close } = await damaged(harm);
      try {
        // The read leaves the damaged batch out: only 乙's record, its budget as stored.
        const rows = await loadCurrent(d, 'records');
        expect(rows.map((r) => [r.agency, r.budget])).toEqual([['乙', 50]]);
        await damageWritten(d);
        const found = await loadDamage(d);
        expect(found.map((x) => [x.batchId, x.fileName, x.problem.code])).toEqual([[id, 'a.csv', code]]);
        const params = found[0]!.problem.params as Record<string, unknown>;
        expect(params).toMatchObject({ id, file: 'a.csv', seq: 0 });
        expect(params.field).toBe(field);
        // Another tab (a later start) knows it without reading the chunk again; a full check agrees.
        const again = new BudgetDb(d.name);
        expect((await loadDamage(again)).map((x) => x.problem.code)).toEqual([code]);
        expect((await checkStoredData(again)).map((x) => x.batchId)).toEqual([id]);
        again.close();
        // Rolled back, it is no longer named, and the data is 乙's.
        await rollbackBatch(d, id);
        expect(await loadDamage(d)).toEqual([]);
        expect((await loadCurrent(d, 'records')).map((r) => r.agency)).toEqual(['乙']);
      } finally {
        close();
      }
    },
  );

  it.each(HARMS)('%s: read a slice per task, as the page reads, the same is found', async (_label, harm, code) => {
    const { d, id, close } = await damaged(harm);
    try {
      let pauses = 0;
      const pause = async () => void pauses++;
      const chunks = await loadCurrentChunks(d, 'records', pause);
      expect(chunks.flatMap((c) => c.text.agency)).toEqual(['乙']);
      expect(pauses).toBeGreaterThan(0);
      await damageWritten(d);
      expect((await loadDamage(d)).map((x) => [x.batchId, x.problem.code])).toEqual([[id, code]]);
    } finally {
      close();
    }
  });

  it('an undamaged database read a slice per task gives every row, a task for each chunk', async () => {
    const { d, close } = await damaged(() => undefined);
    try {
      let pauses = 0;
      const chunks = await loadCurrentChunks(d, 'records', async () => void pauses++);
      expect(chunks.flatMap((c) => c.text.agency).sort()).toEqual(['乙', '甲', '甲', '甲', '甲']);
      // Before each batch's check and before each chunk's decoding, at least.
      expect(pauses).toBeGreaterThanOrEqual(4);
    } finally {
      close();
    }
  });

  it('an undamaged database is found whole', async () => {
    const { d, close } = await damaged(() => undefined);
    try {
      expect(await checkStoredData(d)).toEqual([]);
      expect((await loadCurrent(d, 'records')).map((r) => r.agency).sort()).toEqual(['乙', '甲', '甲', '甲', '甲']);
    } finally {
      close();
    }
  });
});
