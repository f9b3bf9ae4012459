// The batch ledger: committing a validated file as one batch, rolling batches back and forward,
// and reading the current data that the active batches make up.
import {
  CHUNK_ROWS,
  KINDS,
  type ColumnChunk,
  type HeaderMapping,
  type Issue,
  type Kind,
  type ParsedFile,
} from '@/domain/types';
import { IssueError, problem } from '@/domain/issues';
import { shareRecords, storableChunks } from './chunkOps';
import { chunkRecordKeys, encodedText, fileLevel1, storedChecksum } from './commitPrep';
import { keyHashes, RowKeySet } from './rowKeySet';
import { packHeaders, packIssues, unpackHeaders, unpackIssues } from './compact';
import {
  activeIds,
  cachedState,
  currentOf,
  disjointKey,
  forgetState,
  rememberState,
  selectEntry,
  stampOf,
  type CurrentEntry,
  type CurrentState,
} from './current';
import { level1AfterCommit, level1AfterStateChange, storedLevel1, storeLevel1 } from './level1Store';
import { activeWithSha, batchInfo, damagedWithSha } from './batchRows';
import { recordParams } from './dependents';
import { knownRecords } from './reads';
import type { BatchInfo, BatchOrigin, BudgetDb, StoredBatch } from './database';

export type { BatchInfo, BatchOrigin, BatchState } from './database';
export { batchInfo } from './batchRows';
export {
  loadCurrent,
  loadCurrentChunks,
  loadFindingsFor,
  loadIndicatorsFor,
  loadWarnings,
  knownRecords,
  previewDiff,
  type StoredWarning,
  type DiffPreview,
} from './reads';
export { level1Table, loadLevel1 } from './level1Store';

export type CommitResult = { status: 'committed'; batch: BatchInfo } | { status: 'identical'; batch: BatchInfo };

function totalRows(chunks: readonly ColumnChunk[]): number {
  return chunks.reduce((n, c) => n + c.length, 0);
}

/** Which current rows the new chunks replace: their count, and the current entries without them. */
/** Which current rows `incoming` supersedes; `shared`: whether any current row belongs to a record it holds rows of. */
function supersedeScan(
  kind: Kind,
  cur: CurrentState,
  incoming: readonly ColumnChunk[],
): { superseded: number; entries: CurrentEntry[]; shared: boolean } {
  if (cur.entries.length === 0) return { superseded: 0, entries: [], shared: false };
  if (
    !shareRecords(
      cur.entries.map((e) => e.chunk),
      incoming,
    )
  )
    return { superseded: 0, entries: cur.entries, shared: false };
  const incomingKeys = new RowKeySet(kind, incoming);
  incoming.forEach((_, ci) => incomingKeys.addChunk(ci));
  let superseded = 0;
  const entries: CurrentEntry[] = [];
  for (const e of cur.entries) {
    const hashes = keyHashes(kind, e.chunk);
    const keep = new Uint8Array(e.chunk.length);
    let kept = 0;
    for (let i = 0; i < e.chunk.length; i++) {
      if (incomingKeys.find(hashes[i]!, e.chunk, i) >= 0) superseded++;
      else {
        keep[i] = 1;
        kept++;
      }
    }
    if (kept === e.chunk.length) entries.push(e);
    else if (kept > 0) entries.push(selectEntry(e, keep, kept));
  }
  return { superseded, entries, shared: true };
}

/**
 * Inside the commit's transaction: the records the indicator or fund rows of `chunks` belong to
 * must be stored now, not only when the file was checked. Between the preview and the commit a
 * records batch may have been rolled back (in another tab, say): committing then would leave rows
 * with no record. Refused with the number of missing records and the first of them.
 */
async function checkReferences(db: BudgetDb, file: string, chunks: readonly ColumnChunk[]): Promise<void> {
  // The same map of the current records the file was checked against (made once per state).
  const known = await knownRecords(db);
  const missing = new Set<string>();
  for (const c of chunks) for (const k of chunkRecordKeys(c)) if (!known.has(k)) missing.add(k);
  if (missing.size === 0) return;
  throw new IssueError(
    problem('commit_missing_records', { file, count: missing.size, ...recordParams(missing.values().next().value!) }),
  );
}

/**
 * Commits a validated file as one batch, all or nothing. A file byte-identical to an active batch
 * writes nothing and returns that batch with status 'identical'; one identical to a damaged batch
 * (damage.ts) replaces it, rolling it back. A file that cannot be committed is refused with an
 * IssueError (codes in src/domain/codes/ledger.ts): among others when its indicator or fund rows
 * belong to records no longer stored.
 */
export async function commitFile(
  db: BudgetDb,
  parsed: ParsedFile,
  origin: BatchOrigin = 'upload',
  group?: string,
): Promise<CommitResult> {
  const file = parsed.fileName;
  if (parsed.errorCount > 0) throw new IssueError(problem('commit_has_errors', { file, count: parsed.errorCount }));
  const kind = parsed.kind;
  if (kind === null) throw new IssueError(problem('commit_no_kind', { file }));
  const chunks = storableChunks(parsed.chunks, CHUNK_ROWS);
  for (const c of chunks) {
    if (c.kind !== kind) throw new IssueError(problem('commit_kind_mismatch', { file, chunkKind: c.kind, kind }));
  }
  const rows = totalRows(chunks);
  if (rows === 0) throw new IssueError(problem('commit_no_rows', { file }));

  const outcome = await db.transaction('rw', [db.batches, db.chunks, db.chunkKeys, db.meta], async () => {
    const same = await activeWithSha(db, parsed.sha256);
    if (same) return { result: { status: 'identical', batch: batchInfo(same) } as CommitResult, next: null };
    if (kind !== 'records') await checkReferences(db, file, chunks);
    // Importing a damaged batch's file again repairs it: the damaged copy leaves the history's
    // active batches (it is out of the current data already, so no stamp changes).
    const damaged = await damagedWithSha(db, parsed.sha256);
    if (damaged) await db.batches.update(damaged.id, { state: 'rolled_back', rolledBackAt: Date.now() });

    const cur = await currentOf(db, kind);
    const scan = supersedeScan(kind, cur, chunks);
    const stored: Omit<StoredBatch, 'id'> = {
      fileName: parsed.fileName,
      kind,
      sha256: parsed.sha256,
      createdAt: Date.now(),
      rows,
      state: 'active',
      origin,
      newCount: rows - scan.superseded,
      supersededCount: scan.superseded,
      warningCount: parsed.warningCount,
      encoding: parsed.encoding,
      delimiter: parsed.delimiter,
      byteLength: parsed.byteLength,
      warnings: packIssues(parsed.warnings),
      headers: packHeaders(parsed.headers),
    };
    if (group !== undefined) stored.group = group;
    if (parsed.source) stored.source = parsed.source;
    const id = await db.batches.add(stored);
    const level1Before = kind === 'indicators' ? await storedLevel1(db, cur.stamp) : null;
    // Not awaited yet: IndexedDB writes the rows while the record lists and the level-1 summaries
    // are worked out here (work that used to wait for the write).
    const adding = db.chunks.bulkAdd(
      chunks.map((c, seq) => ({
        batchId: id,
        kind,
        seq,
        length: c.length,
        text: encodedText(c),
        num: c.num,
        sum: storedChecksum(c),
      })),
      { allKeys: true },
    );
    const recordKeys = chunks.map(chunkRecordKeys);
    const stamp = cur.stamp === '' ? String(id) : `${cur.stamp},${id}`;
    const disjoint = cur.disjoint && scan.superseded === 0;
    const kept = scan.superseded === 0 ? cur.entries : scan.entries;
    const added: CurrentEntry[] = chunks.map((chunk, seq) => ({ batchId: id, seq, chunk, rows: null }));
    const next: CurrentState = { kind, stamp, disjoint, entries: [...kept, ...added] };
    // No current row belongs to the file's records: their summaries are the file's own (prepared).
    const level1 =
      kind === 'indicators'
        ? level1AfterCommit(level1Before, next, new Set(recordKeys.flat()), scan.shared ? null : fileLevel1(chunks, id))
        : null;

    const chunkIds = await adding;
    await db.chunkKeys.bulkAdd(
      chunkIds.map((chunkId, seq) => ({ id: chunkId, batchId: id, seq, recordKeys: recordKeys[seq]! })),
    );
    if (disjoint) await db.meta.put({ key: disjointKey(kind), value: stamp });
    if (level1) await storeLevel1(db, stamp, level1);
    return { result: { status: 'committed', batch: batchInfo({ ...stored, id }) } as CommitResult, next };
  });
  // Only now that the transaction has committed may the in-memory state reflect it.
  if (outcome.next) rememberState(db, outcome.next);
  return outcome.result;
}

/**
 * Commits the files of one upload in one IndexedDB transaction: all of them or none. Each file is
 * still its own batch (commitFile nests inside the outer transaction); if any write fails, e.g. the
 * disk quota runs out on the last file, the earlier files of the upload are undone with it.
 */
export async function commitFiles(
  db: BudgetDb,
  files: readonly ParsedFile[],
  origin: BatchOrigin,
  group: string,
): Promise<CommitResult[]> {
  try {
    return await db.transaction('rw', [db.batches, db.chunks, db.chunkKeys, db.meta], async () => {
      const out: CommitResult[] = [];
      for (const p of files) out.push(await commitFile(db, p, origin, group));
      return out;
    });
  } catch (err) {
    // commitFile caches the current state after its (nested) transaction; the outer one aborted,
    // so those cached states describe batches that were never stored.
    for (const kind of KINDS) forgetState(db, kind);
    throw err;
  }
}

/**
 * Sets the state of the batches `ids` in one transaction, all or none. `pick` (inside the
 * transaction) chooses the ids, so that what is changed is read at the moment of changing it.
 */
async function setStates(
  db: BudgetDb,
  pick: readonly number[] | (() => Promise<number[]>),
  state: 'active' | 'rolled_back',
): Promise<BatchInfo[]> {
  // Per kind: the stamp before this change and the batches it changed, to update the cache after.
  const touched = new Map<Kind, { before: string; ids: number[] }>();
  // Chunks and their record lists are read (not written) to bring the level-1 summaries up to date.
  const out = await db.transaction('rw', [db.batches, db.chunks, db.chunkKeys, db.meta], async () => {
    const ids = typeof pick === 'function' ? await pick() : pick;
    const result: BatchInfo[] = [];
    if (ids.length === 0) return result;
    for (const id of ids) {
      const b = await db.batches.get(id);
      if (!b) throw new IssueError(problem('batch_missing', { id }));
      if (b.state === state) {
        const code = state === 'rolled_back' ? 'batch_rolled_back' : 'batch_active';
        throw new IssueError(problem(code, { id, file: b.fileName }));
      }
      const before = stampOf(await activeIds(db, b.kind));
      const changes: Partial<StoredBatch> = { state };
      if (state === 'rolled_back') changes.rolledBackAt = Date.now();
      await db.batches.update(id, changes);
      const after = stampOf(await activeIds(db, b.kind));
      // Removing a batch from a disjoint set leaves it disjoint; adding one proves nothing.
      if (state === 'rolled_back' && (await db.meta.get(disjointKey(b.kind)))?.value === before) {
        await db.meta.put({ key: disjointKey(b.kind), value: after });
      }
      const t = touched.get(b.kind) ?? { before, ids: [] };
      t.ids.push(id);
      touched.set(b.kind, t);
      result.push(batchInfo({ ...b, ...changes }));
    }
    const indicators = touched.get('indicators');
    if (indicators) await level1AfterStateChange(db, indicators.before, indicators.ids);
    return result;
  });
  for (const [kind, t] of touched) updateCacheAfterStateChange(db, kind, t.before, t.ids, state);
  return out;
}

function updateCacheAfterStateChange(
  db: BudgetDb,
  kind: Kind,
  before: string,
  ids: readonly number[],
  state: 'active' | 'rolled_back',
): void {
  const cached = cachedState(db, kind);
  if (!cached) return;
  // A disjoint current state minus whole batches is the current state of the remaining ones.
  if (state === 'rolled_back' && cached.disjoint && cached.stamp === before) {
    const removed = new Set(ids);
    rememberState(db, {
      kind,
      stamp: stampOf(
        before
          .split(',')
          .map(Number)
          .filter((id) => !removed.has(id)),
      ),
      disjoint: true,
      entries: cached.entries.filter((e) => !removed.has(e.batchId)),
    });
    return;
  }
  forgetState(db, kind);
}

/**
 * Rolls a batch back: its rows leave the current data and the versions they replaced return.
 * Any batch can be rolled back (the contract): rows of other batches whose record leaves stay
 * stored, out of the views until a batch brings their record back; the confirmation says so first
 * (dependents.ts).
 */
export async function rollbackBatch(db: BudgetDb, id: number): Promise<BatchInfo> {
  const [info] = await setStates(db, [id], 'rolled_back');
  return info!;
}

/**
 * Rolls back the batches `ids` in one transaction, all or none (an upload's batches, as the
 * history confirmed them).
 */
export async function rollbackBatches(db: BudgetDb, ids: readonly number[]): Promise<BatchInfo[]> {
  return setStates(db, ids, 'rolled_back');
}

/** Rolls back, in one transaction, every active batch of an upload group (e.g. 'builtin'). */
export async function rollbackGroup(db: BudgetDb, group: string): Promise<BatchInfo[]> {
  return setStates(db, () => activeOfGroup(db, group), 'rolled_back');
}

/** The active batches of an upload group, ascending. */
async function activeOfGroup(db: BudgetDb, group: string): Promise<number[]> {
  return (await db.batches
    .where('state')
    .equals('active')
    .filter((b) => b.group === group)
    .primaryKeys()) as number[];
}

/**
 * Makes a rolled-back batch active again, at its original place in batch order (later batches
 * still win over it). When a byte-identical batch is active already, nothing changes and that
 * batch is returned with status 'identical'.
 */
export async function reactivateBatch(db: BudgetDb, id: number): Promise<CommitResult> {
  const b = await db.batches.get(id);
  if (!b) throw new IssueError(problem('batch_missing', { id }));
  const same = await activeWithSha(db, b.sha256);
  if (same) return { status: 'identical', batch: batchInfo(same) };
  const [info] = await setStates(db, [id], 'active');
  return { status: 'committed', batch: info! };
}

/** All batches, newest first. */
export async function listBatches(db: BudgetDb): Promise<BatchInfo[]> {
  const all = await db.batches.toArray();
  return all.reverse().map(batchInfo);
}

export interface BatchDetails {
  batch: BatchInfo;
  headers: HeaderMapping[];
  /** The batch's warnings as validated (first MAX_ISSUES; `batch.warningCount` is the total). */
  warnings: Issue[];
}

export async function loadBatchDetails(db: BudgetDb, id: number): Promise<BatchDetails | undefined> {
  const b = await db.batches.get(id);
  if (!b) return undefined;
  return { batch: batchInfo(b), headers: unpackHeaders(b.headers), warnings: unpackIssues(b.warnings) };
}
