import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_VERSIONS } from '@/db/database';
import {
  commitFile,
  listBatches,
  loadBatchDetails,
  loadCurrent,
  loadIndicatorsFor,
  loadLevel1,
  loadWarnings,
  rollbackBatch,
} from '@/db/ledger';
import { LEVEL1_KEY } from '@/db/level1Store';
import { level1Summaries } from '@/domain/aggregate';
import { rowsToChunks } from '@/domain/columns';
import { parseRecordKey, recordKey } from '@/domain/keys';
import { level1Rows, type Level1Table } from '@/domain/level1';
import type { IndicatorRow } from '@/domain/types';
import { isDictColumn } from '@/db/textCodec';
import { distinctRecordKeys } from '@/db/chunkOps';
import { indicator, parsedRows, parseRows, record, recordsOf } from './helpers';

// The v1 layout exactly as shipped. Frozen here on purpose: when a later version changes the
// schema, this test keeps proving that data a browser stored under v1 still opens intact.
const V1_STORES = {
  batches: '++id, sha256, state, [kind+state], origin',
  chunks: '++id, [batchId+seq]',
  meta: 'key',
};

// The v2 layout as shipped (v1 plus the chunkKeys table); its chunks hold plain string[] text columns.
const V2_STORES = { ...V1_STORES, chunkKeys: 'id, batchId, *recordKeys' };

describe('schema versions', () => {
  it('declares v1 as shipped and only ever adds versions', () => {
    expect(SCHEMA_VERSIONS[0]).toMatchObject({ version: 1, stores: V1_STORES });
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('opens data written by v1 with the current version and keeps it', async () => {
    const name = `v1-${Math.random().toString(36).slice(2)}`;
    const A = record({ agency: '甲单位', budget: 100, expenditure: 95, execution_rate: 80 });
    const B = record({
      agency: '乙单位',
      budget: null,
      expenditure: null,
      execution_rate: null,
      score: null,
      grade: null,
    });
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
    await v1
      .table('chunks')
      .add({ batchId: 1, kind: 'records', seq: 0, length: 2, text: chunk!.text, num: chunk!.num });
    await v1.table('meta').add({ key: 'builtinLoaded', value: 1_700_000_000_000 });
    v1.close();

    const db = openDb(name);
    try {
      expect(await loadCurrent(db, 'records')).toEqual([A, B]);
      expect(await listBatches(db)).toEqual([
        expect.objectContaining({ id: 1, fileName: '旧记录.csv', state: 'active', rows: 2, encoding: 'gb18030' }),
      ]);
      // A warning stored as a sentence by an older version is kept as written, with its place and record.
      expect(await loadWarnings(db)).toEqual([
        expect.objectContaining({
          row: 2,
          column: '预算执行率',
          code: 'stored_message',
          params: { text: '预算执行率与支出÷预算不符' },
          recordKey: recordKey(A),
        }),
      ]);
      expect((await loadBatchDetails(db, 1))?.headers).toEqual([
        { written: '单位名称', index: 0, field: 'agency', scale: 1, unit: '' },
      ]);
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
        fileName: `指标${i}.csv`,
        kind: 'indicators',
        sha256: String(i).repeat(64),
        createdAt: 1_700_000_000_000 + i,
        rows: b.rows.length,
        state: b.state,
        origin: 'upload',
        newCount: b.rows.length,
        supersededCount: 0,
        warningCount: 0,
        warnings: [],
        headers: [],
      })) as number;
      for (const [seq, c] of rowsToChunks('indicators', b.rows, 2).entries()) {
        await v1
          .table('chunks')
          .add({ batchId: id, kind: 'indicators', seq, length: c.length, text: c.text, num: c.num });
        chunkRecords.push(
          [...new Set(c.text.agency!)].map((agency) =>
            recordKey({ agency, year: 2023, scope: 'department', project: '' }),
          ),
        );
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

  it('reads chunks written by v2 (plain text columns) alongside the dictionary-encoded chunks written now', async () => {
    const name = `v2-${Math.random().toString(36).slice(2)}`;
    const rec = (agency: string) => ({ agency, year: 2023, scope: 'department' as const, project: '' });
    const rows = (agency: string, score: number): IndicatorRow[] => [
      indicator({
        ...rec(agency),
        level1: '决策',
        level2: '项目立项',
        level3: '立项依据充分性',
        weight: 20,
        score: 18,
        target: '充分',
        note: `${agency}：依据齐全`,
      }),
      indicator({
        ...rec(agency),
        level1: '产出',
        level2: '数量指标',
        level3: '培训人次📊',
        weight: 10,
        score,
        target: '≥95%',
        note: '',
      }),
    ];
    const old = [...rows('甲单位', 5), ...rows('乙单位', 6)];
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    await v2.table('batches').add({
      fileName: '旧指标.csv',
      kind: 'indicators',
      sha256: 'e'.repeat(64),
      createdAt: 1_700_000_000_000,
      rows: old.length,
      state: 'active',
      origin: 'upload',
      newCount: old.length,
      supersededCount: 0,
      warningCount: 0,
      warnings: [],
      headers: [],
    });
    const [chunk] = rowsToChunks('indicators', old);
    const id = (await v2.table('chunks').add({
      batchId: 1,
      kind: 'indicators',
      seq: 0,
      length: chunk!.length,
      text: chunk!.text,
      num: chunk!.num,
    })) as number;
    await v2.table('chunkKeys').add({ id, batchId: 1, seq: 0, recordKeys: distinctRecordKeys(chunk!) });
    v2.close();

    const db = openDb(name);
    try {
      expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      // v4 dropped the index on record keys (its rows stay): what remains is the batch index.
      expect(db.chunkKeys.schema.indexes.map((i) => i.name)).toEqual(['batchId']);
      expect((await db.chunkKeys.toArray()).map((k) => k.recordKeys)).toEqual([distinctRecordKeys(chunk!)]);
      expect(await loadCurrent(db, 'indicators')).toEqual(old);
      // Opening did not rewrite the old chunk: it is read as it was stored.
      const [stored] = await db.chunks.toArray();
      expect(Object.values(stored!.text).some(isDictColumn)).toBe(false);
      expect(stored!.text.agency).toEqual(['甲单位', '甲单位', '乙单位', '乙单位']);

      // A new batch replaces 乙's output row; its chunk is stored encoded, and both read together.
      const knownRecords = new Map(
        ['甲单位', '乙单位', '丙单位', '丁单位'].map((a) => [recordKey(rec(a)), { score: null }]),
      );
      const newer = { ...old[3]!, score: 9, note: '已整改' };
      // Batch 2: their records (indicator rows are committed with their records stored).
      await commitFile(db, parsedRows('records', recordsOf([...knownRecords.keys()].map(parseRecordKey)), 'r.csv'));
      await commitFile(db, await parseRows('indicators', [newer], 'newer.csv', { knownRecords }));
      await commitFile(
        db,
        await parseRows('indicators', [...rows('丙单位', 7), ...rows('丁单位', 8)], 'more.csv', { knownRecords }),
      );
      const latest = await db.chunks.get(4);
      expect(isDictColumn(latest!.text.agency!)).toBe(true);
      expect(isDictColumn(latest!.text.level3!)).toBe(true);
      // Three distinct notes in four rows: not worth a dictionary.
      expect(isDictColumn(latest!.text.note!)).toBe(false);

      const fresh = openDb(name);
      try {
        expect(await loadCurrent(fresh, 'indicators')).toEqual([
          old[0],
          old[1],
          old[2],
          newer,
          ...rows('丙单位', 7),
          ...rows('丁单位', 8),
        ]);
        const yi = recordKey(rec('乙单位'));
        expect((await loadIndicatorsFor(fresh, yi)).map((r) => [r.level3, r.score, r.note])).toEqual([
          ['立项依据充分性', 18, '乙单位：依据齐全'],
          ['培训人次📊', 9, '已整改'],
        ]);
        expect(await loadLevel1(fresh)).toEqual(level1Summaries(await loadCurrent(fresh, 'indicators')));
        await rollbackBatch(fresh, 3);
        expect((await loadIndicatorsFor(fresh, yi)).map((r) => r.score)).toEqual([18, 6]);
      } finally {
        fresh.close();
      }
    } finally {
      await db.delete();
    }
  });
});
