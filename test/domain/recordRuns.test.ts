import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordKeysOf, rowsOfRecords, distinctRecordKeys, shareRecords } from '@/db/chunkOps';
import { ChunkBuilder, packChunk } from '@/domain/columns';
import { recordKey } from '@/domain/keys';
import { level1TableOf } from '@/domain/level1';
import { parseFile } from '@/domain/parseFile';
import { recordRuns } from '@/domain/recordRuns';
import { SCHEMA } from '@/domain/schema';
import { TEMPLATE_ROWS } from '@/domain/templates';
import type { ColumnChunk, IndicatorRow } from '@/domain/types';
import { bytesOf, fileArb, KNOWN } from './indicatorFiles';

/** The same chunk as a new object: its runs are then found from its columns, not as noted. */
function copyOf(c: ColumnChunk): ColumnChunk {
  return { kind: c.kind, length: c.length, text: { ...c.text }, num: { ...c.num } };
}

function runsAsFound(c: ColumnChunk) {
  const r = recordRuns(copyOf(c));
  return { starts: [...r.starts], keys: [...r.keys] };
}

function runsOf(c: ColumnChunk) {
  const r = recordRuns(c);
  return { starts: [...r.starts], keys: [...r.keys] };
}

const BASE = TEMPLATE_ROWS.indicators;
/** An indicator row of agency `a` (of three), year and scope, level-3 name `n`. */
function row(a: number, year: number, project: boolean, n: number): IndicatorRow {
  return {
    ...BASE,
    agency: ['甲单位', '乙单位', '甲单位 '][a]!,
    year,
    scope: project ? 'project' : 'department',
    project: project ? '培训项目' : '',
    level3: `指标${n}`,
  };
}
const rowArb = fc
  .tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom(2023, 2024), fc.boolean(), fc.nat(50))
  .map(([a, y, p, n]) => row(a, y, p, n));
/** Runs of one record's rows, a record coming back after another, at chunk sizes that cut runs. */
const rowsArb = fc
  .array(fc.tuple(rowArb, fc.integer({ min: 1, max: 6 })), { maxLength: 40 })
  .map((runs) =>
    runs.flatMap(([r, times]) => Array.from({ length: times }, (_, i) => ({ ...r, level3: `${r.level3}-${i}` }))),
  );

describe('record runs', () => {
  it('noted while a chunk is filled: the same runs as found from its columns, at any chunk size', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 9 }), (rows, chunkRows) => {
        const b = new ChunkBuilder('indicators', chunkRows);
        for (const r of rows) b.pushValues(valuesOf(r), recordKey(r));
        for (const c of b.finish()) expect(runsOf(c)).toEqual(runsAsFound(c));
      }),
    );
  });

  it('found from the columns when rows came without keys or from a packed part', () => {
    const rows = [row(0, 2023, false, 1), row(0, 2023, false, 2), row(1, 2024, true, 1), row(0, 2023, false, 3)];
    const first = new ChunkBuilder('indicators', 100);
    for (const r of rows) first.pushValues(valuesOf(r), recordKey(r));
    const part = first.finish()[0]!;
    const b = new ChunkBuilder('indicators', 3);
    b.pushValues(valuesOf(rows[2]!), recordKey(rows[2]!));
    b.pushPacked(packChunk(part));
    b.pushValues(valuesOf(rows[1]!));
    b.pushValues(valuesOf(rows[2]!), recordKey(rows[2]!));
    const chunks = b.finish();
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 1]);
    for (const c of chunks) expect(runsOf(c)).toEqual(runsAsFound(c));
    // Rows 0–2: 乙 2024 (pushed with its key), then the part's 甲 2023 twice: two runs.
    expect(runsOf(chunks[0]!).starts).toEqual([0, 1]);
    expect(runsOf(chunks[0]!).keys).toEqual([recordKey(rows[2]!), recordKey(rows[0]!)]);
  });

  it('a parsed file: every chunk has the runs its columns give, and the keys of its rows', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (f) => {
        const p = await parseFile(bytesOf(f), 'f.csv', { knownRecords: KNOWN, pieceBytes: f.pieceBytes });
        for (const c of p.chunks) {
          expect(runsOf(c)).toEqual(runsAsFound(c));
          const rowKeys = recordKeysOf(c);
          expect(rowKeys).toEqual(recordKeysOf(copyOf(c)));
          expect(distinctRecordKeys(c)).toEqual([...new Set(rowKeys)]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('what is built on them: rows of records, records shared, level-1 summaries', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 9 }), (rows, chunkRows) => {
        const b = new ChunkBuilder('indicators', chunkRows);
        for (const r of rows) b.pushValues(valuesOf(r), recordKey(r));
        const chunks = b.finish();
        const wanted = new Set(rows.filter((_, i) => i % 3 === 0).map(recordKey));
        let at = 0;
        for (const c of chunks) {
          const { keep, count } = rowsOfRecords(c, (k) => wanted.has(k));
          const expected = rows.slice(at, at + c.length).map((r) => (wanted.has(recordKey(r)) ? 1 : 0));
          expect([...keep]).toEqual(expected);
          expect(count).toBe(expected.reduce<number>((n, x) => n + x, 0));
          at += c.length;
        }
        const other = new ChunkBuilder('indicators', 100);
        other.pushValues(valuesOf(row(1, 2024, true, 99)), recordKey(row(1, 2024, true, 99)));
        const shared = rows.some((r) => recordKey(r) === recordKey(row(1, 2024, true, 0)));
        expect(shareRecords(chunks, other.finish())).toBe(shared);
        expect(level1TableOf(chunks)).toEqual(level1TableOf(chunks.map(copyOf)));
      }),
    );
  });
});

/** A row's values in SCHEMA order, as the reader hands them to the chunk builder. */
function valuesOf(r: IndicatorRow): unknown[] {
  return SCHEMA.indicators.map((f) => (r as unknown as Record<string, unknown>)[f.name]);
}
