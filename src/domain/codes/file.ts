// Codes about a file as a whole: its bytes, its encoding, its records as text.
import type { IssueSpec } from '@/domain/issues';

export const FILE_ISSUES = {
  /** No bytes, or only white space. */
  empty_file: {},
  /**
   * A file named as a workbook, Word document or PDF (`extension`, as written) that holds text:
   * renamed, most likely from .csv or .txt.
   */
  extension_mismatch_text: { extension: 'text' },
  /** A file named as a workbook (or document) that is a web page: what some systems export as ".xls". */
  extension_mismatch_html: { extension: 'text' },
  /** A file named as a workbook, Word document or PDF whose bytes are none of them, nor text. */
  extension_mismatch: { extension: 'text' },
  /** Warning: a file named as a workbook or document that holds text, read as a CSV file. */
  read_as_csv: { extension: 'text' },
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
  /**
   * Bytes in another encoding the app does not read (Big5, Shift_JIS, UTF-32, Windows-1252): named,
   * not guessed. `encoding` is its usual name.
   */
  legacy_encoding: { encoding: 'text' },
  /** Neither UTF-8 nor GB18030, nor another encoding the app recognises. */
  unknown_encoding: {},
  /**
   * A cell holding bytes that are not text of the file's encoding (a stray Latin-1 byte, a file cut
   * in the middle of a character, a row pasted from a GBK file into a UTF-8 one), or the
   * replacement character � itself: the text was damaged before it got here. `value` shows it.
   */
  replacement_character: { value: 'text' },
  /** A quoted field that never ends; `cell` is its position in the row (1 = first). */
  unclosed_quote: { cell: 'integer' },
  /** A quoted field whose closing quote is followed by more text (`"abc"x`). */
  quote_misplaced: { cell: 'integer' },
  /** More cells than header columns (an unquoted delimiter inside a cell, usually). */
  too_many_fields: { cells: 'count', columns: 'count' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    file: typeof FILE_ISSUES;
  }
}
