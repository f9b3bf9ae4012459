// Export of the current data as the three files of the data contract, through the one CSV writer,
// or as one workbook.
// A million rows make a 120 MB file: it is written a slice of rows at a time into the parts of a
// Blob (in the import worker, so the page never holds the text and never waits for it), with the
// share of rows written reported as it goes.
import { appendRows } from '@/domain/columns';
import { CSV_BOM, CSV_EOL } from '@/domain/csvWrite';
import { headerLine, rowLine } from '@/domain/exportCsv';
import { KINDS, type Kind, type RowOf } from '@/domain/types';
import { currentOf } from './current';
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

/**
 * The text of each kind's current rows, in parts (BOM and header first, then slices of rows), and
 * the number of rows. `onSlice` is called after each slice and may wait (to let other work run).
 */
async function exportParts(
  db: BudgetDb,
  onSlice: (rows: number) => Promise<void> | void,
): Promise<{ parts: Record<Kind, string[]>; rows: number }> {
  const states = await Promise.all(KINDS.map((k) => currentOf(db, k)));
  const parts = {} as Record<Kind, string[]>;
  let rows = 0;
  for (const [i, kind] of KINDS.entries()) {
    const out = [CSV_BOM + headerLine(kind) + CSV_EOL];
    for (const { chunk } of states[i]!.entries) {
      for (let from = 0; from < chunk.length; from += SLICE_ROWS) {
        const to = Math.min(chunk.length, from + SLICE_ROWS);
        const slice: RowOf[Kind][] = [];
        appendRows(chunk, from, to, slice);
        out.push(slice.map((r) => rowLine(kind, r) + CSV_EOL).join(''));
        rows += to - from;
        await onSlice(to - from);
      }
    }
    parts[kind] = out;
  }
  return { parts, rows };
}

/** CSV text of each kind's current rows; importing the three into an empty database reproduces them. */
export async function exportAll(db: BudgetDb): Promise<Record<Kind, string>> {
  const { parts } = await exportParts(db, () => undefined);
  const out = {} as Record<Kind, string>;
  for (const kind of KINDS) out[kind] = parts[kind].join('');
  return out;
}

/** The rows an export will write (for its progress). */
async function exportRows(db: BudgetDb): Promise<number> {
  let n = 0;
  for (const kind of KINDS) for (const e of (await currentOf(db, kind)).entries) n += e.chunk.length;
  return n;
}

/**
 * The same files as Blobs (text/csv, UTF-8), built slice by slice: `progress` hears of each slice,
 * and `pause` runs between slices (the worker lets a message through there).
 */
export async function exportBlobs(
  db: BudgetDb,
  progress: (p: ExportProgress) => void = () => undefined,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<Record<Kind, Blob>> {
  const total = await exportRows(db);
  let done = 0;
  progress({ done, total });
  const { parts } = await exportParts(db, async (rows) => {
    done += rows;
    progress({ done, total });
    await pause();
  });
  const out = {} as Record<Kind, Blob>;
  for (const kind of KINDS) out[kind] = new Blob(parts[kind], { type: 'text/csv;charset=utf-8' });
  return out;
}

/**
 * 导出 Excel: the current rows as one .xlsx, a sheet per kind (src/domain/workbook/write.ts);
 * importing it into an empty database reproduces them. `onProgress` gets the fraction of kinds read.
 */
export async function exportWorkbook(db: BudgetDb, onProgress?: (fraction: number) => void): Promise<Blob> {
  const tables: { -readonly [K in Kind]?: readonly RowOf[K][] } = {};
  for (const [i, kind] of KINDS.entries()) {
    (tables as Record<Kind, unknown>)[kind] = await loadCurrent(db, kind);
    onProgress?.((i + 1) / (KINDS.length + 1));
  }
  const bytes = toXlsx(tables as RowsByKind);
  onProgress?.(1);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
