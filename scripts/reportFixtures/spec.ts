// The shape the fixture reports are written in, once for every format: headings, paragraphs
// (optionally numbered by the word processor, not typed) and tables whose merged cells are given
// as in HTML (a cell with rowSpan/colSpan; the positions it covers are left out of later rows).

export type SpecCell = string | { text: string; rowSpan?: number; colSpan?: number };

export type SpecBlock =
  { h: 1 | 2 | 3; text: string } | { p: string; list?: 'decimal' | 'chinese' } | { table: SpecCell[][] };

export interface FixtureSpec {
  name: string;
  format: 'txt' | 'txt-gb18030' | 'docx' | 'pdf';
  blocks: SpecBlock[];
}

export interface PlacedCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** The table's cells at their grid positions (HTML's table model), and the grid's width. */
export function placeCells(rows: readonly SpecCell[][]): { cells: PlacedCell[]; width: number } {
  const taken = new Set<string>();
  const cells: PlacedCell[] = [];
  let width = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const raw of row) {
      while (taken.has(`${r},${c}`)) c++;
      const cell = typeof raw === 'string' ? { text: raw } : raw;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) taken.add(`${r + i},${c + j}`);
      cells.push({ text: cell.text, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
      width = Math.max(width, c);
    }
  });
  return { cells, width };
}
