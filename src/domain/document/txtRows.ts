// Tables of a plain-text report written one row per line: the cells split by tabs (a Word table
// pasted into a text editor) or by runs of spaces, aligned in columns (a PDF converted with its
// layout). A line is a row only among others like it; a row whose cells cannot be put under the
// header's columns for sure ends the table, so that no figure lands in another column.

interface Cell {
  text: string;
  /** Display columns the cell covers (a Chinese character is two wide). */
  start: number;
  end: number;
}

const SPACED = /[ \u3000]{2,}/;

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

/** The line's cells, with where they stand; tabs keep empty cells (`合计\t\t100`). */
function cellsOf(line: string): { cells: Cell[]; tabbed: boolean } {
  const tabbed = line.includes('\t');
  const parts = line.trimEnd().split(tabbed ? '\t' : SPACED);
  const cells: Cell[] = [];
  let at = 0;
  let rest = line;
  for (const part of parts) {
    const i = rest.indexOf(part);
    at += width(rest.slice(0, i));
    cells.push({ text: part.trim(), start: at, end: at + width(part) });
    at += width(part);
    rest = rest.slice(i + part.length);
  }
  return { cells: tabbed ? cells : cells.filter((c) => c.text !== ''), tabbed };
}

// A cell that holds a figure (`19.00`, `96.90%`, `≥6次`), full-width digits included; not `表1`.
const FIGURE = /^[≥≤<>＜＞=＝约]?\s*[\d\uff10-\uff19][\d\uff10-\uff19.,，．]*\s*[^\s\d\uff10-\uff19]{0,3}$/;

/**
 * Whether a line reads as a table row: two cells or more, short; cells that read as words of a
 * sentence (`一是…；  二是…`) only next to a figure, as a note beside its score.
 */
function rowOf(line: string, inTabbedTable = false): { cells: Cell[]; tabbed: boolean } | null {
  // A tab-led line opens a table of one cell per line (./txt); within a tabbed table, its first cell is blank (merged).
  if ((line.startsWith('\t') && !inTabbedTable) || line.trim() === '') return null;
  const row = cellsOf(line);
  const filled = row.cells.filter((c) => c.text !== '');
  if (filled.length < 2 || filled.some((c) => c.text.length > 40)) return null;
  const worded = filled.some((c) => /[。；;，,：:！？]/.test(c.text));
  if (worded && !filled.some((c) => FIGURE.test(c.text))) return null;
  return row;
}

/** Whether a line of text reads as a table row (cells split by tabs or runs of spaces). */
export function isRowLine(line: string): boolean {
  return rowOf(line) !== null;
}

/** A space-aligned row's cells under the header's columns, by the columns they overlap most; null when two fall under one. */
function aligned(cells: readonly Cell[], header: readonly Cell[]): string[] | null {
  const out: string[] = header.map(() => '');
  for (const cell of cells) {
    let best = -1;
    let bestScore = -Infinity;
    header.forEach((h, i) => {
      const overlap = Math.min(cell.end, h.end) - Math.max(cell.start, h.start);
      const score = overlap > 0 ? overlap : -Math.min(Math.abs(cell.start - h.start), Math.abs(cell.end - h.end));
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best < 0 || out[best] !== '') return null;
    out[best] = cell.text;
  }
  return out;
}

/**
 * The table written one row per line from lines[start], or null: its rows of cell texts, the
 * lines of rows whose cells cannot be put under its columns for sure (`unread`, left to be read
 * as paragraphs, so that they are named rather than misplaced), and the first line after it. A
 * line before it with fewer cells (`表2\t一级指标评分表`) is its caption, not a row.
 */
export function lineTable(
  lines: readonly string[],
  start: number,
): { rows: string[][]; unread: number[]; next: number } | null {
  const run: { cells: Cell[]; tabbed: boolean }[] = [];
  for (let i = start; i < lines.length; i++) {
    const row = rowOf(lines[i]!, run[0]?.tabbed === true);
    if (!row || (run.length > 0 && row.tabbed !== run[0]!.tabbed)) break;
    run.push(row);
  }
  if (run.length < 2) return null;
  // A caption above the header holds fewer cells than the header.
  if (run.length > 2 && run[0]!.cells.length < run[1]!.cells.length) return null;
  const header = run[0]!;
  const rows: string[][] = [header.cells.map((c) => c.text)];
  const unread: number[] = [];
  run.slice(1).forEach((row, k) => {
    const texts = row.tabbed ? row.cells.map((c) => c.text) : aligned(row.cells, header.cells);
    if (texts) rows.push(texts);
    else unread.push(start + 1 + k);
  });
  if (rows.length < 2) return null;
  return { rows, unread, next: start + run.length };
}

/** Whether a line reads as a table row with a figure in it: a row of a table that was not read. */
export function isFigureRow(line: string): boolean {
  const row = rowOf(line);
  return row !== null && row.cells.some((c) => FIGURE.test(c.text));
}
