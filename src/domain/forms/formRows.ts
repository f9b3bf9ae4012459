// A form as the rows a reader goes through, whether it is a workbook sheet, part of one (several
// forms stacked in a sheet), or Word tables: each row with the cells that start in it, and the
// means to say where a cell is (`Sheet1!E6`, `表1 第4行 全年执行数`).
import { cellsStartingIn, coveringCell } from '@/domain/document/grid';
import type { Table, TableCell } from '@/domain/document/types';
import { cellAddress, sheetRef } from '@/domain/workbook/address';
import { cleanName, labelKey } from './labels';

export interface FormRow {
  table: Table;
  /** 1-based row of the table. */
  row: number;
  /** The cells that start in this row, left to right. */
  cells: TableCell[];
}

export function formRows(table: Table, from = 1, to = table.grid.length): FormRow[] {
  const out: FormRow[] = [];
  for (let r = from; r <= to; r++) out.push({ table, row: r, cells: cellsStartingIn(table, r) });
  return out;
}

/** Where a cell stands, as a reader finds it: its address in a sheet, its row and column label in a Word table. */
export function cellLocation(table: Table, cell: TableCell, label = ''): string {
  if (table.at.sheet !== undefined) return sheetRef(table.at.sheet, cell.address ?? cellAddress(cell.row, cell.col));
  return `表${table.at.table ?? 1} 第${cell.row}行${label === '' ? '' : ` ${label}`}`;
}

/** The last column a cell covers. */
export function lastCol(cell: TableCell): number {
  return cell.col + cell.colSpan - 1;
}

/** A column of a block, from its header cell: what it holds and which grid columns it spans. */
export interface BlockColumn<T> {
  field: T;
  c0: number;
  c1: number;
  /** The header as written (line breaks removed), for locations in Word tables. */
  label: string;
}

/** The columns a header row names, by a lookup of label keys (the first cell of a meaning wins). */
export function headerColumns<T>(row: FormRow, lookup: ReadonlyMap<string, T>): BlockColumn<T>[] {
  const out: BlockColumn<T>[] = [];
  for (const cell of row.cells) {
    const field = lookup.get(labelKey(cell.text).key);
    if (field !== undefined && !out.some((c) => c.field === field)) {
      out.push({ field, c0: cell.col, c1: lastCol(cell), label: cleanName(cell.text) });
    }
  }
  return out;
}

/**
 * The cell of each column in a row. A cell goes to the column it overlaps most (the leftmost of
 * equals): Word tables often do not align value cells exactly under their header. Cells left of
 * `fromCol` (the row's label) take part in no column; a cell with text under no column, or under
 * one that already has its cell, is `unplaced`.
 */
export function cellsByColumn<T>(
  cells: readonly TableCell[],
  columns: readonly BlockColumn<T>[],
  fromCol: number,
): { byField: Map<T, TableCell>; unplaced: TableCell[] } {
  const byField = new Map<T, TableCell>();
  const unplaced: TableCell[] = [];
  for (const cell of cells) {
    if (cell.col < fromCol) continue;
    let best: BlockColumn<T> | null = null;
    let bestOverlap = 0;
    for (const col of columns) {
      const overlap = Math.min(lastCol(cell), col.c1) - Math.max(cell.col, col.c0) + 1;
      if (overlap > bestOverlap) {
        best = col;
        bestOverlap = overlap;
      }
    }
    if (best !== null && !byField.has(best.field)) byField.set(best.field, cell);
    else if (cell.text.trim() !== '') unplaced.push(cell);
  }
  return { byField, unplaced };
}

/** The text a column shows in a row through a cell merged down from above (a level name spanning rows). */
export function mergedFromAbove(row: FormRow, col: number): TableCell | undefined {
  const cover = coveringCell(row.table, row.row, col);
  return cover && cover.row < row.row ? cover : undefined;
}
