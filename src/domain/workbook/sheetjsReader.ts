// .xls, WPS .et, .ods and .xlsb through SheetJS: its dense sheets visited row by row as the
// same cell views as the .xlsx reader's. Only cell values, number formats and merges are read (no
// HTML, styles, comments or VBA). SheetJS holds the whole workbook; these formats come from an
// era of 65,536 rows, and MAX_WORKBOOK_CELLS refuses what would not fit.
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { cellAddress } from './address';
import { isDateFormat } from './numberFormat';
import { NumberText } from './numberText';
import { loadSheetJS } from './sheetjs';
import type { ReadWorkbookResult, RowVisitor, SheetCell, SheetScan, WorkbookFormat, WorkbookSheet } from './types';

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

/** A SheetJS cell as a cell view, or null for a formula saved without its value. */
function view(src: CellObject, numbers: NumberText, date1904: boolean): SheetCell | 'uncached' | null {
  const format = typeof src.z === 'string' && src.z !== 'General' ? src.z : undefined;
  switch (src.t) {
    case 'n': {
      if (typeof src.v !== 'number') return src.f === undefined ? null : 'uncached';
      const shown = src.v;
      // Dates are kept as serials of the 1900 system whatever the workbook's.
      const value = date1904 && isDateFormat(format) ? shown + 1462 : shown;
      return {
        value,
        format,
        get text() {
          return numbers.text(value, format);
        },
      };
    }
    case 'b':
      return { value: src.v === true, format, text: src.v === true ? 'TRUE' : 'FALSE' };
    case 'e':
      // SheetJS reads a formula saved without its result as an error cell without a value.
      if (src.v === undefined && src.f !== undefined) return 'uncached';
      return { value: null, format, text: typeof src.v === 'number' ? (ERROR_TEXT[src.v] ?? '#ERROR') : '#ERROR' };
    case 'd':
      return {
        value: null,
        format,
        text: src.v instanceof Date ? src.v.toISOString().slice(0, 10) : String(src.v ?? ''),
      };
    case 's':
      if (src.v === undefined) return src.f === undefined ? null : 'uncached';
      return { value: null, format, text: typeof src.v === 'string' ? src.v : String(src.v) };
    default:
      return src.f === undefined ? null : 'uncached';
  }
}

function sheetOf(name: string, hidden: boolean, ws: WorkSheet, numbers: NumberText, date1904: boolean): WorkbookSheet {
  const data = (ws['!data'] as (CellObject | undefined)[][] | undefined) ?? [];
  const merges = (ws['!merges'] ?? []).map((m) => ({
    top: m.s.r + 1,
    left: m.s.c + 1,
    bottom: m.e.r + 1,
    right: m.e.c + 1,
  }));
  const read = async (visit: RowVisitor): Promise<SheetScan> => {
    const uncachedFormulas: string[] = [];
    const cells: (SheetCell | undefined)[] = [];
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      if (!src) continue;
      let width = 0;
      for (let c = 0; c < src.length; c++) {
        const s = src[c];
        const v = s ? view(s, numbers, date1904) : null;
        if (v === 'uncached') uncachedFormulas.push(cellAddress(r + 1, c + 1));
        else if (v !== null) {
          cells[c] = v;
          width = c + 1;
        }
      }
      const go = width === 0 || visit(r + 1, cells, width) !== false;
      cells.length = 0;
      if (!go) break;
    }
    return { merges, uncachedFormulas };
  };
  return { name, hidden, read };
}

function cellCount(ws: WorkSheet): number {
  const data = (ws['!data'] as unknown[][] | undefined) ?? [];
  let widest = 0;
  for (const row of data) if (row && row.length > widest) widest = row.length;
  return data.length * widest;
}

/** Reads a workbook with SheetJS; never throws for bad bytes. */
export async function readWithSheetJS(
  bytes: Uint8Array,
  format: WorkbookFormat,
  maxCells: number,
): Promise<ReadWorkbookResult> {
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
  if (total > maxCells) return { ok: false, code: 'workbook_too_large', params: { cells: total, limit: maxCells } };
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const numbers = new NumberText(XLSX.SSF);
  const sheets: WorkbookSheet[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (!ws) return;
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    sheets.push(sheetOf(name, hidden, ws, numbers, date1904));
  });
  return { ok: true, workbook: { format, sheets } };
}
