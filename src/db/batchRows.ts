// Small reads of the batches table shared by the ledger's write and read sides.
import { damagedIds } from './damage';
import type { BatchInfo, BudgetDb, StoredBatch } from './database';

/** The BatchInfo part of a stored batch (without its warnings and headers). */
export function batchInfo(b: StoredBatch): BatchInfo {
  const { warnings: _w, headers: _h, ...info } = b;
  return info;
}

/**
 * The active batch with these file bytes, if any: identical re-uploads are recognised by it. A
 * damaged batch (damage.ts) is no such batch: importing its file again is how it is repaired.
 * Reads `batches` and `meta`.
 */
export async function activeWithSha(db: BudgetDb, sha256: string): Promise<StoredBatch | undefined> {
  const damaged = await damagedIds(db);
  return db.batches
    .where('sha256')
    .equals(sha256)
    .filter((b) => b.state === 'active' && !damaged.has(b.id))
    .first();
}

/** The damaged active batch with these file bytes, if any: the one a re-import replaces. */
export async function damagedWithSha(db: BudgetDb, sha256: string): Promise<StoredBatch | undefined> {
  const damaged = await damagedIds(db);
  if (damaged.size === 0) return undefined;
  return db.batches
    .where('sha256')
    .equals(sha256)
    .filter((b) => b.state === 'active' && damaged.has(b.id))
    .first();
}
