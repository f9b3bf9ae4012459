import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetDb } from '@/db/database';
import { commitFile, listBatches, loadCurrent, loadCurrentChunks, loadIndicatorsFor, rollbackBatch } from '@/db/ledger';
import { rowsToChunks } from '@/domain/columns';
import { recordKey } from '@/domain/keys';
import { CHUNK_ROWS, type IndicatorRow, type ParsedFile } from '@/domain/types';
import { freshDb, indicator, parsedRows, recordsOf } from './helpers';

const N = 200_000;

/** Indicator rows of 2,000 records × 100 indicators; `tag` marks the version in `actual`. */
function rows(from: number, to: number, tag: string): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (let i = from; i < to; i++) {
    out.push(
      indicator({
        agency: `单位${Math.floor(i / 100)}`,
        year: 2000 + (i % 20),
        level1: '产出指标',
        level2: `二级${i % 100}`,
        level3: `三级${i}`,
        actual: tag,
        score: i % 10,
      }),
    );
  }
  return out;
}

function parsedOf(list: IndicatorRow[], name: string): ParsedFile {
  return {
    fileName: name,
    kind: 'indicators',
    encoding: 'utf-8',
    delimiter: ',',
    rows: list.length,
    headers: [],
    errors: [],
    errorCount: 0,
    warnings: [],
    warningCount: 0,
    chunks: rowsToChunks('indicators', list, CHUNK_ROWS),
    sha256: name.padEnd(64, '0'),
    byteLength: 0,
  };
}

let d: BudgetDb | null = null;
afterEach(async () => {
  await d?.delete();
  d = null;
});

describe('at scale', () => {
  it(`commits ${N.toLocaleString()} indicator rows, reads them back, supersedes and rolls back half`, async () => {
    d = freshDb();
    const first = rows(0, N, 'v1');
    // The records the rows belong to, the first and the second version's.
    await commitFile(d, parsedRows('records', recordsOf(rows(0, N + N / 2, 'r')), 'records.csv'));
    const t0 = performance.now();
    const c1 = await commitFile(d, parsedOf(first, 'big-1'));
    const tCommit = performance.now() - t0;
    expect(c1.batch).toMatchObject({ rows: N, newCount: N, supersededCount: 0 });
    expect(await d.chunks.where('batchId').equals(c1.batch.id).count()).toBe(Math.ceil(N / CHUNK_ROWS));

    // A fresh connection has no cache: it reads the chunks and takes the disjoint fast path.
    const other = new BudgetDb(d.name);
    const t1 = performance.now();
    const loaded = await loadCurrent(other, 'indicators');
    const tLoad = performance.now() - t1;
    expect(loaded).toHaveLength(N);
    expect(loaded[12_345]).toEqual(first[12_345]);
    expect(loaded[N - 1]).toEqual(first[N - 1]);

    // The second half again in a new version, plus as many new rows.
    const second = rows(N / 2, N + N / 2, 'v2');
    const c2 = await commitFile(d, parsedOf(second, 'big-2'));
    expect(c2.batch).toMatchObject({ rows: N, newCount: N / 2, supersededCount: N / 2 });
    const t2 = performance.now();
    const merged = await loadCurrentChunks(other, 'indicators');
    const tDedupe = performance.now() - t2;
    expect(merged.reduce((n, c) => n + c.length, 0)).toBe(N + N / 2);
    const current = await loadCurrent(d, 'indicators');
    expect(current.filter((r) => r.actual === 'v1')).toHaveLength(N / 2);
    expect(current[N / 2]).toEqual(second[0]);

    const one = second[7]!;
    const t3 = performance.now();
    const ofRecord = await loadIndicatorsFor(other, recordKey(one));
    const tOne = performance.now() - t3;
    expect(ofRecord.length).toBeGreaterThan(0);
    expect(ofRecord.every((r) => r.agency === one.agency && r.year === one.year && r.actual === 'v2')).toBe(true);

    await rollbackBatch(other, c2.batch.id);
    const back = await loadCurrent(d, 'indicators');
    expect(back).toHaveLength(N);
    expect(back.every((r) => r.actual === 'v1')).toBe(true);
    expect([back[0], back[N / 2], back[N - 1]]).toEqual([first[0], first[N / 2], first[N - 1]]);
    expect((await listBatches(d)).map((b) => b.state)).toEqual(['rolled_back', 'active', 'active']);
    other.close();

    console.info(
      `200k rows: commit ${tCommit.toFixed(0)} ms, load ${tLoad.toFixed(0)} ms, dedupe load ${tDedupe.toFixed(0)} ms, one record ${tOne.toFixed(0)} ms`,
    );
    // Generous bounds for a slow CI box; fake-indexeddb is much slower than a browser's IndexedDB.
    expect(tCommit).toBeLessThan(10_000);
    expect(tLoad).toBeLessThan(10_000);
  }, 120_000);
});
