// A two-column table of long text (问题 | 建议, 项目 | 内容) whose cells stand closer than the
// gutter of page columns (./pdfPageColumns) and closer than groupLines' gap between segments: its
// cells' lines run into one segment where they share a baseline, and interleave where they do not
// (each cell centred down its row, one of them a line longer). Read by lines, it is a paragraph
// of both cells' halves in turn. Found from the items: a vertical gutter of half a character or
// more that none of a run of lines crosses, each side's text starting at one column start. A
// wider gutter is taken only where every row's cells start together or share a middle: two
// columns of prose (./pdfPageColumns) break each at its own paragraphs.
import { uncovered, type Span } from './pdfColumns';

export interface GutterItem {
  str: string;
  x: number;
  width: number;
}

export interface ItemLine {
  y: number;
  size: number;
  items: readonly GutterItem[];
}

/** A run of lines `[start, end)` read as a table: its rows, a left and a right cell each. */
export interface TextTable {
  start: number;
  end: number;
  rows: [GutterItem[][], GutterItem[][]][];
}

/** An open stretch of a line, across which no text stands. */
type Gap = Span;

/** The narrowest gutter, in characters (a word space or a justified line's spacing is less). */
const MIN_GAP = 0.5;
/** From this width on, the gutter is page columns' or a table's with segments apart: read there. */
const MAX_GAP = 1.5;
const MIN_LINES = 4;

/** The gaps of a line within `gaps` that none of its items covers. */
function freeIn(gaps: readonly Gap[], line: ItemLine): Gap[] {
  const spans = line.items.map((it) => ({ x: it.x, right: it.x + it.width }));
  return uncovered(gaps, spans, line.size * MIN_GAP);
}

const sides = (line: ItemLine, g: Gap): [GutterItem[], GutterItem[]] => [
  line.items.filter((it) => it.x + it.width <= g.x),
  line.items.filter((it) => it.x >= g.right),
];

/**
 * The lines of `run` as a text table about gutter `g`, or null: trimmed to the lines of the
 * table's size whose sides start at their column's start; a first line with both cells (the
 * header); at least one line whose cells ran together or stand alone beside the other side's.
 */
function tableOf(lines: readonly ItemLine[], from: number, to: number, g: Gap, wide: boolean): TextTable | null {
  const run = lines.slice(from, to);
  const size = run.map((l) => l.size).sort((a, b) => a - b)[Math.floor(run.length / 2)]!;
  const starts = [0, 1].map((s) => {
    const xs = run
      .flatMap((l) =>
        sides(l, g)
          [s]!.slice(0, 1)
          .map((it) => it.x),
      )
      .sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)];
  });
  if (starts[0] === undefined || starts[1] === undefined) return null;
  const fits = (l: ItemLine): boolean =>
    Math.abs(l.size - size) <= size * 0.1 &&
    sides(l, g).every((side, s) => side.length === 0 || Math.abs(side[0]!.x - starts[s]!) <= size * 0.5);
  let a = 0;
  let b = run.length;
  while (a < b && !(fits(run[a]!) && sides(run[a]!, g).every((side) => side.length > 0))) a++;
  while (b > a && !fits(run[b - 1]!)) b--;
  const kept = run.slice(a, b);
  if (kept.length < MIN_LINES || !kept.every(fits)) return null;
  // Cells: each side's lines no further apart than a cell's line spacing.
  const steps = [0, 1]
    .flatMap((s) => {
      const ys = kept.filter((l) => sides(l, g)[s]!.length > 0).map((l) => l.y);
      return ys.slice(1).map((y, i) => ys[i]! - y);
    })
    .sort((p, q) => p - q);
  // A cell's line spacing: the least step, as a cell of one line has none and rows stand further apart.
  const pitch = steps.find((p) => p >= size * 0.8) ?? size;
  const cells = [0, 1].map((s) => {
    const out: { top: number; bottom: number; lines: GutterItem[][] }[] = [];
    for (const l of kept) {
      const side = sides(l, g)[s]!;
      if (side.length === 0) continue;
      const last = out[out.length - 1];
      if (last && last.bottom - l.y <= pitch * 1.3) {
        last.lines.push(side);
        last.bottom = l.y;
      } else out.push({ top: l.y, bottom: l.y, lines: [side] });
    }
    return out;
  });
  // A row: the cells of both sides whose lines overlap, by half a line each way.
  const rows: TextTable['rows'] = [];
  let [i, j] = [0, 0];
  const [left, right] = cells as [(typeof cells)[0], (typeof cells)[0]];
  // Both cells of the row start together (top-aligned) or stand about one middle (centred).
  let aligned = true;
  while (i < left.length || j < right.length) {
    const l = left[i];
    const r = right[j];
    const overlap = l && r && l.bottom - pitch / 2 <= r.top && r.bottom - pitch / 2 <= l.top;
    if (overlap)
      aligned &&=
        Math.abs(l.top - r.top) <= pitch / 2 || Math.abs(l.top + l.bottom - r.top - r.bottom) / 2 <= pitch * 0.75;
    else aligned = false;
    if (overlap) rows.push([l.lines, r.lines]);
    else if (l && (!r || l.top >= r.top)) rows.push([l.lines, []]);
    else rows.push([[], r!.lines]);
    if (overlap || (l && (!r || l.top >= r.top))) i++;
    if (overlap || !(l && (!r || l.top >= r.top))) j++;
  }
  // Read by lines, its cells would run together (one segment) or stand alone beside each other.
  const together = kept.some((l) => {
    const [lc, rc] = sides(l, g);
    const end = Math.max(...lc.map((it) => it.x + it.width));
    return lc.length > 0 && rc.length > 0 && rc[0]!.x - end < l.size * MAX_GAP;
  });
  const alone = rows.some(([lc, rc]) => lc.length !== rc.length);
  if (rows.length < 2 || !(wide ? aligned : together || alone)) return null;
  return { start: from + a, end: from + b, rows };
}

/** The text tables of a page's lines (top to bottom), between the page's text margins. */
export function textTables(lines: readonly ItemLine[], page: Gap): TextTable[] {
  const width = page.right - page.x;
  const band: Gap = { x: page.x + width * 0.2, right: page.right - width * 0.2 };
  const out: TextTable[] = [];
  let from = 0;
  let gaps: Gap[] = [band];
  const end = (to: number): void => {
    if (to - from < MIN_LINES) return;
    // A gutter has text on both sides (a gap at the right of short lines has none beyond it).
    const run = lines.slice(from, to);
    const between = gaps.filter((g) => [0, 1].every((s) => run.some((l) => sides(l, g)[s]!.length > 0)));
    const narrow = between.filter((g) => g.right - g.x < lines[from]!.size * MAX_GAP);
    const t =
      narrow.length === 1
        ? tableOf(lines, from, to, narrow[0]!, false)
        : between.length === 1
          ? tableOf(lines, from, to, between[0]!, true)
          : null;
    if (t) out.push(t);
  };
  for (let k = 0; k < lines.length; k++) {
    const next = freeIn(gaps, lines[k]!);
    if (next.length > 0) {
      gaps = next;
      continue;
    }
    end(k);
    gaps = freeIn([band], lines[k]!);
    if (gaps.length === 0) {
      from = k + 1;
      gaps = [band];
      continue;
    }
    // The new run takes the lines before this one that leave its gaps open (a table's header
    // under a caption that narrowed the run before to another gap).
    const previous = from;
    from = k;
    for (let back = freeIn(gaps, lines[k - 1]!); from - 1 > previous && back.length > 0;) {
      gaps = back;
      from--;
      back = from - 1 > previous ? freeIn(gaps, lines[from - 1]!) : [];
    }
  }
  if (from < lines.length) end(lines.length);
  return out;
}
