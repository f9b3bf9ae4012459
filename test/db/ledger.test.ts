import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { BudgetDb } from '@/db/database';
import {
  commitFile,
  knownRecords,
  listBatches,
  loadBatchDetails,
  loadCurrent,
  loadIndicatorsFor,
  loadWarnings,
  previewDiff,
  reactivateBatch,
  rollbackBatch,
  rollbackGroup,
} from '@/db/ledger';
import { recordKey } from '@/domain/keys';
import { knownRecordsOf } from '@/domain/parseFile';
import { dump, freshDbPerTest, indicator, parseRows, parseText, record } from './helpers';

const db = freshDbPerTest();

const A = record({ agency: '甲单位', budget: 100, expenditure: 90, execution_rate: 90 });
const B = record({ agency: '乙单位' });
const C = record({ agency: '丙单位' });

describe('commitFile', () => {
  it('stores a batch and its rows, with the counts the history shows', async () => {
    const d = db();
    const parsed = await parseRows('records', [A, B], '记录.csv');
    const res = await commitFile(d, parsed, 'upload', 'g1');
    expect(res.status).toBe('committed');
    expect(res.batch).toMatchObject({
      fileName: '记录.csv',
      kind: 'records',
      rows: 2,
      state: 'active',
      origin: 'upload',
      newCount: 2,
      supersededCount: 0,
      group: 'g1',
      sha256: parsed.sha256,
    });
    expect(await loadCurrent(d, 'records')).toEqual([A, B]);
    expect(await listBatches(d)).toEqual([res.batch]);
  });

  it('refuses a file with errors and writes nothing', async () => {
    const d = db();
    await commitFile(d, await parseRows('records', [A]));
    const before = await dump(d);
    const bad = await parseText('单位名称,年度,评价类型,项目名称\n乙单位,二〇二三,部门整体,\n', 'bad.csv');
    expect(bad.errorCount).toBeGreaterThan(0);
    await expect(commitFile(d, bad)).rejects.toMatchObject({
      name: 'IssueError',
      code: 'commit_has_errors',
      params: { file: 'bad.csv', count: bad.errorCount },
    });
    expect(await dump(d)).toEqual(before);
  });

  it('does nothing for a byte-identical re-upload and says so; allows it again after rollback', async () => {
    const d = db();
    const parsed = await parseRows('records', [A, B]);
    const first = await commitFile(d, parsed);
    const before = await dump(d);
    const again = await commitFile(d, await parseRows('records', [A, B], 'renamed.csv'));
    expect(again).toEqual({ status: 'identical', batch: first.batch });
    expect(await dump(d)).toEqual(before);

    await rollbackBatch(d, first.batch.id);
    expect(await loadCurrent(d, 'records')).toEqual([]);
    const third = await commitFile(d, parsed);
    expect(third.status).toBe('committed');
    expect(third.batch.id).not.toBe(first.batch.id);
    expect(await loadCurrent(d, 'records')).toEqual([A, B]);
  });

  it('lets a later batch supersede rows and restores them when it is rolled back', async () => {
    const d = db();
    const b1 = await commitFile(d, await parseRows('records', [A, B]));
    const A2 = { ...A, budget: 120, expenditure: 120, execution_rate: 100 };
    const b2 = await commitFile(d, await parseRows('records', [A2, C]));
    expect(b2.batch).toMatchObject({ newCount: 1, supersededCount: 1 });
    expect(await loadCurrent(d, 'records')).toEqual([B, A2, C]);

    const rolled = await rollbackBatch(d, b2.batch.id);
    expect(rolled.state).toBe('rolled_back');
    expect(await loadCurrent(d, 'records')).toEqual([A, B]);
    // The rolled-back batch is still in the history, newest first.
    expect((await listBatches(d)).map((b) => [b.id, b.state])).toEqual([
      [b2.batch.id, 'rolled_back'],
      [b1.batch.id, 'active'],
    ]);
    await expect(rollbackBatch(d, b2.batch.id)).rejects.toMatchObject({
      code: 'batch_rolled_back',
      params: { id: b2.batch.id, file: b2.batch.fileName },
    });
    await expect(rollbackBatch(d, 999)).rejects.toMatchObject({ code: 'batch_missing', params: { id: 999 } });
  });

  it('keeps every version: rolling back a middle batch, then the newest, falls back to the oldest', async () => {
    const d = db();
    const v = (budget: number) => ({ ...A, budget, expenditure: budget, execution_rate: 100 });
    const b1 = await commitFile(d, await parseRows('records', [v(1), B]));
    const b2 = await commitFile(d, await parseRows('records', [v(2), C]));
    const b3 = await commitFile(d, await parseRows('records', [v(3)]));
    expect(await loadCurrent(d, 'records')).toEqual([B, C, v(3)]);
    await rollbackBatch(d, b2.batch.id);
    expect(await loadCurrent(d, 'records')).toEqual([B, v(3)]);
    await rollbackBatch(d, b3.batch.id);
    expect(await loadCurrent(d, 'records')).toEqual([v(1), B]);
    // Reactivating the middle batch puts it back in its place: it wins over b1 only.
    await reactivateBatch(d, b2.batch.id);
    expect(await loadCurrent(d, 'records')).toEqual([B, v(2), C]);
    await rollbackBatch(d, b1.batch.id);
    expect(await loadCurrent(d, 'records')).toEqual([v(2), C]);
  });

  it('rolls back an upload group in one step', async () => {
    const d = db();
    const recs = await parseRows('records', [A]);
    await commitFile(d, recs, 'upload', 'u1');
    await commitFile(
      d,
      await parseRows('indicators', [indicator({ agency: '甲单位' })], 'i.csv', { knownRecords: knownRecordsOf(recs) }),
      'upload',
      'u1',
    );
    await commitFile(d, await parseRows('records', [B]), 'upload', 'u2');
    const rolled = await rollbackGroup(d, 'u1');
    expect(rolled.map((b) => b.kind).sort()).toEqual(['indicators', 'records']);
    expect(await loadCurrent(d, 'records')).toEqual([B]);
    expect(await loadCurrent(d, 'indicators')).toEqual([]);
  });
});

describe('a failure in the middle of a commit', () => {
  it('leaves the database exactly as before when the 3rd chunk cannot be written', async () => {
    const d = db();
    await commitFile(d, await parseRows('records', [A, B]));
    const before = await dump(d);
    const rows = Array.from({ length: 10 }, (_, i) => record({ agency: `单位${i}` }));
    const parsed = await parseRows('records', rows, 'many.csv', { chunkRows: 3 });
    expect(parsed.chunks.length).toBe(4);

    let creating = 0;
    const failThird = () => {
      creating++;
      if (creating === 3) throw new Error('disk full (injected)');
    };
    d.chunks.hook('creating', failThird);
    await expect(commitFile(d, parsed)).rejects.toThrow();
    d.chunks.hook('creating').unsubscribe(failThird);

    expect(creating).toBe(3);
    expect(await dump(d)).toEqual(before);
    expect(await loadCurrent(d, 'records')).toEqual([A, B]);
    // Nothing was half-remembered: the same file commits cleanly afterwards.
    const ok = await commitFile(d, parsed);
    expect(ok.status).toBe('committed');
    expect(await loadCurrent(d, 'records')).toHaveLength(12);
  });

  it('leaves the database exactly as before when a chunk cannot be cloned into IndexedDB', async () => {
    const d = db();
    await commitFile(d, await parseRows('records', [A]));
    const before = await dump(d);
    const rows = Array.from({ length: 9 }, (_, i) => record({ agency: `单位${i}` }));
    const parsed = await parseRows('records', rows, 'x.csv', { chunkRows: 3 });
    // A value IndexedDB cannot store, in the last chunk only.
    (parsed.chunks[2]!.text as Record<string, unknown>).note = [() => 1, '', ''];
    await expect(commitFile(d, parsed)).rejects.toThrow();
    expect(await dump(d)).toEqual(before);
    expect(await loadCurrent(d, 'records')).toEqual([A]);
  });
});

describe('previewDiff', () => {
  it('counts new keys and lists superseded rows with before and after', async () => {
    const d = db();
    await commitFile(d, await parseRows('records', [A, B]));
    const A2 = { ...A, score: 70, grade: '中' as const };
    const parsed = await parseRows('records', [A2, C]);
    const diff = await previewDiff(d, parsed);
    expect(diff.newKeys).toBe(1);
    expect(diff.supersededCount).toBe(1);
    expect(diff.superseded).toEqual([{ key: recordKey(A), before: A, after: A2 }]);
    expect(diff.identical).toBeNull();
    // Preview writes nothing.
    expect(await loadCurrent(d, 'records')).toEqual([A, B]);
  });

  it('says when the file is already active', async () => {
    const d = db();
    const parsed = await parseRows('records', [A]);
    const committed = await commitFile(d, parsed);
    const diff = await previewDiff(d, parsed);
    expect(diff.identical).toEqual(committed.batch);
  });
});

describe('reads', () => {
  it('knownRecords follows every commit and rollback of records, sharing one map in between', async () => {
    const d = db();
    const first = await commitFile(d, await parseRows('records', [A], 'a.csv'));
    const known = await knownRecords(d);
    expect(await knownRecords(d)).toBe(known);
    expect([...known.keys()]).toEqual([recordKey(A)]);
    await commitFile(d, await parseRows('records', [B], 'b.csv'));
    expect([...(await knownRecords(d)).keys()].sort()).toEqual([recordKey(A), recordKey(B)].sort());
    await rollbackBatch(d, first.batch.id);
    expect([...(await knownRecords(d)).keys()]).toEqual([recordKey(B)]);
    // The map a caller was given never changes under it.
    expect([...known.keys()]).toEqual([recordKey(A)]);
  });

  it('knownRecords lets an indicator file refer to a stored record, and loadIndicatorsFor returns its rows', async () => {
    const d = db();
    const P = record({ agency: '甲单位', scope: 'project', project: '招商活动', score: 88, grade: '良' });
    await commitFile(d, await parseRows('records', [A, P]));
    const known = await knownRecords(d);
    expect([...known.keys()].sort()).toEqual([recordKey(A), recordKey(P)].sort());
    expect(known.get(recordKey(P))).toMatchObject({ score: 88 });

    const onP = [
      indicator({
        agency: '甲单位',
        scope: 'project',
        project: '招商活动',
        level1: '产出指标',
        level3: '次数',
        weight: 50,
        score: 44,
      }),
      indicator({
        agency: '甲单位',
        scope: 'project',
        project: '招商活动',
        level1: '效益指标',
        level3: '满意度',
        weight: 50,
        score: 44,
      }),
    ];
    const onA = indicator({ agency: '甲单位', level1: '决策', level2: '', level3: '', weight: 100, score: 91 });
    const orphan = indicator({ agency: '无此单位' });
    const withOrphan = await parseText(
      (await import('@/domain/exportCsv')).toCsv('indicators', [...onP, orphan]),
      'i.csv',
      { knownRecords: known },
    );
    expect(withOrphan.errors.map((e) => e.code)).toEqual(['missing_record']);

    await commitFile(d, await parseRows('indicators', [onA, ...onP], 'i.csv', { knownRecords: known }));
    expect(await loadIndicatorsFor(d, recordKey(P))).toEqual(onP);
    expect(await loadIndicatorsFor(d, recordKey(A))).toEqual([onA]);
    expect(await loadIndicatorsFor(d, recordKey(B))).toEqual([]);
  });

  it('keeps a batch’s warnings with its records, hides them once the record is replaced, and brings them back on rollback', async () => {
    const d = db();
    // Execution rate 80 % against 95 / 100: a rate_mismatch warning for this record.
    const off = record({ agency: '甲单位', budget: 100, expenditure: 95, execution_rate: 80 });
    const parsed = await parseRows('records', [off, B]);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['rate_mismatch']);
    const b1 = await commitFile(d, parsed);
    expect(b1.batch.warningCount).toBe(1);

    const kept = await loadWarnings(d);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      code: 'rate_mismatch',
      row: 2,
      recordKey: recordKey(off),
      batchId: b1.batch.id,
      kind: 'records',
    });
    expect((await loadBatchDetails(d, b1.batch.id))?.warnings).toEqual(parsed.warnings);

    const fixed = await commitFile(d, await parseRows('records', [{ ...off, execution_rate: 95 }]));
    expect(await loadWarnings(d)).toEqual([]);
    await rollbackBatch(d, fixed.batch.id);
    expect((await loadWarnings(d)).map((w) => w.code)).toEqual(['rate_mismatch']);
    await rollbackBatch(d, b1.batch.id);
    expect(await loadWarnings(d)).toEqual([]);
  });

  it('another tab (a second connection) sees commits and rollbacks made elsewhere', async () => {
    const d = db();
    const other = new BudgetDb(d.name);
    try {
      await commitFile(d, await parseRows('records', [A, B]));
      expect(await loadCurrent(other, 'records')).toEqual([A, B]);
      const A2 = { ...A, budget: 200, expenditure: 100, execution_rate: 50 };
      const b2 = await commitFile(d, await parseRows('records', [A2]));
      expect(await loadCurrent(other, 'records')).toEqual([B, A2]);
      await rollbackBatch(other, b2.batch.id);
      expect(await loadCurrent(d, 'records')).toEqual([A, B]);
    } finally {
      other.close();
    }
  });
});

describe('reading inside a liveQuery', () => {
  it('works when the read would also record what it learned (writes are not allowed there)', async () => {
    const d = db();
    const b1 = await commitFile(d, await parseRows('records', [A]));
    const b2 = await commitFile(d, await parseRows('records', [{ ...A, score: 60, grade: '中' as const }]));
    await commitFile(d, await parseRows('records', [C]));
    await rollbackBatch(d, b2.batch.id);
    expect(b1.status).toBe('committed');

    // A second connection has no cached state, so it must work the current state out itself.
    const other = new BudgetDb(d.name);
    try {
      const seen = await new Promise<unknown>((resolve, reject) => {
        const sub = liveQuery(() => loadCurrent(other, 'records')).subscribe({
          next: (rows) => {
            sub.unsubscribe();
            resolve(rows);
          },
          error: reject,
        });
      });
      expect(seen).toEqual([A, C]);
      // Outside the liveQuery the same read records it, and a third connection agrees.
      const third = new BudgetDb(d.name);
      expect(await loadCurrent(third, 'records')).toEqual([A, C]);
      third.close();
    } finally {
      other.close();
    }
  });
});
