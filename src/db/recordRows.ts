// The current rows of a few records, read without the whole current state: the chunkKeys table
// says which stored chunks hold a record's rows, so opening one record among a million indicator
// rows reads the one or two chunks that hold it, and re-summarising the records a rolled-back
// batch touched reads only the chunks of the remaining batches that hold those records. The
// chunkKeys rows of the active batches (one per stored chunk) are read whole and searched here.
import type { Kind } from '@/domain/types';
import { rowsOfRecords } from './chunkOps';
import { activeIds, cachedState, dedupe, entryOf, selectEntry, stampOf, type CurrentEntry } from './current';
import { trustedChunks } from './damage';
import type { BudgetDb, StoredChunkKeys } from './database';

/** The chunks of batches `ids` that hold rows of any record in `keys`, in batch order. */
export async function chunksHolding(
  db: BudgetDb,
  ids: readonly number[],
  keys: ReadonlySet<string>,
): Promise<StoredChunkKeys[]> {
  if (ids.length === 0 || keys.size === 0) return [];
  const out: StoredChunkKeys[] = [];
  for (const c of await db.chunkKeys
    .where('batchId')
    .anyOf([...ids])
    .toArray()) {
    if (c.recordKeys.some((k) => keys.has(k))) out.push(c);
  }
  return out.sort((a, b) => a.batchId - b.batchId || a.seq - b.seq);
}

/** The records that batches `ids` hold rows of. */
export async function batchRecordKeys(db: BudgetDb, ids: readonly number[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (ids.length === 0) return out;
  for (const c of await db.chunkKeys
    .where('batchId')
    .anyOf([...ids])
    .toArray())
    for (const k of c.recordKeys) out.add(k);
  return out;
}

/**
 * The current rows of the records `keys` (of one kind): for each row key the version of the
 * newest active batch that holds it, as entries in batch order, exactly the part of the current
 * state (current.ts) that belongs to those records. Reads only chunks of active batches that hold
 * rows of them.
 */
export async function currentRowsOf(db: BudgetDb, kind: Kind, keys: ReadonlySet<string>): Promise<CurrentEntry[]> {
  if (keys.size === 0) return [];
  const ids = await activeIds(db, kind);
  const cached = cachedState(db, kind);
  // This connection holds the whole current state already (e.g. the import worker): no reading.
  if (cached && cached.stamp === stampOf(ids)) return ofRecords(cached.entries, keys);
  const holding = await chunksHolding(db, ids, keys);
  if (holding.length === 0) return [];
  const stored = await trustedChunks(db, kind, await db.chunks.bulkGet(holding.map((h) => h.id)));
  const raw = ofRecords(stored.map(entryOf), keys);
  // Rows of one batch never share a key (a file with a repeated key is rejected).
  if (new Set(raw.map((e) => e.batchId)).size <= 1) return raw;
  return dedupe(kind, raw).entries;
}

/** The rows of the entries that belong to the records `keys`. */
function ofRecords(entries: readonly CurrentEntry[], keys: ReadonlySet<string>): CurrentEntry[] {
  const out: CurrentEntry[] = [];
  for (const e of entries) {
    const { keep, count } = rowsOfRecords(e.chunk, (k) => keys.has(k));
    if (count === e.chunk.length) out.push(e);
    else if (count > 0) out.push(selectEntry(e, keep, count));
  }
  return out;
}
