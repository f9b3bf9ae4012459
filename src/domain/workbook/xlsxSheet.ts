// One .xlsx worksheet read row by row from its XML (ECMA-376 18.3) as it is inflated: pieces of
// about a megabyte, cut after their last `</row>`, decoded and scanned for `<row>` and `<c>`
// elements, each cell given to the visitor as a reused view (value, type, style's number format;
// the shown text written only when asked for). The inflated sheet never exists whole. Merged
// ranges stand after the cells in the XML: they are collected on the way and known at the end.
import { IssueError, problem } from '@/domain/issues';
import { cellAddress } from './address';
import { isDateFormat } from './numberFormat';
import type { NumberText } from './numberText';
import type { CellRange, RowVisitor, SheetCell } from './types';
import { ooxmlText } from './xml';

/** Bytes of sheet XML gathered before they are decoded and scanned. */
const PIECE_BYTES = 1 << 20;

const enum Kind {
  Number,
  Text,
  Bool,
  Error,
}

/** A cell of the row being visited. One per column, reused from row to row. */
class XlsxCell implements SheetCell {
  kind: Kind = Kind.Text;
  num = 0;
  str = '';
  format: string | undefined = undefined;

  constructor(private readonly numbers: NumberText) {}

  get value(): number | boolean | null {
    if (this.kind === Kind.Number) return this.num;
    if (this.kind === Kind.Bool) return this.num !== 0;
    return null;
  }

  get text(): string {
    switch (this.kind) {
      case Kind.Number:
        return this.numbers.text(this.num, this.format);
      case Kind.Bool:
        return this.num !== 0 ? 'TRUE' : 'FALSE';
      default:
        return this.str;
    }
  }
}

/** Column number of a cell reference's letters (`AB12` → 28), or 0 when it has none. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

function rowOf(ref: string): number {
  const m = /\d+/.exec(ref);
  return m ? Number(m[0]) : 0;
}

/** `A1:C3` (or `B2`) → a range; null when unreadable. */
export function parseRange(ref: string): CellRange | null {
  const [a = '', b = a] = ref.split(':');
  const top = rowOf(a);
  const left = columnOf(a);
  const bottom = rowOf(b);
  const right = columnOf(b);
  if (!top || !left || !bottom || !right) return null;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** Finds a byte sequence (ASCII) searching back from `from`. */
function lastIndexOfBytes(bytes: Uint8Array, pattern: string, from = bytes.length - 1): number {
  const first = pattern.charCodeAt(0);
  for (let i = Math.min(from, bytes.length - pattern.length); i >= 0; i--) {
    if (bytes[i] !== first) continue;
    let k = 1;
    while (k < pattern.length && bytes[i + k] === pattern.charCodeAt(k)) k++;
    if (k === pattern.length) return i;
  }
  return -1;
}

/**
 * Just after the last `</row>` (or `</x:row>`) ending before `from`, searching back to `floor`;
 * -1 when there is none. A `row>` inside text (`arrow>`) is not a closing tag and is passed over.
 */
function lastRowEnd(xml: Uint8Array, floor: number, from: number): number {
  for (let k = lastIndexOfBytes(xml, 'row>', from); k > floor; k = lastIndexOfBytes(xml, 'row>', k - 1)) {
    let j = k - 1;
    if (xml[j] === 58) {
      // A prefix: letters back to the slash.
      j--;
      while (j > floor && xml[j] !== 47 && xml[j] !== 60 && xml[j] !== 62) j--;
    }
    if (xml[j] === 47 && xml[j - 1] === 60) return k + 4;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8');

export interface SheetContext {
  sharedStrings: readonly string[];
  styleFormats: readonly (string | undefined)[];
  date1904: boolean;
  numbers: NumberText;
  /** Cells a sheet may hold before it is refused. */
  maxCells: number;
}

/** A character of an XML name (letters, digits, `_`, `-`, `.`; non-ASCII letters too). */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c > 127
  );
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A tag's local name, after an optional prefix: [start, end) in `s`, and where the name (with prefix) ends. */
interface TagName {
  start: number;
  end: number;
}

function tagName(s: string, from: number, out: TagName): void {
  let p = from;
  while (isNameChar(s.charCodeAt(p))) p++;
  out.start = from;
  if (s.charCodeAt(p) === 58) {
    out.start = ++p;
    while (isNameChar(s.charCodeAt(p))) p++;
  }
  out.end = p;
}

function isLocal(s: string, name: TagName, local: string): boolean {
  if (name.end - name.start !== local.length) return false;
  for (let k = 0; k < local.length; k++) if (s.charCodeAt(name.start + k) !== local.charCodeAt(k)) return false;
  return true;
}

/** A non-negative integer written in s[from, to). */
function intAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return to > from ? n : NaN;
}

/** The column number of the letters a cell reference starts with in s[from, to). */
function colAt(s: string, from: number, to: number): number {
  let col = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

/** Cell types (`t`), by their attribute text. */
const enum CellType {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

function cellType(s: string, from: number, to: number): CellType {
  const len = to - from;
  const c = s.charCodeAt(from);
  if (len === 1) {
    if (c === 115) return CellType.Shared;
    if (c === 98) return CellType.Bool;
    if (c === 101) return CellType.Error;
    if (c === 100) return CellType.Date;
    return CellType.Number;
  }
  if (len === 3 && c === 115) return CellType.Str;
  if (len === 9 && c === 105) return CellType.Inline;
  return CellType.Number;
}

/**
 * Scans a sheet's XML as it is inflated: `push` each inflated piece, `end` after the last. Rows
 * go to the visitor as they are complete; merged ranges, the used range and the formulas without
 * a value are collected for the end.
 */
export class SheetScanner {
  readonly merges: CellRange[] = [];
  readonly uncachedFormulas: string[] = [];
  /** True once the visitor asked to stop. */
  stopped = false;

  // Grown to the pieces it is given: a form's sheet is a few kilobytes, a data sheet's pieces a megabyte.
  private buf = new Uint8Array(64 * 1024);
  private used = 0;
  private readonly pool: XlsxCell[] = [];
  private readonly cells: (XlsxCell | undefined)[] = [];
  private width = 0;
  private rowNumber = 0;
  private inRow = false;
  private col = 0;
  private cellCount = 0;
  private readonly name: TagName = { start: 0, end: 0 };
  private readonly child: TagName = { start: 0, end: 0 };

  constructor(
    private readonly ctx: SheetContext,
    private readonly visit: RowVisitor,
  ) {}

  push(piece: Uint8Array): void {
    if (this.stopped) return;
    if (this.used + piece.length > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.used + piece.length));
      bigger.set(this.buf.subarray(0, this.used));
      this.buf = bigger;
    }
    this.buf.set(piece, this.used);
    this.used += piece.length;
    if (this.used < PIECE_BYTES) return;
    // Scan up to the last complete row; what follows waits for the next piece.
    const cut = lastRowEnd(this.buf, 0, this.used - 1);
    if (cut <= 0) return;
    this.scan(utf8.decode(this.buf.subarray(0, cut)));
    this.buf.copyWithin(0, cut, this.used);
    this.used -= cut;
  }

  end(): void {
    if (!this.stopped && this.used > 0) this.scan(utf8.decode(this.buf.subarray(0, this.used)));
    this.used = 0;
    if (this.inRow && !this.stopped) this.endRow();
  }

  private cellAt(col: number): XlsxCell {
    let c = this.pool[col - 1];
    if (!c) {
      c = new XlsxCell(this.ctx.numbers);
      this.pool[col - 1] = c;
    }
    return c;
  }

  private endRow(): void {
    if (this.width > 0 && this.visit(this.rowNumber, this.cells, this.width) === false) this.stopped = true;
    for (let i = 0; i < this.width; i++) this.cells[i] = undefined;
    this.width = 0;
    this.inRow = false;
  }

  /** `<mergeCell ref="A1:B2"/>` and `<dimension ref="A1:M1000"/>`: the refs of the tag at s[from, to). */
  private rangeTag(s: string, from: number, to: number, merge: boolean): void {
    const m = /\bref\s*=\s*["']([^"']+)["']/.exec(s.slice(from, to));
    const r = m ? parseRange(m[1]!) : null;
    if (r === null) return;
    if (merge) {
      this.merges.push(r);
      return;
    }
    const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (cells > this.ctx.maxCells)
      throw new IssueError(problem('workbook_too_large', { cells, limit: this.ctx.maxCells }));
  }

  private scan(s: string): void {
    const { ctx, cells, name, child } = this;
    let i = 0;
    for (;;) {
      i = s.indexOf('<', i);
      if (i < 0 || this.stopped) break;
      let closing: boolean;
      let isRow: boolean;
      if (s.charCodeAt(i + 1) === 99 && s.charCodeAt(i + 2) === 32) {
        // `<c ` without a prefix: the common case, known at a glance.
        closing = false;
        isRow = false;
        name.start = i + 1;
        name.end = i + 2;
      } else {
        closing = s.charCodeAt(i + 1) === 47;
        tagName(s, closing ? i + 2 : i + 1, name);
        isRow = isLocal(s, name, 'row');
      }
      if (!isRow && !isLocal(s, name, 'c')) {
        if (!closing && (isLocal(s, name, 'mergeCell') || isLocal(s, name, 'dimension'))) {
          const gt = s.indexOf('>', name.end);
          this.rangeTag(s, name.end, gt < 0 ? s.length : gt, s.charCodeAt(name.start) === 109);
        }
        i = name.end;
        continue;
      }
      if (closing) {
        if (isRow) this.endRow();
        i = name.end;
        continue;
      }
      // The start tag's attributes, in one pass: r (reference), t (type), s (style).
      let r0 = -1;
      let r1 = -1;
      let t0 = -1;
      let t1 = -1;
      let s0 = -1;
      let s1 = -1;
      let k = name.end;
      for (;;) {
        while (isSpace(s.charCodeAt(k))) k++;
        const ch = s.charCodeAt(k);
        if (ch === 62 || ch === 47 || Number.isNaN(ch)) break;
        const a0 = k;
        while (k < s.length && s.charCodeAt(k) !== 61 && !isSpace(s.charCodeAt(k))) k++;
        const a1 = k;
        while (isSpace(s.charCodeAt(k)) || s.charCodeAt(k) === 61) k++;
        const quote = s.charCodeAt(k);
        const v0 = k + 1;
        const v1 = s.indexOf(quote === 39 ? "'" : '"', v0);
        if (v1 < 0) break;
        k = v1 + 1;
        if (a1 - a0 !== 1) continue;
        const a = s.charCodeAt(a0);
        if (a === 114) {
          r0 = v0;
          r1 = v1;
        } else if (a === 116) {
          t0 = v0;
          t1 = v1;
        } else if (a === 115) {
          s0 = v0;
          s1 = v1;
        }
      }
      const selfClosing = s.charCodeAt(k) === 47;
      const bodyStart = s.indexOf('>', k) + 1;
      if (bodyStart === 0) break;
      if (isRow) {
        if (this.inRow) this.endRow();
        const r = r0 >= 0 ? intAt(s, r0, r1) : NaN;
        this.rowNumber = Number.isNaN(r) ? this.rowNumber + 1 : r;
        this.col = 0;
        this.inRow = !selfClosing;
        i = bodyStart;
        continue;
      }
      // A cell: `<c r="B2" s="3" t="s"><f>…</f><v>5</v></c>`, `<c …><is><t>…</t></is></c>`, `<c …/>`.
      const named = r0 >= 0 ? colAt(s, r0, r1) : 0;
      const col = named > 0 ? named : this.col + 1;
      this.col = col;
      i = bodyStart;
      if (selfClosing) continue;
      let v0 = -1;
      let v1 = -1;
      let formula = false;
      let inline: string | null = null;
      // What nearly every writer writes: `<v>…</v></c>`, read without looking at each tag.
      if (s.startsWith('<v>', i)) {
        const end = s.indexOf('<', i + 3);
        if (end > 0 && s.startsWith('</v></c>', end)) {
          v0 = i + 3;
          v1 = end;
          i = end + 8;
        }
      }
      while (v0 < 0) {
        const q = s.indexOf('<', i);
        if (q < 0) {
          i = s.length;
          break;
        }
        const cl = s.charCodeAt(q + 1) === 47;
        tagName(s, cl ? q + 2 : q + 1, child);
        const gt = s.indexOf('>', child.end);
        if (gt < 0) {
          i = s.length;
          break;
        }
        i = gt + 1;
        if (cl) {
          if (isLocal(s, child, 'c')) break;
          continue;
        }
        const empty = s.charCodeAt(gt - 1) === 47;
        if (isLocal(s, child, 'v')) {
          v0 = gt + 1;
          v1 = empty ? v0 : s.indexOf('<', v0);
          if (v1 < 0) v1 = s.length;
          i = v1;
        } else if (isLocal(s, child, 'f')) formula = true;
        else if (isLocal(s, child, 'is') && !empty) {
          const prefix = s.slice(q + 1, child.start);
          const end = s.indexOf(`</${prefix}is>`, i);
          inline = inlineText(s.slice(i, end < 0 ? s.length : end));
          i = end < 0 ? s.length : end;
        }
      }
      const type = t0 >= 0 ? cellType(s, t0, t1) : CellType.Number;
      if (v0 < 0 && inline === null) {
        if (formula) this.uncachedFormulas.push(cellAddress(this.rowNumber, col));
        continue;
      }
      if (++this.cellCount > ctx.maxCells)
        throw new IssueError(problem('workbook_too_large', { cells: this.cellCount, limit: ctx.maxCells }));
      const cell = this.cellAt(col);
      const format = s0 >= 0 ? ctx.styleFormats[intAt(s, s0, s1)] : undefined;
      cell.format = format;
      if (inline !== null) {
        cell.kind = Kind.Text;
        cell.str = inline;
      } else if (type === CellType.Shared) {
        cell.kind = Kind.Text;
        cell.str = ctx.sharedStrings[intAt(s, v0, v1)] ?? '';
      } else {
        fillValue(cell, type, s.slice(v0, v1), format, ctx.date1904);
      }
      cells[col - 1] = cell;
      if (col > this.width) this.width = col;
    }
  }
}

/** A cell's value from its `<v>` text and type (all but shared strings). */
function fillValue(cell: XlsxCell, type: CellType, v: string, format: string | undefined, date1904: boolean): void {
  switch (type) {
    case CellType.Str:
    case CellType.Inline:
    case CellType.Shared:
      cell.kind = Kind.Text;
      cell.str = ooxmlText(v);
      return;
    case CellType.Bool:
      cell.kind = Kind.Bool;
      cell.num = v === '1' || v === 'true' ? 1 : 0;
      return;
    case CellType.Error:
      cell.kind = Kind.Error;
      cell.str = ooxmlText(v);
      return;
    case CellType.Date: {
      // An ISO 8601 date: kept as the serial day number a date cell holds elsewhere.
      const ms = Date.parse(v.length <= 10 ? `${v}T00:00:00Z` : v.endsWith('Z') ? v : `${v}Z`);
      if (Number.isNaN(ms)) {
        cell.kind = Kind.Text;
        cell.str = v;
        return;
      }
      cell.kind = Kind.Number;
      cell.num = (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
      cell.format = format ?? 'yyyy-mm-dd';
      return;
    }
    case CellType.Number: {
      const x = Number(v);
      if (v.trim() === '' || Number.isNaN(x)) {
        cell.kind = Kind.Text;
        cell.str = ooxmlText(v);
        return;
      }
      cell.kind = Kind.Number;
      // Dates are kept as serials of the 1900 system whatever the workbook's, so that one rule reads them.
      cell.num = date1904 && isDateFormat(format) ? x + 1462 : x;
    }
  }
}

/** An inline string's text: its `<t>` runs joined, phonetic runs left out. */
function inlineText(is: string): string {
  const clean = is.includes('rPh') ? is.replace(/<((?:[\w.-]+:)?)rPh\b[\s\S]*?<\/\1rPh>/g, '') : is;
  let out = '';
  for (const m of clean.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?t>)/g)) out += m[1] ?? '';
  return ooxmlText(out);
}
