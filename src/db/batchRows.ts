// Small reads of the batches table shared by the ledger's write and read sides.
import type { BatchInfo, BudgetDb, StoredBatch } from './database';

/** The BatchInfo part of a stored batch (without its warnings and headers). */
export function batchInfo(b: StoredBatch): BatchInfo {
  const { warnings: _w, headers: _h, ...info } = b;
  return info;
}

/** The active batch with these file bytes, if any: identical re-uploads are recognised by it. */
export async function activeWithSha(db: BudgetDb, sha256: string): Promise<StoredBatch | undefined> {
  return db.batches
    .where('sha256')
    .equals(sha256)
    .filter((b) => b.state === 'active')
    .first();
}
