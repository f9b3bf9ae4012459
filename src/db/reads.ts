// Reading the current data: rows of a kind, one record's indicators, kept warnings, the records
// that indicator and fund files may refer to, and what a file would change before it is committed.
import { chunkRow, chunksToRows } from '@/domain/columns';
import { rowKey } from '@/domain/keys';
import type { KnownRecord } from '@/domain/parseFile';
import {
  MAX_ISSUES,
  type AnyRow,
  type ColumnChunk,
  type FindingRow,
  type IndicatorRow,
  type Issue,
  type Kind,
  type ParsedFile,
  type RowOf,
} from '@/domain/types';
import { activeWithSha, batchInfo } from './batchRows';
import { recordKeysOf, shareRecords } from './chunkOps';
import { keyHashes, RowKeySet } from './rowKeySet';
import { unpackIssues } from './compact';
import { activeIds, currentOf, type CurrentState, type Pause } from './current';
import type { BatchInfo, BudgetDb, StoredBatch } from './database';
import { batchRecordKeys, currentRowsOf } from './recordRows';

/** With `pause` (see current.ts), a large batch is checked and decoded over several tasks. */
export async function loadCurrentChunks(db: BudgetDb, kind: Kind, pause?: Pause): Promise<ColumnChunk[]> {
  return (await currentOf(db, kind, pause)).entries.map((e) => e.chunk);
}

/** The current rows of a kind: the newest active version of each key. */
export async function loadCurrent<K extends Kind>(db: BudgetDb, kind: K): Promise<RowOf[K][]> {
  return chunksToRows<K>(await loadCurrentChunks(db, kind));
}

/**
 * The current indicator rows of one record, in stored order. Reads only the chunks of active
 * batches that hold rows of the record (one or two of a million-row batch), newest version first.
 */
export async function loadIndicatorsFor(db: BudgetDb, recordKey: string): Promise<IndicatorRow[]> {
  const entries = await currentRowsOf(db, 'indicators', new Set([recordKey]));
  return chunksToRows<'indicators'>(entries.map((e) => e.chunk));
}

/** The current findings of one record, in stored order (read like its indicators). */
export async function loadFindingsFor(db: BudgetDb, recordKey: string): Promise<FindingRow[]> {
  const entries = await currentRowsOf(db, 'findings', new Set([recordKey]));
  return chunksToRows<'findings'>(entries.map((e) => e.chunk));
}

/** A kept warning, with the batch it came from. */
export type StoredWarning = Issue & { batchId: number; kind: Kind; fileName: string };

/**
 * Of the records `keys`, those that batch `b` still provides current rows of. A record no newer
 * active batch holds rows of is settled by the chunkKeys index alone; only records a newer batch
 * also holds need their rows read (the few chunks that hold them).
 */
async function liveRecordKeys(db: BudgetDb, b: StoredBatch, keys: ReadonlySet<string>): Promise<Set<string>> {
  const mine = await batchRecordKeys(db, [b.id]);
  const ids = await activeIds(db, b.kind);
  const newer = await batchRecordKeys(
    db,
    ids.filter((id) => id > b.id),
  );
  const live = new Set<string>();
  const contested = new Set<string>();
  for (const k of keys) {
    if (!mine.has(k)) continue;
    if (newer.has(k)) contested.add(k);
    else live.add(k);
  }
  for (const e of await currentRowsOf(db, b.kind, contested)) {
    if (e.batchId === b.id) for (const k of recordKeysOf(e.chunk)) live.add(k);
  }
  return live;
}

/**
 * Warnings of the active batches. A warning about a record is kept while the batch still provides
 * current rows of that record: once a newer batch replaced them, the warning described figures
 * that are no longer shown (rolling the newer batch back brings it back).
 */
export async function loadWarnings(db: BudgetDb): Promise<StoredWarning[]> {
  const active = await db.batches.where('state').equals('active').toArray();
  const out: StoredWarning[] = [];
  for (const b of active) {
    if (b.warnings.length === 0) continue;
    const issues = unpackIssues(b.warnings);
    const keyed = new Set<string>();
    for (const issue of issues) if (issue.recordKey !== undefined) keyed.add(issue.recordKey);
    const live = keyed.size > 0 ? await liveRecordKeys(db, b, keyed) : keyed;
    for (const issue of issues) {
      if (issue.recordKey !== undefined && !live.has(issue.recordKey)) continue;
      out.push({ ...issue, batchId: b.id, kind: b.kind, fileName: b.fileName });
    }
  }
  return out;
}

/**
 * The map of each current state of the records: the state is cached until a batch changes
 * (current.ts), so every file of every upload until then shares one map instead of building the
 * record keys of all stored records again (a tenth of a second for 20,000 records).
 */
const knownOfState = new WeakMap<CurrentState, ReadonlyMap<string, KnownRecord>>();

/** The current records by record key, for validating indicator and fund files against them. */
export async function knownRecords(db: BudgetDb): Promise<ReadonlyMap<string, KnownRecord>> {
  const state = await currentOf(db, 'records');
  let known = knownOfState.get(state);
  if (!known) knownOfState.set(state, (known = recordsByKey(state)));
  return known;
}

function recordsByKey(state: CurrentState): Map<string, KnownRecord> {
  const out = new Map<string, KnownRecord>();
  for (const { chunk } of state.entries) {
    const keys = recordKeysOf(chunk);
    const score = chunk.num.score;
    for (let i = 0; i < keys.length; i++) {
      const v = score?.[i];
      out.set(keys[i]!, { score: v === undefined || Number.isNaN(v) ? null : v });
    }
  }
  return out;
}

export interface DiffPreview {
  kind: Kind | null;
  /** Rows whose key is not in the current data. */
  newKeys: number;
  /** Rows that would replace a current row with the same key. */
  supersededCount: number;
  /** The first `limit` of those, with the current (before) and the file's (after) version. */
  superseded: Array<{ key: string; before: AnyRow; after: AnyRow }>;
  /** The active batch with the same bytes: committing would do nothing. */
  identical: BatchInfo | null;
}

/** What committing `parsed` would change, computed against the current data. */
export async function previewDiff(db: BudgetDb, parsed: ParsedFile, limit: number = MAX_ISSUES): Promise<DiffPreview> {
  const kind = parsed.kind;
  const rows = parsed.chunks.reduce((n, c) => n + c.length, 0);
  // Both reads at once: each is a round trip to the browser's storage, tens of ms on a busy machine.
  const [same, cur] = await Promise.all([
    activeWithSha(db, parsed.sha256),
    kind === null || rows === 0 ? null : currentOf(db, kind),
  ]);
  const identical = same ? batchInfo(same) : null;
  const preview: DiffPreview = { kind, newKeys: rows, supersededCount: 0, superseded: [], identical };
  if (kind === null || cur === null || cur.entries.length === 0) return preview;
  // No shared record, no superseded row: skip hashing every key of a big file.
  if (
    !shareRecords(
      cur.entries.map((e) => e.chunk),
      parsed.chunks,
    )
  )
    return preview;

  const incoming = new RowKeySet(kind, parsed.chunks);
  parsed.chunks.forEach((_, ci) => incoming.addChunk(ci));
  for (const { chunk } of cur.entries) {
    const hashes = keyHashes(kind, chunk);
    for (let i = 0; i < chunk.length; i++) {
      const at = incoming.find(hashes[i]!, chunk, i);
      if (at < 0) continue;
      preview.supersededCount++;
      if (preview.superseded.length < limit) {
        const before = chunkRow(chunk, i);
        const after = chunkRow(parsed.chunks[RowKeySet.chunkIndex(at)]!, RowKeySet.row(at));
        preview.superseded.push({ key: rowKey(kind, before), before, after });
      }
    }
  }
  preview.newKeys = rows - preview.supersededCount;
  return preview;
}
