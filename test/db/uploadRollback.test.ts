import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commitFiles, listBatches, loadCurrent, rollbackBatch, rollbackBatches, rollbackGroup } from '@/db/ledger';
import { rollbackEffect } from '@/db/rollbackPreview';
import { groupUploads } from '@/db/uploads';
import { recordKey } from '@/domain/keys';
import { knownRecordsOf } from '@/domain/parseFile';
import type { ParsedFile } from '@/domain/types';
import { dump, freshDbPerTest, fund, indicator, parseRows, record } from './helpers';

const db = freshDbPerTest();

const A = record({ agency: '甲单位', budget: 100 });
const B = record({ agency: '乙单位', budget: 200 });
const A2 = { ...A, budget: 150 };

/** An upload as the forms give it: records, indicators and funds of the same records, one group. */
async function formsUpload(records = [A, B], name = '甲.xlsx +1'): Promise<ParsedFile[]> {
  const recs = await parseRows('records', records, name);
  const known = { knownRecords: knownRecordsOf(recs) };
  const parts = [
    recs,
    await parseRows(
      'indicators',
      records.flatMap((r) => [
        indicator({ agency: r.agency, level3: '活动次数' }),
        indicator({ agency: r.agency, level3: '满意度' }),
      ]),
      name,
      known,
    ),
    await parseRows(
      'funds',
      records.map((r) => fund({ agency: r.agency })),
      name,
      known,
    ),
  ];
  for (const p of parts) p.source = { type: 'forms', files: records.length };
  return parts;
}

describe('the history by upload', () => {
  it('shows the batches of one upload as one entry: its forms, rows per kind and state', async () => {
    const d = db();
    await commitFiles(d, [await parseRows('records', [A], 'a.csv')], 'upload', 'u1');
    await commitFiles(d, await formsUpload(), 'upload', 'u2');
    const uploads = groupUploads(await listBatches(d));
    expect(uploads.map((u) => [u.key, u.batches.map((b) => b.id)])).toEqual([
      ['u2', [2, 3, 4]],
      ['u1', [1]],
    ]);
    expect(uploads[0]).toMatchObject({
      files: 2,
      forms: 2,
      rows: 8,
      rowsByKind: [
        { kind: 'records', rows: 2 },
        { kind: 'indicators', rows: 4 },
        { kind: 'funds', rows: 2 },
      ],
      state: 'active',
      activeIds: [2, 3, 4],
      rolledBackAt: null,
    });
    // The stored batch keeps where its rows came from.
    expect((await listBatches(d))[0]!.source).toEqual({ type: 'forms', files: 2 });
    expect(uploads[1]).toMatchObject({ files: 1, forms: 0, supersededCount: 0 });

    await rollbackBatch(d, 4);
    expect(groupUploads(await listBatches(d))[0]).toMatchObject({ state: 'partial', activeIds: [2, 3] });
    await rollbackGroup(d, 'u2');
    const after = groupUploads(await listBatches(d))[0]!;
    expect(after.state).toBe('rolled_back');
    expect(after.activeIds).toEqual([]);
    expect(after.rolledBackAt).toBeGreaterThan(0);
  });

  it('makes a batch without a group an upload of its own', () => {
    const base = { fileName: 'x.csv', sha256: '', createdAt: 1, rows: 1, newCount: 1, supersededCount: 0 };
    const uploads = groupUploads([
      { ...base, id: 2, kind: 'records', state: 'active', origin: 'upload', warningCount: 0 },
      { ...base, id: 1, kind: 'records', state: 'rolled_back', origin: 'upload', warningCount: 0, group: '' },
    ]);
    expect(uploads.map((u) => [u.key, u.state])).toEqual([
      ['batch:2', 'active'],
      ['batch:1', 'rolled_back'],
    ]);
  });
});

describe('rolling an upload back as a unit', () => {
  it('takes all its rows away and brings back what it replaced, in one transaction', async () => {
    const d = db();
    await commitFiles(d, [await parseRows('records', [A], 'old.csv')], 'upload', 'u1');
    await commitFiles(d, await formsUpload([A2, B]), 'upload', 'u2');
    const effect = await rollbackEffect(d, [2, 3, 4]);
    expect(effect).toMatchObject({
      batchIds: [2, 3, 4],
      orphans: null,
      kinds: [
        { kind: 'records', leaving: 2, returning: 1 },
        { kind: 'indicators', leaving: 4, returning: 0 },
        { kind: 'funds', leaving: 2, returning: 0 },
      ],
    });
    expect(effect!.kinds[0]!.samples).toEqual([{ key: recordKey(A), now: A2, back: A }]);

    const rolled = await rollbackBatches(d, [2, 3, 4]);
    expect(rolled.map((b) => [b.id, b.state])).toEqual([
      [2, 'rolled_back'],
      [3, 'rolled_back'],
      [4, 'rolled_back'],
    ]);
    expect(await loadCurrent(d, 'records')).toEqual([A]);
    expect(await loadCurrent(d, 'indicators')).toEqual([]);
    expect(await loadCurrent(d, 'funds')).toEqual([]);
    expect(await rollbackEffect(d, [2, 3, 4])).toBeNull();
  });

  it('counts a row two batches of the upload hold once, and only batches outside it give versions back', async () => {
    const d = db();
    await commitFiles(d, [await parseRows('records', [A], 'old.csv')], 'upload', 'u1');
    await commitFiles(
      d,
      [
        await parseRows('records', [A2, B], 'first.csv'),
        await parseRows('records', [{ ...A, budget: 170 }], 'fix.csv'),
      ],
      'upload',
      'u2',
    );
    const effect = await rollbackEffect(d, [2, 3]);
    expect(effect!.kinds).toEqual([
      {
        kind: 'records',
        leaving: 2,
        returning: 1,
        samples: [{ key: recordKey(A), now: { ...A, budget: 170 }, back: A }],
      },
    ]);
  });

  it('writes nothing when a step fails in the middle', async () => {
    const d = db();
    await commitFiles(d, [await parseRows('records', [A], 'old.csv')], 'upload', 'u1');
    await commitFiles(d, await formsUpload([A2, B]), 'upload', 'u2');
    const before = await dump(d);
    let updates = 0;
    const failSecond = () => {
      updates++;
      if (updates === 2) throw new Error('disk error (injected)');
    };
    d.batches.hook('updating', failSecond);
    await expect(rollbackGroup(d, 'u2')).rejects.toThrow();
    d.batches.hook('updating').unsubscribe(failSecond);
    expect(updates).toBe(2);
    expect(await dump(d)).toEqual(before);
    expect(await loadCurrent(d, 'records')).toEqual([A2, B]);
    expect(await loadCurrent(d, 'indicators')).toHaveLength(4);

    // A batch of the list that is rolled back already: refused, and the others stay active too.
    await rollbackBatch(d, 4);
    const partly = await dump(d);
    await expect(rollbackBatches(d, [2, 3, 4])).rejects.toMatchObject({ code: 'batch_rolled_back' });
    expect(await dump(d)).toEqual(partly);
  });
});

describe('a rollback that would leave rows without their record', () => {
  it('goes ahead for the records batch alone, says so first, and keeps the rows behind for their record’s return', async () => {
    const d = db();
    await commitFiles(d, await formsUpload(), 'upload', 'u1');
    const effect = await rollbackEffect(d, [1]);
    expect(effect!.orphans).toEqual({ records: 2, kinds: ['indicators', 'funds'], first: recordKey(A) });
    await rollbackBatch(d, 1);
    expect(await loadCurrent(d, 'records')).toEqual([]);
    // Nothing lost: the indicators and funds are still current rows, waiting for their records.
    expect(await loadCurrent(d, 'indicators')).toHaveLength(4);
    expect(await loadCurrent(d, 'funds')).toHaveLength(2);
    await commitFiles(d, [await parseRows('records', [A, B], 'again.csv')], 'upload', 'u2');
    expect(await loadCurrent(d, 'records')).toEqual([A, B]);
    expect((await rollbackEffect(d, [2, 3]))!.orphans).toBeNull();
  });

  it('goes ahead for an upload whose records another upload’s rows still hold, naming the record first', async () => {
    const d = db();
    const recs = await parseRows('records', [A, B]);
    await commitFiles(d, [recs], 'upload', 'u1');
    await commitFiles(
      d,
      [
        await parseRows('indicators', [indicator({ agency: '乙单位' })], 'i.csv', {
          knownRecords: knownRecordsOf(recs),
        }),
      ],
      'upload',
      'u2',
    );
    expect((await rollbackEffect(d, [1]))!.orphans).toEqual({
      records: 1,
      kinds: ['indicators'],
      first: recordKey(B),
    });
    await rollbackGroup(d, 'u1');
    expect(await loadCurrent(d, 'records')).toEqual([]);
    expect(await loadCurrent(d, 'indicators')).toHaveLength(1);
  });

  it('is allowed when an earlier version of every record comes back', async () => {
    const d = db();
    await commitFiles(d, await formsUpload(), 'upload', 'u1');
    await commitFiles(d, [await parseRows('records', [A2], 'fix.csv')], 'upload', 'u2');
    expect((await rollbackEffect(d, [4]))!.orphans).toBeNull();
    await rollbackBatch(d, 4);
    expect(await loadCurrent(d, 'records')).toEqual([A, B]);
  });
});
