// The current state of one kind: for each row key, the version from the newest active batch that
// holds it. Computed from the stored chunks and cached per database and kind.
//
// Speed at a million rows: computing a million keys costs far more than reading the chunks, so
// when the active batches of a kind are known to share no key ("disjoint"), the current state is
// simply their rows concatenated. That knowledge is stored in `meta` as the stamp (the active
// batch ids) it was established for; since batches never change their rows, "the batches of stamp
// S are disjoint" stays true forever, and any commit, rollback or reactivation changes the stamp,
// so a stale flag can never be mistaken for a valid one (also across tabs).
import Dexie from 'dexie';
import type { OrderedChunk } from '@/domain/level1';
import type { ColumnChunk, Kind } from '@/domain/types';
import { selectRows } from './chunkOps';
import { keyHashes, RowKeySet } from './rowKeySet';
import { runSteps, runStepsInSlices } from '@/domain/steps';
import { checkBatchSteps, damagedIds } from './damage';
import type { BudgetDb, StoredChunk } from './database';
import { decodeTextColumns } from './textCodec';

export interface CurrentEntry {
  batchId: number;
  /** The stored chunk's position in its batch. */
  seq: number;
  chunk: ColumnChunk;
  /** When rows of the stored chunk were left out: the stored row number of each row of `chunk`;
   * null when `chunk` is the whole stored chunk. */
  rows: Uint32Array | null;
}

// Stored chunks hold at most CHUNK_ROWS (< 2^20) rows, so seq · 2^20 + row orders a batch's rows.
export const SEQ_STRIDE = 1_048_576;

/** An entry with where its rows stand in batch order (level1.ts positions). */
export function ordered(e: CurrentEntry): OrderedChunk {
  return { chunk: e.chunk, major: e.batchId, minorBase: e.seq * SEQ_STRIDE, rows: e.rows };
}

/** The rows of an entry whose `keep` flag is set, still knowing their stored row numbers. */
export function selectEntry(e: CurrentEntry, keep: Uint8Array, count: number): CurrentEntry {
  const rows = new Uint32Array(count);
  let j = 0;
  for (let i = 0; i < e.chunk.length; i++) if (keep[i]) rows[j++] = e.rows ? e.rows[i]! : i;
  return { batchId: e.batchId, seq: e.seq, chunk: selectRows(e.chunk, keep, count), rows };
}

export interface CurrentState {
  kind: Kind;
  /** The active batch ids of the kind, ascending, joined by ','. */
  stamp: string;
  /** Current rows in batch order, then row order within a batch. */
  entries: CurrentEntry[];
  /** True when the active batches share no key, i.e. `entries` are all their rows. */
  disjoint: boolean;
}

const caches = new WeakMap<BudgetDb, Map<Kind, CurrentState>>();

function cacheOf(db: BudgetDb): Map<Kind, CurrentState> {
  let c = caches.get(db);
  if (!c) {
    c = new Map();
    caches.set(db, c);
  }
  return c;
}

export function disjointKey(kind: Kind): string {
  return `disjoint:${kind}`;
}

export function stampOf(ids: readonly number[]): string {
  return ids.join(',');
}

/**
 * Ids of the active batches of a kind whose rows are current, ascending (index order is
 * primary-key order): a damaged batch (damage.ts) is active in the history but left out here, so
 * it is left out of every view, and its finding changes the stamps every cache is keyed by.
 * Reads `batches` and `meta`.
 */
export async function activeIds(db: BudgetDb, kind: Kind): Promise<number[]> {
  const [ids, damaged] = await Promise.all([
    db.batches.where('[kind+state]').equals([kind, 'active']).primaryKeys(),
    damagedIds(db),
  ]);
  return damaged.size === 0 ? ids : ids.filter((id) => !damaged.has(id));
}

/** A stored chunk as the app sees it: text columns as string[] (see textCodec.ts). */
export function toColumnChunk(s: StoredChunk): ColumnChunk {
  return { kind: s.kind, length: s.length, text: decodeTextColumns(s.text), num: s.num };
}

export function entryOf(s: StoredChunk): CurrentEntry {
  return { batchId: s.batchId, seq: s.seq, chunk: toColumnChunk(s), rows: null };
}

/**
 * Waits for the page's next task. Given by a caller on the main thread (outside any transaction or
 * liveQuery, where waiting on anything but IndexedDB would end them), so that checking and decoding
 * a large batch leaves the page responsive.
 */
export type Pause = () => Promise<void>;

/**
 * A batch's stored chunks in order, as entries, every chunk checked (damage.ts): a damaged batch
 * gives none (and is recorded as damaged). With `pause`, the checks run a slice per task and each
 * chunk is decoded in a task of its own.
 */
export async function batchEntries(db: BudgetDb, batchId: number, pause?: Pause): Promise<CurrentEntry[]> {
  const [batch, stored] = await Promise.all([
    db.batches.get(batchId),
    db.chunks.where('[batchId+seq]').between([batchId, Dexie.minKey], [batchId, Dexie.maxKey]).toArray(),
  ]);
  if (!batch) return [];
  if (!pause) return runSteps(checkBatchSteps(db, batch, stored)) ? [] : stored.map(entryOf);
  // Not in the task that took the rows from IndexedDB (reading them back is work of its own).
  await pause();
  if (await runStepsInSlices(checkBatchSteps(db, batch, stored), pause)) return [];
  const out: CurrentEntry[] = [];
  for (const s of stored) {
    await pause();
    out.push(entryOf(s));
  }
  return out;
}

export async function batchChunks(db: BudgetDb, batchId: number): Promise<ColumnChunk[]> {
  return (await batchEntries(db, batchId)).map((e) => e.chunk);
}

/**
 * Keeps, for each key, only the row of the newest batch: walks the batches newest first. `raw`
 * is in batch order; the result too.
 */
export function dedupe(kind: Kind, raw: readonly CurrentEntry[]): { entries: CurrentEntry[]; duplicates: number } {
  const seen = new RowKeySet(
    kind,
    raw.map((e) => e.chunk),
  );
  const kept: Array<CurrentEntry | null> = new Array(raw.length).fill(null);
  let duplicates = 0;
  for (let e = raw.length - 1; e >= 0; e--) {
    const entry = raw[e]!;
    const hashes = keyHashes(kind, entry.chunk);
    const keep = new Uint8Array(entry.chunk.length);
    let count = 0;
    for (let i = 0; i < entry.chunk.length; i++) {
      const h = hashes[i]!;
      if (seen.find(h, entry.chunk, i) >= 0) {
        duplicates++;
        continue;
      }
      seen.add(h, RowKeySet.loc(e, i));
      keep[i] = 1;
      count++;
    }
    if (count === entry.chunk.length) kept[e] = entry;
    else if (count > 0) kept[e] = selectEntry(entry, keep, count);
  }
  return { entries: kept.filter((x): x is CurrentEntry => x !== null), duplicates };
}

/**
 * The current state of a kind. Works inside or outside a transaction (and inside a liveQuery);
 * outside one it also records a disjointness it discovered, so the next page load takes the fast
 * path. The chunks returned are shared with the cache: treat them as read-only.
 */
export async function currentOf(db: BudgetDb, kind: Kind, pause?: Pause): Promise<CurrentState> {
  const ids = await activeIds(db, kind);
  const stamp = stampOf(ids);
  const cache = cacheOf(db);
  const cached = cache.get(kind);
  if (cached && cached.stamp === stamp) return cached;

  const read = await Promise.all(ids.map((id) => batchEntries(db, id, pause)));
  const raw = read.flat();
  // A batch found damaged while reading gives no entries: the state is that of the others.
  const usable = (await damagedIds(db)).size === 0 ? ids : await activeIds(db, kind);
  return stateOf(db, kind, usable, raw);
}

/** The current state of the batches `ids` from their entries `raw` (in batch order), cached. */
async function stateOf(db: BudgetDb, kind: Kind, ids: readonly number[], raw: CurrentEntry[]): Promise<CurrentState> {
  const stamp = stampOf(ids);
  const cache = cacheOf(db);
  let state: CurrentState;
  const known = ids.length <= 1 || (await db.meta.get(disjointKey(kind)))?.value === stamp;
  if (known) {
    state = { kind, stamp, entries: raw, disjoint: true };
  } else {
    const { entries, duplicates } = dedupe(kind, raw);
    state = { kind, stamp, entries, disjoint: duplicates === 0 };
    // Best effort: inside a transaction or a liveQuery (where Dexie forbids writes) it is skipped,
    // and a later read outside one records it.
    if (duplicates === 0 && !Dexie.currentTransaction) {
      await db.meta.put({ key: disjointKey(kind), value: stamp }).catch(() => undefined);
    }
  }
  cache.set(kind, state);
  return state;
}

/** Installs a state computed by a write that has committed (see ledger.ts). */
export function rememberState(db: BudgetDb, state: CurrentState): void {
  cacheOf(db).set(state.kind, state);
}

export function cachedState(db: BudgetDb, kind: Kind): CurrentState | undefined {
  return cacheOf(db).get(kind);
}

export function forgetState(db: BudgetDb, kind: Kind): void {
  cacheOf(db).delete(kind);
}
