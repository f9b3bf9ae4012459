// Contract tables in a workbook (records, indicators, funds as sheets): the adapter between a
// sheet's rows and the CSV pipeline's header mapping and row reader. A sheet becomes its header
// cells and its data rows as the texts the row reader parses (typed-cell rules in typedCell.ts),
// each row with its sheet row number, so that issues name `记录!C7` and the header as written.
// The rows are read as the sheet's reader visits them; only the first rows are held while the
// header row is looked for.
import { mapHeaders, REQUIRED_COLUMNS, type SubHeader } from '@/domain/headers';
import { issue, type Issue } from '@/domain/issues';
import { SCHEMA, type FieldSpec } from '@/domain/schema';
import type { HeaderMapping, Kind } from '@/domain/types';
import { KINDS } from '@/domain/types';
import { cellAddress, columnLetters } from './address';
import { cellInput, looksLikeBareFraction } from './typedCell';
import type { CellRange, ReadSheetOptions, SheetCell, SheetScan, Workbook, WorkbookSheet } from './types';
import { parseRange } from './xlsxSheet';
import { oneRowHeader, twoRowHeader, type HeaderCells } from './sheetHeader';

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
  /**
   * The header cells as written, from column A; a merged header's text on its first column, a
   * column under a group as the group and its own header (`资金情况（元）/全年预算数`).
   */
  headerCells: string[];
  /** For a header over two rows: per column, what it is matched by (mapHeaders' `subs`). */
  subHeaders: (SubHeader | undefined)[] | null;
  headers: HeaderMapping[];
  /** The rows above the header with text (a title, a note of the unit of amounts), for their unit. */
  above: ContractSheetRow[];
  rows: ContractSheetRow[];
  /** How the sheet was read (merged data cells, formulas without a value, …), each at its sheet cell. */
  warnings: Issue[];
}

export type SkipReason = 'hidden' | 'empty' | 'no_kind';

export type SheetRead = { status: 'table'; table: ContractSheet } | { status: 'empty' } | { status: 'no_kind' };

export interface WorkbookTables {
  /** Sheets read as contract tables: records first, then indicators, then funds (sheet order within a kind). */
  sheets: ContractSheet[];
  /** Sheets not read, for a warning that names them. */
  skipped: { sheet: string; reason: SkipReason }[];
}

/** `记录!C7`: a cell of a sheet by its row and 0-based column index (the index into `cells`). */
export function contractCellRef(sheet: string, row: number, index: number): string {
  return `${sheet}!${columnLetters(index + 1)}${row}`;
}

/** An issue at a cell of a sheet: its row, its column's header as written, its address. */
export function sheetIssue(base: Issue, sheet: string, col: number | null, header: readonly string[]): Issue {
  const out: Issue = { ...base, sheet };
  if (col !== null && base.row !== null) {
    out.cell = cellAddress(base.row, col);
    out.column = header[col - 1] || null;
  }
  return out;
}

/** A visited row held while the header is looked for: its cells' text, value and format. */
type HeldRow = { row: number; cells: (SheetCell | undefined)[] };

function copyCells(cells: readonly (SheetCell | undefined)[], width: number): (SheetCell | undefined)[] {
  const out: (SheetCell | undefined)[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const s = cells[c];
    if (s) out[c] = { text: s.text, value: s.value, format: s.format };
  }
  return out;
}

function hasText(cells: readonly (SheetCell | undefined)[], width: number): boolean {
  for (let c = 0; c < width; c++) if ((cells[c]?.text ?? '').trim() !== '') return true;
  return false;
}

function fitsKind(headers: readonly HeaderMapping[], kind: Kind): boolean {
  const present = new Set(headers.map((h) => h.field));
  return REQUIRED_COLUMNS[kind].every((f) => present.has(f));
}

interface Header extends HeaderCells {
  kind: Kind;
  headers: HeaderMapping[];
  above: ContractSheetRow[];
}

/** The held rows above `row` that hold text, as their cells' texts. */
function rowsAbove(held: readonly HeldRow[], row: number): ContractSheetRow[] {
  const out: ContractSheetRow[] = [];
  for (const h of held) {
    if (h.row >= row) break;
    // Array.from, not map: a held row's cells are sparse, and map keeps the holes.
    const cells = Array.from(h.cells, (c) => (c?.text ?? '').trim());
    if (cells.some((c) => c !== '')) out.push({ row: h.row, cells });
  }
  return out;
}

/**
 * The first held row (of the first HEADER_SEARCH_ROWS) that heads a kind with all its required
 * columns: with the row below when the two are one header (sheetHeader.ts), else alone.
 */
function findHeader(held: readonly HeldRow[], merges: readonly CellRange[]): Header | null {
  const byRow = new Map(held.map((h) => [h.row, h.cells]));
  let cols = 0;
  for (const h of held) cols = Math.max(cols, h.cells.length);
  for (const m of merges) if (m.top <= HEADER_SEARCH_ROWS) cols = Math.max(cols, m.right);
  for (const h of held) {
    if (h.row > HEADER_SEARCH_ROWS) break;
    for (const candidate of [twoRowHeader(byRow, merges, h.row, cols), oneRowHeader(byRow, merges, h.row, cols)]) {
      if (candidate === null || candidate.cells.filter((c) => c !== '').length < 2) continue;
      const mapped = mapHeaders(candidate.cells, h.row, candidate.subs ?? undefined);
      if (mapped.kind === null || !fitsKind(mapped.headers, mapped.kind)) continue;
      return { ...candidate, kind: mapped.kind, headers: mapped.headers, above: rowsAbove(held, h.row) };
    }
  }
  return null;
}

/** Whether two readings of a sheet found the same header (the merges change nothing then). */
function sameHeader(a: Header | null, b: Header | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.row === b.row &&
    a.bottom === b.bottom &&
    a.kind === b.kind &&
    JSON.stringify([a.cells, a.subs]) === JSON.stringify([b.cells, b.subs])
  );
}

function specsByColumn(kind: Kind, headers: readonly HeaderMapping[]): (FieldSpec | undefined)[] {
  const byName = new Map(SCHEMA[kind].map((s) => [s.name, s]));
  const out: (FieldSpec | undefined)[] = [];
  for (const h of headers) out[h.index] = h.field === null ? undefined : byName.get(h.field);
  return out;
}

/** Reading the data rows below a header, as they are visited. */
class DataRows {
  readonly rows: ContractSheetRow[] = [];
  readonly warnings: Issue[] = [];
  private readonly specs: (FieldSpec | undefined)[];
  private readonly width: number;
  /** Bare fractions in a percent column: one warning per column, at its first such cell. */
  private readonly fractions = new Map<number, { row: number; value: number; count: number }>();

  constructor(
    private readonly sheet: string,
    private readonly header: Header,
  ) {
    this.specs = specsByColumn(header.kind, header.headers);
    this.width = header.cells.length;
  }

  visit(row: number, cells: readonly (SheetCell | undefined)[]): void {
    if (row <= this.header.bottom) return;
    const out: string[] = new Array(this.width);
    let blank = true;
    for (let c = 1; c <= this.width; c++) {
      const cell = cells[c - 1];
      const spec = this.specs[c - 1];
      const text = cellInput(cell, spec);
      if (looksLikeBareFraction(cell, spec)) {
        const seen = this.fractions.get(c);
        if (seen) seen.count++;
        else this.fractions.set(c, { row, value: cell!.value as number, count: 1 });
      }
      if (blank && text.trim() !== '') blank = false;
      out[c - 1] = text;
    }
    if (!blank) this.rows.push({ row, cells: out });
  }

  /**
   * Once every row is read and the merged ranges are known: a value merged down over several
   * rows is the value of each of them (and said so); a position a merge covers shows nothing.
   */
  finish(merges: readonly CellRange[]): void {
    const data = merges.filter((m) => m.bottom > this.header.bottom && m.left <= this.width);
    if (data.length > 0) {
      const byRow = new Map(this.rows.map((r) => [r.row, r]));
      for (const m of data) {
        const top = byRow.get(m.top);
        const carried = top?.cells[m.left - 1] ?? '';
        for (let r = Math.max(m.top, this.header.bottom + 1); r <= m.bottom; r++) {
          const line = byRow.get(r);
          if (!line) continue;
          for (let c = m.left; c <= Math.min(m.right, this.width); c++) {
            if (r === m.top && c === m.left) continue;
            line.cells[c - 1] = c === m.left && r > m.top ? carried : '';
          }
        }
        if (m.bottom > m.top && m.top > this.header.bottom && carried.trim() !== '') {
          const at = issue('merged_cell_filled', { range: rangeText(m), rows: m.bottom - m.top + 1 }, m.top);
          this.warnings.push(sheetIssue(at, this.sheet, m.left, this.header.cells));
        }
      }
    }
    for (const [c, f] of this.fractions) {
      const column = this.header.cells[c - 1] ?? '';
      const w = issue('percent_without_format', { column, count: f.count, value: String(f.value) }, f.row);
      this.warnings.push(sheetIssue(w, this.sheet, c, this.header.cells));
    }
  }
}

function rangeText(m: CellRange): string {
  return `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`;
}

interface Pass {
  /** The rows the header was looked for in. */
  held: HeldRow[];
  header: Header | null;
  data: DataRows | null;
  seenText: boolean;
  scan: SheetScan;
}

/** One reading of the sheet, with the merged ranges known so far (none on a first reading). */
async function readPass(sheet: WorkbookSheet, merges: readonly CellRange[], opts: ReadSheetOptions): Promise<Pass> {
  const held: HeldRow[] = [];
  let seenText = false;
  let decided = false;
  let header: Header | null = null;
  let data: DataRows | null = null;
  const decide = () => {
    decided = true;
    header = findHeader(held, merges);
    if (header === null) return;
    data = new DataRows(sheet.name, header);
    for (const h of held) data.visit(h.row, h.cells);
  };
  const scan = await sheet.read((row, cells, width) => {
    if (!decided && row > HEADER_SEARCH_ROWS) decide();
    if (!decided) {
      held.push({ row, cells: copyCells(cells, width) });
      if (!seenText) seenText = hasText(cells, width);
      return;
    }
    if (data === null) {
      // No header: read on only to tell an empty sheet from one that is no kind.
      if (!seenText) seenText = hasText(cells, width);
      return !seenText;
    }
    (data as DataRows).visit(row, cells);
  }, opts);
  if (!decided) decide();
  return { held, header, data, seenText, scan };
}

/**
 * Reads one sheet as a contract table: its rows when a header row within the first rows fits a
 * kind. The rows are read as they come; the merged ranges, which a file lists after its cells,
 * are applied at the end. When they change the header (cells merged down, a group over two rows,
 * see sheetHeader.ts), the sheet is read once more with them known.
 */
export async function readContractSheet(sheet: WorkbookSheet, opts: ReadSheetOptions = {}): Promise<SheetRead> {
  let pass = await readPass(sheet, [], opts);
  const merges = pass.scan.merges;
  if (merges.length > 0 && !sameHeader(findHeader(pass.held, merges), pass.header))
    pass = await readPass(sheet, merges, opts);
  const { header: h, data, seenText, scan } = pass;
  if (h === null || data === null) return { status: seenText ? 'no_kind' : 'empty' };
  data.finish(merges);
  const warnings: Issue[] = [];
  if (h.row > 1) warnings.push({ ...issue('rows_above_header', { sheet: sheet.name, row: h.row }), sheet: sheet.name });
  warnings.push(...data.warnings);
  for (const address of scan.uncachedFormulas) {
    const at = parseRange(address);
    const w = issue('formula_without_value', { cell: address }, at ? at.top : null);
    const out: Issue = { ...w, sheet: sheet.name, cell: address };
    if (at) out.column = h.cells[at.left - 1] || null;
    warnings.push(out);
  }
  return {
    status: 'table',
    table: {
      sheet: sheet.name,
      kind: h.kind,
      headerRow: h.row,
      headerCells: h.cells,
      subHeaders: h.subs,
      headers: h.headers,
      above: h.above,
      rows: data.rows,
      warnings,
    },
  };
}

/** One sheet as a contract table, or null when it is none (for tests and callers that need no reason). */
export async function contractSheet(sheet: WorkbookSheet): Promise<ContractSheet | null> {
  const r = await readContractSheet(sheet);
  return r.status === 'table' ? r.table : null;
}

/** Every visible sheet that fits a kind, records first; the others listed with why they were not read. */
export async function workbookTables(workbook: Workbook): Promise<WorkbookTables> {
  const found: ContractSheet[] = [];
  const skipped: WorkbookTables['skipped'] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) {
      skipped.push({ sheet: sheet.name, reason: 'hidden' });
      continue;
    }
    const read = await readContractSheet(sheet);
    if (read.status === 'table') found.push(read.table);
    else skipped.push({ sheet: sheet.name, reason: read.status });
  }
  const order = (k: Kind) => KINDS.indexOf(k);
  // Array.prototype.sort is stable: sheets of one kind keep their order.
  found.sort((a, b) => order(a.kind) - order(b.kind));
  return { sheets: found, skipped };
}
