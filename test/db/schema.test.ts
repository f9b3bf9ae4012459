import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_VERSIONS } from '../../src/db/database';
import { commitFile, listBatches, loadBatchDetails, loadCurrent, loadIndicatorsFor, loadLevel1, loadWarnings, rollbackBatch } from '../../src/db/ledger';
import { LEVEL1_KEY } from '../../src/db/level1Store';
import { level1Summaries } from '../../src/domain/aggregate';
import { rowsToChunks } from '../../src/domain/columns';
import { recordKey } from '../../src/domain/keys';
import { level1Rows, type Level1Table } from '../../src/domain/level1';
import type { IndicatorRow } from '../../src/domain/types';
import { indicator, parseRows, record } from './helpers';

// The v1 layout exactly as shipped. Frozen here on purpose: when a later version changes the
// schema, this test keeps proving that data a browser stored under v1 still opens intact.
const V1_STORES = {
  batches: '++id, sha256, state, [kind+state], origin',
  chunks: '++id, [batchId+seq]',
  meta: 'key',
};

describe('schema versions', () => {
  it('declares v1 as shipped and only ever adds versions', () => {
    expect(SCHEMA_VERSIONS[0]).toMatchObject({ version: 1, stores: V1_STORES });
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('opens data written by v1 with the current version and keeps it', async () => {
    const name = `v1-${Math.random().toString(36).slice(2)}`;
    const A = record({ agency: '甲单位', budget: 100, expenditure: 95, execution_rate: 80 });
    const B = record({ agency: '乙单位', budget: null, expenditure: null, execution_rate: null, score: null, grade: null });
    const [chunk] = rowsToChunks('records', [A, B]);

    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.table('batches').add({
      fileName: '旧记录.csv',
      kind: 'records',
      sha256: 'f'.repeat(64),
      createdAt: 1_700_000_000_000,
      rows: 2,
      state: 'active',
      origin: 'upload',
      newCount: 2,
      supersededCount: 0,
      warningCount: 1,
      encoding: 'gb18030',
      delimiter: ',',
      byteLength: 321,
      warnings: [[2, '预算执行率', '预算执行率与支出÷预算不符', 'rate_mismatch', recordKey(A)]],
      headers: [['单位名称', 0, 'agency', 1, '']],
    });
    await v1.table('chunks').add({ batchId: 1, kind: 'records', seq: 0, length: 2, text: chunk!.text, num: chunk!.num });
    await v1.table('meta').add({ key: 'builtinLoaded', value: 1_700_000_000_000 });
    v1.close();

    const db = openDb(name);
    try {
      expect(await loadCurrent(db, 'records')).toEqual([A, B]);
      expect(await listBatches(db)).toEqual([
        expect.objectContaining({ id: 1, fileName: '旧记录.csv', state: 'active', rows: 2, encoding: 'gb18030' }),
      ]);
      expect((await loadWarnings(db)).map((w) => w.recordKey)).toEqual([recordKey(A)]);
      expect((await loadBatchDetails(db, 1))?.headers).toEqual([{ written: '单位名称', index: 0, field: 'agency', scale: 1, unit: '' }]);
      // And the old data takes part in the ledger like any other batch.
      const A2 = { ...A, execution_rate: 95 };
      const res = await commitFile(db, await parseRows('records', [A2]));
      expect(res.batch).toMatchObject({ id: 2, supersededCount: 1 });
      expect(await loadCurrent(db, 'records')).toEqual([B, A2]);
    } finally {
      await db.delete();
    }
  });

  it('v2 lists the records of every chunk written by v1, so one record and the level-1 summaries are read without the rest', async () => {
    const name = `v1-ind-${Math.random().toString(36).slice(2)}`;
    const rows = (agency: string, tag: string, score: number): IndicatorRow[] => [
      indicator({ agency, level1: '决策', level2: '', level3: '', weight: 20, score: 18, actual: tag }),
      indicator({ agency, level1: '产出', level2: '数量', level3: '次数', weight: 10, score, actual: tag }),
    ];
    // Batch 1: 甲, 乙, 丙 in chunks of two rows (one record each). Batch 2 replaces 乙's output
    // row. Batch 3 (rolled back) would replace 甲's.
    const batches: Array<{ state: string; rows: IndicatorRow[] }> = [
      { state: 'active', rows: [...rows('甲', 'v1', 5), ...rows('乙', 'v1', 6), ...rows('丙', 'v1', 7)] },
      { state: 'active', rows: [rows('乙', 'v2', 9)[1]!] },
      { state: 'rolled_back', rows: [rows('甲', 'v3', 1)[1]!] },
    ];
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const chunkRecords: string[][] = [];
    for (const [i, b] of batches.entries()) {
      const id = (await v1.table('batches').add({
        fileName: `指标${i}.csv`, kind: 'indicators', sha256: String(i).repeat(64), createdAt: 1_700_000_000_000 + i,
        rows: b.rows.length, state: b.state, origin: 'upload', newCount: b.rows.length, supersededCount: 0, warningCount: 0,
        warnings: [], headers: [],
      })) as number;
      for (const [seq, c] of rowsToChunks('indicators', b.rows, 2).entries()) {
        await v1.table('chunks').add({ batchId: id, kind: 'indicators', seq, length: c.length, text: c.text, num: c.num });
        chunkRecords.push([...new Set(c.text.agency!)].map((agency) => recordKey({ agency, year: 2023, scope: 'department', project: '' })));
      }
    }
    v1.close();

    const db = openDb(name);
    try {
      expect((await db.chunkKeys.toArray()).map((k) => k.recordKeys)).toEqual(chunkRecords);
      const yi = recordKey({ agency: '乙', year: 2023, scope: 'department', project: '' });
      expect((await loadIndicatorsFor(db, yi)).map((r) => [r.score, r.actual])).toEqual([
        [18, 'v1'],
        [9, 'v2'],
      ]);
      // Nothing was stored for these batches by v1: computed on reading, and kept.
      expect(await db.meta.get(LEVEL1_KEY)).toBeUndefined();
      const probe = openDb(name);
      const expected = level1Summaries(await loadCurrent(probe, 'indicators'));
      probe.close();
      // In the order of their first current rows: 乙's output row is now batch 2's.
      expect((await loadLevel1(db)).map((s) => [s.agency, s.level1, s.score])).toEqual([
        ['甲', '决策', 18],
        ['甲', '产出', 5],
        ['乙', '决策', 18],
        ['丙', '决策', 18],
        ['丙', '产出', 7],
        ['乙', '产出', 9],
      ]);
      expect(await loadLevel1(db)).toEqual(expected);
      const stored = (await db.meta.get(LEVEL1_KEY))?.value as { stamp: string; table: Level1Table };
      expect(stored.stamp).toBe('1,2');
      // From here on the ledger keeps it up to date.
      await rollbackBatch(db, 2);
      const after = (await db.meta.get(LEVEL1_KEY))?.value as { stamp: string; table: Level1Table };
      expect(after.stamp).toBe('1');
      expect(level1Rows(after.table).find((s) => s.agency === '乙' && s.level1 === '产出')?.score).toBe(6);
    } finally {
      await db.delete();
    }
  });
});
