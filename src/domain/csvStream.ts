// Splits decoded text pieces into CSV records without holding the whole file as one string:
// each piece is cut at its last line break outside quotes, that part goes to PapaParse, and the
// tail waits for the next piece. Records keep their spreadsheet row numbers (blank lines count).
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
 * Index just past the last line break that lies outside quotes, or -1. `text` must start at a
 * record boundary, so quote parity can be counted from its start (an escaped "" keeps parity).
 */
export function lastRecordBoundary(text: string): number {
  if (text.indexOf('"') === -1) {
    // Fast path for the common unquoted file.
    const lf = text.lastIndexOf('\n');
    const cr = text.lastIndexOf('\r');
    const at = Math.max(lf, cr);
    // A CR at the very end may be half of a CRLF split across pieces: wait for the next piece.
    if (at === cr && at === text.length - 1) return boundaryBefore(text, at);
    return at === -1 ? -1 : at + 1;
  }
  let inQuotes = false;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF))) {
      if (c === CR && i === text.length - 1) break;
      last = i + 1;
    }
  }
  return last;
}

function boundaryBefore(text: string, crAt: number): number {
  const head = text.slice(0, crAt);
  const at = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
  return at === -1 ? -1 : at + 1;
}

export interface CsvRecordSink {
  /** Called for each record with its spreadsheet row number (1-based). */
  (cells: string[], row: number): void;
}

/** Called for a malformed record (an unclosed quote), with its row number. */
export type CsvErrorSink = (row: number, message: string) => void;

/**
 * Feeds text pieces in order; calls `sink` for every record, blank ones included (as ['']).
 * Line endings may be LF, CRLF or CR, even mixed.
 */
export class CsvRecordSplitter {
  private carry = '';
  private row = 0;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly sink: CsvRecordSink,
    private readonly onError: CsvErrorSink = () => {},
  ) {}

  push(piece: string): void {
    const text = this.carry + piece;
    const cut = lastRecordBoundary(text);
    if (cut === -1) {
      this.carry = text;
      return;
    }
    this.carry = text.slice(cut);
    this.parse(text.slice(0, cut), true);
  }

  end(): void {
    if (this.carry !== '') this.parse(this.carry, false);
    this.carry = '';
  }

  private parse(text: string, endsWithBreak: boolean): void {
    // Normalise line breaks so PapaParse sees one kind; inside quotes this also turns CRLF into LF,
    // which is how a multi-line cell should read anyway.
    let body = text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
    if (endsWithBreak) body = body.slice(0, -1);
    if (body === '') {
      this.row++;
      this.sink([''], this.row);
      return;
    }
    const result = Papa.parse<string[]>(body, {
      delimiter: this.delimiter,
      newline: '\n',
      quoteChar: '"',
      escapeChar: '"',
      skipEmptyLines: false,
      header: false,
    });
    const firstRow = this.row + 1;
    for (const cells of result.data) {
      this.row++;
      this.sink(cells, this.row);
    }
    for (const e of result.errors) {
      if (e.type === 'Quotes') this.onError(firstRow + (e.row ?? 0), '引号不成对：字段以引号开始但没有结束的引号');
    }
  }
}
