// The level-1 summaries of the current indicator rows (domain/level1.ts), stored in `meta` with the
// stamp (active indicator batch ids) they were computed for. Every change of the active indicator
// batches updates them in its own transaction, so loading the dashboard reads one small value
// instead of a million rows. Since batches never change their rows, a stamp says exactly which
// rows were summarised: a stored value whose stamp is not the current one (data written by an
// older version of the app) is never used, and is recomputed on reading.
import Dexie from 'dexie';
import { emptyLevel1, Level1Builder, level1Rows, type Level1Summary, type Level1Table } from '@/domain/level1';
import { mergeLevel1 } from '@/domain/level1Merge';
import {
  activeIds,
  cachedState,
  currentOf,
  disjointKey,
  entryOf,
  ordered,
  stampOf,
  type CurrentState,
} from './current';
import { trustedChunks } from './damage';
import type { BudgetDb } from './database';
import { batchRecordKeys, currentRowsOf } from './recordRows';

export const LEVEL1_KEY = 'level1:indicators';

interface StoredLevel1 {
  stamp: string;
  table: Level1Table;
}

/**
 * Whether a stored value is summaries that can be used: a stamp, and a table whose columns are all
 * as long as it says, whose record and name numbers point at records and names it has, and whose
 * figures are numbers. Anything else (damaged, or written by some other version) is not used: the
 * summaries are computed again from the rows.
 */
function isStored(v: unknown): v is StoredLevel1 {
  if (typeof v !== 'object' || v === null) return false;
  const { stamp, table: t } = v as Partial<StoredLevel1>;
  if (typeof stamp !== 'string' || typeof t !== 'object' || t === null) return false;
  const n = t.length;
  if (!Number.isInteger(n) || n < 0) return false;
  const lists = [t.agency, t.scope, t.project, t.names];
  if (!lists.every((l) => Array.isArray(l) && l.every((x) => typeof x === 'string'))) return false;
  const records = t.agency.length;
  if (t.scope.length !== records || t.project.length !== records) return false;
  if (!(t.year instanceof Float64Array) || t.year.length !== records) return false;
  for (const col of [t.record, t.name]) if (!(col instanceof Uint32Array) || col.length !== n) return false;
  for (const col of [t.weight, t.score, t.major, t.minor])
    if (!(col instanceof Float64Array) || col.length !== n) return false;
  for (let i = 0; i < n; i++) {
    if (t.record[i]! >= records || t.name[i]! >= t.names.length) return false;
    const w = t.weight[i]!;
    const sc = t.score[i]!;
    if (w === Infinity || w === -Infinity || sc === Infinity || sc === -Infinity) return false;
  }
  return true;
}

/** The stored summaries if they are those of `stamp` (with no active batch: none). */
export async function storedLevel1(db: BudgetDb, stamp: string): Promise<Level1Table | null> {
  const v = (await db.meta.get(LEVEL1_KEY))?.value;
  if (isStored(v) && v.stamp === stamp) return v.table;
  return stamp === '' ? emptyLevel1() : null;
}

export async function storeLevel1(db: BudgetDb, stamp: string, table: Level1Table): Promise<void> {
  await db.meta.put({ key: LEVEL1_KEY, value: { stamp, table } satisfies StoredLevel1 });
}

/**
 * The summaries after a commit of an indicator batch, from `old`, those of the state before it
 * (the ledger reads them with storedLevel1 before the batch's rows are written, so that the read
 * does not wait behind them, and stores the result with storeLevel1). `next` is the current state
 * after the commit, `incoming` the records the new batch holds rows of: only those records'
 * summaries change. `fileOnly`: when no other current row belongs to those records, the summaries
 * of the new batch's rows alone (commitPrep.ts).
 */
export function level1AfterCommit(
  old: Level1Table | null,
  next: CurrentState,
  incoming: ReadonlySet<string>,
  fileOnly: Level1Table | null,
): Level1Table {
  // The new batch's records have no rows elsewhere: their summaries are those of its rows alone.
  if (old && fileOnly) return mergeLevel1(old, (k) => incoming.has(k), fileOnly);
  const b = new Level1Builder();
  const only = old ? (k: string) => incoming.has(k) : undefined;
  for (const e of next.entries) b.add(ordered(e), only);
  return old ? mergeLevel1(old, (k) => incoming.has(k), b.finish()) : b.finish();
}

/**
 * In the transaction of a rollback or reactivation of indicator batches `changed` (their state
 * already written): re-summarises the records those batches hold rows of, from the chunks of the
 * active batches that hold those records. Rolling back a million-row batch reads no row of it.
 */
export async function level1AfterStateChange(db: BudgetDb, before: string, changed: readonly number[]): Promise<void> {
  const old = await storedLevel1(db, before);
  // Not kept for the state before: the next read recomputes it for the state after.
  if (!old) return;
  const keys = await batchRecordKeys(db, changed);
  const b = new Level1Builder();
  for (const e of await currentRowsOf(db, 'indicators', keys)) b.add(ordered(e));
  await storeLevel1(
    db,
    stampOf(await activeIds(db, 'indicators')),
    mergeLevel1(old, (k) => keys.has(k), b.finish()),
  );
}

/** Summarises the whole current indicator state of `ids` (when nothing valid is stored). */
async function summarise(db: BudgetDb, ids: readonly number[], stamp: string): Promise<Level1Table> {
  const b = new Level1Builder();
  const cached = cachedState(db, 'indicators');
  const disjoint = ids.length <= 1 || (await db.meta.get(disjointKey('indicators')))?.value === stamp;
  if (cached?.stamp === stamp || !disjoint) {
    for (const e of (await currentOf(db, 'indicators')).entries) b.add(ordered(e));
    return b.finish();
  }
  // Every stored row of disjoint batches is current: read one chunk at a time, so that no single
  // task deserialises a million rows and they need not all be in memory together. Each chunk is
  // checked; a damaged one leaves its batch out, and the summaries are those of the others.
  for (const id of ids) {
    const chunkIds = await db.chunks
      .where('[batchId+seq]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey])
      .primaryKeys();
    for (const cid of chunkIds) {
      const [s] = await trustedChunks(db, 'indicators', [await db.chunks.get(cid)]);
      if (s) b.add(ordered(entryOf(s)));
      else {
        const usable = await activeIds(db, 'indicators');
        return summarise(db, usable, stampOf(usable));
      }
    }
  }
  return b.finish();
}

/** The level-1 summary table of the current indicator rows. */
export async function level1Table(db: BudgetDb): Promise<Level1Table> {
  // One read transaction: the ids and the stored value agree even while another tab commits.
  const { ids, kept } = await db.transaction('r', db.batches, db.meta, async () => {
    const active = await activeIds(db, 'indicators');
    return { ids: active, kept: await storedLevel1(db, stampOf(active)) };
  });
  if (kept) return kept;
  const stamp = stampOf(ids);
  const table = await summarise(db, ids, stamp);
  // Best effort, as current.ts's disjointness: not inside a transaction or a liveQuery, and only
  // if no change happened meanwhile (another tab may have stored a newer value).
  if (!Dexie.currentTransaction) {
    await db
      .transaction('rw', db.batches, db.meta, async () => {
        if (stampOf(await activeIds(db, 'indicators')) === stamp) await storeLevel1(db, stamp, table);
      })
      .catch(() => undefined);
  }
  return table;
}

/** The level-1 summaries of the current indicator rows (aggregate.ts level1Summaries of them). */
export async function loadLevel1(db: BudgetDb): Promise<Level1Summary[]> {
  return level1Rows(await level1Table(db));
}
