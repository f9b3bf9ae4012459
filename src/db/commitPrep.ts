// The part of a commit that depends on nothing stored: the text columns encoded for storage, their
// checksums, the records each chunk holds, and the level-1 summaries of the file's rows alone. The import worker
// works them out while the analyst reads the preview (prepareCommit); the commit then takes them
// from here instead of doing the work after the press of the button, and works out anything not
// prepared itself. Keyed by the parsed chunks, so nothing outlives the upload.
import { Level1Builder, type Level1Table } from '@/domain/level1';
import type { ColumnChunk, Kind } from '@/domain/types';
import { chunkChecksum } from './chunkCheck';
import { distinctRecordKeys } from './chunkOps';
import { SEQ_STRIDE } from './current';
import { encodeTextColumns, type StoredTextColumn } from './textCodec';

const encoded = new WeakMap<ColumnChunk, Record<string, StoredTextColumn>>();
const checksums = new WeakMap<ColumnChunk, number>();
const recordLists = new WeakMap<ColumnChunk, string[]>();
const summaries = new WeakMap<ColumnChunk, { chunks: readonly ColumnChunk[]; table: Level1Table }>();

/**
 * The batch position the summaries of a file not yet committed are given: larger than any batch
 * id, as the file's own will be, so that the summaries sort the same; replaced on commit.
 */
const PENDING_BATCH = Number.MAX_SAFE_INTEGER;

/** A chunk's text columns as stored (textCodec). */
export function encodedText(chunk: ColumnChunk): Record<string, StoredTextColumn> {
  let e = encoded.get(chunk);
  if (!e) encoded.set(chunk, (e = encodeTextColumns(chunk.text, chunk.length)));
  return e;
}

/** The checksum of a chunk as it will be stored (chunkCheck.ts), checked whenever it is read back. */
export function storedChecksum(chunk: ColumnChunk): number {
  let sum = checksums.get(chunk);
  if (sum === undefined)
    checksums.set(chunk, (sum = chunkChecksum(chunk.kind, chunk.length, encodedText(chunk), chunk.num)));
  return sum;
}

/** The distinct records a chunk holds rows of (its chunkKeys row). */
export function chunkRecordKeys(chunk: ColumnChunk): string[] {
  let k = recordLists.get(chunk);
  if (!k) recordLists.set(chunk, (k = distinctRecordKeys(chunk)));
  return k;
}

/**
 * The level-1 summaries of the indicator rows of `chunks` alone, positioned as the rows of batch
 * `batchId` (chunk i as seq i): what the summaries of their records are when no other batch holds
 * rows of those records.
 */
export function fileLevel1(chunks: readonly ColumnChunk[], batchId: number): Level1Table {
  const table = pendingLevel1(chunks);
  return { ...table, major: table.major.map((m) => (m === PENDING_BATCH ? batchId : m)) };
}

function pendingLevel1(chunks: readonly ColumnChunk[]): Level1Table {
  const first = chunks[0];
  const kept = first ? summaries.get(first) : undefined;
  if (kept && kept.chunks.length === chunks.length && kept.chunks.every((c, i) => c === chunks[i])) return kept.table;
  const b = new Level1Builder();
  chunks.forEach((chunk, seq) => b.add({ chunk, major: PENDING_BATCH, minorBase: seq * SEQ_STRIDE, rows: null }));
  const table = b.finish();
  if (first) summaries.set(first, { chunks: [...chunks], table });
  return table;
}

/** Works out ahead what committing this storable chunk will need of it alone. */
export function prepareChunk(chunk: ColumnChunk): void {
  encodedText(chunk);
  storedChecksum(chunk);
  chunkRecordKeys(chunk);
}

/** Works out ahead what committing these storable chunks of a file of `kind` will need. */
export function prepareCommit(kind: Kind, chunks: readonly ColumnChunk[]): void {
  for (const c of chunks) prepareChunk(c);
  if (kind === 'indicators') pendingLevel1(chunks);
}
