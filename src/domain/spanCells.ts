// Reading cells where they lie in a line of the file (RowReader.readSpans): comparing, looking up
// and parsing a span of the line's text without cutting a string out of it for every cell.
import { PERCENT_MAX, POINTS_MAX, type ValueResult } from './values';

/** Distinct cells remembered per column (RowReader's CACHE_LIMIT). */
const SPAN_LIMIT = 4096;

/** Whether `text` holds `s` at `start`; a loop the compiler inlines beats a builtin call for short cells. */
export function sameAt(text: string, start: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (text.charCodeAt(start + i) !== s.charCodeAt(i)) return false;
  return true;
}

const SPAN_SLOTS = 2 * SPAN_LIMIT;

/**
 * Cell text → value, looked up by the characters of a span of the line: a string hash and an
 * open-addressing table in a typed array, so that finding a known cell makes no string.
 */
export class SpanCache {
  private readonly keys: string[] = [];
  private readonly values: Array<ValueResult<string | number>> = [];
  /** Entry index + 1 per slot; 0 is empty. */
  private readonly table = new Int32Array(SPAN_SLOTS);
  /** The key of the last entry found. */
  lastKey: string | null = null;

  find(text: string, start: number, end: number): ValueResult<string | number> | null {
    const len = end - start;
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    let slot = (h >>> 0) & (SPAN_SLOTS - 1);
    for (;;) {
      const at = this.table[slot]!;
      if (at === 0) return null;
      const key = this.keys[at - 1]!;
      if (key.length === len && sameAt(text, start, key)) {
        this.lastKey = key;
        return this.values[at - 1]!;
      }
      slot = (slot + 1) & (SPAN_SLOTS - 1);
    }
  }

  add(key: string, value: ValueResult<string | number>): void {
    if (this.keys.length >= SPAN_LIMIT) return;
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    let slot = (h >>> 0) & (SPAN_SLOTS - 1);
    while (this.table[slot] !== 0) slot = (slot + 1) & (SPAN_SLOTS - 1);
    this.keys.push(key);
    this.values.push(value);
    this.table[slot] = this.keys.length;
  }
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * text.slice(start, end) as a number when it is a plain decimal (ASCII digits, at most one dot,
 * a digit first, at most 15 digits), else -1. Such a cell parses to what parseNumber gives: an
 * integer below 2^53 divided by an exact power of ten is correctly rounded, as Number() is.
 */
export function plainDecimal(text: string, start: number, end: number): number {
  if (end <= start || end - start > 16) return -1;
  let int = 0;
  let digits = 0;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      int = int * 10 + (c - 48);
      digits++;
    } else if (c === 46 && dot === -1 && i > start) dot = i;
    else return -1;
  }
  if (digits > 15) return -1;
  return dot === -1 ? int : int / POW10[end - dot - 1]!;
}

/** How a column's cells may be read in place (plainCell); null: every cell through its parser. */
export type PlainRead = 'number' | 'amount' | 'percent' | null;

/** Below 2^33 a double is within 5e-7 of the decimal it was read from: see plainCell. */
const AMOUNT_EXACT = 2 ** 33;

/**
 * A cell of a number, amount or percent column read in place (a plain decimal, a percent with
 * its `%`), or -1 when it must go through the column's parser: outside the column's range, or
 * anything but ASCII digits and one dot. What it gives is what the parser gives for the cell. An
 * amount (its header in 万元) is rounded to six decimals by parseAmount; one with at most six
 * that is below 2^33 is its own rounding, as its double is nearer its decimal than 5e-7.
 */
export function plainCell(read: PlainRead, text: string, start: number, end: number): number {
  // Scores and weights first: a million indicator rows hold two each.
  if (read === 'number') {
    const n = plainDecimal(text, start, end);
    return n <= POINTS_MAX ? n : -1;
  }
  if (read === 'percent' && end > start && text.charCodeAt(end - 1) === 37) end--;
  const x = plainDecimal(text, start, end);
  if (x < 0) return -1;
  if (read === 'percent') return x <= PERCENT_MAX ? x : -1;
  if (read !== 'amount' || x >= AMOUNT_EXACT) return -1;
  const dot = text.indexOf('.', start);
  return dot === -1 || dot >= end || end - dot - 1 <= 6 ? x : -1;
}
