import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BUILTIN_GROUP, ensureBuiltin, loadBuiltinFrom, reloadBuiltin } from '@/db/builtin';
import type { BudgetDb } from '@/db/database';
import { commitFile, listBatches, loadCurrent, rollbackBatch, rollbackGroup } from '@/db/ledger';
import { parseFile } from '@/domain/parseFile';
import { KINDS } from '@/domain/types';
import { dump, freshDbPerTest, parseRows, readBuiltinFiles } from './helpers';

const files = readBuiltinFiles();
const source = async () => files;

/** Rows of each kind the bundled files hold, read with the parser independently of the db. */
async function expectedRows() {
  const counts: Record<string, number> = {};
  for (const kind of KINDS) counts[kind] = (await parseFile(new TextEncoder().encode(files[kind]), kind)).rows;
  return counts;
}

const db = freshDbPerTest();

async function currentCounts(d: BudgetDb) {
  const out: Record<string, number> = {};
  for (const kind of KINDS) out[kind] = (await loadCurrent(d, kind)).length;
  return out;
}

describe('built-in dataset', () => {
  it('is loaded on first start as four builtin batches, and not twice', async () => {
    const d = db();
    const expected = await expectedRows();
    expect(expected.records).toBeGreaterThan(0);
    expect(expected.indicators).toBeGreaterThan(0);
    expect(expected.funds).toBeGreaterThan(0);
    expect(expected.findings).toBeGreaterThan(0);

    expect(await ensureBuiltin(d, source)).toBe(true);
    const batches = await listBatches(d);
    expect(batches.map((b) => [b.kind, b.origin, b.state, b.group])).toEqual([
      ['findings', 'builtin', 'active', BUILTIN_GROUP],
      ['funds', 'builtin', 'active', BUILTIN_GROUP],
      ['indicators', 'builtin', 'active', BUILTIN_GROUP],
      ['records', 'builtin', 'active', BUILTIN_GROUP],
    ]);
    expect(await currentCounts(d)).toEqual(expected);

    const before = await dump(d);
    expect(await ensureBuiltin(d, source)).toBe(false);
    expect(await dump(d)).toEqual(before);
  });

  it('loads the copy bundled with Vite’s ?raw import by default', async () => {
    const d = db();
    expect(await ensureBuiltin(d)).toBe(true);
    expect(await currentCounts(d)).toEqual(await expectedRows());
  });

  it('completes an interrupted first load without duplicating what was committed', async () => {
    const d = db();
    const recordsOnly = await parseFile(new TextEncoder().encode(files.records), 'records.csv');
    await commitFile(d, recordsOnly, 'builtin', BUILTIN_GROUP);
    expect(await ensureBuiltin(d, source)).toBe(true);
    expect((await listBatches(d)).map((b) => b.kind).sort()).toEqual([...KINDS].sort());
    expect(await currentCounts(d)).toEqual(await expectedRows());
  });

  it('does not add itself to a database that already holds analysts’ data', async () => {
    const d = db();
    const own = await parseRows('records', [{ ...(await loadAnyBuiltinRecord()), note: '分析员自己的数据' }]);
    await commitFile(d, own);
    expect(await ensureBuiltin(d, source)).toBe(false);
    expect((await listBatches(d)).every((b) => b.origin === 'upload')).toBe(true);
  });

  it('can be rolled back (its rows leave the current data) and reloaded', async () => {
    const d = db();
    await ensureBuiltin(d, source);
    const ids = (await listBatches(d)).map((b) => b.id).sort();
    const rolled = await rollbackGroup(d, BUILTIN_GROUP);
    expect(rolled).toHaveLength(4);
    expect(await currentCounts(d)).toEqual({ records: 0, indicators: 0, funds: 0, findings: 0 });
    // A later start does not bring it back on its own.
    expect(await ensureBuiltin(d, source)).toBe(false);
    expect(await currentCounts(d)).toEqual({ records: 0, indicators: 0, funds: 0, findings: 0 });

    const reloaded = await reloadBuiltin(d, source);
    expect(reloaded.map((b) => b.id).sort()).toEqual(ids);
    expect(reloaded.every((b) => b.state === 'active')).toBe(true);
    expect(await currentCounts(d)).toEqual(await expectedRows());
    // Reloading again changes nothing.
    const before = await dump(d);
    await reloadBuiltin(d, source);
    expect(await dump(d)).toEqual(before);
  });

  it('after a reload, an analyst’s correction made meanwhile still wins over the built-in row', async () => {
    const d = db();
    await ensureBuiltin(d, source);
    const original = await loadCurrent(d, 'records');
    const target = original[0]!;
    await rollbackGroup(d, BUILTIN_GROUP);
    const corrected = { ...target, note: '分析员更正' };
    await commitFile(d, await parseRows('records', [corrected]));
    await reloadBuiltin(d, source);
    // The built-in rows are back in their place; the correction, committed later, replaces one.
    expect(await loadCurrent(d, 'records')).toEqual([...original.slice(1), corrected]);
  });

  it('reloads from the files when no built-in batch exists', async () => {
    const d = db();
    const reloaded = await reloadBuiltin(d, source);
    expect(reloaded.map((b) => b.kind)).toEqual([...KINDS]);
    expect(await currentCounts(d)).toEqual(await expectedRows());
  });

  it('rolling back only the built-in indicators leaves its records in place', async () => {
    const d = db();
    await ensureBuiltin(d, source);
    const ind = (await listBatches(d)).find((b) => b.kind === 'indicators')!;
    await rollbackBatch(d, ind.id);
    const counts = await currentCounts(d);
    expect(counts.indicators).toBe(0);
    expect(counts.records).toBe((await expectedRows()).records);
  });

  it('loadBuiltinFrom refuses broken bundled data, naming the file', async () => {
    const d = db();
    await expect(
      loadBuiltinFrom(d, { ...files, records: '单位名称,年度,评价类型\n甲,abc,部门整体\n' }),
    ).rejects.toMatchObject({
      code: 'builtin_invalid',
      params: { file: 'records.csv', count: 1, row: 2 },
    });
    expect(await listBatches(d)).toEqual([]);
  });
});

async function loadAnyBuiltinRecord() {
  const parsed = await parseFile(new TextEncoder().encode(files.records), 'records.csv');
  const { chunkRow } = await import('@/domain/columns');
  return chunkRow<'records'>(parsed.chunks[0]!, 0);
}
