// Pages set in two columns. Sorted by baseline alone, the lines of both columns interleave, and
// the report's sentences with them. A column region is found from the text's geometry: a run of
// lines with a vertical gutter that none of them crosses, prose on both sides of it (one piece of
// text each side per line, each side a good part of the page wide, lines filling their column,
// each side breaking at its own paragraphs, not both at once as a table's rows do).
// Its left column is read to its end, then its right one; the lines that cross the gutter (a
// heading, a table or a paragraph across the page) stay where they stand, read as one.
import { uncovered, type Span } from './pdfColumns';

export interface PageSegment {
  text: string;
  x: number;
  right: number;
  size: number;
}

export interface PageLine {
  y: number;
  size: number;
  segments: PageSegment[];
  x: number;
  right: number;
}

/** Lines read one after the other between the same margins: the page's, or a column's. */
export interface Frame<L extends PageLine> {
  left: number;
  right: number;
  lines: L[];
}

/** An open stretch of a line, across which no text stands. */
type Gap = Span;

/** Where the gutter may stand: away from the page's margins by a fifth of its width. */
const BAND = 0.2;
/** The narrowest gutter, in characters: a narrower gap is part of a line (groupLines keeps it in a segment). */
const MIN_GUTTER = 1.5;
/** Lines a column holds at least, each side, for its region to be read as columns. */
const MIN_COLUMN_LINES = 4;
/** The narrowest column, as a part of the page's text width. */
const MIN_COLUMN_WIDTH = 0.25;

/**
 * The parts of `gaps` that no segment of `line` covers and that leave it as a column's line on each
 * side: one piece of text, or the cells of a table within one column, the other side then empty
 * or prose (one piece over half its width), once the run's earlier lines have placed the gutter.
 * A table across the page has cells on both sides.
 */
function gapsLeft(gaps: readonly Gap[], line: PageLine, minWidth: number, page: Gap, inRun: boolean): Gap[] {
  const out: Gap[] = [];
  for (const g of gaps) {
    const free = uncovered([g], line.segments, minWidth);
    const columnLine = (f: Gap): boolean => {
      const left = line.segments.filter((s) => s.right <= f.x);
      const right = line.segments.filter((s) => s.x >= f.right);
      const prose = (side: PageSegment[], width: number): boolean =>
        side.length === 0 || (side.length === 1 && side[0]!.right - side[0]!.x >= width / 2);
      return (
        (left.length <= 1 && right.length <= 1) ||
        (inRun && left.length <= 1 && prose(left, f.x - page.x)) ||
        (inRun && right.length <= 1 && prose(right, page.right - f.right))
      );
    };
    out.push(...free.filter((f) => f.right - f.x >= minWidth && columnLine(f)));
  }
  return out;
}

const split = <L extends PageLine>(line: L, segments: PageSegment[]): L => ({
  ...line,
  segments,
  size: Math.max(...segments.map((s) => s.size)),
  x: segments[0]!.x,
  right: segments[segments.length - 1]!.right,
});

const frameOf = <L extends PageLine>(lines: L[]): Frame<L> => ({
  left: Math.min(...lines.map((l) => l.x)),
  right: Math.max(...lines.map((l) => l.right)),
  lines,
});

/** Most lines of a column reach its right edge, as wrapped prose does (a table's cells stop short). */
const fills = (column: Frame<PageLine>): boolean =>
  column.lines.filter((l) => l.right >= column.right - l.size).length * 2 >= column.lines.length;

/**
 * Whether the two sides start anew together wherever one of them does, as the cells of a table's
 * rows do: after each break in one side (a gap wider than its line spacing), the other side has
 * a line on the same baseline that also starts anew (its first, or after a short line or a gap).
 * Two columns of prose break each at its own paragraphs. Without any break this says nothing (false).
 */
function rowsStartTogether(columns: readonly [Frame<PageLine>, Frame<PageLine>]): boolean {
  const steps = columns.flatMap((c) => c.lines.slice(1).map((l, i) => c.lines[i]!.y - l.y));
  const pitch = steps.sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 0;
  const startsAnew = (c: Frame<PageLine>, i: number): boolean => {
    const prev = c.lines[i - 1];
    const line = c.lines[i]!;
    return !prev || prev.y - line.y > pitch * 1.4 || prev.right < c.right - prev.size;
  };
  let breaks = 0;
  for (const [side, other] of [columns, [columns[1], columns[0]]] as const)
    for (let i = 1; i < side.lines.length; i++) {
      if (side.lines[i - 1]!.y - side.lines[i]!.y <= pitch * 1.4) continue;
      breaks++;
      const y = side.lines[i]!.y;
      const k = other.lines.findIndex((l) => Math.abs(l.y - y) <= side.lines[i]!.size * 0.35);
      if (k < 0 || !startsAnew(other, k)) return false;
    }
  return breaks > 0;
}

/**
 * The run of lines as a column region: the leading lines above the other side's first line left
 * out (a page-wide paragraph's short last line), its two columns; or null when it is none.
 */
function columnsOf<L extends PageLine>(
  run: readonly L[],
  gutter: Gap,
  width: number,
): { before: L[]; columns: [Frame<L>, Frame<L>] } | null {
  const sideOf = (l: L, side: 'left' | 'right'): PageSegment[] =>
    l.segments.filter((s) => (side === 'left' ? s.right <= gutter.x : s.x >= gutter.right));
  const firstOn = (side: 'left' | 'right'): L | undefined => run.find((l) => sideOf(l, side).length > 0);
  const [firstLeft, firstRight] = [firstOn('left'), firstOn('right')];
  if (!firstLeft || !firstRight) return null;
  const top = Math.min(firstLeft.y, firstRight.y) + 2 * Math.max(firstLeft.size, firstRight.size);
  const before = run.filter((l) => l.y > top);
  const region = run.filter((l) => l.y <= top);
  const columns = (['left', 'right'] as const).map((side) =>
    frameOf(region.flatMap((l) => (sideOf(l, side).length > 0 ? [split(l, sideOf(l, side))] : []))),
  ) as [Frame<L>, Frame<L>];
  const prose = columns.every(
    (c) => c.lines.length >= MIN_COLUMN_LINES && c.right - c.left >= width * MIN_COLUMN_WIDTH,
  );
  return prose && columns.some(fills) && !rowsStartTogether(columns) ? { before, columns } : null;
}

/**
 * The page's lines (top to bottom) in reading order, as frames: runs of lines read across the
 * page, and the two columns of each column region, left then right.
 */
export function readingOrder<L extends PageLine>(lines: readonly L[]): Frame<L>[] {
  if (lines.length === 0) return [];
  const page = frameOf([...lines]);
  const width = page.right - page.left;
  const band: Gap = { x: page.left + width * BAND, right: page.right - width * BAND };
  const pageSpan: Gap = { x: page.left, right: page.right };
  // Judged at the page's common size: a heading's larger size does not make the gutter narrow for it.
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const minGutter = sizes[Math.floor(sizes.length / 2)]! * MIN_GUTTER;
  const frames: Frame<L>[] = [];
  let across: L[] = [];
  const flushAcross = (): void => {
    if (across.length > 0) frames.push({ left: page.left, right: page.right, lines: across });
    across = [];
  };
  let run: L[] = [];
  let gaps: Gap[] = [band];
  const endRun = (): void => {
    const gutter = [...gaps].sort((a, b) => b.right - b.x - (a.right - a.x))[0];
    const found = gutter ? columnsOf(run, gutter, width) : null;
    if (found) {
      across.push(...found.before);
      flushAcross();
      frames.push(...found.columns);
    } else across.push(...run);
    run = [];
    gaps = [band];
  };
  for (const line of lines) {
    let next = gapsLeft(gaps, line, minGutter, pageSpan, run.length > 0);
    if (next.length === 0 && run.length > 0) {
      endRun();
      next = gapsLeft(gaps, line, minGutter, pageSpan, false);
    }
    if (next.length === 0) {
      across.push(line);
      continue;
    }
    run.push(line);
    gaps = next;
  }
  endRun();
  flushAcross();
  return frames;
}
