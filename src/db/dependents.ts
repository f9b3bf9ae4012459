// Which records a rollback would take from rows that stay. Indicator, fund and finding rows
// belong to a record; a commit refuses rows whose record is not stored (ledger.ts
// checkReferences). A rollback is never refused (any batch can be rolled back, the contract
// says), but rolling back a records batch while another active batch holds indicators of its
// records leaves figures no record explains: they stay stored, out of the views until their record
// returns, and the confirmation says so before (rollback_orphans). Record keys come from the
// chunkKeys rows, not the chunks: cheap at any size.
import { problem, quoteCell, type Problem } from '@/domain/issues';
import { parseRecordKey } from '@/domain/keys';
import { KINDS, type Kind } from '@/domain/types';
import { activeIds } from './current';
import type { BudgetDb } from './database';

/** Records the rollback would take away from rows of other batches that stay active. */
export interface Orphans {
  /** How many records lose all their versions while rows of theirs stay. */
  records: number;
  /** The kinds of the rows left without their record. */
  kinds: Kind[];
  /** The first of those records (keys.ts recordKey). */
  first: string;
}

async function recordKeysOf(db: BudgetDb, batchIds: readonly number[]): Promise<Set<string>> {
  const keys = new Set<string>();
  if (batchIds.length === 0) return keys;
  await db.chunkKeys
    .where('batchId')
    .anyOf(batchIds as number[])
    .each((row) => {
      for (const k of row.recordKeys) keys.add(k);
    });
  return keys;
}

/**
 * What rolling back the batches `ids` would orphan, or null when nothing. A record keeps its
 * place while any remaining active records batch holds a version of it (that version comes
 * back). Reads `batches`, `meta` and `chunkKeys`.
 */
export async function orphansOf(db: BudgetDb, ids: Iterable<number>): Promise<Orphans | null> {
  const leaving = new Set(ids);
  const records = await activeIds(db, 'records');
  const removed = records.filter((id) => leaving.has(id));
  if (removed.length === 0) return null;
  const lost = await recordKeysOf(db, removed);
  for (const k of await recordKeysOf(
    db,
    records.filter((id) => !leaving.has(id)),
  ))
    lost.delete(k);
  if (lost.size === 0) return null;
  const orphaned = new Set<string>();
  const kinds: Kind[] = [];
  for (const kind of KINDS) {
    if (kind === 'records') continue;
    const staying = (await activeIds(db, kind)).filter((id) => !leaving.has(id));
    let any = false;
    for (const k of await recordKeysOf(db, staying)) {
      if (!lost.has(k)) continue;
      orphaned.add(k);
      any = true;
    }
    if (any) kinds.push(kind);
  }
  if (orphaned.size === 0) return null;
  return { records: orphaned.size, kinds, first: orphaned.values().next().value! };
}

/** A record named in a refusal's parameters: its key fields, text from files quoted as cells. */
export function recordParams(key: string) {
  const r = parseRecordKey(key);
  return { agency: quoteCell(r.agency), year: r.year, scope: r.scope, project: quoteCell(r.project) };
}

/** What the confirmation says of such a rollback, before the analyst confirms it. */
export function orphansProblem(o: Orphans): Problem {
  return problem('rollback_orphans', { count: o.records, kind: o.kinds[0] ?? 'indicators', ...recordParams(o.first) });
}
