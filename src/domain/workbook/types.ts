// A workbook read for import or extraction. Its sheets are read row by row, on demand: a big
// sheet of contract rows never exists as a grid of cell objects, only as the rows its reader
// visits. A small sheet (a form) becomes a table of the shared document model (sheetTable.ts).
import type { Problem } from '@/domain/issues';

export type WorkbookFormat = 'xlsx' | 'xls' | 'ods' | 'et';

/** One cell while its row is visited: what it shows, its typed value, its number format. */
export interface SheetCell {
  /** The text the cell shows (its number format applied to a number). */
  readonly text: string;
  /** A number or boolean cell's value (never re-parsed from its text); null for text and errors. */
  readonly value: number | boolean | null;
  /** The number format when it is not General (`0.00%`). */
  readonly format: string | undefined;
}

/** A merged range, 1-based and inclusive: the value stands in its top-left cell. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Called for each row that holds cells, top to bottom: `cells[c - 1]` is column c's cell, or
 * undefined. The array and its cells are the reader's and are reused for the next row: read what
 * is needed now, and copy what is kept. Returning false stops the scan (the merges are then only
 * those seen so far).
 */
export type RowVisitor = (row: number, cells: readonly (SheetCell | undefined)[], width: number) => boolean | void;

export interface SheetScan {
  /** The merged ranges: known once every row has been visited (they stand after the cells in a file). */
  merges: CellRange[];
  /** Addresses of formula cells saved without a calculated value, in the rows visited. */
  uncachedFormulas: string[];
}

export interface ReadSheetOptions {
  /** Called between pieces of a big sheet with the fraction read so far; awaited (a cancel may throw there). */
  onProgress?(fraction: number): void | Promise<void>;
}

export interface WorkbookSheet {
  name: string;
  /** Hidden (or very hidden) in the workbook: not shown to whoever filled it in. */
  hidden: boolean;
  /**
   * Visits the sheet's rows, top to bottom, as they are read (an .xlsx sheet is inflated and
   * scanned piece by piece, never held whole). Rejects with an IssueError (workbook_too_large,
   * workbook_damaged, workbook_unreadable) for a sheet that turns out not to be readable.
   */
  read(visit: RowVisitor, opts?: ReadSheetOptions): Promise<SheetScan>;
}

export interface Workbook {
  format: WorkbookFormat;
  sheets: WorkbookSheet[];
}

/** Why bytes could not be read as a workbook (codes of src/domain/codes/workbook.ts). */
export type WorkbookError = Extract<
  Problem,
  { code: 'not_a_workbook' | 'workbook_encrypted' | 'workbook_unreadable' | 'workbook_damaged' | 'workbook_too_large' }
>;

export type ReadWorkbookResult = { ok: true; workbook: Workbook } | ({ ok: false } & WorkbookError);
