// The header of a contract sheet as its cells show it, over one row or two. Chinese bureau tables
// often head their amounts with a group over two rows: 资金情况（元） merged across E1:F1, 全年预算数
// and 全年执行数 under it in row 2, the other headers merged down (A1:A2, …). Each column is then
// named by its own header under the group, matched as such and with the group's unit (SubHeader in
// headers.ts), and shown as `资金情况（元）/全年预算数`, which says where it stands in the sheet and
// why it is in yuan; a cell merged down names its column alone.
import type { SubHeader } from '@/domain/headers';
import type { CellRange, SheetCell } from './types';

/** A cell holding only a bracketed unit: `（万元）`, `(元)`, `【%】`. */
const UNIT_ONLY = /^[（(［[【][^（()）［\][\]】]*[）)］\]】]$/;

/** Header candidates' rows: sheet row → its cells from column A. */
export type HeldCells = ReadonlyMap<number, readonly (SheetCell | undefined)[]>;

export interface HeaderCells {
  /** The header's first sheet row and its last one (data starts below it). */
  row: number;
  bottom: number;
  /** Per column from A: the header as shown, and as issues name it. */
  cells: string[];
  /** Per column, for a header over two rows: its own header and its groups when it has a group. */
  subs: (SubHeader | undefined)[] | null;
}

function textAt(rows: HeldCells, row: number, col: number): string {
  return (rows.get(row)?.[col - 1]?.text ?? '').trim();
}

/** The merged range holding (row, col), its top-left cell included. */
function mergeAt(merges: readonly CellRange[], row: number, col: number): CellRange | undefined {
  return merges.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
}

/** The last row of merges that start in `row` and go down, or `row`. */
function mergedDownTo(merges: readonly CellRange[], row: number): number {
  let bottom = row;
  for (const m of merges) if (m.top === row) bottom = Math.max(bottom, m.bottom);
  return bottom;
}

/**
 * `row` alone as the header: a cell merged down names each row it covers, one merged across names
 * its first column only; the data starts below the cells merged down from it.
 */
export function oneRowHeader(rows: HeldCells, merges: readonly CellRange[], row: number, cols: number): HeaderCells {
  const cells: string[] = [];
  for (let c = 1; c <= cols; c++) {
    const m = mergeAt(merges, row, c);
    cells.push(m ? (m.left === c ? textAt(rows, m.top, c) : '') : textAt(rows, row, c));
  }
  return { row, bottom: mergedDownTo(merges, row), cells, subs: null };
}

/** Cells merged across in `row` alone: the groups of a header over two rows. */
function groupsIn(merges: readonly CellRange[], row: number, cols: number): CellRange[] {
  return merges.filter((m) => m.top === row && m.bottom === row && m.right > m.left && m.left <= cols);
}

/**
 * Whether the row below `row` holds sub-headers of its groups: text under a group, and any other
 * text only where `row` itself is blank (a header written in the lower row). A data row under a
 * header with a cell merged across has text under the header's other cells too.
 */
function subHeadersBelow(rows: HeldCells, merges: readonly CellRange[], row: number, cols: number): boolean {
  const groups = groupsIn(merges, row, cols);
  if (groups.length === 0) return false;
  const under = (c: number) => groups.some((g) => g.left <= c && c <= g.right);
  // A title merged across the table is no group: the row must head two columns or more.
  let entries = 0;
  for (let c = 1; c <= cols; c++) {
    const m = mergeAt(merges, row, c);
    if ((m === undefined || m.left === c) && textAt(rows, m ? m.top : row, c) !== '') entries++;
  }
  if (entries < 2) return false;
  let subs = 0;
  for (let c = 1; c <= cols; c++) {
    if (textAt(rows, row + 1, c) === '') continue;
    if (under(c)) subs++;
    else if (mergeAt(merges, row, c) !== undefined || textAt(rows, row, c) !== '') return false;
  }
  return subs > 0;
}

/**
 * Rows `row`… as one header when they are one: cells of `row` merged down, or a group merged across
 * with sub-headers under it (subHeadersBelow). Each column's headers from the top down are its
 * levels (a cell merged down counted once, a group for every column it spans); the last is the
 * column's own, the ones above it its groups. Null when `row` alone is the header.
 */
export function twoRowHeader(
  rows: HeldCells,
  merges: readonly CellRange[],
  row: number,
  cols: number,
): HeaderCells | null {
  let bottom = mergedDownTo(merges, row);
  if (subHeadersBelow(rows, merges, row, cols)) bottom = Math.max(bottom, row + 1);
  if (bottom === row) return null;
  const cells: string[] = [];
  const subs: (SubHeader | undefined)[] = [];
  for (let c = 1; c <= cols; c++) {
    const levels: string[] = [];
    let ownCell = true;
    for (let r = row; r <= bottom; r++) {
      const m = mergeAt(merges, r, c);
      if (m && m.top < r && r > row) continue; // merged down from a row above: named there
      const text = m ? textAt(rows, m.top, m.left) : textAt(rows, r, c);
      if (text === '') continue;
      levels.push(text);
      ownCell = m === undefined || m.left === c;
    }
    // A unit alone under a header (`（万元）` below 全年预算数) is that header's unit.
    const last = levels[levels.length - 1];
    if (levels.length >= 2 && last !== undefined && UNIT_ONLY.test(last)) levels.splice(-2, 2, levels.at(-2)! + last);
    // A group over a column with no header of its own names its first column only.
    if (levels.length === 0 || (!ownCell && levels.length === 1)) {
      cells.push('');
      subs.push(undefined);
      continue;
    }
    const label = levels[levels.length - 1]!;
    const groups = levels.slice(0, -1);
    cells.push(levels.join('/'));
    subs.push(groups.length > 0 ? { label, groups } : undefined);
  }
  return { row, bottom, cells, subs: subs.some((s) => s !== undefined) ? subs : null };
}
