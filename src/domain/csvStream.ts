// Splits decoded text pieces into CSV records without holding the whole file as one string:
// the text so far is read up to its last complete record, and the unfinished record waits for the
// next piece. Records on one line, quoted cells included, are split here and their cells handed
// over where they lie in the text; from the first record that is not (a line break inside
// quotes, a closing quote followed by anything but a delimiter, a lone CR), PapaParse reads the
// rest of the piece, so every case it knows reads as it would read it. The pieces never change the
// result. Records keep their spreadsheet row numbers (blank lines count).
import Papa from 'papaparse';
import type { Delimiter } from './types';

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Counts each candidate delimiter outside quotes on the first line and picks the most frequent. */
export function detectDelimiter(firstLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, '\t': 0, ';': 0 };
  let inQuotes = false;
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of ['\t', ';'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * The delimiter of the first of `lines` holding any candidate (a title above the header,
 * `2023年度汇总表`, may hold none), or null when none does.
 */
export function delimiterOfLines(lines: readonly string[]): Delimiter | null {
  for (const line of lines) if (/[,\t;]/.test(line)) return detectDelimiter(line);
  return null;
}

/** The first `max` lines of `text` holding more than white space (lines end outside quotes). */
export function contentLines(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (out.length < max && rest !== '') {
    const line = firstLineOf(rest);
    if (line.trim() !== '') out.push(line);
    rest = rest.slice(line.length + 1);
  }
  return out;
}

/** The first line of a text, up to the first line break outside quotes. */
export function firstLineOf(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) return text.slice(0, i);
  }
  return text;
}

/**
 * The first line holding more than white space (the header, past leading blank lines), or null
 * while `text` may still end inside it. `atEnd` says no more text follows.
 */
export function firstContentLine(text: string, atEnd: boolean): string | null {
  let rest = text;
  for (;;) {
    const line = firstLineOf(rest);
    const complete = line.length < rest.length;
    if (line.trim() !== '') return complete || atEnd ? line : null;
    if (!complete) return atEnd ? '' : null;
    rest = rest.slice(line.length + 1);
  }
}

export interface CsvRecordSink {
  /** Called for each record with its spreadsheet row number (1-based). */
  (cells: string[], row: number): void;
}

/**
 * Called for a malformed record, with its row number, the cell (0-based) where the trouble starts,
 * and whether that quoted cell never ends (`unclosed`) or has text after its closing quote.
 */
export type CsvErrorSink = (row: number, cell: number, unclosed: boolean) => void;

/**
 * Called instead of the record sink for a record on one line whose cells can be read where they
 * lie: cell i (i < count) is text.slice(starts[i], ends[i]), the quotes around a quoted cell left
 * out. The caller reads the cells in place, without an array of cell strings per record. The
 * arrays are the splitter's, reused from record to record.
 */
export type CsvSpanSink = (text: string, starts: Int32Array, ends: Int32Array, count: number, row: number) => void;

/** The cells of spans as strings (what the record sink gets for the same record). */
export function spanCells(text: string, starts: Int32Array, ends: Int32Array, count: number): string[] {
  const cells = new Array<string>(count);
  for (let i = 0; i < count; i++) cells[i] = text.slice(starts[i], ends[i]);
  return cells;
}

/** How a line was split by hand (splitLine). */
const SPANS = 0;
const ESCAPED = 1;
const LEAVE = 2;

/**
 * Feeds text pieces in order; calls `sink` for every record, blank ones included (as ['']).
 * Line endings may be LF, CRLF or CR, even mixed. A malformed record is reported to `onError`
 * before it is passed to `sink`, so the caller can leave it out. With `spanSink`, records on one
 * line go there as cell spans instead (those with a doubled quote in a quoted cell still go to
 * `sink`, unescaped).
 */
export class CsvRecordSplitter {
  /** Text after the last complete record. */
  private carry = '';
  private row = 0;
  /** Set by `lines` when it stopped at a CR that is not part of a CRLF. */
  private loneCr = false;
  /** Set by `lines` when it stopped at a line it could not split by hand (not merely an unfinished one). */
  private stoppedInside = false;
  private readonly dc: number;
  private starts = new Int32Array(32);
  private ends = new Int32Array(32);
  /** Per cell of the line split last: a quoted cell holding a doubled quote. */
  private escapes = new Uint8Array(32);
  private count = 0;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly sink: CsvRecordSink,
    private readonly onError: CsvErrorSink = () => {},
    private readonly spanSink: CsvSpanSink | null = null,
  ) {
    this.dc = delimiter.charCodeAt(0);
  }

  /** Records passed on so far (the row number of the last one). */
  get rows(): number {
    return this.row;
  }

  /**
   * Whether the text pushed so far ends at the end of a record, nothing of the next one held back:
   * a splitter started afresh here (its rows counted on from `rows`) reads the rest as this one would.
   */
  get atRecordEnd(): boolean {
    return this.carry === '';
  }

  push(piece: string): void {
    let text = this.carry + piece;
    // A CR at the very end may be half of a CRLF split across pieces: keep it for the next piece.
    const heldCr = text.endsWith('\r');
    if (heldCr) text = text.slice(0, -1);
    this.carry = this.parse(text, true) + (heldCr ? '\r' : '');
  }

  end(): void {
    if (this.carry !== '') this.parse(this.carry, false);
    this.carry = '';
  }

  /** Parses `text`; with `partial`, the last record (perhaps unfinished) is left out. Returns the text not parsed. */
  private parse(text: string, partial: boolean): string {
    let from = 0;
    if (this.spanSink !== null) {
      from = this.lines(text, !partial);
      if (from === text.length) return '';
      // Stopped at an unfinished last line (more text to come): it waits for the next piece.
      if (partial && !this.loneCr && text.indexOf('\n', from) === -1 && !this.stoppedInside) return text.slice(from);
    }
    const rest = normalizeBreaks(from === 0 ? text : text.slice(from));
    const parser = new Papa.Parser({ delimiter: this.delimiter, newline: '\n', quoteChar: '"', escapeChar: '"' });
    const result = parser.parse(rest, 0, partial) as Papa.ParseResult<string[]>;
    const rows = result.data.length;
    // PapaParse may report two errors for one field (a misplaced quote, then no closing one).
    const seen = new Map<number, { index: number; unclosed: boolean }>();
    for (const e of result.errors) {
      const r = e.row ?? 0;
      // Errors about the unfinished record are found again when it is complete.
      if (e.type !== 'Quotes' || r >= rows) continue;
      const before = seen.get(r);
      const unclosed = e.code === 'MissingQuotes' || before?.unclosed === true;
      seen.set(r, { index: before?.index ?? e.index ?? -1, unclosed });
    }
    for (let r = 0; r < rows; r++) {
      const cells = result.data[r]!;
      this.row++;
      // Reported just before the record itself, so the header it lies under is known by then.
      const e = seen.get(r);
      if (e)
        this.onError(this.row, e.unclosed ? cells.length - 1 : quotedCellAt(rest, e.index, this.dc, cells), e.unclosed);
      this.sink(cells, this.row);
    }
    return rest.slice(result.meta.cursor);
  }

  /**
   * Passes the complete lines of `text` (with `last`, also the text after the last line break, as
   * PapaParse would at the end of the input) to the span sink, without their LF or CRLF. Stops at
   * a lone CR (setting loneCr) or at a line that is not a record by itself (setting
   * stoppedInside). Returns where the first line not passed starts.
   */
  private lines(text: string, last: boolean): number {
    this.loneCr = false;
    this.stoppedInside = false;
    let pos = 0;
    let cr = text.indexOf('\r');
    for (;;) {
      const nl = text.indexOf('\n', pos);
      let end: number;
      if (nl === -1) {
        if (!last || text === '') return pos;
        if (cr !== -1) {
          this.loneCr = true;
          return pos;
        }
        end = text.length;
      } else {
        end = nl;
        if (cr !== -1 && cr < nl) {
          if (cr !== nl - 1) {
            this.loneCr = true;
            return pos;
          }
          end = cr;
          cr = text.indexOf('\r', nl + 1);
        }
      }
      if (!this.line(text, pos, end)) {
        this.stoppedInside = true;
        return pos;
      }
      if (nl === -1) return text.length;
      pos = nl + 1;
    }
  }

  /** Splits the line text[start, end) and passes it on; false when it is not a record by itself. */
  private line(text: string, start: number, end: number): boolean {
    const how = this.splitLine(text, start, end);
    if (how === LEAVE) return false;
    const row = ++this.row;
    if (how === SPANS) {
      this.spanSink!(text, this.starts, this.ends, this.count, row);
      return true;
    }
    const cells = spanCells(text, this.starts, this.ends, this.count);
    for (let i = 0; i < cells.length; i++) if (this.escapes[i] === 1) cells[i] = cells[i]!.replaceAll('""', '"');
    this.sink(cells, row);
    return true;
  }

  /**
   * Fills starts/ends/count with the cells of one line as PapaParse reads them: a cell opening
   * with a quote runs to the quote that closes it (a doubled quote stands for one), which must be
   * followed by the delimiter or the end of the line; any other quote is an ordinary character.
   * LEAVE when a quoted cell does not close on this line or closes before other text.
   */
  private splitLine(text: string, start: number, end: number): number {
    const dc = this.dc;
    let count = 0;
    let how = SPANS;
    let i = start;
    for (;;) {
      if (count === this.starts.length) this.grow();
      if (i < end && text.charCodeAt(i) === QUOTE) {
        const open = i + 1;
        let j = open;
        let escaped = false;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1 || q >= end) return LEAVE;
          const next = q + 1 < end ? text.charCodeAt(q + 1) : -1;
          if (next === QUOTE) {
            escaped = true;
            j = q + 2;
            continue;
          }
          if (next !== dc && next !== -1) return LEAVE;
          this.starts[count] = open;
          this.ends[count] = q;
          this.escapes[count] = escaped ? 1 : 0;
          if (escaped) how = ESCAPED;
          count++;
          i = q + 1;
          break;
        }
        if (i >= end) break;
        // At the delimiter after the closing quote.
        i++;
        continue;
      }
      let d = i;
      while (d < end && text.charCodeAt(d) !== dc) d++;
      this.starts[count] = i;
      this.ends[count] = d;
      this.escapes[count] = 0;
      count++;
      if (d >= end) break;
      i = d + 1;
    }
    this.count = count;
    return how;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const escapes = new Uint8Array(n);
    starts.set(this.starts);
    ends.set(this.ends);
    escapes.set(this.escapes);
    this.starts = starts;
    this.ends = ends;
    this.escapes = escapes;
  }
}

/**
 * The position in its record (0-based) of the quoted cell opening at text[at], found by splitting
 * its line up to there: the cells before it are well formed, or PapaParse would have complained of
 * them first. When the record began on an earlier line (a line break inside a quoted cell before
 * it), the first cell of `cells` that holds a quote is taken instead, else the last.
 */
function quotedCellAt(text: string, at: number, dc: number, cells: readonly string[]): number {
  let i = at > 0 ? text.lastIndexOf('\n', at - 1) + 1 : 0;
  for (let count = 0; at >= 0; count++) {
    if (i === at) return count;
    if (i > at) break;
    if (text.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1 || q >= at) return fallbackCell(cells);
        if (text.charCodeAt(q + 1) === QUOTE) j = q + 2;
        else {
          i = q + 1;
          break;
        }
      }
      if (text.charCodeAt(i) !== dc) break;
      i++;
    } else {
      let d = i;
      while (d < at && text.charCodeAt(d) !== dc && text.charCodeAt(d) !== LF) d++;
      if (d >= at || text.charCodeAt(d) !== dc) break;
      i = d + 1;
    }
  }
  return fallbackCell(cells);
}

function fallbackCell(cells: readonly string[]): number {
  const quoted = cells.findIndex((c) => c.includes('"'));
  return quoted >= 0 ? quoted : Math.max(0, cells.length - 1);
}

/** One kind of line break for PapaParse; inside quotes this also turns CRLF into LF, which is how a multi-line cell should read anyway. */
function normalizeBreaks(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}
