// The rollback confirmation's content: the database's rollback effect, with each returning row
// labelled and its changed figures listed (as now → as after the rollback).
import type { Kind } from '@/domain/types';
import type { BudgetDb } from '@/db/database';
import { rollbackEffect } from '@/db/rollbackPreview';
import { identityOf, rowChanges, type SupersededRow } from './protocol';

export interface RollbackPreview {
  batchId: number;
  kind: Kind;
  /** Rows of the batch that are current now and leave the current data. */
  leaving: number;
  /** Of those, the ones an earlier active batch holds a version of, which comes back. */
  returning: number;
  /** The first returning rows: label, and the figures as now → as after the rollback. */
  samples: SupersededRow[];
}

export async function rollbackPreview(db: BudgetDb, batchId: number, limit = 20): Promise<RollbackPreview | null> {
  const effect = await rollbackEffect(db, batchId, limit);
  if (!effect) return null;
  const { kind } = effect;
  const samples = effect.samples.map((s) => ({
    key: s.key,
    identity: identityOf(kind, s.back),
    changes: rowChanges(kind, s.now, s.back),
  }));
  return { batchId, kind, leaving: effect.leaving, returning: effect.returning, samples };
}
