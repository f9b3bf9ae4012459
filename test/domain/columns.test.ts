import { describe, expect, it } from 'vitest';
import { appendRows, ChunkBuilder, chunkRow, chunksToRows, packChunk, rowsToChunks } from '@/domain/columns';
import { GRADES, KINDS, type AnyRow, type ColumnChunk, type Kind, type PerfRecord, type RowOf } from '@/domain/types';
import { isNumericType, SCHEMA } from '@/domain/schema';
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

describe('rows made by the generated makers (rowMakers.ts)', () => {
  // The generic way rows were made before: field by field in the chunk's column order. The makers
  // must give exactly these objects, keys in the same order.
  function reference(chunk: ColumnChunk, i: number): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const [f, col] of Object.entries(chunk.text)) o[f] = col[i] ?? '';
    for (const [f, col] of Object.entries(chunk.num)) {
      const v = col[i];
      o[f] = v === undefined || Number.isNaN(v) ? null : v;
    }
    if (o.grade === '') o.grade = null;
    return o;
  }

  // Seeded, so a failure can be repeated.
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  function randomRow(kind: Kind): AnyRow {
    const o: Record<string, unknown> = {};
    for (const f of SCHEMA[kind]) {
      if (isNumericType(f.type))
        o[f.name] =
          rand() < 0.2 ? null : f.name === 'year' ? 2015 + Math.floor(rand() * 10) : Math.round(rand() * 1e6) / 100;
      else if (f.type === 'grade') o[f.name] = rand() < 0.3 ? null : pick(GRADES);
      else if (f.name === 'scope') o[f.name] = pick(['department', 'project']);
      else o[f.name] = rand() < 0.2 ? '' : pick(['甲单位', '乙', 'x,y', '"q"', ' 空格 ', 'constructor', '__proto__']);
    }
    return o as unknown as AnyRow;
  }

  it.each(KINDS)('%s: the same rows as the generic way, keys in the same order, every field of the schema', (kind) => {
    const rows = Array.from({ length: 300 }, () => randomRow(kind));
    const chunks = rowsToChunks(kind, rows as RowOf[typeof kind][], 128);
    const made = chunksToRows(chunks);
    const ref = chunks.flatMap((c) => Array.from({ length: c.length }, (_, i) => reference(c, i)));
    expect(made).toEqual(ref);
    for (let i = 0; i < made.length; i += 37) expect(Object.keys(made[i]!)).toEqual(Object.keys(ref[i]!));
    expect(Object.keys(made[0]!).sort()).toEqual(SCHEMA[kind].map((f) => f.name).sort());
    // And they are the rows that were stored.
    expect(made).toEqual(rows);
  });
});
