// Export of the current data as the three files of the data contract, through the one CSV writer,
// or as one workbook. Rows whose record is no longer current (a rollback of the records left them
// behind; they stay stored, out of the views) are left out and counted: written, they would make
// the export a batch that cannot be imported again (its rows name records it does not hold).
// A million rows make a 120 MB file: it is written a slice of rows at a time into the parts of a
// Blob (in the import worker, so the page never holds the text and never waits for it), with the
// share of rows written reported as it goes.
import { appendRows } from '@/domain/columns';
import { CSV_BOM, CSV_EOL } from '@/domain/csvWrite';
import { headerLine, rowLine } from '@/domain/exportCsv';
import { recordKey } from '@/domain/keys';
import { recordRuns } from '@/domain/recordRuns';
import { KINDS, type ColumnChunk, type Kind, type RowOf } from '@/domain/types';
import { currentOf, type CurrentState } from './current';
import { toXlsx, type RowsByKind } from '@/domain/workbook/write';
import { loadCurrent } from './reads';
import type { BudgetDb } from './database';

/** Rows turned into text per slice: small enough that a slice is a few milliseconds. */
const SLICE_ROWS = 20_000;

export interface ExportProgress {
  /** Rows written so far, of `total` (all three kinds). */
  done: number;
  total: number;
}

/** Rows left out of an export, by kind: rows of records that are no longer current. */
export type LeftOut = Record<Kind, number>;

function noneLeftOut(): LeftOut {
  return { records: 0, indicators: 0, funds: 0, findings: 0 };
}

/** The keys of the current records. */
function currentRecords(records: CurrentState): Set<string> {
  const keys = new Set<string>();
  for (const { chunk } of records.entries) for (const k of recordRuns(chunk).keys) keys.add(k);
  return keys;
}

/** The row ranges [from, to) of `chunk` whose record is current (every row of a records chunk). */
function keptRanges(kind: Kind, chunk: ColumnChunk, records: ReadonlySet<string>): [number, number][] {
  if (kind === 'records') return [[0, chunk.length]];
  const { starts, keys } = recordRuns(chunk);
  const out: [number, number][] = [];
  for (let r = 0; r < keys.length; r++) {
    if (!records.has(keys[r]!)) continue;
    const from = starts[r]!;
    const to = starts[r + 1] ?? chunk.length;
    const last = out[out.length - 1];
    if (last && last[1] === from) last[1] = to;
    else out.push([from, to]);
  }
  return out;
}

/** The current state of each kind, the current records' keys, and the rows the export writes. */
async function exportPlan(db: BudgetDb) {
  const states = await Promise.all(KINDS.map((k) => currentOf(db, k)));
  const records = currentRecords(states[0]!);
  const leftOut = noneLeftOut();
  let rows = 0;
  const ranges = KINDS.map((kind, i) =>
    states[i]!.entries.map(({ chunk }) => {
      const kept = keptRanges(kind, chunk, records);
      const n = kept.reduce((sum, [from, to]) => sum + to - from, 0);
      rows += n;
      leftOut[kind] += chunk.length - n;
      return { chunk, kept };
    }),
  );
  return { ranges, rows, leftOut };
}

/**
 * The text of each kind's current rows, in parts (BOM and header first, then slices of rows), the
 * number of rows written and those left out. `onSlice` is called after each slice and may wait.
 */
async function exportParts(
  db: BudgetDb,
  onStart: (rows: number) => void,
  onSlice: (rows: number) => Promise<void> | void,
): Promise<{ parts: Record<Kind, string[]>; leftOut: LeftOut }> {
  const plan = await exportPlan(db);
  onStart(plan.rows);
  const parts = {} as Record<Kind, string[]>;
  for (const [i, kind] of KINDS.entries()) {
    const out = [CSV_BOM + headerLine(kind) + CSV_EOL];
    for (const { chunk, kept } of plan.ranges[i]!) {
      for (const [start, end] of kept) {
        for (let from = start; from < end; from += SLICE_ROWS) {
          const to = Math.min(end, from + SLICE_ROWS);
          const slice: RowOf[Kind][] = [];
          appendRows(chunk, from, to, slice);
          out.push(slice.map((r) => rowLine(kind, r) + CSV_EOL).join(''));
          await onSlice(to - from);
        }
      }
    }
    parts[kind] = out;
  }
  return { parts, leftOut: plan.leftOut };
}

/** CSV text of each kind's current rows; importing the four into an empty database reproduces them. */
export async function exportAll(db: BudgetDb): Promise<{ files: Record<Kind, string>; leftOut: LeftOut }> {
  const { parts, leftOut } = await exportParts(
    db,
    () => undefined,
    () => undefined,
  );
  const files = {} as Record<Kind, string>;
  for (const kind of KINDS) files[kind] = parts[kind].join('');
  return { files, leftOut };
}

/**
 * The same files as Blobs (text/csv, UTF-8), built slice by slice: `progress` hears of each slice,
 * and `pause` runs between slices (the worker lets a message through there).
 */
export async function exportBlobs(
  db: BudgetDb,
  progress: (p: ExportProgress) => void = () => undefined,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<{ files: Record<Kind, Blob>; leftOut: LeftOut }> {
  let done = 0;
  let total = 0;
  const { parts, leftOut } = await exportParts(
    db,
    (rows) => {
      total = rows;
      progress({ done, total });
    },
    async (rows) => {
      done += rows;
      progress({ done, total });
      await pause();
    },
  );
  const files = {} as Record<Kind, Blob>;
  for (const kind of KINDS) files[kind] = new Blob(parts[kind], { type: 'text/csv;charset=utf-8' });
  return { files, leftOut };
}

/**
 * 导出 Excel: the current rows as one .xlsx, a sheet per kind (src/domain/workbook/write.ts);
 * importing it into an empty database reproduces them. `onProgress` gets the fraction of kinds read.
 */
export async function exportWorkbook(
  db: BudgetDb,
  onProgress?: (fraction: number) => void,
): Promise<{ blob: Blob; leftOut: LeftOut }> {
  const records = currentRecords(await currentOf(db, 'records'));
  const leftOut = noneLeftOut();
  const tables: { -readonly [K in Kind]?: readonly RowOf[K][] } = {};
  for (const [i, kind] of KINDS.entries()) {
    const rows = await loadCurrent(db, kind);
    const kept = kind === 'records' ? rows : rows.filter((r) => records.has(recordKey(r)));
    leftOut[kind] = rows.length - kept.length;
    (tables as Record<Kind, unknown>)[kind] = kept;
    onProgress?.((i + 1) / (KINDS.length + 1));
  }
  const bytes = toXlsx(tables as RowsByKind);
  onProgress?.(1);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  return { blob, leftOut };
}
