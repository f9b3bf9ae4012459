// Damaged batches: a batch with a chunk that fails its checks (chunkCheck.ts), or with chunks
// missing, is left out of the current data (current.ts activeIds) and named on the data page and
// in the dashboard's notice, until it is rolled back or its file imported again. The finding is
// kept in `meta` (`damage:<batch id>`), so that every tab and every later start leaves the batch
// out without reading it again, and the stamps of the current state (the usable batch ids) tell
// every cache, the level-1 summaries' too, that the data changed.
import Dexie from 'dexie';
import type { Problem } from '@/domain/issues';
import type { Kind } from '@/domain/types';
import { runSteps, type Steps } from '@/domain/steps';
import { chunkFault, chunkFaultSteps, faultProblem } from './chunkCheck';
import type { BudgetDb, StoredBatch, StoredChunk } from './database';

/** A damaged batch: which, of what kind, and why (a storage code with its parameters). */
export interface Damage {
  batchId: number;
  kind: Kind;
  fileName: string;
  problem: Problem;
  /** When it was found. */
  at: number;
}

const PREFIX = 'damage:';

export function damageKey(batchId: number): string {
  return `${PREFIX}${batchId}`;
}

/** Per connection: damage found here (before its meta row is written), and chunks checked fine. */
interface Registry {
  found: Map<number, Damage>;
  verified: Set<number>;
  writes: Set<Promise<unknown>>;
}

const registries = new WeakMap<BudgetDb, Registry>();

function registry(db: BudgetDb): Registry {
  let r = registries.get(db);
  if (!r) registries.set(db, (r = { found: new Map(), verified: new Set(), writes: new Set() }));
  return r;
}

/** The ids of the batches known to be damaged (stored findings and this connection's). */
export async function damagedIds(db: BudgetDb): Promise<Set<number>> {
  const out = new Set(registry(db).found.keys());
  const keys = await db.meta.where('key').startsWith(PREFIX).primaryKeys();
  for (const k of keys) out.add(Number(String(k).slice(PREFIX.length)));
  return out;
}

function isDamage(v: unknown): v is Damage {
  const d = v as Damage | null;
  return typeof d === 'object' && d !== null && typeof d.batchId === 'number' && typeof d.problem?.code === 'string';
}

/** The damaged batches that are still active, by batch id: what the data page and the notice name. */
export async function loadDamage(db: BudgetDb): Promise<Damage[]> {
  const byId = new Map<number, Damage>();
  for (const row of await db.meta.where('key').startsWith(PREFIX).toArray())
    if (isDamage(row.value)) byId.set(row.value.batchId, row.value);
  for (const [id, d] of registry(db).found) byId.set(id, d);
  if (byId.size === 0) return [];
  const batches = await db.batches.bulkGet([...byId.keys()]);
  return batches
    .filter((b): b is StoredBatch => b !== undefined && b.state === 'active')
    .map((b) => byId.get(b.id)!)
    .sort((a, b) => a.batchId - b.batchId);
}

/**
 * Records damage: at once for this connection, and in `meta` for every tab and later start. The
 * write is its own, outside any transaction or live query that found the damage (they may not
 * write, and a transaction that aborts would take the finding with it).
 */
export function recordDamage(db: BudgetDb, damage: Damage): void {
  const r = registry(db);
  if (r.found.has(damage.batchId)) return;
  r.found.set(damage.batchId, damage);
  const write = new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(() => Dexie.ignoreTransaction(() => db.meta.put({ key: damageKey(damage.batchId), value: damage })))
    .catch(() => undefined);
  r.writes.add(write);
  void write.finally(() => r.writes.delete(write));
}

/** Waits for the findings of this connection to be written (tests, and before closing). */
export async function damageWritten(db: BudgetDb): Promise<void> {
  await Promise.all([...registry(db).writes]);
}

/** Forgets a finding (a batch found fine again, see checkStoredData). */
async function clearDamage(db: BudgetDb, batchId: number): Promise<void> {
  registry(db).found.delete(batchId);
  await db.meta.delete(damageKey(batchId));
}

/** The damage of a chunk of `batch`, recorded, or null when it can be trusted (checked once per connection). */
function* checkChunkSteps(
  db: BudgetDb,
  stored: StoredChunk,
  batch: Pick<StoredBatch, 'id' | 'kind' | 'fileName'>,
): Steps<Damage | null> {
  const r = registry(db);
  if (r.verified.has(stored.id)) return null;
  const fault = yield* chunkFaultSteps(stored, batch.kind);
  if (fault === null) {
    r.verified.add(stored.id);
    return null;
  }
  const damage: Damage = {
    batchId: batch.id,
    kind: batch.kind,
    fileName: batch.fileName,
    problem: faultProblem(fault, batch.id, batch.fileName, stored.seq, batch.kind),
    at: Date.now(),
  };
  recordDamage(db, damage);
  return damage;
}

export function checkChunk(
  db: BudgetDb,
  stored: StoredChunk,
  batch: Pick<StoredBatch, 'id' | 'kind' | 'fileName'>,
): Damage | null {
  return runSteps(checkChunkSteps(db, stored, batch));
}

/**
 * Of stored chunks of `kind` read without their batches (a record's chunks, found through
 * chunkKeys), those that can be trusted: a damaged one is recorded, and every chunk of its batch
 * is left out.
 */
export async function trustedChunks(
  db: BudgetDb,
  kind: Kind,
  stored: ReadonlyArray<StoredChunk | undefined>,
): Promise<StoredChunk[]> {
  const r = registry(db);
  const bad = new Set<number>();
  for (const s of stored) {
    if (!s || r.verified.has(s.id) || bad.has(s.batchId)) continue;
    if (chunkFault(s, kind) === null) {
      r.verified.add(s.id);
      continue;
    }
    const batch = await db.batches.get(s.batchId);
    checkChunk(db, s, { id: s.batchId, kind, fileName: batch?.fileName ?? '' });
    bad.add(s.batchId);
  }
  return stored.filter((s): s is StoredChunk => s !== undefined && !bad.has(s.batchId));
}

/**
 * The damage of a whole batch whose stored chunks (in seq order) are `stored`: a damaged chunk, or
 * chunks missing (positions not 0, 1, 2 …, or fewer rows than the batch holds). Recorded. A
 * column of a chunk per step (runStepsInSlices on the page).
 */
export function* checkBatchSteps(
  db: BudgetDb,
  batch: StoredBatch,
  stored: readonly StoredChunk[],
): Steps<Damage | null> {
  let rows = 0;
  for (const [seq, s] of stored.entries()) {
    const damage = yield* checkChunkSteps(db, s, batch);
    if (damage) return damage;
    if (s.seq !== seq) return missing(db, batch, rows);
    rows += s.length;
  }
  return rows === batch.rows ? null : missing(db, batch, rows);
}

function missing(db: BudgetDb, batch: StoredBatch, found: number): Damage {
  const damage: Damage = {
    batchId: batch.id,
    kind: batch.kind,
    fileName: batch.fileName,
    problem: { code: 'chunks_missing', params: { id: batch.id, file: batch.fileName, rows: batch.rows, found } },
    at: Date.now(),
  };
  recordDamage(db, damage);
  return damage;
}

/**
 * Reads and checks every chunk of every active batch, one chunk at a time (a million rows are never
 * in memory together): what the data page runs when it opens, so that damage in rows no view has
 * read yet is named too. A batch recorded as damaged that checks fine now (a finding of an older
 * version's stricter checks) is cleared. Returns the damaged active batches.
 */
export async function checkStoredData(db: BudgetDb): Promise<Damage[]> {
  const r = registry(db);
  const known = await damagedIds(db);
  const active = await db.batches.where('state').equals('active').primaryKeys();
  for (const id of active) {
    const batch = await db.batches.get(id);
    if (!batch) continue;
    const ids = await db.chunks.where('[batchId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).primaryKeys();
    if (known.has(id)) {
      // Checked afresh: forget this connection's verdicts on its chunks first.
      for (const c of ids) r.verified.delete(c);
      r.found.delete(id);
    }
    let rows = 0;
    let damage: Damage | null = null;
    for (const [seq, cid] of ids.entries()) {
      const s = await db.chunks.get(cid);
      if (!s) continue;
      damage = checkChunk(db, s, batch) ?? (s.seq !== seq ? missing(db, batch, rows) : null);
      if (damage) break;
      rows += s.length;
    }
    if (!damage && rows !== batch.rows) damage = missing(db, batch, rows);
    if (!damage && known.has(id)) await clearDamage(db, id);
  }
  await damageWritten(db);
  return loadDamage(db);
}
