// Bytes → the sheets of a workbook as document-model tables, with SheetJS (@e965/xlsx, loaded
// on first use so it never enters the main page bundle). Only what extraction and import need is
// read: cell values, number formats and merges; no HTML, styles, comments or VBA. Each sheet
// is converted and then dropped from SheetJS's workbook, so at most one sheet exists twice.
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { Table, TableCell } from '@/domain/document/types';
import { cellAddress } from './address';
import { workbookFormat } from './format';
import { isDateFormat } from './numberFormat';
import type { ReadWorkbookResult, WorkbookSheet } from './types';

/** Grid positions (rows × columns of used ranges) a workbook may have; past this it is refused. */
export const MAX_WORKBOOK_CELLS = 6_000_000;

type SheetJS = typeof import('@e965/xlsx');
let library: Promise<SheetJS> | null = null;

/** SheetJS, imported once. */
export function loadSheetJS(): Promise<SheetJS> {
  library ??= import('@e965/xlsx');
  return library;
}

// Error values as Excel shows them (BIFF/OOXML error codes).
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** A number as Excel's General format shows it: at most 11 significant digits. */
function generalText(x: number, ssf: SheetJS['SSF']): string {
  const s = String(x);
  if (s.length <= 11 && !s.includes('e')) return s;
  return String(ssf.format('General', x));
}

function numberText(x: number, format: string | undefined, ssf: SheetJS['SSF']): string {
  if (format === undefined || format === 'General') return generalText(x, ssf);
  try {
    return String(ssf.format(format, x));
  } catch {
    return generalText(x, ssf);
  }
}

function newCell(row: number, col: number): TableCell {
  return { text: '', row, col, rowSpan: 1, colSpan: 1, address: cellAddress(row, col), value: null, format: undefined };
}

/** Fills a cell from SheetJS's; false when the cell is a formula without a cached value. */
function fill(cell: TableCell, src: CellObject, ssf: SheetJS['SSF'], date1904: boolean): boolean {
  const format = typeof src.z === 'string' ? src.z : undefined;
  if (format !== undefined && format !== 'General') cell.format = format;
  switch (src.t) {
    case 'n': {
      if (typeof src.v !== 'number') return src.f === undefined;
      let v = src.v;
      // Dates are kept as serials of the 1900 system whatever the workbook's, so that one rule
      // (serialYear) reads them.
      if (date1904 && isDateFormat(format)) v += 1462;
      cell.value = v;
      cell.text = numberText(src.v, format, ssf);
      return true;
    }
    case 'b':
      cell.value = src.v === true;
      cell.text = src.v === true ? 'TRUE' : 'FALSE';
      return true;
    case 'e':
      // SheetJS reads a formula saved without its result as an error cell without a value.
      if (src.v === undefined && src.f !== undefined) return false;
      cell.text = typeof src.v === 'number' ? (ERROR_TEXT[src.v] ?? '#ERROR') : '#ERROR';
      return true;
    case 'd':
      cell.text = src.v instanceof Date ? src.v.toISOString().slice(0, 10) : String(src.v ?? '');
      return true;
    case 's':
      cell.text = typeof src.v === 'string' ? src.v : String(src.v ?? '');
      return src.v !== undefined || src.f === undefined;
    default:
      return src.f === undefined;
  }
}

/** The used extent of a dense sheet: the last row and column that hold a cell or a merge. */
function extent(data: (CellObject | undefined)[][], merges: readonly { e: { r: number; c: number } }[]) {
  let rows = 0;
  let cols = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      const cell = row[c];
      if (cell && (cell.v !== undefined || cell.f !== undefined)) {
        if (c + 1 > cols) cols = c + 1;
        rows = r + 1;
        break;
      }
    }
  }
  for (const m of merges) {
    rows = Math.max(rows, m.e.r + 1);
    cols = Math.max(cols, m.e.c + 1);
  }
  return { rows, cols };
}

function toTable(name: string, ws: WorkSheet, ssf: SheetJS['SSF'], date1904: boolean) {
  const data = ((ws['!data'] as (CellObject | undefined)[][] | undefined) ?? []).map((r) => r ?? []);
  const merges = ws['!merges'] ?? [];
  const { rows, cols } = extent(data, merges);
  const grid: (TableCell | null)[][] = new Array(rows);
  const uncachedFormulas: string[] = [];
  for (let r = 0; r < rows; r++) {
    const src = data[r] ?? [];
    const line: (TableCell | null)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const cell = newCell(r + 1, c + 1);
      const s = src[c];
      if (s && !fill(cell, s, ssf, date1904)) uncachedFormulas.push(cell.address!);
      line[c] = cell;
    }
    grid[r] = line;
  }
  for (const m of merges) {
    const top = grid[m.s.r]?.[m.s.c];
    if (!top) continue;
    top.rowSpan = m.e.r - m.s.r + 1;
    top.colSpan = m.e.c - m.s.c + 1;
    for (let r = m.s.r; r <= m.e.r; r++) {
      for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) grid[r]![c] = null;
    }
  }
  const table: Table = { type: 'table', grid, at: { sheet: name } };
  return { table, uncachedFormulas };
}

function cellCount(ws: WorkSheet): number {
  const data = (ws['!data'] as unknown[][] | undefined) ?? [];
  let widest = 0;
  for (const row of data) if (row && row.length > widest) widest = row.length;
  return data.length * widest;
}

/** Reads a workbook (.xlsx, .xls, .ods, WPS .et) into its sheets; never throws for bad bytes. */
export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<ReadWorkbookResult> {
  const format = workbookFormat(bytes, fileName);
  if (format === null) return { ok: false, code: 'not_a_workbook', params: {} };
  const XLSX = await loadSheetJS();
  let wb: WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellFormula: true,
      cellStyles: false,
      cellDates: false,
      sheetStubs: false,
      bookVBA: false,
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(detail)) return { ok: false, code: 'workbook_encrypted', params: {} };
    return { ok: false, code: 'workbook_unreadable', params: { detail: detail.slice(0, 200) } };
  }
  const total = wb.SheetNames.reduce((n, s) => n + (wb.Sheets[s] ? cellCount(wb.Sheets[s]) : 0), 0);
  if (total > MAX_WORKBOOK_CELLS) {
    return { ok: false, code: 'workbook_too_large', params: { cells: total, limit: MAX_WORKBOOK_CELLS } };
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: WorkbookSheet[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (!ws) return;
    const { table, uncachedFormulas } = toTable(name, ws, XLSX.SSF, date1904);
    // Let the sheet go: only our table of it is kept.
    delete wb.Sheets[name];
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    sheets.push({ name, hidden, table, uncachedFormulas });
  });
  return { ok: true, workbook: { format, sheets } };
}
