// The IndexedDB database (Dexie 4): its tables, the shape of what they store, and every schema
// version ever shipped. Only src/db touches it.
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { IssueError, problem } from '@/domain/issues';
import type { Delimiter, Encoding, FileSource, Kind } from '@/domain/types';
import { distinctRecordKeys } from './chunkOps';
import type { StoredTextColumn } from './textCodec';

export const DB_NAME = 'budget-perf-dashboard';

export type BatchOrigin = 'builtin' | 'upload' | 'published';
export type BatchState = 'active' | 'rolled_back';

/** One committed file, as the batch history shows it. */
export interface BatchInfo {
  id: number;
  fileName: string;
  kind: Kind;
  /** Hex SHA-256 of the file's bytes: identical re-uploads are recognised by it. */
  sha256: string;
  createdAt: number;
  rows: number;
  state: BatchState;
  origin: BatchOrigin;
  /** Rows whose key was not in the current data when the batch was committed. */
  newCount: number;
  /** Rows that replaced a current row with the same key when the batch was committed. */
  supersededCount: number;
  warningCount: number;
  /** Files uploaded together (e.g. records + indicators + funds) share a group. */
  group?: string;
  /** When the batch was last rolled back. */
  rolledBackAt?: number;
  /** Where the rows came from when not a CSV file: a workbook's sheet, or a number of forms. */
  source?: FileSource;
  encoding?: Encoding | null;
  delimiter?: Delimiter | null;
  byteLength?: number;
}

/**
 * An issue stored compactly: [row, column, code, params as JSON, recordKey, sheet], then, only for
 * an issue that has one of them, [cell, location, file] (a workbook's cell, a form's place).
 */
export type CompactIssue =
  | [number | null, string | null, string, string, string | null, string | null]
  | [
      number | null,
      string | null,
      string,
      string,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
    ];
/** An issue as the versions that stored sentences kept it: [row, column, message, code, recordKey]. */
export type CompactIssueV1 = [number | null, string | null, string, string, string | null];
/** A header mapping stored compactly: [written, index, field, scale, unit]. */
export type CompactHeader = [string, number, string | null, number, string];

/** A `batches` row: the batch plus its warnings and header mapping (first MAX_ISSUES kept). */
export interface StoredBatch extends BatchInfo {
  /** Batches committed before issues were codes hold the V1 form (read by compact.ts unpackIssues). */
  warnings: Array<CompactIssue | CompactIssueV1>;
  headers: CompactHeader[];
}

/** A `chunks` row: up to CHUNK_ROWS rows of one batch, column-wise (see ColumnChunk). */
export interface StoredChunk {
  id: number;
  batchId: number;
  kind: Kind;
  /** Position of the chunk within its batch, from 0. */
  seq: number;
  length: number;
  /** Text columns, each plain or dictionary-encoded (textCodec.ts); read through current.ts
   * toColumnChunk, which gives string[] columns back. */
  text: Record<string, StoredTextColumn>;
  num: Record<string, Float64Array>;
  /** The checksum of the columns as stored (chunkCheck.ts), written at commit; absent in chunks
   * committed before checksums existed, which get the structural checks only. */
  sum?: number;
}

/** A `chunks` row as schema versions 1 and 2 wrote it: every text column a plain string[]. */
type StoredChunkV1 = Omit<StoredChunk, 'text'> & { text: Record<string, string[]> };

/**
 * A `chunkKeys` row: the records a stored chunk holds rows of (same id as the chunk). Kept apart
 * from the chunk so that the records of a batch, and the chunks holding a record, are found
 * without reading (deserialising) any chunk's rows.
 */
export interface StoredChunkKeys {
  id: number;
  batchId: number;
  seq: number;
  /** Distinct record keys (keys.ts recordKey) of the chunk's rows (a multiEntry index in v2–v3). */
  recordKeys: string[];
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface SchemaVersion {
  version: number;
  /** Dexie store specs of this version (primary key first, then indexes). */
  stores: Readonly<Record<string, string | null>>;
  /** Migrates data stored by the previous version. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema version ever shipped, oldest first. A shipped entry is never edited: a change adds
 * a new entry whose `upgrade` rewrites the stored data, so that a browser holding data of any
 * earlier version opens it intact. test/db/schema.test.ts writes data in the v1 layout by hand
 * and reopens it with the current code. The pattern for a later version:
 *
 *   { version: 2,
 *     stores: { batches: '++id, sha256, state, [kind+state], origin, group' },   // only tables that change
 *     upgrade: async (tx) => {
 *       await tx.table('batches').toCollection().modify((b) => { b.group ??= ''; });
 *     } },
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // [kind+state] lists the active batch ids of a kind without reading the batches' warnings.
      batches: '++id, sha256, state, [kind+state], origin',
      // [batchId+seq] reads one batch's chunks in order with a single range query.
      chunks: '++id, [batchId+seq]',
      meta: 'key',
    },
  },
  {
    version: 2,
    // Which chunks hold a record's rows: one record's indicators are read from the few chunks
    // that hold them, and rolling a batch back finds the records it touched, without reading rows.
    stores: { chunkKeys: 'id, batchId, *recordKeys' },
    upgrade: async (tx) => {
      const chunks = tx.table<StoredChunkV1, number>('chunks');
      const keys = tx.table<StoredChunkKeys, number>('chunkKeys');
      // One chunk at a time: a million stored rows need not be in memory at once.
      for (const id of await chunks.toCollection().primaryKeys()) {
        const c = await chunks.get(id);
        if (c) await keys.put({ id, batchId: c.batchId, seq: c.seq, recordKeys: distinctRecordKeys(c) });
      }
    },
  },
  {
    version: 3,
    // No table changes: from this version on, a chunk's text columns may be dictionary-encoded
    // (textCodec.ts), which stores and reads a million indicator rows several times faster. The
    // chunks written by versions 1 and 2 are not rewritten: a plain string[] column is still a
    // valid stored column (mostly-distinct columns are stored that way), so the reader takes
    // both forms, and opening a database of a million old rows costs nothing instead of reading
    // and rewriting all of them before the app can start. test/db/schema.test.ts reads v2 chunks.
    stores: {},
  },
  {
    version: 4,
    // chunkKeys loses its index on the record keys. Writing that index took about 100 ms of a
    // 100,000-row import's commit (one entry per record per chunk, strings of agency names), while
    // finding the chunks that hold a record needs no index: the chunkKeys rows of the active
    // batches are few (one per 50,000 stored rows) and are read and searched in memory. The rows
    // stay as they are.
    stores: { chunkKeys: 'id, batchId' },
  },
];

/** The newest schema version this build knows. */
export const LATEST_VERSION = SCHEMA_VERSIONS.at(-1)!.version;
/** Dexie opens schema version v as IndexedDB version v × 10. */
const LATEST_NATIVE = LATEST_VERSION * 10;
/** Every table any version this build knows has declared. */
const KNOWN_STORES: ReadonlySet<string> = new Set(SCHEMA_VERSIONS.flatMap((v) => Object.keys(v.stores)));

/**
 * The browser's IndexedDB, except that a database is never opened at a version above the newest
 * this build knows. Dexie, finding a database of a newer version, opens it as it is (nothing
 * changes), unless the newer schema lacks a table or an index this one declares: then it would
 * upgrade it to add them, writing into data it does not understand. Asked for such a version here,
 * the open fails as a version error, and Dexie opens the database as it is, to be refused on ready.
 */
function guardedIndexedDB(): IDBFactory {
  return new Proxy({} as IDBFactory, {
    get(_, prop) {
      const idb = globalThis.indexedDB;
      if (prop === 'open')
        return (name: string, version?: number) =>
          version === undefined ? idb.open(name) : idb.open(name, Math.min(version, LATEST_NATIVE));
      const value = Reflect.get(idb, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(idb) : value;
    },
  });
}

/**
 * Refuses a database written by a newer version of the app: a higher schema version, or tables
 * this build does not know. Runs when the database has opened, before anything reads or writes
 * it; every operation then fails with the refusal (database_newer), and nothing was changed.
 */
function refuseNewer(idb: IDBDatabase): void {
  const unknown = [...idb.objectStoreNames].filter((n) => !KNOWN_STORES.has(n));
  if (idb.version <= LATEST_NATIVE && unknown.length === 0) return;
  idb.close();
  throw new IssueError(
    problem('database_newer', {
      version: Math.floor(idb.version / 10),
      supported: LATEST_VERSION,
      stores: unknown.join('\n'),
    }),
  );
}

export class BudgetDb extends Dexie {
  declare batches: EntityTable<StoredBatch, 'id'>;
  declare chunks: EntityTable<StoredChunk, 'id'>;
  declare chunkKeys: Table<StoredChunkKeys, number>;
  declare meta: Table<MetaRow, string>;

  constructor(name: string = DB_NAME) {
    super(name, { indexedDB: guardedIndexedDB() });
    for (const v of SCHEMA_VERSIONS) {
      const declared = this.version(v.version).stores({ ...v.stores });
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    this.on('ready', (db) => refuseNewer((db as BudgetDb).backendDB()));
  }
}

export function openDb(name: string = DB_NAME): BudgetDb {
  return new BudgetDb(name);
}
