// Merged cells of a PDF table (a 一级指标 over several rows). Its text is centred down the rows it
// spans, so it often stands on a line of its own between two rows, or on a middle row with the
// rows above and below it blank in that column; set to the bottom of its cell (rare), it stands on
// the last row of its span. A reader of the grid carries a blank level cell down from the row
// above: the text must stand in the first row of its span, not the nearest.

export interface TableLine {
  y: number;
  cells: string[];
}

const isFigure = (t: string): boolean => /^[-+]?[\d,.]+%?$/.test(t.trim());

/**
 * A line standing between rows: its text only in columns that the lines above and below leave
 * blank (a wrapped cell's next line continues a filled cell; a header and a row fill their columns).
 */
export function isBetweenRows(lines: readonly TableLine[], i: number): boolean {
  const line = lines[i]!;
  const [above, below] = [lines[i - 1], lines[i + 1]];
  if (!above || !below) return false;
  const filled = line.cells.flatMap((t, c) => (t ? [c] : []));
  return filled.length > 0 && filled.every((c) => !above.cells[c] && !below.cells[c] && !isFigure(line.cells[c]!));
}

/** Where a merged cell's text was put by guess (0-based row and column): the reader must be told. */
export interface Unplaced {
  row: number;
  col: number;
}

/**
 * Puts each column's texts in the first row of the rows they span, where the spans can be told
 * for sure: each text centred on a run of rows, the runs following one another from the first
 * row. A column that holds a figure, or whose texts do not follow so, is left as it stands (a
 * between-rows text then goes on in the row above it, and its place is returned).
 */
export function placeSpans(rows: TableLine[], between: readonly TableLine[]): Unplaced[] {
  const unplaced: Unplaced[] = [];
  const width = rows[0]?.cells.length ?? 0;
  const pitch = rows.length > 1 ? (rows[0]!.y - rows[rows.length - 1]!.y) / (rows.length - 1) : 0;
  for (let c = 0; c < width; c++) {
    const floating = between.filter((l) => l.cells[c]);
    if (floating.length === 0) continue;
    const anchors = [
      ...rows.flatMap((r, i) => (r.cells[c] ? [{ y: r.y, text: r.cells[c]!, row: i }] : [])),
      ...floating.map((l) => ({ y: l.y, text: l.cells[c]!, row: -1 })),
    ].sort((a, b) => b.y - a.y);
    const starts = tile(rows, anchors, pitch / 4);
    if (!starts || anchors.some((a) => isFigure(a.text))) {
      // Not for sure: the text goes on in the row above it, as a wrapped cell would.
      for (const l of floating) {
        const above = rows.filter((r) => r.y > l.y).pop() ?? rows[0]!;
        above.cells[c] = above.cells[c] ? `${above.cells[c]}\n${l.cells[c]}` : l.cells[c]!;
        unplaced.push({ row: rows.indexOf(above), col: c });
      }
      // And every blank row below a text (the header aside) carries a name by guess.
      const firstText = rows.findIndex((r, i) => i > 0 && r.cells[c]);
      rows.forEach((r, i) => !r.cells[c] && i > firstText && unplaced.push({ row: i, col: c }));
      continue;
    }
    rows.forEach((r) => (r.cells[c] = ''));
    anchors.forEach((a, k) => (rows[starts[k]!]!.cells[c] = a.text));
  }
  return unplaced;
}

/** The first row of each anchor's span, or null when the spans do not follow one another within `tol`. */
function tile(
  rows: readonly TableLine[],
  anchors: readonly { y: number; row: number }[],
  tol: number,
): number[] | null {
  const starts: number[] = [];
  let s = 0;
  for (const a of anchors) {
    let end = -1;
    for (let e = s; e < rows.length; e++)
      if (Math.abs((rows[s]!.y + rows[e]!.y) / 2 - a.y) <= tol && (a.row < 0 || (a.row >= s && a.row <= e))) end = e;
    if (end < 0) return null;
    starts.push(s);
    s = end + 1;
  }
  // Rows after the last span are blank in this column (a 合计 row merged across the level columns).
  return starts;
}

/**
 * The merged cells whose texts all stand on rows of their own (no line between rows), in the
 * leading columns whose first row under the header (row 0, no figures in it) is blank: their text
 * is not at the top of its span, so carried down it would name the rows above it after the text
 * above. Each is put in the first row of its span when the spans follow one another with each
 * text centred on its rows (most templates) or at the bottom of them; where both readings hold and
 * differ, by the centred one, and the rows they put in another span are returned; where neither
 * holds, every row left to carry a name by guess. `done`: the columns placeSpans has dealt with.
 */
export function placeInRowSpans(rows: TableLine[], done: ReadonlySet<number>): Unplaced[] {
  const unplaced: Unplaced[] = [];
  const [header, first] = rows;
  if (!header || !first || rows.length < 3 || header.cells.some(isFigure)) return unplaced;
  const body = rows.slice(1);
  const pitch = (body[0]!.y - body[body.length - 1]!.y) / Math.max(1, body.length - 1);
  let placing = true;
  for (let c = 0; c < header.cells.length; c++) {
    // A column further right of one with no blanks is no merged one (a cell left empty).
    if (done.has(c)) continue;
    if (!header.cells[c]) break;
    const anchors = body.flatMap((r, i) => (r.cells[c] ? [{ y: r.y, row: i }] : []));
    if (anchors.length === 0 || anchors.some((a) => isFigure(body[a.row]!.cells[c]!))) break;
    const owner = (st: readonly number[], i: number): number => st.filter((s) => s <= i).length - 1;
    const centred = tile(body, anchors, pitch / 4);
    if (first.cells[c]) {
      // Read as set at the top of their spans (carried down); where the texts may as well be
      // centred on other spans, the rows those put under another text are named.
      if (anchors.length === body.length) break;
      const top = anchors.map((a) => a.row);
      if (centred) body.forEach((_, i) => owner(centred, i) !== owner(top, i) && unplaced.push({ row: i + 1, col: c }));
      placing = false;
      continue;
    }
    // Right of a column read from the top, a first row left blank is a cell left empty.
    if (!placing) break;
    // At the bottom: each text on the last row of its span, the last text on the last row.
    const bottom =
      anchors[anchors.length - 1]!.row === body.length - 1
        ? anchors.map((_, k) => (k === 0 ? 0 : anchors[k - 1]!.row + 1))
        : null;
    const starts = centred ?? bottom;
    if (!starts) {
      // Carried down as read: every blank row after a text is named by guess.
      body.forEach((r, i) => !r.cells[c] && i > anchors[0]!.row && unplaced.push({ row: i + 1, col: c }));
      continue;
    }
    const texts = anchors.map((a) => body[a.row]!.cells[c]!);
    body.forEach((r, i) => {
      r.cells[c] = starts.includes(i) ? texts[starts.indexOf(i)]! : '';
      if (centred && bottom && owner(centred, i) !== owner(bottom, i)) unplaced.push({ row: i + 1, col: c });
    });
  }
  return unplaced;
}
