// Codes about a file as a whole: its bytes, its encoding, its records as text.
import type { IssueSpec } from '@/domain/issues';

export const FILE_ISSUES = {
  /** No bytes, or only white space. */
  empty_file: {},
  /** A header row and no data row. */
  no_rows: {},
  /** Binary content (NUL bytes, control characters). */
  not_text: {},
  /** A zip container: an .xlsx workbook, most likely. */
  xlsx_file: {},
  /** An Excel 97–2003 workbook. */
  xls_file: {},
  pdf_file: {},
  /** UTF-16 text (Excel's "Unicode text"). */
  utf16_file: {},
  /** A UTF-8 byte order mark, then bytes that are not UTF-8; `line` is where the first one lies. */
  bad_utf8: { line: 'integer' },
  /** Neither UTF-8 nor GB18030. */
  unknown_encoding: {},
  /** A quoted field that never ends. */
  unclosed_quote: {},
  /** More cells than header columns (an unquoted delimiter inside a cell, usually). */
  too_many_fields: { cells: 'count', columns: 'count' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    file: typeof FILE_ISSUES;
  }
}
