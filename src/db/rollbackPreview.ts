// What rolling a batch back would do: which of its rows are current now and would leave, and which
// earlier versions would come back in their place. Computed from the stored data at the time of
// asking, not from the counts kept at commit time (a later batch may have replaced rows since).
import { chunkRow } from '@/domain/columns';
import { rowKey } from '@/domain/keys';
import type { AnyRow, Kind } from '@/domain/types';
import { activeIds, batchChunks, currentOf } from './current';
import type { BudgetDb } from './database';

export interface RollbackEffect {
  batchId: number;
  kind: Kind;
  /** Rows of the batch that are current now and leave the current data. */
  leaving: number;
  /** Of those, how many an earlier active batch holds a version of, which comes back. */
  returning: number;
  /** The first `limit` returning rows: the row as now, and the version that comes back. */
  samples: Array<{ key: string; now: AnyRow; back: AnyRow }>;
}

export async function rollbackEffect(db: BudgetDb, batchId: number, limit = 20): Promise<RollbackEffect | null> {
  const batch = await db.batches.get(batchId);
  if (!batch || batch.state !== 'active') return null;
  const kind = batch.kind;
  const mine = new Map<string, AnyRow>();
  for (const e of (await currentOf(db, kind)).entries) {
    if (e.batchId !== batchId) continue;
    for (let i = 0; i < e.chunk.length; i++) {
      const row = chunkRow(e.chunk, i);
      mine.set(rowKey(kind, row), row);
    }
  }
  // Newest first: the first earlier version found for a key is the one that comes back.
  const earlier = (await activeIds(db, kind)).filter((id) => id !== batchId).reverse();
  const back = new Map<string, AnyRow>();
  for (const id of earlier) {
    if (back.size === mine.size) break;
    for (const chunk of await batchChunks(db, id)) {
      for (let i = 0; i < chunk.length; i++) {
        const row = chunkRow(chunk, i);
        const key = rowKey(kind, row);
        if (mine.has(key) && !back.has(key)) back.set(key, row);
      }
    }
  }
  const samples: RollbackEffect['samples'] = [];
  for (const [key, old] of back) {
    if (samples.length >= limit) break;
    samples.push({ key, now: mine.get(key)!, back: old });
  }
  return { batchId, kind, leaving: mine.size, returning: back.size, samples };
}
