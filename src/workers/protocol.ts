// The messages between the data page (main thread) and the import worker, and the small pure
// helpers both sides share. Big arrays never cross: the worker keeps the parsed rows and sends a
// summary sized for the screen (first rows, capped issue lists, capped diff).
import { SCHEMA } from '@/domain/schema';
import {
  KINDS,
  MAX_ISSUES,
  type FileSource,
  type AnyRow,
  type Delimiter,
  type Encoding,
  type FindingKind,
  type FundCategory,
  type HeaderMapping,
  type Issue,
  type Kind,
  type RecordKeyFields,
  type RowOf,
} from '@/domain/types';
import type { Problem } from '@/domain/issues';
import type { BatchInfo, BatchOrigin, CommitResult } from '@/db/ledger';
import type { Damage } from '@/db/damage';
import type { LeftOut } from '@/db/exportAll';
import type { RollbackPreview } from './rollbackPreview';

/** Files per message when an upload is sent to the worker ('files', then 'parse'). */
export const FILES_PER_MESSAGE = 20;

/** Rows of each file shown in the preview, as they will be stored. */
export const PREVIEW_ROWS = 20;
/** Errors and warnings sent per file: all that the parser keeps. */
export const SENT_ISSUES = MAX_ISSUES;
/** Superseded rows sent per file, with their before and after figures. */
export const SENT_SUPERSEDED = 200;

/** The order files of one upload are parsed and committed in: records first, so that indicator
 * and fund rows find the records of the same upload. */
export const KIND_ORDER: Readonly<Record<Kind, number>> = { records: 0, indicators: 1, funds: 2, findings: 3 };

/** One field that a superseding row changes. `null` means "no value". */
export interface FieldChange {
  field: string;
  before: string | number | null;
  after: string | number | null;
}

/** A row's identity for people: its record, and the indicator's levels or the fund line. Words
 * (scope, category) are the page's to write. */
export interface RowIdentity extends RecordKeyFields {
  /** Indicators: the level names given, level 1 first. */
  levels: string[];
  /** Funds: the line's category and item. */
  category: FundCategory | null;
  item: string;
  /** Findings: the kind of finding and its number within the kind. */
  finding: { kind: FindingKind; seq: number } | null;
}

export interface SupersededRow {
  key: string;
  identity: RowIdentity;
  /** Fields whose value differs; empty when the new row repeats the stored one. */
  changes: FieldChange[];
}

export interface DiffSummary {
  /** Rows whose key is not in the current data. */
  newKeys: number;
  /** Rows that would replace a current row with the same key. */
  supersededCount: number;
  /** The first SENT_SUPERSEDED of them. */
  superseded: SupersededRow[];
}

/** What the preview shows of one file. */
export interface FilePreview {
  /** Position of the file in the order it was chosen (0-based). */
  index: number;
  fileName: string;
  byteLength: number;
  kind: Kind | null;
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  rows: number;
  headers: HeaderMapping[];
  /** The first PREVIEW_ROWS valid rows, as they will be stored. */
  sample: AnyRow[];
  errors: Issue[];
  errorCount: number;
  warnings: Issue[];
  warningCount: number;
  /** What committing would change; null when the file cannot be read as a kind. */
  diff: DiffSummary | null;
  sha256: string;
  /** An active batch with the same bytes: committing this file would do nothing. */
  identicalTo: BatchInfo | null;
  /** Another file of this upload with the same bytes (its name). */
  sameAsFile: string | null;
  /** A sheet of a workbook, or the rows of the upload's forms; null for a CSV file. */
  source: FileSource | null;
}

/** What a form's rows would replace: its record's stored version, and how many stored rows of it. */
export interface FormSupersedes {
  /** The record's fields that change (empty: the same values again); null when the record is new. */
  record: FieldChange[] | null;
  indicators: number;
  funds: number;
}

/** One self-evaluation form of the upload, as the preview shows it. */
export interface FormFilePreview {
  /** Position of the file in the order it was chosen (0-based). */
  index: number;
  fileName: string;
  format: string;
  layout: string;
  /** Its rows as they will be stored (their evidence column says where each figure was read). */
  record: RowOf['records'] | null;
  indicators: RowOf['indicators'][];
  funds: RowOf['funds'][];
  /** Errors and warnings, each at its place in the form (`location`). */
  errors: Issue[];
  warnings: Issue[];
  /** Findings the form states, not stored (there is no findings table yet). */
  findings: number;
  supersedes: FormSupersedes | null;
  /** The form (or a part of the report) states no year and the upload gave it. */
  yearFromUpload: boolean;
}

export interface FormsPreview {
  files: FormFilePreview[];
  /** The year given for the forms that state none; null when none was given. */
  year: number | null;
  /** How many files (forms, and reports a part of which) state no year. */
  withoutYear: number;
  /** How many of those are reports (the words for them differ). */
  reportsWithoutYear: number;
}

/** A file fetched by the main thread (published data) rather than picked by a person. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export type ToWorker =
  /** `formYear`: the year the analyst gave for the forms that state none. */
  | { type: 'parse'; uploadId: number; files: File[]; formYear?: number }
  /**
   * Files of an upload sent ahead of its 'parse' (which carries the last of them): copying a File
   * into a message costs the page about half a millisecond, so three hundred forms go a few at a
   * time, a message per task, instead of holding the page for 150 ms in one.
   */
  | { type: 'files'; uploadId: number; files: File[] }
  | { type: 'cancel'; uploadId: number }
  | { type: 'commit'; uploadId: number }
  | { type: 'discard'; uploadId: number }
  /** Parse and commit at once, skipping files already imported once (published data). */
  | { type: 'publish'; uploadId: number; files: NamedBytes[] }
  /** The current data as the contract's four files (built here: a million rows take seconds). */
  | { type: 'export'; uploadId: number }
  /** The current data as one .xlsx workbook, a sheet per kind (built here, sent as a Blob). */
  | { type: 'exportXlsx'; uploadId: number }
  /** What rolling back batches together would do (for the confirmation): an upload's, or one. */
  | { type: 'rollbackPreview'; uploadId: number; batchIds: number[] }
  /** Check every stored chunk of the active batches and name the damaged ones (the data page). */
  | { type: 'verify'; uploadId: number }
  /** Get ready for a first upload (warmUp.ts): the data page is open. */
  | { type: 'warm' };

export interface PublishOutcome {
  fileName: string;
  /** seen: published before (skipped); withheld: fine, but another published file has errors. */
  status: 'committed' | 'identical' | 'seen' | 'rejected' | 'withheld';
  /** For 'rejected': the first errors, for the data page to show. */
  errors: Issue[];
  errorCount: number;
}

export type FromWorker =
  | {
      type: 'progress';
      uploadId: number;
      /** Position in processing order, 0-based. */
      fileIndex: number;
      fileCount: number;
      fileName: string;
      /** Fraction of the current file read, 0–1. */
      fraction: number;
      /** Fraction of all bytes of the upload read, 0–1. */
      overall: number;
    }
  | { type: 'parsed'; uploadId: number; files: FilePreview[]; forms: FormsPreview | null }
  | { type: 'cancelled'; uploadId: number }
  | { type: 'discarded'; uploadId: number }
  | { type: 'committed'; uploadId: number; results: CommitResult[] }
  | { type: 'published'; uploadId: number; outcomes: PublishOutcome[] }
  /** Rows of the export written so far, of `total`. */
  | { type: 'exportProgress'; uploadId: number; done: number; total: number }
  /** The four files as Blobs, built in the worker (a Blob crosses by reference, not as text), and the rows left out. */
  | { type: 'exported'; uploadId: number; files: Record<Kind, Blob>; leftOut: LeftOut }
  | { type: 'verified'; uploadId: number; damaged: Damage[] }
  /** Progress of an Excel export: the fraction of the workbook built. */
  | { type: 'xlsxProgress'; uploadId: number; fraction: number }
  | { type: 'exportedXlsx'; uploadId: number; blob: Blob; leftOut: LeftOut }
  | { type: 'rollbackPreview'; uploadId: number; preview: RollbackPreview | null }
  | {
      type: 'failed';
      uploadId: number;
      stage: 'parse' | 'commit' | 'publish' | 'export' | 'rollbackPreview' | 'verify';
      /** What failed, as a code and parameters (src/domain/codes/importer.ts, ledger.ts). */
      problem: Problem;
      /** The worker is reading the files again (the stored data changed under the preview): a new preview follows. */
      reparse?: boolean;
    };

export type { BatchOrigin };

/** The identity of a row of a kind, for the page to write. */
export function identityOf(kind: Kind, row: AnyRow): RowIdentity {
  const out: RowIdentity = {
    agency: row.agency,
    year: row.year,
    scope: row.scope,
    project: row.project,
    levels: [],
    category: null,
    item: '',
    finding: null,
  };
  if (kind === 'indicators') {
    const r = row as RowOf['indicators'];
    out.levels = [r.level1, r.level2, r.level3].filter((x) => x !== '' && x !== undefined);
  } else if (kind === 'funds') {
    const r = row as RowOf['funds'];
    out.category = r.category;
    out.item = r.item;
  } else if (kind === 'findings') {
    const r = row as RowOf['findings'];
    out.finding = { kind: r.kind, seq: r.seq };
  }
  return out;
}

function comparable(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  return String(v);
}

/** The fields, in SCHEMA order, in which `after` differs from `before`. */
export function rowChanges(kind: Kind, before: AnyRow, after: AnyRow): FieldChange[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const out: FieldChange[] = [];
  for (const spec of SCHEMA[kind]) {
    const x = comparable(b[spec.name]);
    const y = comparable(a[spec.name]);
    // An empty text and a missing value read the same on screen: not a change.
    if ((x ?? '') === (y ?? '')) continue;
    out.push({ field: spec.name, before: x, after: y });
  }
  return out;
}

/** The diff as the preview shows it: counts, and the first `limit` superseded rows with their changes. */
export function summarizeDiff(
  kind: Kind,
  diff: {
    newKeys: number;
    supersededCount: number;
    superseded: ReadonlyArray<{ key: string; before: AnyRow; after: AnyRow }>;
  },
  limit: number = SENT_SUPERSEDED,
): DiffSummary {
  return {
    newKeys: diff.newKeys,
    supersededCount: diff.supersededCount,
    superseded: diff.superseded.slice(0, limit).map((s) => ({
      key: s.key,
      identity: identityOf(kind, s.after),
      changes: rowChanges(kind, s.before, s.after),
    })),
  };
}

/** Whether an error means the browser's storage is full (src/db/live.ts). */
export { isQuotaError } from '@/db/live';

/** Stable processing order: by kind (records first, unknown last), then as chosen. */
export function importOrder<T extends { kind: Kind | null; index: number }>(items: readonly T[]): T[] {
  const rank = (k: Kind | null) => (k === null ? KINDS.length : KIND_ORDER[k]);
  return [...items].sort((a, b) => rank(a.kind) - rank(b.kind) || a.index - b.index);
}
