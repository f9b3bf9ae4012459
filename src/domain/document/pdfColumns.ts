// The columns of a PDF table, from where its text stands. pdf.js gives no ruling lines, so a
// column's extent is judged over all rows: the texts of one column overlap (left-aligned ones at
// the column's start, centred ones about its middle, right-aligned ones at its end), and where
// text does not overlap, two runs that never share a line are still one column (a centred header
// over left-aligned figures). A segment then belongs to the column its middle stands in: where
// its text starts says nothing of a centred or right-aligned cell.

export interface Span {
  x: number;
  right: number;
}

/**
 * The parts of `gaps` that none of `spans` covers: a gap a span cuts into leaves its pieces at least
 * `minWidth` wide; a gap no span touches stays whole.
 */
export function uncovered(gaps: readonly Span[], spans: readonly Span[], minWidth: number): Span[] {
  let free = [...gaps];
  for (const s of spans)
    free = free.flatMap((f) =>
      s.right <= f.x || s.x >= f.right
        ? [f]
        : [
            { x: f.x, right: Math.min(f.right, s.x) },
            { x: Math.max(f.x, s.right), right: f.right },
          ].filter((p) => p.right - p.x >= minWidth),
    );
  return free;
}

interface Column extends Span {
  /** The lines (indexes) with text in this column. */
  lines: Set<number>;
}

/**
 * The column extents of a table whose lines hold these segments, left to right; null when the
 * lines cannot be read as columns (two segments of one line overlapping the same column).
 * Only the lines with the most segments (every column filled) set the columns: a line with
 * fewer (a merged cell, a wrapped cell's next line) may stand across or between them.
 */
export function columnExtents(lines: readonly (readonly Span[])[]): Span[] | null {
  const most = Math.max(...lines.map((l) => l.length));
  const spans = lines
    .flatMap((segs, line) => (segs.length === most ? segs.map((s) => ({ ...s, line })) : []))
    .sort((a, b) => a.x - b.x);
  const overlapping: Column[] = [];
  for (const s of spans) {
    const col = overlapping[overlapping.length - 1];
    if (col && s.x < col.right) {
      col.right = Math.max(col.right, s.right);
      col.lines.add(s.line);
    } else overlapping.push({ x: s.x, right: s.right, lines: new Set([s.line]) });
  }
  const columns: Column[] = [];
  for (const col of overlapping) {
    const prev = columns[columns.length - 1];
    if (prev && ![...col.lines].some((l) => prev.lines.has(l))) {
      prev.right = Math.max(prev.right, col.right);
      col.lines.forEach((l) => prev.lines.add(l));
    } else columns.push(col);
  }
  if (columns.length !== most) return null;
  return columns.map(({ x, right }) => ({ x, right }));
}

/** The column a segment's middle stands in; columns meet halfway across the gap between their texts. */
export function columnAt(columns: readonly Span[], s: Span): number {
  const middle = (s.x + s.right) / 2;
  let col = 0;
  for (let c = 1; c < columns.length; c++) if (middle > (columns[c - 1]!.right + columns[c]!.x) / 2) col = c;
  return col;
}

/**
 * Whether a line's segments stand in a table with these columns: each in one column, reaching
 * into no other column's text (a wrapped cell's longer line may pass its column's widest text
 * above, not its neighbour's) nor out of the table; no two in one column. A line of prose, or a
 * row of other columns, reaches across.
 */
export function fitsColumns(columns: readonly Span[], segments: readonly Span[], size: number): boolean {
  if (segments.length === 0 || segments.length > columns.length) return false;
  let last = -1;
  for (const s of segments) {
    const c = columnAt(columns, s);
    const left = c === 0 ? columns[0]!.x - size : columns[c - 1]!.right;
    const right = c === columns.length - 1 ? columns[c]!.right + size * 2 : columns[c + 1]!.x;
    if (c <= last || s.x < left || s.right > right) return false;
    last = c;
  }
  return true;
}
