// Making table cells for the readers: rows padded to one width with
// empty cells, so that row and column numbers are those a reader counts.
import type { TableCell } from './types';

export function emptyCell(row: number, col: number): TableCell {
  return { text: '', row, col, rowSpan: 1, colSpan: 1 };
}

/** Plain rows of text (no merges) as a grid of cells, padded to the widest row. */
export function gridOfTexts(rows: readonly (readonly string[])[]): TableCell[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((cells, r) =>
    Array.from({ length: width }, (_, c) => ({ ...emptyCell(r + 1, c + 1), text: cells[c] ?? '' })),
  );
}
