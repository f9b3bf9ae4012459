import { describe, expect, it } from 'vitest';
import { appendRows, chunkRow, chunksToRows, rowsToChunks } from '@/domain/columns';
import type { PerfRecord } from '@/domain/types';
import { RECORDS } from '../charts/fixtures';

describe('rows read back from column chunks', () => {
  const chunks = rowsToChunks('records', RECORDS, 4);

  it('give the rows that were stored, whichever way they are read', () => {
    expect(chunks.map((c) => c.length)).toEqual([4, 2]);
    expect(chunksToRows<'records'>(chunks)).toEqual(RECORDS);
    expect(chunkRow<'records'>(chunks[1]!, 1)).toEqual(RECORDS[5]);
  });

  it('in slices, the same rows in the same order', () => {
    const out: PerfRecord[] = [];
    for (const c of chunks)
      for (let from = 0; from < c.length; from += 3) appendRows(c, from, Math.min(c.length, from + 3), out);
    expect(out).toEqual(RECORDS);
  });
});
