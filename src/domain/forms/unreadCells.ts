// Values of a block that fall under no column the reader knows (a header it cannot match, no
// header at all, or a second value under one column): never dropped silently, but kept, the first
// of each grid column, so that the form's reader is told which cell was not read. Columns of
// comments (原因, 得分计算方法) are no values.
import type { TableCell } from '@/domain/document/types';
import { lastCol, type FormRow } from './formRows';
import { isCommentHeader } from './labels';

export interface UnreadCell {
  cell: TableCell;
  row: FormRow;
  /** The header above the cell as written, '' when the column has none. */
  header: string;
}

export class UnreadCells {
  readonly cells: UnreadCell[] = [];
  private readonly seen = new Set<number>();

  constructor(private readonly headers: readonly TableCell[]) {}

  add(row: FormRow, cells: readonly TableCell[]): void {
    for (const cell of cells) {
      if (cell.text.trim() === '' || this.seen.has(cell.col)) continue;
      this.seen.add(cell.col);
      const above = this.headers.find((h) => h.col <= lastCol(cell) && cell.col <= lastCol(h));
      if (above && isCommentHeader(above.text)) continue;
      this.cells.push({ cell, row, header: above?.text.trim() ?? '' });
    }
  }
}
