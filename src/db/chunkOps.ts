// Operations on column chunks that the ledger needs: record keys straight from the columns, picking
// rows, splitting. Working on the columns avoids building a million row objects.
import { forEachRecordRun, recordRuns } from '@/domain/recordRuns';
import type { ColumnChunk } from '@/domain/types';

/** The record key of every row of the chunk (keys.ts recordKey). */
export function recordKeysOf(chunk: ColumnChunk): string[] {
  const { starts, keys } = recordRuns(chunk);
  const out: string[] = new Array(chunk.length);
  for (let r = 0; r < keys.length; r++) {
    const end = starts[r + 1] ?? chunk.length;
    for (let i = starts[r]!; i < end; i++) out[i] = keys[r]!;
  }
  return out;
}

/**
 * Whether any row of `a` belongs to a record that some row of `b` belongs to. Rows of different
 * records never share a row key, so when this is false no row of one can supersede a row of the
 * other, and the per-row key hashing can be skipped: the usual case when a big file brings new
 * records.
 */
export function shareRecords(a: readonly ColumnChunk[], b: readonly ColumnChunk[]): boolean {
  const keys = new Set<string>();
  forEachRecordRun(a, (k) => {
    keys.add(k);
  });
  if (keys.size === 0) return false;
  let shared = false;
  forEachRecordRun(b, (k) => {
    shared = keys.has(k);
    return !shared;
  });
  return shared;
}

/** The distinct record keys of a chunk's rows, in order of first appearance. */
export function distinctRecordKeys(chunk: ColumnChunk): string[] {
  return [...new Set(recordRuns(chunk).keys)];
}

/** Which rows of `chunk` belong to a record that `accept` takes, and how many. */
export function rowsOfRecords(
  chunk: ColumnChunk,
  accept: (recordKey: string) => boolean,
): { keep: Uint8Array; count: number } {
  const { starts, keys } = recordRuns(chunk);
  const keep = new Uint8Array(chunk.length);
  let count = 0;
  for (let r = 0; r < keys.length; r++) {
    if (!accept(keys[r]!)) continue;
    const start = starts[r]!;
    const end = starts[r + 1] ?? chunk.length;
    keep.fill(1, start, end);
    count += end - start;
  }
  return { keep, count };
}

/** The rows of `chunk` whose `keep` flag is set, as a new chunk of `count` rows. */
export function selectRows(chunk: ColumnChunk, keep: Uint8Array, count: number): ColumnChunk {
  const text: Record<string, string[]> = {};
  const num: Record<string, Float64Array> = {};
  for (const [f, col] of Object.entries(chunk.text)) {
    const out: string[] = new Array(count);
    let j = 0;
    for (let i = 0; i < chunk.length; i++) if (keep[i]) out[j++] = col[i] ?? '';
    text[f] = out;
  }
  for (const [f, col] of Object.entries(chunk.num)) {
    const out = new Float64Array(count);
    let j = 0;
    for (let i = 0; i < chunk.length; i++) if (keep[i]) out[j++] = col[i] ?? NaN;
    num[f] = out;
  }
  return { kind: chunk.kind, length: count, text, num };
}

/** Rows [start, end) of a chunk as a chunk whose numeric columns own their buffers. */
export function sliceChunk(chunk: ColumnChunk, start: number, end: number): ColumnChunk {
  const text: Record<string, string[]> = {};
  const num: Record<string, Float64Array> = {};
  for (const [f, col] of Object.entries(chunk.text)) text[f] = col.slice(start, end);
  for (const [f, col] of Object.entries(chunk.num)) num[f] = col.slice(start, end);
  return { kind: chunk.kind, length: end - start, text, num };
}

/**
 * Chunks ready to store: at most `maxRows` rows each, and numeric columns that are not views into a
 * larger buffer (IndexedDB would clone the whole buffer).
 */
export function storableChunks(chunks: readonly ColumnChunk[], maxRows: number): ColumnChunk[] {
  const out: ColumnChunk[] = [];
  for (const c of chunks) {
    if (c.length === 0) continue;
    const ownsBuffers = Object.values(c.num).every(
      (a) => a.byteOffset === 0 && a.buffer.byteLength === a.byteLength && a.length === c.length,
    );
    const textFits = Object.values(c.text).every((a) => a.length === c.length);
    if (c.length <= maxRows && ownsBuffers && textFits) {
      out.push(c);
      continue;
    }
    for (let start = 0; start < c.length; start += maxRows)
      out.push(sliceChunk(c, start, Math.min(c.length, start + maxRows)));
  }
  return out;
}
