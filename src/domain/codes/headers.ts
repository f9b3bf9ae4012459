// Codes about a file's header row.
import type { IssueSpec } from '@/domain/issues';

export const HEADER_ISSUES = {
  /** The headers fit no kind: what each kind needs, and the headers the file has. */
  unknown_headers: {
    records: 'columns',
    indicators: 'columns',
    funds: 'columns',
    findings: 'columns',
    found: 'list',
  },
  /** The kind is clear, but required columns are missing. */
  missing_columns: { kind: 'kind', fields: 'columns', count: 'count' },
  /** Two columns map to one field. */
  duplicate_columns: { kind: 'kind', field: 'field', first: 'text', second: 'text' },
  /** An amount column's bracketed unit is none of `accepted` (万元, 元 …, as written in files). */
  amount_unit: { column: 'text', unit: 'text', accepted: 'list' },
  /** A percent column's bracketed unit is none of `accepted`. */
  percent_unit: { column: 'text', unit: 'text', accepted: 'list' },
  /** Warning: amount columns without a unit of their own (`columns`) read in the `unit` stated on row `row` above the header. */
  amount_unit_stated: { unit: 'text', row: 'integer', columns: 'list' },
  /** The lines above the header state two different units of amounts. */
  stated_units_differ: { first: 'text', firstRow: 'integer', second: 'text', secondRow: 'integer' },
  /** Warning: the header is on row `row`; the lines above it (a title, a unit) are not imported. */
  lines_above_header: { row: 'integer' },
  /** Warning: a column of no field, ignored. */
  unknown_column: { column: 'text' },
  /**
   * Warning: a column whose header is blank holds data (first at the issue's row, `value`): it is
   * ignored, as a column of no field; named by its position and its letter as a spreadsheet shows it.
   */
  column_without_header: { position: 'integer', letter: 'text', value: 'text' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    headers: typeof HEADER_ISSUES;
  }
}
