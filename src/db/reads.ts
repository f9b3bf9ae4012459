// Reading the current data: rows of a kind, one record's indicators, kept warnings, the records
// that indicator and fund files may refer to, and what a file would change before it is committed.
import { chunkRow, chunksToRows } from '../domain/columns';
import { parseRecordKey, rowKey } from '../domain/keys';
import type { KnownRecord } from '../domain/parseFile';
import { MAX_ISSUES, type AnyRow, type ColumnChunk, type IndicatorRow, type Issue, type Kind, type ParsedFile, type RowOf } from '../domain/types';
import { activeWithSha, batchInfo } from './batchRows';
import { recordKeysOf, shareRecords } from './chunkOps';
import { keyHashes, RowKeySet } from './rowKeySet';
import { unpackIssues } from './compact';
import { currentOf, type CurrentState } from './current';
import type { BatchInfo, BudgetDb } from './database';

export async function loadCurrentChunks(db: BudgetDb, kind: Kind): Promise<ColumnChunk[]> {
  return (await currentOf(db, kind)).entries.map((e) => e.chunk);
}

/** The current rows of a kind: the newest active version of each key. */
export async function loadCurrent<K extends Kind>(db: BudgetDb, kind: K): Promise<RowOf[K][]> {
  return chunksToRows<K>(await loadCurrentChunks(db, kind));
}

/** The current indicator rows of one record, in stored order. */
export async function loadIndicatorsFor(db: BudgetDb, recordKey: string): Promise<IndicatorRow[]> {
  const { agency, year, scope, project } = parseRecordKey(recordKey);
  const out: IndicatorRow[] = [];
  for (const { chunk } of (await currentOf(db, 'indicators')).entries) {
    const a = chunk.text.agency ?? [];
    const y = chunk.num.year ?? new Float64Array(0);
    const s = chunk.text.scope ?? [];
    const p = chunk.text.project ?? [];
    for (let i = 0; i < chunk.length; i++) {
      if (y[i] === year && a[i] === agency && s[i] === scope && p[i] === project) out.push(chunkRow<'indicators'>(chunk, i));
    }
  }
  return out;
}

/** A kept warning, with the batch it came from. */
export type StoredWarning = Issue & { batchId: number; kind: Kind; fileName: string };

/** Record keys that batch `batchId` still contributes to the current state. */
function currentRecordKeysOf(state: CurrentState, batchId: number): Set<string> {
  const out = new Set<string>();
  for (const e of state.entries) {
    if (e.batchId !== batchId) continue;
    for (const k of recordKeysOf(e.chunk)) out.add(k);
  }
  return out;
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
    let live: Set<string> | null = null;
    for (const issue of issues) {
      if (issue.recordKey !== undefined) {
        live ??= currentRecordKeysOf(await currentOf(db, b.kind), b.id);
        if (!live.has(issue.recordKey)) continue;
      }
      out.push({ ...issue, batchId: b.id, kind: b.kind, fileName: b.fileName });
    }
  }
  return out;
}

/** The current records by record key, for validating indicator and fund files against them. */
export async function knownRecords(db: BudgetDb): Promise<Map<string, KnownRecord>> {
  const out = new Map<string, KnownRecord>();
  for (const { chunk } of (await currentOf(db, 'records')).entries) {
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
  const same = await activeWithSha(db, parsed.sha256);
  const identical = same ? batchInfo(same) : null;
  const kind = parsed.kind;
  const rows = parsed.chunks.reduce((n, c) => n + c.length, 0);
  const preview: DiffPreview = { kind, newKeys: rows, supersededCount: 0, superseded: [], identical };
  if (kind === null || rows === 0) return preview;
  const cur = await currentOf(db, kind);
  if (cur.entries.length === 0) return preview;
  // No shared record, no superseded row: skip hashing every key of a big file.
  if (!shareRecords(cur.entries.map((e) => e.chunk), parsed.chunks)) return preview;

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
