// A workbook read for import or extraction: its sheets as tables of the shared document model
// (src/domain/document/types.ts), each cell with its address, its typed value and number format.
import type { Table } from '@/domain/document/types';

export type WorkbookFormat = 'xlsx' | 'xls' | 'ods' | 'et';

export interface WorkbookSheet {
  name: string;
  /** Hidden (or very hidden) in the workbook: not shown to whoever filled it in. */
  hidden: boolean;
  /** The used range from A1, merged cells as in the document model; `at.sheet` is the sheet name. */
  table: Table;
  /** Addresses of formula cells that have no cached value (the file was saved without calculating). */
  uncachedFormulas: string[];
}

export interface Workbook {
  format: WorkbookFormat;
  sheets: WorkbookSheet[];
}

/** Why bytes could not be read as a workbook (codes of WORKBOOK_ERROR_CODES). */
export type WorkbookError =
  | { code: 'not_a_workbook'; params: Record<string, never> }
  | { code: 'workbook_encrypted'; params: Record<string, never> }
  | { code: 'workbook_unreadable'; params: { detail: string } }
  | { code: 'workbook_too_large'; params: { cells: number; limit: number } };

export type ReadWorkbookResult = { ok: true; workbook: Workbook } | ({ ok: false } & WorkbookError);
