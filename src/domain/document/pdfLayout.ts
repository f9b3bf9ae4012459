// Rebuilding reading order from a PDF page's positioned text: items → lines (one baseline) →
// segments (runs of text with no wide gap; letter-spacing closed, ./pdfSpacing) → the page's
// columns read one after the other (./pdfPageColumns) → paragraphs, and tables where several lines
// keep their segments in the same columns. Pure geometry, no pdf.js: tested with items made by hand.
import { gridOfTexts } from './cells';
import { columnAt, columnExtents, fitsColumns, type Span } from './pdfColumns';
import { closeLetterSpacing } from './pdfSpacing';
import { readingOrder, type Frame } from './pdfPageColumns';
import { textTables } from './pdfTextTable';
import { isBetweenRows, placeInRowSpans, placeSpans, type TableLine } from './pdfSpans';
import type { Block, TableCell } from './types';

/** One text item as pdf.js gives it, in page units with y growing upwards (baseline). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the item's height). */
  size: number;
}

interface Segment {
  text: string;
  x: number;
  right: number;
  /** The largest font size of its items (a heading in one column, body text in the other). */
  size: number;
}

interface Line {
  y: number;
  size: number;
  segments: Segment[];
  x: number;
  right: number;
  /** Its items, left to right. */
  items: PdfTextItem[];
  /** A two-column table of long text standing for these lines (./pdfTextTable): its rows' cells. */
  cells?: string[][];
}

/**
 * Many PDFs (Chromium's among them) map some CJK glyphs to the Kangxi radicals (U+2F00–U+2FD5:
 * `⼀` for `一`, `⽬` for `目`) in their text layer: they look the same and are not the same
 * characters, so `项⽬` would never match `项目`. NFKC maps each radical to its ideograph.
 */
export function unifyRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (ch) => RADICAL_SUPPLEMENT.get(ch) ?? ch.normalize('NFKC'));
}

// The CJK Radicals Supplement forms that are whole simplified characters (NFKC leaves them be).
const RADICAL_SUPPLEMENT = new Map(
  Object.entries({
    '\u2e9f': '母',
    '\u2ea0': '民',
    '\u2ec4': '西',
    '\u2ec5': '见',
    '\u2ec6': '角',
    '\u2ec9': '贝',
    '\u2ecb': '车',
    '\u2ed3': '长',
    '\u2ed4': '门',
    '\u2ed8': '青',
    '\u2ed9': '韦',
    '\u2eda': '页',
    '\u2edb': '风',
    '\u2edc': '飞',
    '\u2edd': '食',
    '\u2ee2': '马',
    '\u2ee5': '鱼',
    '\u2ee6': '鸟',
    '\u2ee8': '麦',
    '\u2ee9': '黄',
    '\u2eec': '齐',
    '\u2eee': '齿',
    '\u2ef0': '龙',
    '\u2ef3': '龟',
  }),
);

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** Items on one baseline (within a third of the font size) form a line; lines top to bottom. */
/** A running page number (`- 2 -`, `第 2 页`, `2/10`): not part of the report's text. */
const PAGE_NUMBER =
  /^[-—–\s]*\d{1,4}[-—–\s]*$|^第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*\/\s*\d{1,4}$/;

function toLines(items: readonly PdfTextItem[], running: ReadonlySet<string>): Line[] {
  const lines = groupLines(items);
  return lines.filter(
    (l, i) =>
      !(l.segments.length === 1 && PAGE_NUMBER.test(l.segments[0]!.text)) &&
      !(running.has(runningKey(l)) && !headsTable(l, lines[i + 1])),
  );
}

// A table's header row, repeated at the top of each page the table goes on to, stands where a
// running header does: it has the next line's columns, which a running header has not.
const headsTable = (l: Line, next: Line | undefined): boolean =>
  next !== undefined &&
  l.segments.length >= 2 &&
  next.segments.length === l.segments.length &&
  columnExtents([l.segments, next.segments]) !== null;

// A line where it stands and what it says, its figures aside (a page number changes, a running
// header or footer's place and words do not).
const runningKey = (l: Line): string =>
  `${Math.round(l.y)}|${l.segments.map((s) => s.text.replace(/\d+/g, '#')).join('|')}`;

/**
 * The running headers and footers of a document: the top or bottom line of a page that stands at
 * the same place with the same words on at least two pages, half of them or more. Left in, a
 * header of two segments would read as a table row above the table that goes on from the page before.
 */
export function runningLines(pages: readonly (readonly PdfTextItem[])[]): Set<string> {
  const count = new Map<string, number>();
  for (const items of pages) {
    const lines = groupLines(items);
    const outer = new Set([lines[0], lines[lines.length - 1]].flatMap((l) => (l ? [runningKey(l)] : [])));
    for (const k of outer) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n >= 2 && n * 2 >= pages.length).map(([k]) => k));
}

function groupLines(items: readonly PdfTextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0]!.y - item.y) <= Math.max(1, last[0]!.size * 0.35)) last.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const size = Math.max(...group.map((i) => i.size));
    const spacing = glyphSpacing(group, size);
    const segments: Segment[] = [];
    for (const item of group) {
      const seg = segments[segments.length - 1];
      const gap = seg ? item.x - seg.right : Infinity;
      // A gap wider than about one and a half characters separates columns (characters of the
      // smaller text: a heading in one column does not join the body text beside it).
      if (seg && gap < Math.min(seg.size, item.size) * 1.5) {
        // A word space: wider than the line's own spacing of its glyphs by a fifth of a character.
        const space =
          gap > spacing + size * 0.2 && isWordChar(seg.text.at(-1)) && isWordChar(item.str.trimStart()[0]) ? ' ' : '';
        seg.text += space + item.str;
        seg.right = Math.max(seg.right, item.x + item.width);
        seg.size = Math.max(seg.size, item.size);
      } else {
        segments.push({ text: item.str, x: item.x, right: item.x + item.width, size: item.size });
      }
    }
    for (const s of segments)
      s.text = closeLetterSpacing(unifyRadicals(s.text.replace(/\s+/g, (w) => (w.includes('\n') ? ' ' : w)).trim()));
    const [x, right] = [segments[0]!.x, segments[segments.length - 1]!.right];
    return { y: group[0]!.y, size, segments, x, right, items: group };
  });
}

/**
 * The gap a letter-spaced line leaves between its glyphs: where each glyph is an item of its own
 * (spacing wider than pdf.js joins into one run), the middle gap after the one-character items
 * (three at least); else 0. Gaps of a column's width do not count.
 */
function glyphSpacing(group: readonly PdfTextItem[], size: number): number {
  const gaps = group
    .slice(1)
    .flatMap((item, i) => {
      const prev = group[i]!;
      const gap = item.x - (prev.x + prev.width);
      return [...prev.str.trim()].length === 1 && gap >= 0 && gap < size * 1.5 ? [gap] : [];
    })
    .sort((a, b) => a - b);
  return gaps.length >= 3 ? gaps[Math.floor(gaps.length / 2)]! : 0;
}

/** Column starts shared by the lines of a table: segment x positions clustered within a character. */
function columnStarts(lines: readonly Line[]): number[] {
  const xs = lines.flatMap((l) => l.segments.map((s) => s.x)).sort((a, b) => a - b);
  const size = Math.min(...lines.map((l) => l.size));
  const starts: number[] = [];
  for (const x of xs) if (starts.length === 0 || x - starts[starts.length - 1]! > size) starts.push(x);
  return starts;
}

function columnOf(starts: readonly number[], x: number, size: number): number {
  let col = 0;
  for (let c = 0; c < starts.length; c++) if (starts[c]! <= x + size * 0.5) col = c;
  return col;
}

/**
 * A run of lines as table rows. Where a cell's text wraps, its second line sits closer to the
 * first than one row to the next; so when the gaps come in two sizes, lines after a small gap
 * continue the row above. A line standing between rows (a merged cell's text) is no row: it
 * goes to the rows it spans (./pdfSpans).
 */
function tableOf(lines: readonly Line[], columns?: readonly Span[]): TableCell[][] {
  const extents = columns ?? columnExtents(lines.map((l) => l.segments));
  const starts = columnStarts(lines);
  const width = extents?.length ?? starts.length;
  const all: TableLine[] = lines.map((line) => {
    const cells = Array.from({ length: width }, () => '');
    for (const s of line.segments) {
      const c = extents ? columnAt(extents, s) : columnOf(starts, s.x, line.size);
      cells[c] = cells[c] ? `${cells[c]} ${s.text}` : s.text;
    }
    return { y: line.y, cells };
  });
  const between = all.filter((_, i) => isBetweenRows(all, i));
  const kept = all.filter((l) => !between.includes(l));
  const gaps = kept.slice(1).map((l, i) => kept[i]!.y - l.y);
  const small = Math.min(...gaps);
  const twoSizes = gaps.some((g) => g > small * 1.5);
  const rows: (TableLine & { ys: number[] })[] = [];
  kept.forEach((line, i) => {
    const continues = i > 0 && twoSizes && gaps[i - 1]! < small * 1.2;
    const prev = rows[rows.length - 1];
    if (continues && prev) {
      line.cells.forEach((t, c) => t && (prev.cells[c] = prev.cells[c] ? `${prev.cells[c]}\n${t}` : t));
      prev.ys.push(line.y);
    } else rows.push({ ...line, ys: [line.y] });
  });
  // A row's middle stands for it where a merged cell is centred down rows.
  for (const r of rows) r.y = r.ys.reduce((a, b) => a + b, 0) / r.ys.length;
  const guessed = between.length > 0 ? placeSpans(rows, between) : [];
  const handled = new Set(between.flatMap((l) => l.cells.flatMap((t, c) => (t ? [c] : []))));
  guessed.push(...placeInRowSpans(rows, handled));
  const grid = gridOfTexts(rows.map((r) => r.cells));
  for (const u of guessed) grid[u.row]![u.col]!.spanGuessed = true;
  return grid;
}

/**
 * Where the table that starts at line `i` ends: the lines after it with two or more segments,
 * and a line of one segment that starts in one of the table's columns with table lines after it
 * (a wrapped cell). `right` is the page's right margin.
 */
function tableEnd(
  lines: readonly Line[],
  i: number,
  right: (l: Line) => number,
  sameFrame: (a: Line, b: Line) => boolean,
): number {
  let j = i + 1;
  // A merged cell's text, centred, starts anywhere within its column, which the lines above
  // and below leave blank (a caption between two tables stands where a row above has text).
  const blankIn = (l: Line | undefined, c: Span): boolean =>
    l !== undefined && l.segments.every((s) => s.right <= c.x || s.x >= c.right);
  const withinColumn = (l: Line): boolean =>
    (columnExtents(lines.slice(i, j).map((t) => t.segments)) ?? []).some(
      (c) => l.x >= c.x - l.size && l.right <= c.right + l.size && blankIn(lines[j - 1], c) && blankIn(lines[j + 1], c),
    );
  const inColumn = (l: Line): boolean =>
    (columnStarts(lines.slice(i, j)).some((x) => Math.abs(x - l.x) <= l.size * 0.5) || withinColumn(l)) &&
    l.right < right(l) - l.size * 2;
  while (
    j < lines.length &&
    sameFrame(lines[j]!, lines[i]!) &&
    (lines[j]!.segments.length >= 2 ||
      (j + 1 < lines.length && lines[j + 1]!.segments.length >= 2 && inColumn(lines[j]!)))
  )
    j++;
  return j;
}

/**
 * How many of a page's first lines go on with a table of these columns: lines in its columns, one
 * of them at least a row (two segments or more); a line of one segment only as close to the line
 * before or after it as a wrapped cell's lines are (a caption or the text after the table stands apart).
 */
function continuedRun(lines: readonly Line[], columns: readonly Span[]): number {
  let end = 0;
  let rows = 0;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (!fitsColumns(columns, l.segments, l.size)) break;
    if (l.segments.length < 2) {
      const near = (o: Line | undefined): boolean => o !== undefined && Math.abs(o.y - l.y) <= l.size * 1.5;
      if (!near(lines[k - 1]) && !(k === 0 && near(lines[1]))) break;
    } else rows++;
    end = k + 1;
  }
  // Nothing but lines of one segment: no row.
  return rows > 0 ? end : 0;
}

/**
 * The rows of a run that goes on with a table (continuedRun): each line of two segments or more
 * a row, each line of one segment a wrapped cell's line of the row nearest it (above or below:
 * a middle-aligned row's other cells stand between its wrapped cell's lines).
 */
function rowsOfRun(lines: readonly Line[], columns: readonly Span[]): TableCell[][] {
  const rows = lines.filter((l) => l.segments.length >= 2);
  const cells = rows.map(() => columns.map(() => [] as string[]));
  for (const l of lines) {
    let r = 0;
    rows.forEach((row, k) => Math.abs(row.y - l.y) < Math.abs(rows[r]!.y - l.y) && (r = k));
    for (const s of l.segments) cells[r]![columnAt(columns, s)]!.push(s.text);
  }
  return gridOfTexts(cells.map((row) => row.map((texts) => texts.join('\n'))));
}

/** A cell's text from its lines' items: each line's as groupLines makes it, the lines run on. */
function cellText(lines: readonly (readonly PdfTextItem[])[]): string {
  let text = '';
  for (const items of lines) {
    const t = closeLetterSpacing(
      unifyRadicals(
        items
          .map((i) => i.str)
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    );
    text += (isWordChar(text.at(-1)) && isWordChar(t[0]) ? ' ' : '') + t;
  }
  return text;
}

/** The lines with each two-column table of long text (./pdfTextTable) as one line standing for it. */
function withTextTables(lines: Line[]): Line[] {
  if (lines.length === 0) return lines;
  const page = { x: Math.min(...lines.map((l) => l.x)), right: Math.max(...lines.map((l) => l.right)) };
  const tables = textTables(lines, page);
  if (tables.length === 0) return lines;
  const out: Line[] = [];
  let k = 0;
  for (const t of tables) {
    out.push(...lines.slice(k, t.start));
    const run = lines.slice(t.start, t.end);
    const [x, right] = [Math.min(...run.map((l) => l.x)), Math.max(...run.map((l) => l.right))];
    const cells = t.rows.map((row) => row.map((side) => cellText(side as PdfTextItem[][])));
    const segment: Segment = { text: '', x, right, size: run[0]!.size };
    out.push({ ...run[0]!, segments: [segment], x, right, items: run.flatMap((l) => l.items), cells });
    k = t.end;
  }
  out.push(...lines.slice(k));
  return out;
}

export interface PageLayout {
  blocks: Block[];
}

interface Counters {
  paragraph: number;
  table: number;
  /** The columns of the table that ends the page before: a row at the top of this page in them goes on with it. */
  openTable?: readonly Span[] | null;
}

/**
 * The blocks of one page. `bodySize` is the document's most common font size: a line clearly
 * larger is a heading (levels by size), a line of two or more separated segments is a table row.
 */
export function layoutPage(
  items: readonly PdfTextItem[],
  page: number,
  bodySize: number,
  n: Counters,
  running: ReadonlySet<string> = new Set(),
): Block[] {
  // Column by column on a page set in columns; each line keeps the margins of its frame.
  const frames = readingOrder(withTextTables(toLines(items, running)));
  const lines = frames.flatMap((f) => f.lines);
  if (lines.length === 0) return [];
  const frame = new Map<Line, Frame<Line>>(frames.flatMap((f) => f.lines.map((l) => [l, f] as const)));
  const left = (l: Line): number => frame.get(l)!.left;
  const right = (l: Line): number => frame.get(l)!.right;
  const sameFrame = (a: Line, b: Line): boolean => frame.get(a) === frame.get(b);
  const blocks: Block[] = [];
  // The columns of the table the lines so far end with, if they end with one.
  let open: readonly Span[] | null = null;
  let para: { lines: Line[] } | null = null;
  const flush = (): void => {
    if (!para) return;
    let text = '';
    for (const l of para.lines) {
      const t = l.segments.map((s) => s.text).join(' ');
      text += (isWordChar(text.at(-1)) && isWordChar(t[0]) ? ' ' : '') + t;
    }
    const size = para.lines[0]!.size;
    const heading = size > bodySize * 1.3 ? 1 : size > bodySize * 1.12 ? 2 : 0;
    blocks.push({ type: 'paragraph', text, heading, at: { paragraph: ++n.paragraph, page } });
    para = null;
  };
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    if (line.cells) {
      flush();
      blocks.push({ type: 'table', grid: gridOfTexts(line.cells), at: { table: ++n.table, page } });
      open = null;
      i++;
      continue;
    }
    // The rows at the top of a page that go on with the table ending the page before, where they
    // are no table by the rule below: one row alone (its 合计, its last indicator), or a row whose
    // wrapped cell's first line stands above the row's other cells.
    const above = i === 0 ? n.openTable : null;
    const run = above ? continuedRun(lines, above) : 0;
    if (above && run > 0 && (line.segments.length < 2 || tableEnd(lines, 0, right, sameFrame) < Math.max(2, run))) {
      blocks.push({ type: 'table', grid: rowsOfRun(lines.slice(0, run), above), at: { table: ++n.table, page } });
      open = above;
      i = run;
      continue;
    }
    if (line.segments.length >= 2) {
      const j = tableEnd(lines, i, right, sameFrame);
      if (j - i >= 2) {
        flush();
        blocks.push({ type: 'table', grid: tableOf(lines.slice(i, j)), at: { table: ++n.table, page } });
        open = columnExtents(lines.slice(i, j).map((t) => t.segments));
        i = j;
        continue;
      }
    }
    open = null;
    const prev = para?.lines[para.lines.length - 1];
    const gap = prev ? prev.y - line.y : 0;
    // Where a paragraph ends. Chinese text wraps anywhere but inside a number or a Latin word, so
    // a line that stops short of the margin is not yet an end: it ends a paragraph when it also
    // ends a sentence, or when the next line is indented (a first line) or starts a numbered item.
    // A heading's second line is often centred: only a gap or a change of size ends a heading.
    const headingSized = line.size > bodySize * 1.12;
    const prevText = prev ? prev.segments.map((x) => x.text).join('') : '';
    const short = prev !== undefined && prev.right < right(prev) - prev.size * 2;
    const endsSentence = /[。！？!?：:；;]$/.test(prevText);
    const indented = line.x > left(line) + line.size * 1.2;
    const numbered = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d))/.test(
      line.segments[0]!.text,
    );
    const startsNew =
      !prev ||
      Math.abs(prev.size - line.size) > prev.size * 0.1 ||
      gap > prev.size * 2.2 ||
      (!headingSized && ((short && (endsSentence || indented || numbered)) || (indented && endsSentence)));
    if (startsNew) {
      flush();
      para = { lines: [] };
    }
    para!.lines.push(line);
    i++;
  }
  flush();
  n.openTable = open;
  return blocks;
}

/** The most common font size over the items, weighted by text length: the body text's size. */
export function bodyFontSize(items: readonly PdfTextItem[]): number {
  const weight = new Map<number, number>();
  for (const i of items) {
    const k = Math.round(i.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + i.str.trim().length);
  }
  let best = 0;
  let size = 12;
  for (const [k, w] of weight) if (w > best) [best, size] = [w, k];
  return size;
}
