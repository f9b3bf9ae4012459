// Contract tables in a workbook (records, indicators, funds as sheets): the adapter between a
// sheet's grid and the CSV pipeline's header mapping and row reader. A sheet becomes its header
// cells and its data rows as the texts the row reader parses (typed-cell rules in typedCell.ts),
// each row with its sheet row number, so that issues name `记录!C7` and the header as written.
import type { Table, TableCell } from '@/domain/document/types';
import { coveringCell, isBlankTable } from '@/domain/document/grid';
import type { ExtractIssue } from '@/domain/extract/types';
import { mapHeaders, REQUIRED_COLUMNS } from '@/domain/headers';
import { SCHEMA, type FieldSpec } from '@/domain/schema';
import type { HeaderMapping, Kind } from '@/domain/types';
import { KINDS } from '@/domain/types';
import { cellAddress, columnLetters, sheetRef } from './address';
import { cellInput, looksLikeBareFraction } from './typedCell';
import type { Workbook, WorkbookSheet } from './types';

/** Rows searched for the header row: a title or a note may stand above it. */
export const HEADER_SEARCH_ROWS = 10;

export interface ContractSheetRow {
  /** The sheet's row number (1-based), as Excel shows it. */
  row: number;
  /** One text per column from column A, as the row reader parses it. */
  cells: string[];
}

export interface ContractSheet {
  sheet: string;
  kind: Kind;
  /** Sheet row of the header (1 unless a title stands above it). */
  headerRow: number;
  /** The header cells as written, from column A; a merged header's text on its first column. */
  headerCells: string[];
  headers: HeaderMapping[];
  rows: ContractSheetRow[];
  /** Warnings about how the sheet was read (merged data cells, formulas without a value, …). */
  warnings: ExtractIssue[];
}

export type SkipReason = 'hidden' | 'empty' | 'no_kind';

export interface WorkbookTables {
  /** Sheets read as contract tables: records first, then indicators, then funds (sheet order within a kind). */
  sheets: ContractSheet[];
  /** Sheets not read, for a warning that names them. */
  skipped: { sheet: string; reason: SkipReason }[];
}

/** `记录!C7`: a cell of a sheet by its row and 0-based column index (the index into `cells`). */
export function contractCellRef(sheet: string, row: number, index: number): string {
  return sheetRef(sheet, `${columnLetters(index + 1)}${row}`);
}

/** The header text of column `col` in `row`: its own cell, or a vertically merged one from above. */
function headerText(table: Table, row: number, col: number): string {
  const here = table.grid[row - 1]?.[col - 1];
  if (here) return here.text;
  const cover = coveringCell(table, row, col);
  // A cell merged across columns names only its first column.
  return cover && cover.col === col ? cover.text : '';
}

function headerCellsOf(table: Table, row: number, cols: number): string[] {
  const out: string[] = [];
  for (let c = 1; c <= cols; c++) out.push(headerText(table, row, c).trim());
  return out;
}

function fitsKind(headers: readonly HeaderMapping[], kind: Kind): boolean {
  const present = new Set(headers.map((h) => h.field));
  return REQUIRED_COLUMNS[kind].every((f) => present.has(f));
}

/** The first row (of the first HEADER_SEARCH_ROWS) whose cells fit a kind with all its required columns. */
function findHeader(table: Table, cols: number) {
  const last = Math.min(table.grid.length, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const cells = headerCellsOf(table, r, cols);
    if (cells.filter((c) => c !== '').length < 2) continue;
    const mapped = mapHeaders(cells);
    if (mapped.kind !== null && fitsKind(mapped.headers, mapped.kind)) {
      return { row: r, cells, kind: mapped.kind, headers: mapped.headers };
    }
  }
  return null;
}

/** The last row a cell of `row` reaches down to: data starts below a header merged over two rows. */
function headerBottom(table: Table, row: number): number {
  let bottom = row;
  for (const cell of table.grid[row - 1] ?? []) if (cell) bottom = Math.max(bottom, cell.row + cell.rowSpan - 1);
  return bottom;
}

function specsByColumn(kind: Kind, headers: readonly HeaderMapping[]): (FieldSpec | undefined)[] {
  const byName = new Map(SCHEMA[kind].map((s) => [s.name, s]));
  const out: (FieldSpec | undefined)[] = [];
  for (const h of headers) out[h.index] = h.field === null ? undefined : byName.get(h.field);
  return out;
}

/**
 * The cell a data position shows: its own, or for a position inside a vertically merged cell,
 * that cell (a value merged down over several rows is what each of those rows reads). A cell
 * merged across columns shows in its first column only.
 */
function dataCell(table: Table, row: number, col: number): TableCell | undefined {
  const here = table.grid[row - 1]?.[col - 1];
  if (here) return here;
  if (here === undefined) return undefined;
  const cover = coveringCell(table, row, col);
  return cover && cover.col === col ? cover : undefined;
}

/** Reads one sheet as a contract table; null when no header row within the first rows fits a kind. */
export function contractSheet(sheet: WorkbookSheet): ContractSheet | null {
  const { table, name } = sheet;
  const cols = table.grid.reduce((n, line) => Math.max(n, line.length), 0);
  const header = findHeader(table, cols);
  if (header === null) return null;
  const warnings: ExtractIssue[] = [];
  if (header.row > 1) warnings.push({ code: 'rows_above_header', params: { sheet: name, row: header.row } });
  const specs = specsByColumn(header.kind, header.headers);
  const rows: ContractSheetRow[] = [];
  // Bare fractions in a percent column: one warning per column, at its first such cell.
  const fractions = new Map<number, { location: string; value: number; count: number }>();
  const first = headerBottom(table, header.row) + 1;
  for (let r = first; r <= table.grid.length; r++) {
    const line = table.grid[r - 1]!;
    const cells: string[] = new Array(cols);
    let blank = true;
    for (let c = 1; c <= cols; c++) {
      const cell = line[c - 1] ?? (line[c - 1] === null ? dataCell(table, r, c) : undefined);
      const spec = specs[c - 1];
      const text = cellInput(cell, spec);
      if (text.trim() !== '') blank = false;
      cells[c - 1] = text;
      if (looksLikeBareFraction(cell, spec) && cell?.row === r) {
        const seen = fractions.get(c);
        if (seen) seen.count++;
        else fractions.set(c, { location: sheetRef(name, cellAddress(r, c)), value: cell.value as number, count: 1 });
      }
    }
    if (!blank) rows.push({ row: r, cells });
  }
  for (const [c, f] of fractions) {
    warnings.push({
      code: 'percent_without_format',
      params: { value: f.value, column: header.cells[c - 1] ?? '', count: f.count },
      location: f.location,
    });
  }
  for (const line of table.grid.slice(first - 1)) {
    for (const cell of line) {
      if (cell && cell.rowSpan > 1 && cell.text.trim() !== '') {
        const to = cellAddress(cell.row + cell.rowSpan - 1, cell.col + cell.colSpan - 1);
        warnings.push({
          code: 'merged_cell_filled',
          params: { range: `${cell.address ?? cellAddress(cell.row, cell.col)}:${to}`, rows: cell.rowSpan },
          location: sheetRef(name, cell.address ?? cellAddress(cell.row, cell.col)),
        });
      }
    }
  }
  for (const address of sheet.uncachedFormulas) {
    warnings.push({ code: 'formula_without_value', params: { cell: address }, location: sheetRef(name, address) });
  }
  return {
    sheet: name,
    kind: header.kind,
    headerRow: header.row,
    headerCells: header.cells,
    headers: header.headers,
    rows,
    warnings,
  };
}

/** Every visible sheet that fits a kind, records first; the others listed with why they were not read. */
export function workbookTables(workbook: Workbook): WorkbookTables {
  const found: ContractSheet[] = [];
  const skipped: WorkbookTables['skipped'] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) skipped.push({ sheet: sheet.name, reason: 'hidden' });
    else if (isBlankTable(sheet.table)) skipped.push({ sheet: sheet.name, reason: 'empty' });
    else {
      const read = contractSheet(sheet);
      if (read === null) skipped.push({ sheet: sheet.name, reason: 'no_kind' });
      else found.push(read);
    }
  }
  const order = (k: Kind) => KINDS.indexOf(k);
  // Array.prototype.sort is stable: sheets of one kind keep their order.
  found.sort((a, b) => order(a.kind) - order(b.kind));
  return { sheets: found, skipped };
}
