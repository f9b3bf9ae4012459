// The batch history by upload: the batches committed together (one `group`, one transaction:
// a CSV upload's files, a workbook's sheets, a folder of forms as its four kinds of rows) make
// one entry, shown, confirmed and rolled back as a unit. Batches stored before groups existed
// are an upload of their own each.
import { KINDS, type Kind } from '@/domain/types';
import type { BatchInfo, BatchOrigin } from './database';

export type UploadState = 'active' | 'rolled_back' | 'partial';

export interface UploadEntry {
  /** The group, or `batch:<id>` for a batch without one. */
  key: string;
  /** The upload's batches, ascending (commit order). */
  batches: BatchInfo[];
  origin: BatchOrigin;
  /** When its first batch was committed. */
  createdAt: number;
  /** Files the upload brought: CSV files and workbooks, each counted once, plus the forms. */
  files: number;
  /** Of those, self-evaluation forms. */
  forms: number;
  /** Rows per kind, in contract order (kinds with none left out). */
  rowsByKind: Array<{ kind: Kind; rows: number }>;
  rows: number;
  newCount: number;
  supersededCount: number;
  warningCount: number;
  /** active: all batches are; rolled_back: none is; partial: some batch was rolled back alone. */
  state: UploadState;
  /** The batches still active: what rolling the upload back changes. */
  activeIds: number[];
  /** When the upload was last rolled back (the latest of its batches' times). */
  rolledBackAt: number | null;
}

function entryOf(key: string, batches: BatchInfo[]): UploadEntry {
  const first = batches[0]!;
  let forms = 0;
  const files = new Set<string>();
  const rows = new Map<Kind, number>();
  let newCount = 0;
  let supersededCount = 0;
  let warningCount = 0;
  let rolledBackAt: number | null = null;
  const activeIds: number[] = [];
  for (const b of batches) {
    // A folder of forms gives one batch per kind, each naming all the forms.
    if (b.source?.type === 'forms') forms = Math.max(forms, b.source.files);
    else files.add(b.fileName);
    rows.set(b.kind, (rows.get(b.kind) ?? 0) + b.rows);
    newCount += b.newCount;
    supersededCount += b.supersededCount;
    warningCount += b.warningCount;
    if (b.state === 'active') activeIds.push(b.id);
    else if (b.rolledBackAt !== undefined) rolledBackAt = Math.max(rolledBackAt ?? 0, b.rolledBackAt);
  }
  const state: UploadState =
    activeIds.length === batches.length ? 'active' : activeIds.length === 0 ? 'rolled_back' : 'partial';
  return {
    key,
    batches,
    origin: first.origin,
    createdAt: first.createdAt,
    files: files.size + forms,
    forms,
    rowsByKind: KINDS.filter((k) => rows.has(k)).map((kind) => ({ kind, rows: rows.get(kind)! })),
    rows: [...rows.values()].reduce((n, r) => n + r, 0),
    newCount,
    supersededCount,
    warningCount,
    state,
    activeIds,
    rolledBackAt: state === 'active' ? null : rolledBackAt,
  };
}

/** The history's batches (any order) as uploads, newest first (by their newest batch). */
export function groupUploads(batches: readonly BatchInfo[]): UploadEntry[] {
  const byKey = new Map<string, BatchInfo[]>();
  for (const b of batches) {
    const key = b.group === undefined || b.group === '' ? `batch:${b.id}` : b.group;
    const list = byKey.get(key);
    if (list) list.push(b);
    else byKey.set(key, [b]);
  }
  const out: UploadEntry[] = [];
  for (const [key, list] of byKey)
    out.push(
      entryOf(
        key,
        list.sort((a, b) => a.id - b.id),
      ),
    );
  return out.sort((a, b) => b.batches.at(-1)!.id - a.batches.at(-1)!.id);
}
