// Splits decoded text pieces into CSV records without holding the whole file as one string:
// PapaParse reads the text so far up to its last complete record, and the unfinished record waits
// for the next piece. PapaParse itself decides where records end (a quote only opens a quoted
// field at the start of a field), so the pieces never change the result. Records keep their
// spreadsheet row numbers (blank lines count).
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

/** Called for a malformed record (an unclosed quote), with its row number. */
export type CsvErrorSink = (row: number, message: string) => void;

/**
 * Called instead of the record sink for a record holding no quote character: its text is
 * `text.slice(start, end)` (no line break), and its cells are that text split by the delimiter.
 * The caller reads the cells in place, without an array of cell strings per record.
 */
export type CsvLineSink = (text: string, start: number, end: number, row: number) => void;

/**
 * Feeds text pieces in order; calls `sink` for every record, blank ones included (as ['']).
 * Line endings may be LF, CRLF or CR, even mixed. A malformed record is reported to `onError`
 * before it is passed to `sink`, so the caller can leave it out.
 */
export class CsvRecordSplitter {
  /** Text after the last complete record. */
  private carry = '';
  private row = 0;
  /** Set by `lines` when it stopped at a CR that is not part of a CRLF. */
  private loneCr = false;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly sink: CsvRecordSink,
    private readonly onError: CsvErrorSink = () => {},
    private readonly lineSink: CsvLineSink | null = null,
  ) {}

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
    if (this.lineSink !== null) {
      // Lines before the first quote character read the same whether split by hand or by
      // PapaParse (a quote is what makes a line break or delimiter part of a cell), and splitting
      // by hand lets the caller read the cells without per-record arrays and strings. CRLF is
      // taken as it comes; a lone CR (a line break too) is left to the general path.
      const quote = text.indexOf('"');
      from = this.lines(text, quote === -1 ? text.length : text.lastIndexOf('\n', quote) + 1, quote === -1 && !partial);
      if (quote === -1 && !this.loneCr) return from === 0 ? text : text.slice(from);
    }
    const rest = normalizeBreaks(from === 0 ? text : text.slice(from));
    const parser = new Papa.Parser({ delimiter: this.delimiter, newline: '\n', quoteChar: '"', escapeChar: '"' });
    const result = parser.parse(rest, 0, partial) as Papa.ParseResult<string[]>;
    const firstRow = this.row + 1;
    const rows = result.data.length;
    for (const e of result.errors) {
      // Errors about the unfinished record are found again when it is complete.
      if (e.type === 'Quotes' && (e.row ?? 0) < rows) this.onError(firstRow + (e.row ?? 0), '引号不成对：字段以引号开始但没有结束的引号');
    }
    for (const cells of result.data) {
      this.row++;
      this.sink(cells, this.row);
    }
    return rest.slice(result.meta.cursor);
  }

  /**
   * Passes the lines of `text` that end before `stop` to the line sink, without their LF or CRLF
   * (with `last`, also the text after the last line break, as PapaParse would at the end of the
   * input). Stops early at a lone CR (setting loneCr). Returns where the first line not passed starts.
   */
  private lines(text: string, stop: number, last: boolean): number {
    const sink = this.lineSink!;
    this.loneCr = false;
    let pos = 0;
    let cr = text.indexOf('\r');
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl === -1 || nl >= stop) break;
      let end = nl;
      if (cr !== -1 && cr < nl) {
        if (cr !== nl - 1) {
          this.loneCr = true;
          return pos;
        }
        end = cr;
        cr = text.indexOf('\r', nl + 1);
      }
      sink(text, pos, end, ++this.row);
      pos = nl + 1;
    }
    if (last && text !== '') {
      if (cr !== -1) {
        this.loneCr = true;
        return pos;
      }
      sink(text, pos, text.length, ++this.row);
      return text.length;
    }
    return pos;
  }
}

/** One kind of line break for PapaParse; inside quotes this also turns CRLF into LF, which is how a multi-line cell should read anyway. */
function normalizeBreaks(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}
