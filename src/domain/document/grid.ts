// Reading a document-model table as a reader sees it: which cell covers a position (a merged
// cell covers several), the cells that start in a row, and whether a row is blank. Shared by the
// workbook adapter and the form extractor, for sheets and Word tables alike.
import type { Table, TableCell } from './types';

/** The cell whose area covers (row, col), 1-based; undefined outside the table. */
export function coveringCell(table: Table, row: number, col: number): TableCell | undefined {
  const line = table.grid[row - 1];
  if (!line || col < 1) return undefined;
  const here = line[col - 1];
  if (here) return here;
  if (here === undefined) return undefined;
  // A covered position: the merged cell starts above and/or to the left.
  for (let r = row; r >= 1; r--) {
    const l = table.grid[r - 1];
    if (!l) continue;
    for (let c = col; c >= 1; c--) {
      const cell = l[c - 1];
      if (cell && cell.row + cell.rowSpan > row && cell.col + cell.colSpan > col) return cell;
    }
  }
  return undefined;
}

/** The cells whose top-left corner is in `row` (1-based), left to right. */
export function cellsStartingIn(table: Table, row: number): TableCell[] {
  const line = table.grid[row - 1] ?? [];
  const out: TableCell[] = [];
  for (const cell of line) if (cell) out.push(cell);
  return out;
}

/** Number of rows of the table. */
export function rowCount(table: Table): number {
  return table.grid.length;
}

/** Number of columns: the widest row. */
export function columnCount(table: Table): number {
  let n = 0;
  for (const line of table.grid) if (line.length > n) n = line.length;
  return n;
}

/** True when no cell starting in the row holds text. */
export function isBlankRow(table: Table, row: number): boolean {
  return cellsStartingIn(table, row).every((c) => c.text.trim() === '');
}

/** True when no cell of the table holds text. */
export function isBlankTable(table: Table): boolean {
  return table.grid.every((line) => line.every((c) => c === null || c.text.trim() === ''));
}
