import { describe, expect, it } from 'vitest';
import { appendRows, ChunkBuilder, chunkRow, chunksToRows, packChunk, rowsToChunks } from '@/domain/columns';
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

describe('chunks built row by row', () => {
  // Many rows from the six: each a record of its own (project names numbered), some numbers absent.
  const many = (n: number): PerfRecord[] =>
    Array.from({ length: n }, (_, i) => {
      const r = RECORDS[i % RECORDS.length]!;
      return { ...r, project: `项目${i}`, budget: i % 7 === 0 ? null : i + 0.25 } as PerfRecord;
    });

  it('hold every row across the columns’ growth, in full chunks and a last short one', () => {
    const rows = many(12_345);
    const b = new ChunkBuilder('records', 5_000);
    rows.forEach((r) => b.push(r));
    const chunks = b.finish();
    expect(chunks.map((c) => c.length)).toEqual([5_000, 5_000, 2_345]);
    for (const c of chunks) {
      expect(Object.values(c.num).every((col) => col.length === c.length)).toBe(true);
      expect(Object.values(c.text).every((col) => col.length === c.length)).toBe(true);
    }
    expect(chunksToRows<'records'>(chunks)).toEqual(rows);
  });

  it('a few rows make a chunk of their size, whether pushed or appended packed', () => {
    const rows = many(3);
    const b = new ChunkBuilder('records', 50_000);
    rows.forEach((r) => b.push(r));
    const [c] = b.finish();
    expect(Object.values(c!.num).map((col) => col.length)).toEqual(Object.values(c!.num).map(() => 3));
    const again = new ChunkBuilder('records', 50_000);
    again.pushPacked(packChunk(rowsToChunks('records', many(2_000), 2_000)[0]!));
    again.pushPacked(packChunk(c!));
    expect(chunksToRows<'records'>(again.finish())).toEqual([...many(2_000), ...rows]);
  });
});
