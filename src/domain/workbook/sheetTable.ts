// A sheet as a table of the shared document model (src/domain/document/types.ts), for what reads
// a sheet as a reader sees it (the forms): every position of the used range a cell, merged cells
// once at their top-left with their span, the positions they cover null.
import type { Table, TableCell } from '@/domain/document/types';
import { cellAddress } from './address';
import { parseRange } from './xlsxSheet';
import type { WorkbookSheet } from './types';

export interface SheetTable {
  table: Table;
  /** Addresses of formula cells saved without a calculated value. */
  uncachedFormulas: string[];
}

function newCell(row: number, col: number): TableCell {
  return { text: '', row, col, rowSpan: 1, colSpan: 1, address: cellAddress(row, col), value: null, format: undefined };
}

/**
 * Builds the table of a sheet; null when it holds more than `maxCells` positions (a sheet that
 * size is data, not a form a reader fills in).
 */
export async function sheetTable(sheet: WorkbookSheet, maxCells = Infinity): Promise<SheetTable | null> {
  const filled = new Map<number, TableCell[]>();
  let rows = 0;
  let cols = 0;
  let count = 0;
  let tooBig = false;
  const scan = await sheet.read((row, cells, width) => {
    const line: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      const src = cells[c];
      if (!src) continue;
      const cell = newCell(row, c + 1);
      cell.text = src.text;
      cell.value = src.value;
      cell.format = src.format;
      line.push(cell);
    }
    if (line.length === 0) return;
    count += line.length;
    if (count > maxCells) {
      tooBig = true;
      return false;
    }
    filled.set(row, line);
    rows = Math.max(rows, row);
    cols = Math.max(cols, line[line.length - 1]!.col);
  });
  if (tooBig) return null;
  for (const m of scan.merges) {
    rows = Math.max(rows, m.bottom);
    cols = Math.max(cols, m.right);
  }
  // A formula saved without its value still stands in the sheet (read as empty, and said so).
  for (const address of scan.uncachedFormulas) {
    const at = parseRange(address);
    if (at === null) continue;
    rows = Math.max(rows, at.bottom);
    cols = Math.max(cols, at.right);
  }
  if (rows * cols > maxCells) return null;
  const grid: (TableCell | null)[][] = new Array(rows);
  for (let r = 1; r <= rows; r++) {
    const line: (TableCell | null)[] = new Array(cols);
    for (let c = 1; c <= cols; c++) line[c - 1] = newCell(r, c);
    for (const cell of filled.get(r) ?? []) line[cell.col - 1] = cell;
    grid[r - 1] = line;
  }
  for (const m of scan.merges) {
    const top = grid[m.top - 1]?.[m.left - 1];
    if (!top) continue;
    top.rowSpan = m.bottom - m.top + 1;
    top.colSpan = m.right - m.left + 1;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) grid[r - 1]![c - 1] = null;
    }
  }
  return { table: { type: 'table', grid, at: { sheet: sheet.name } }, uncachedFormulas: scan.uncachedFormulas };
}
