// What rolling batches back would do: which of their rows are current now and would leave, which
// earlier versions would come back in their place, and whether rows of other batches would lose
// their record (then the rollback is refused). Computed from the stored data at the time of
// asking, not from the counts kept at commit time (a later batch may have replaced rows since).
// An upload's batches are rolled back together: a row of one that another of them replaced
// leaves with it, and only batches outside the upload give versions back.
import { rowMaker } from '@/domain/columns';
import { rowKey } from '@/domain/keys';
import { KINDS, type AnyRow, type Kind } from '@/domain/types';
import { activeIds, batchChunks, currentOf } from './current';
import type { BudgetDb } from './database';
import { orphansOf, type Orphans } from './dependents';

export interface KindEffect {
  kind: Kind;
  /** Rows of the batches that are current now and leave the current data. */
  leaving: number;
  /** Of those, how many an earlier active batch holds a version of, which comes back. */
  returning: number;
  /** The first `limit` returning rows: the row as now, and the version that comes back. */
  samples: Array<{ key: string; now: AnyRow; back: AnyRow }>;
}

export interface RollbackEffect {
  /** The batches asked about that are active: the ones a rollback changes. */
  batchIds: number[];
  /** Per kind of those batches, in contract order. */
  kinds: KindEffect[];
  /** Records that rows of other batches would lose: the rollback would be refused. */
  orphans: Orphans | null;
}

async function kindEffect(db: BudgetDb, kind: Kind, ids: ReadonlySet<number>, limit: number): Promise<KindEffect> {
  const mine = new Map<string, AnyRow>();
  for (const e of (await currentOf(db, kind)).entries) {
    if (!ids.has(e.batchId)) continue;
    const make = rowMaker(e.chunk);
    for (let i = 0; i < e.chunk.length; i++) {
      const row = make(i);
      mine.set(rowKey(kind, row), row);
    }
  }
  // Newest first: the first earlier version found for a key is the one that comes back.
  const earlier = (await activeIds(db, kind)).filter((id) => !ids.has(id)).reverse();
  const back = new Map<string, AnyRow>();
  for (const id of earlier) {
    if (back.size === mine.size) break;
    for (const chunk of await batchChunks(db, id)) {
      const make = rowMaker(chunk);
      for (let i = 0; i < chunk.length; i++) {
        const row = make(i);
        const key = rowKey(kind, row);
        if (mine.has(key) && !back.has(key)) back.set(key, row);
      }
    }
  }
  const samples: KindEffect['samples'] = [];
  for (const [key, old] of back) {
    if (samples.length >= limit) break;
    samples.push({ key, now: mine.get(key)!, back: old });
  }
  return { kind, leaving: mine.size, returning: back.size, samples };
}

/** The effect of rolling back `batchIds` together; null when none of them is active. */
export async function rollbackEffect(
  db: BudgetDb,
  batchIds: readonly number[],
  limit = 20,
): Promise<RollbackEffect | null> {
  const active = (await db.batches.bulkGet([...new Set(batchIds)])).filter((b) => b?.state === 'active');
  if (active.length === 0) return null;
  const ids = new Set(active.map((b) => b!.id));
  const kinds: KindEffect[] = [];
  for (const kind of KINDS) {
    if (active.some((b) => b!.kind === kind)) kinds.push(await kindEffect(db, kind, ids, limit));
  }
  return { batchIds: [...ids], kinds, orphans: await orphansOf(db, ids) };
}
