// A block's header as a reader sees it, over one row or more: a header cell merged down over two
// rows (分值 beside 年初预算数 / 全年预算数 of a second row), or a group cell over sub-headers
// (预算执行情况 over 年初预算数 / 全年预算数 / 全年执行数, 指标 over 一级 / 二级 / 三级指标, 指标值 over
// 年度指标值 / 实际完成值). Each column is named by its lowest header cell; a sub-header that names
// nothing alone is read with its group (年初 under 预算数 is 年初预算数).
import type { TableCell } from '@/domain/document/types';
import { cleanName, labelKey } from './labels';
import { lastCol, type BlockColumn, type FormRow } from './formRows';

export interface HeaderBand<T> {
  columns: BlockColumn<T>[];
  /** How many of the form's rows the header takes (the data starts after them). */
  height: number;
  /** The table row of the header's bottom. */
  bottom: number;
  /** The lowest header cells of each grid column, for naming a column the reader does not know. */
  leaves: TableCell[];
}

/** Rows a header may take: a header of more rows is not a form's. */
const MAX_ROWS = 4;

function overlaps(a: TableCell, b: TableCell): boolean {
  return a.col <= lastCol(b) && b.col <= lastCol(a);
}

function fieldOf<T>(cell: TableCell, group: TableCell | undefined, lookup: ReadonlyMap<string, T>): T | undefined {
  const key = labelKey(cell.text).key;
  const own = lookup.get(key);
  if (own !== undefined || group === undefined) return own;
  const g = labelKey(group.text).key;
  return lookup.get(key + g) ?? lookup.get(g + key);
}

/** The header starting at `rows[i]`: its columns, with the rows below it that continue it. */
export function headerBand<T>(rows: readonly FormRow[], i: number, lookup: ReadonlyMap<string, T>): HeaderBand<T> {
  const top = rows[i]!;
  const band: FormRow[] = [top];
  let bottom = top.row;
  const named = (c: TableCell) => c.text.trim() !== '';
  for (let k = i; k < rows.length && k < i + MAX_ROWS; k++) {
    const row = rows[k]!;
    if (row.table !== top.table || row.row > bottom) break;
    if (k > i) band.push(row);
    const next = rows[k + 1];
    const known = (c: TableCell) => lookup.has(labelKey(c.text).key);
    // Only a row that names a column may have groups: else a fact row above the header (主管部门 |
    // 某局 over 分值 | 执行率) would be taken for one.
    const headerish = row.cells.some(known);
    for (const cell of row.cells) {
      if (!named(cell)) continue;
      // A known header merged down: the rows it covers are header rows.
      if (known(cell)) bottom = Math.max(bottom, cell.row + cell.rowSpan - 1);
      // A group over sub-headers that name columns (alone or with the group).
      else if (
        headerish &&
        next &&
        next.table === top.table &&
        next.row === cell.row + cell.rowSpan &&
        next.cells.some((c) => named(c) && overlaps(c, cell) && fieldOf(c, cell, lookup) !== undefined)
      )
        bottom = Math.max(bottom, next.row);
    }
  }
  bottom = Math.min(bottom, band.at(-1)!.row);
  const cells = band.flatMap((r) => r.cells.filter(named));
  const below = (cell: TableCell) => cells.filter((c) => c.row > cell.row && overlaps(c, cell));
  const groupOf = (cell: TableCell) =>
    cells.filter((c) => c.row < cell.row && overlaps(c, cell)).sort((a, b) => b.row - a.row)[0];
  const leaves = cells.filter((c) => below(c).length === 0).sort((a, b) => a.col - b.col || a.row - b.row);
  const columns: BlockColumn<T>[] = [];
  for (const leaf of leaves) {
    const field = fieldOf(leaf, groupOf(leaf), lookup);
    if (field !== undefined && !columns.some((c) => c.field === field))
      columns.push({ field, c0: leaf.col, c1: lastCol(leaf), label: cleanName(leaf.text) });
  }
  return { columns, height: band.length, bottom, leaves };
}
