import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_GROUP, ensureBuiltin, reloadBuiltin } from '@/db/builtin';
import { BudgetDb } from '@/db/database';
import {
  commitFile,
  commitFiles,
  loadCurrent,
  loadIndicatorsFor,
  loadLevel1,
  reactivateBatch,
  rollbackBatch,
  rollbackGroup,
} from '@/db/ledger';
import { LEVEL1_KEY } from '@/db/level1Store';
import { level1Summaries } from '@/domain/aggregate';
import { recordKey, rowKey } from '@/domain/keys';
import { level1Rows, type Level1Table } from '@/domain/level1';
import type { IndicatorRow, Kind, ParsedFile, RowOf } from '@/domain/types';
import { freshDbPerTest, indicator, parsedRows, readBuiltinFiles, record } from './helpers';

const db = freshDbPerTest();
let shaCounter = 0;

/** A validated file of these rows, stored in chunks of `chunkRows` (no parsing: the shape is the point here). */
function parsedOf<K extends Kind>(kind: K, rows: readonly RowOf[K][], chunkRows = 3, name = `${kind}.csv`): ParsedFile {
  // Files of one name with other rows: each its own digest.
  return { ...parsedRows(kind, rows, name, chunkRows), sha256: String(++shaCounter).padStart(64, '0') };
}

/**
 * What is stored is the summary of exactly the current indicator rows: written by the change
 * itself (its stamp is the current one), equal to level1Summaries of the current rows as a
 * connection without any cache reads them, and what loadLevel1 returns.
 */
async function expectSummaryOfCurrent(d: BudgetDb): Promise<void> {
  const probe = new BudgetDb(d.name);
  try {
    const stamp = (await probe.batches.where('[kind+state]').equals(['indicators', 'active']).primaryKeys()).join(',');
    const expected = level1Summaries(await loadCurrent(probe, 'indicators'));
    const stored = (await probe.meta.get(LEVEL1_KEY))?.value as { stamp: string; table: Level1Table } | undefined;
    if (stored === undefined) {
      expect(stamp).toBe('');
    } else {
      expect(stored.stamp).toBe(stamp);
      expect(level1Rows(stored.table)).toEqual(expected);
    }
    expect(await loadLevel1(probe)).toEqual(expected);
  } finally {
    probe.close();
  }
}

/** Counts the chunks read from the database, by batch id. */
function countChunkReads(d: BudgetDb): { byBatch: Map<number, number>; total(): number; stop(): void } {
  const byBatch = new Map<number, number>();
  const hook = (obj: { batchId: number }) => {
    byBatch.set(obj.batchId, (byBatch.get(obj.batchId) ?? 0) + 1);
    return obj;
  };
  d.chunks.hook('reading', hook as never);
  return {
    byBatch,
    total: () => [...byBatch.values()].reduce((a, b) => a + b, 0),
    stop: () => d.chunks.hook('reading').unsubscribe(hook as never),
  };
}

const rec = (agency: string, year = 2023) => ({ agency, year, scope: 'department' as const, project: '' });
/** Three level-3 rows of a record's output indicators, and its own level-1 decision row. */
/** Commits the records of `agencies` (year 2023, as rec gives): indicator rows are only committed with their records stored. */
async function withRecords(d: BudgetDb, agencies: readonly string[], years: readonly number[] = [2023]): Promise<void> {
  const rows = agencies.flatMap((a) => years.map((year) => record({ ...rec(a), year })));
  await commitFile(d, parsedOf('records', rows, 50, 'records-for-indicators.csv'));
}

function rowsOf(agency: string, tag: string, score: number): IndicatorRow[] {
  return [
    indicator({ ...rec(agency), level1: '决策', level2: '', level3: '', weight: 20, score: 18, actual: tag }),
    indicator({ ...rec(agency), level1: '产出', level2: '数量', level3: '次数', weight: 10, score, actual: tag }),
    indicator({ ...rec(agency), level1: '产出', level2: '质量', level3: '合格率', weight: 10, score: 10, actual: tag }),
  ];
}

describe('the stored level-1 summary', () => {
  it('follows commits, supersedes, the rollback of a middle batch, and reactivation', async () => {
    const d = db();
    await commitFile(d, parsedOf('records', [record(rec('甲')), record(rec('乙')), record(rec('丙'))]));
    await expectSummaryOfCurrent(d);
    const b1 = await commitFile(d, parsedOf('indicators', [...rowsOf('甲', 'v1', 5), ...rowsOf('乙', 'v1', 6)]));
    await expectSummaryOfCurrent(d);
    // b2 replaces 乙's quantity row and brings 丙; b3 replaces 甲's.
    const b2 = await commitFile(d, parsedOf('indicators', [rowsOf('乙', 'v2', 9)[1]!, ...rowsOf('丙', 'v2', 7)]));
    await expectSummaryOfCurrent(d);
    const b3 = await commitFile(d, parsedOf('indicators', [rowsOf('甲', 'v3', 1)[1]!]));
    await expectSummaryOfCurrent(d);
    const output = async (agency: string) =>
      (await loadLevel1(d)).find((s) => s.agency === agency && s.level1 === '产出')?.score;
    expect([await output('甲'), await output('乙'), await output('丙')]).toEqual([11, 19, 17]);

    await rollbackBatch(d, b2.batch.id);
    await expectSummaryOfCurrent(d);
    expect([await output('甲'), await output('乙'), await output('丙')]).toEqual([11, 16, undefined]);
    await reactivateBatch(d, b2.batch.id);
    await expectSummaryOfCurrent(d);
    expect(await output('乙')).toBe(19);
    await rollbackBatch(d, b1.batch.id);
    await expectSummaryOfCurrent(d);
    // 甲 keeps only b3's row; 乙 only b2's.
    expect((await loadLevel1(d)).map((s) => [s.agency, s.level1, s.score])).toEqual([
      ['乙', '产出', 9],
      ['丙', '决策', 18],
      ['丙', '产出', 17],
      ['甲', '产出', 1],
    ]);
    await rollbackBatch(d, b3.batch.id);
    await rollbackBatch(d, b2.batch.id);
    await expectSummaryOfCurrent(d);
    expect(await loadLevel1(d)).toEqual([]);
  });

  it('follows the built-in dataset: first load, rollback of its group, reload', async () => {
    const d = db();
    const source = async () => readBuiltinFiles();
    await ensureBuiltin(d, source);
    await expectSummaryOfCurrent(d);
    expect((await loadLevel1(d)).length).toBeGreaterThan(10);
    await withRecords(d, ['甲']);
    await commitFile(d, parsedOf('indicators', rowsOf('甲', 'u', 3)));
    await rollbackGroup(d, BUILTIN_GROUP);
    await expectSummaryOfCurrent(d);
    expect((await loadLevel1(d)).map((s) => s.agency)).toEqual(['甲', '甲']);
    await reloadBuiltin(d, source);
    await expectSummaryOfCurrent(d);
  });

  it('is not changed by a commit that fails, nor by an identical re-upload', async () => {
    const d = db();
    await withRecords(d, ['甲', '乙']);
    const first = parsedOf('indicators', rowsOf('甲', 'v1', 5));
    await commitFile(d, first);
    const before = await d.meta.get(LEVEL1_KEY);
    expect((await commitFile(d, first)).status).toBe('identical');
    const failing = parsedOf('indicators', [...rowsOf('甲', 'v2', 9), ...rowsOf('乙', 'v2', 9)], 2);
    let creating = 0;
    const failSecond = () => {
      if (++creating === 2) throw new Error('disk full (injected)');
    };
    d.chunks.hook('creating', failSecond);
    await expect(commitFiles(d, [failing], 'upload', 'g')).rejects.toThrow();
    d.chunks.hook('creating').unsubscribe(failSecond);
    expect(await d.meta.get(LEVEL1_KEY)).toEqual(before);
    await expectSummaryOfCurrent(d);
  });

  it('is recomputed when it was stored for other batches (e.g. by an older version), and stored again', async () => {
    const d = db();
    await withRecords(d, ['甲']);
    await commitFile(d, parsedOf('indicators', rowsOf('甲', 'v1', 5)));
    const good = await d.meta.get(LEVEL1_KEY);
    await d.meta.put({
      key: LEVEL1_KEY,
      value: { stamp: '999', table: (good!.value as { table: Level1Table }).table },
    });
    const other = new BudgetDb(d.name);
    try {
      expect((await loadLevel1(other)).map((s) => s.score)).toEqual([18, 15]);
      expect(((await other.meta.get(LEVEL1_KEY))?.value as { stamp: string }).stamp).toBe('2');
    } finally {
      other.close();
    }
    await expectSummaryOfCurrent(d);
  });

  // Any sequence of uploads (one or two files at once), rollbacks of a batch or of an upload, and
  // reactivations: the stored summary is always that of the current rows.
  it('equals the summary of the current rows after any sequence of changes', async () => {
    const row = fc.record({
      agency: fc.constantFrom('甲', '乙', '丙'),
      year: fc.constantFrom(2022, 2023),
      level1: fc.constantFrom('决策', '产出'),
      level2: fc.constantFrom('', '数量'),
      level3: fc.constantFrom('', '次数', '满意度'),
      weight: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 5 }),
      score: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 5 }),
    });
    const file = fc.record({
      rows: fc.array(row, { minLength: 1, maxLength: 12 }),
      chunkRows: fc.integer({ min: 1, max: 4 }),
    });
    const op = fc.oneof(
      fc.record({ op: fc.constant('commit' as const), files: fc.array(file, { minLength: 1, maxLength: 2 }) }),
      fc.record({ op: fc.constant('rollback' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('rollbackGroup' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('reactivate' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const d = db();
        await withRecords(d, ['甲', '乙', '丙'], [2022, 2023]);
        let groups = 0;
        for (const o of ops) {
          // The records stay: the changes are the indicator batches'.
          const batches = (await d.batches.toArray()).filter((b) => b.kind === 'indicators');
          const active = batches.filter((b) => b.state === 'active');
          const rolled = batches.filter((b) => b.state === 'rolled_back');
          if (o.op === 'commit') {
            const files = o.files.map((f, i) => {
              // One version of each key per file, as validation guarantees.
              const byKey = new Map<string, IndicatorRow>();
              for (const r of f.rows) {
                const full = indicator({ ...r, scope: 'department', project: '', actual: `g${groups}f${i}` });
                byKey.set(rowKey('indicators', full), full);
              }
              return parsedOf('indicators', [...byKey.values()], f.chunkRows);
            });
            await commitFiles(d, files, 'upload', `g${++groups}`);
          } else if (o.op === 'rollback' && active.length > 0) {
            await rollbackBatch(d, active[o.pick % active.length]!.id);
          } else if (o.op === 'rollbackGroup' && active.length > 0) {
            await rollbackGroup(d, active[o.pick % active.length]!.group ?? '');
          } else if (o.op === 'reactivate' && rolled.length > 0) {
            await reactivateBatch(d, rolled[o.pick % rolled.length]!.id);
          }
          await expectSummaryOfCurrent(d);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('one record’s rows', () => {
  async function setUp(d: BudgetDb) {
    // Six records of three rows each, one record per chunk; then a batch replacing 乙's quantity row.
    const names = ['甲', '乙', '丙', '丁', '戊', '己'];
    await withRecords(d, [...names, '庚']);
    const b1 = await commitFile(
      d,
      parsedOf(
        'indicators',
        names.flatMap((n) => rowsOf(n, 'v1', 5)),
      ),
    );
    const b2 = await commitFile(d, parsedOf('indicators', [rowsOf('乙', 'v2', 9)[1]!, ...rowsOf('庚', 'v2', 7)]));
    expect(await d.chunks.where('batchId').equals(b1.batch.id).count()).toBe(6);
    return { b1: b1.batch.id, b2: b2.batch.id };
  }

  it('are read from the chunks that hold them only, newest version first', async () => {
    const d = db();
    const { b1, b2 } = await setUp(d);
    const other = new BudgetDb(d.name); // no cached current state
    try {
      const reads = countChunkReads(other);
      const rows = await loadIndicatorsFor(other, recordKey(rec('乙')));
      expect(rows.map((r) => [r.level3, r.score, r.actual])).toEqual([
        ['', 18, 'v1'],
        ['合格率', 10, 'v1'],
        ['次数', 9, 'v2'],
      ]);
      expect([...reads.byBatch]).toEqual([
        [b1, 1],
        [b2, 1],
      ]);
      reads.byBatch.clear();
      expect((await loadIndicatorsFor(other, recordKey(rec('戊')))).map((r) => r.actual)).toEqual(['v1', 'v1', 'v1']);
      expect(reads.total()).toBe(1);
      reads.byBatch.clear();
      expect(await loadIndicatorsFor(other, recordKey(rec('无此单位')))).toEqual([]);
      expect(reads.total()).toBe(0);
      reads.stop();
      // The same rows as the whole current state holds for the record.
      const all = (await loadCurrent(d, 'indicators')).filter((r) => r.agency === '乙');
      expect(rows).toEqual(all);
    } finally {
      other.close();
    }
  });

  it('come back in their earlier version after a rollback, without reading the rolled-back batch', async () => {
    const d = db();
    const { b1, b2 } = await setUp(d);
    const other = new BudgetDb(d.name);
    try {
      const reads = countChunkReads(other);
      await rollbackBatch(other, b2);
      // Re-summarising 乙 and 庚 read the one chunk of an active batch that holds either of them.
      expect([...reads.byBatch]).toEqual([[b1, 1]]);
      reads.byBatch.clear();
      expect((await loadIndicatorsFor(other, recordKey(rec('乙')))).map((r) => [r.score, r.actual])).toEqual([
        [18, 'v1'],
        [5, 'v1'],
        [10, 'v1'],
      ]);
      expect([...reads.byBatch]).toEqual([[b1, 1]]);
      expect(await loadIndicatorsFor(other, recordKey(rec('庚')))).toEqual([]);
      reads.stop();
      await expectSummaryOfCurrent(d);
    } finally {
      other.close();
    }
  });
});
