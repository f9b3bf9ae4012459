// The rollback confirmation's content: the database's rollback effect, with each returning row
// labelled and its changed figures listed (as now → as after the rollback), and the rows of other
// batches it leaves without their record (they stay stored, out of the views), said before asking.
import type { Kind } from '@/domain/types';
import type { Problem } from '@/domain/issues';
import type { BudgetDb } from '@/db/database';
import { orphansProblem } from '@/db/dependents';
import { rollbackEffect } from '@/db/rollbackPreview';
import { identityOf, rowChanges, type SupersededRow } from './protocol';

export interface KindRollbackPreview {
  kind: Kind;
  /** Rows of the batches that are current now and leave the current data. */
  leaving: number;
  /** Of those, the ones an earlier active batch holds a version of, which comes back. */
  returning: number;
  /** The first returning rows: label, and the figures as now → as after the rollback. */
  samples: SupersededRow[];
}

export interface RollbackPreview {
  /** The active batches of those asked about: what the rollback changes. */
  batchIds: number[];
  /** Per kind, in contract order. */
  kinds: KindRollbackPreview[];
  /** Rows of other batches the rollback leaves without their record ('rollback_orphans'); null: none. */
  orphans: Problem | null;
}

export async function rollbackPreview(
  db: BudgetDb,
  batchIds: readonly number[],
  limit = 20,
): Promise<RollbackPreview | null> {
  const effect = await rollbackEffect(db, batchIds, limit);
  if (!effect) return null;
  const kinds = effect.kinds.map((k) => ({
    kind: k.kind,
    leaving: k.leaving,
    returning: k.returning,
    samples: k.samples.map((s) => ({
      key: s.key,
      identity: identityOf(k.kind, s.back),
      changes: rowChanges(k.kind, s.now, s.back),
    })),
  }));
  return { batchIds: effect.batchIds, kinds, orphans: effect.orphans ? orphansProblem(effect.orphans) : null };
}
