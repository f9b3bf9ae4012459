// What the dashboard reads when the app starts, in one read transaction: the active batch ids of
// every kind (what decides the current data), the current records and fund lines, the stored
// level-1 summaries, the kept warnings and the batch list. One snapshot: another tab's commit
// falls wholly before or wholly after it, so the ids read are those of the data read, and a
// watch that compares later ids with them sees every change. Issued together, the reads go to
// the browser's storage at once rather than one round trip after another (the app's start used
// to wait for the built-in check, then the ids, then the rows, each a round trip).
import { KINDS, type ColumnChunk, type FundLine, type Kind } from '@/domain/types';
import type { Level1Table } from '@/domain/level1';
import { activeIds, stampOf } from './current';
import type { BatchInfo, BudgetDb } from './database';
import { storedLevel1 } from './level1Store';
import { listBatches, loadCurrent, loadCurrentChunks, loadWarnings, type StoredWarning } from './ledger';

export interface StartRead {
  /** The active batch ids of each kind, joined by ',' (current.ts activeIds). */
  signatures: Record<Kind, string>;
  /** The current records, as stored chunks (made into objects by the caller, a slice per task). */
  recordChunks: ColumnChunk[];
  funds: FundLine[];
  /** The stored level-1 summaries of the current indicator rows; null when none are stored for
   * them (the caller then computes them outside this transaction: level1Table, which stores them). */
  level1: Level1Table | null;
  warnings: StoredWarning[];
  batches: BatchInfo[];
}

/** The active batch ids of each kind (the dashboard's watch compares them). */
export async function activeSignatures(db: BudgetDb): Promise<Record<Kind, string>> {
  const ids = await Promise.all(KINDS.map((k) => activeIds(db, k)));
  return Object.fromEntries(KINDS.map((k, i) => [k, stampOf(ids[i]!)])) as Record<Kind, string>;
}

/** Everything the dashboard shows first, read in one transaction. */
export function readStart(db: BudgetDb): Promise<StartRead> {
  return db.transaction('r', [db.batches, db.chunks, db.chunkKeys, db.meta], async () => {
    const [signatures, recordChunks, funds, level1, warnings, batches] = await Promise.all([
      activeSignatures(db),
      loadCurrentChunks(db, 'records'),
      loadCurrent(db, 'funds'),
      activeIds(db, 'indicators').then((ids) => storedLevel1(db, stampOf(ids))),
      loadWarnings(db),
      listBatches(db),
    ]);
    return { signatures, recordChunks, funds, level1, warnings, batches };
  });
}
