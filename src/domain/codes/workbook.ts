// Codes of reading workbooks (src/domain/workbook): why a workbook cannot be read at all, and how
// its sheets were read for the import pipeline (sheets not read, cells read in a particular way).
import type { IssueSpec } from '@/domain/issues';

export const WORKBOOK_ISSUES = {
  /** Bytes that are no .xlsx, .xls, .ods or WPS .et workbook. */
  not_a_workbook: {},
  /** A workbook with an opening password. */
  workbook_encrypted: {},
  /** A workbook the reader fails on (damaged); `detail` is the reader's own text. */
  workbook_unreadable: { detail: 'text' },
  /**
   * A part of an .xlsx package (`part`, its path in the zip) whose bytes do not inflate, or not to
   * the size or CRC-32 the zip gives: the file was damaged in transfer, copying or saving.
   */
  workbook_damaged: { part: 'text' },
  /** More grid positions than the reader holds. */
  workbook_too_large: { cells: 'count', limit: 'count' },
  /** No sheet of the workbook fits a kind of data, and it holds no self-evaluation form. */
  workbook_no_tables: {},
  /** The header row of `sheet` is row `row`: what stands above it is not imported. */
  rows_above_header: { sheet: 'text', row: 'integer' },
  /** `count` cells of a percent column hold a plain fraction (e.g. `value`, 0.9692) with no percent format. */
  percent_without_format: { column: 'text', count: 'count', value: 'text' },
  /** A value merged down over `rows` rows is the value of each of them. */
  merged_cell_filled: { range: 'text', rows: 'count' },
  /** A formula saved without its calculated value: read as empty. */
  formula_without_value: { cell: 'text' },
  sheet_hidden: { sheet: 'text' },
  sheet_empty: { sheet: 'text' },
  /** A sheet of a kind with its header row and no data row: skipped (an export of a kind with no rows). */
  sheet_no_rows: { sheet: 'text', kind: 'kind' },
  /** A sheet whose header row fits no kind: named, not guessed. */
  sheet_no_kind: { sheet: 'text' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    workbook: typeof WORKBOOK_ISSUES;
  }
}
