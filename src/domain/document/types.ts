// A document read for extraction, whatever its format (.docx, .pdf, .txt, a workbook sheet): the
// blocks in reading order, each with where it stands, so that every value found can say exactly
// which text it was read from and where (evidence).

/** Where a block stands in its document. Numbers are 1-based, as people count them. */
export interface BlockLocation {
  /** Paragraph number among the document's paragraphs (tables not counted); for paragraphs only. */
  paragraph?: number;
  /** Table number in the document (表1, 表2, …); for tables and their cells. */
  table?: number;
  /** Page number, when the format has pages (.pdf). */
  page?: number;
  /** Line number in a text file (.txt). */
  line?: number;
  /** Sheet name (a form read from a workbook). */
  sheet?: string;
}

export interface Paragraph {
  type: 'paragraph';
  text: string;
  /** Heading level 1–9 when the document marks it as a heading (a Word heading style, a PDF's larger font), else 0. */
  heading: number;
  /**
   * The number a list or heading numbering draws before the text (Word's automatic `（一）`, `1.`),
   * when the format has one; not part of `text`, which holds only what was typed.
   */
  label?: string;
  at: BlockLocation;
}

/**
 * One cell of a table. A merged cell appears once, at its top-left position, with its span;
 * the positions it covers hold `null` in `Table.grid` so row/column numbers stay those a reader sees.
 */
export interface TableCell {
  text: string;
  /** 1-based row and column of the cell's top-left corner. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The page the cell stands on, where its table runs on from an earlier page (.pdf); else the table's. */
  page?: number;
  /**
   * A merged cell's text (.pdf) whose rows could not be told for sure: it stands in the row
   * above where it was found, a guess the reader of the table must point out.
   */
  spanGuessed?: true;
  /** A spreadsheet address (`E6`) when the table is a sheet. */
  address?: string;
  /** A typed value read from a spreadsheet cell (numbers never re-parsed from display text). */
  value?: number | boolean | null;
  /** The cell's number format when it has one (`0.00%`), for a spreadsheet cell. */
  format?: string;
}

export interface Table {
  type: 'table';
  /** grid[r][c]: the cell whose top-left is at (r+1, c+1), or null where a merged cell covers it. */
  grid: (TableCell | null)[][];
  at: BlockLocation;
}

export type Block = Paragraph | Table;

export type DocumentFormat = 'docx' | 'pdf' | 'txt' | 'xlsx' | 'xls' | 'ods' | 'et';

export interface DocumentModel {
  format: DocumentFormat;
  blocks: Block[];
  /** Pages in the document, when the format has pages. */
  pages?: number;
}
