// From a file's bytes to validated rows: decode, split records, map headers, read and check every
// row, then the checks across rows (duplicate keys, references, sums). Streams through the file
// piece by piece so that a 100 MB file never exists as one string.
import { chunkRow } from './columns';
import { MAX_LINES_ABOVE, type LineAbove } from './aboveHeader';
import { contentLines, CsvRecordSplitter, delimiterOfLines, firstContentLine } from './csvStream';
import {
  createDecoder,
  createOptimisticDecoder,
  DEFAULT_PIECE_BYTES,
  EncodingMismatch,
  textBounds,
  utf8Range,
  type StreamDecoder,
} from './decode';
import { FileSession, type KnownRecord, type ParseOptions, type PartState } from './fileSession';
import { issue, issueAt } from './issues';
import { sha256Hex } from './hash';
import { recordKey } from './keys';
import { nextTask } from './steps';
import type { ColumnChunk, Delimiter, Encoding, ParsedFile } from './types';

export type { KnownRecord, ParseOptions, PartState } from './fileSession';

export class ParseCancelled extends Error {
  constructor() {
    super('parse cancelled');
    this.name = 'ParseCancelled';
  }
}

/** A ParsedFile of nothing read yet, with `fields` over it (a file refused whole: its errors). */
export function fileResult(
  fileName: string,
  sha256: string,
  byteLength: number,
  fields: Partial<ParsedFile>,
): ParsedFile {
  return {
    fileName,
    kind: null,
    encoding: null,
    delimiter: null,
    rows: 0,
    headers: [],
    errors: [],
    errorCount: 0,
    warnings: [],
    warningCount: 0,
    chunks: [],
    sha256,
    byteLength,
    ...fields,
  };
}

/** parseFile's options: those of reading (ParseOptions) and the file's SHA-256 if worked out elsewhere. */
export interface FileParseOptions extends ParseOptions {
  /**
   * The SHA-256 (hex) of `bytes`, worked out on another thread (workers/hasher.ts): Chromium's
   * crypto.subtle.digest runs on the calling thread, half a second per 100 MB in front of the rows.
   */
  sha256?: Promise<string>;
  /**
   * Read by the reference path only: every record through PapaParse as cell strings (as with
   * `readInPlace: false`) and, besides, the full encoding check before any text is decoded. The
   * fast paths (the optimistic decoder, cells read in place) must give exactly what it gives on
   * every file; test/domain/oneParser.test.ts checks.
   */
  reference?: boolean;
  /**
   * Reads the later part of a big UTF-8 file at the same time (a second worker): see readSplit.
   * Without it, or for a file below `splitMinBytes` (SPLIT_MIN_BYTES), the file is read in one part.
   */
  secondPart?: PartReader;
  splitMinBytes?: number;
  /** Where in the text the split is looked for, as a share of it (0.5; tests move it). */
  splitAt?: number;
  /**
   * Work for this thread while it waits for the second part: given each chunk of rows the first
   * part has finished, one per task, until the second part's answer is in (the app prepares their
   * commit, commitPrep.ts). The chunks are those the parsed file will hold; nothing here may
   * change them.
   */
  whileWaiting?: (chunk: ColumnChunk) => void;
}

export async function parseFile(bytes: Uint8Array, fileName: string, opts: FileParseOptions = {}): Promise<ParsedFile> {
  // Without a hash from elsewhere it is worked out here, before the rows (crypto.subtle where it
  // exists: HTTPS, localhost, Node; the pure-JS fallback on plain http).
  const hashing = opts.sha256 ?? sha256Hex(bytes);
  // A cancelled parse never awaits it: keep its failure (if any) from going unhandled.
  hashing.catch(() => undefined);
  const base = async (fields: Partial<ParsedFile>): Promise<ParsedFile> =>
    fileResult(fileName, await hashing, bytes.length, fields);
  if (bytes.length === 0) {
    return base({ errors: [issue('empty_file', {})], errorCount: 1 });
  }
  // Nearly every big file is UTF-8: decode it once, checking as it goes, and start over with the
  // full check only if a later slice proves it is not (see createOptimisticDecoder).
  const optimistic = opts.reference ? null : createOptimisticDecoder(bytes);
  if (optimistic?.ok) {
    try {
      const split = opts.secondPart ? splitPoint(bytes, opts) : null;
      if (split !== null) return base(await readSplit(bytes, optimistic.encoding, split, opts.secondPart!, opts));
      return base(await readText(bytes, optimistic, opts));
    } catch (e) {
      if (!(e instanceof EncodingMismatch)) throw e;
    }
  }
  const decoder = createDecoder(bytes);
  if (!decoder.ok) return base({ errors: [issueAt(decoder.problem, null)], errorCount: 1 });
  return base(await readText(bytes, decoder, opts));
}

/** Text pieces in order → records → the session: the header line found first, then every record. */
class TextReader {
  readonly session: FileSession;
  splitter: CsvRecordSplitter | null = null;
  /** Text read before the header line is complete: the delimiter is detected on the whole line. */
  private head = '';
  private blankEnd = 0;

  constructor(private readonly opts: FileParseOptions) {
    this.session = new FileSession(opts.reference ? { ...opts, readInPlace: false } : opts);
  }

  private start(delimiter: Delimiter): CsvRecordSplitter {
    this.session.delimiter = delimiter;
    return splitterFor(this.session, delimiter, this.opts);
  }

  /**
   * The delimiter, from the first content line when it holds a candidate. A line without one (a
   * title above the header) leaves it to the next complete lines; null while they are not all in.
   */
  private delimiterOf(line: string, text: string, atEnd: boolean): Delimiter | null {
    const first = delimiterOfLines([line]);
    if (first !== null) return first;
    const complete = atEnd ? text : text.slice(0, Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
    const lines = contentLines(complete, MAX_LINES_ABOVE + 1);
    const found = delimiterOfLines(lines);
    if (found !== null) return found;
    return atEnd || lines.length > MAX_LINES_ABOVE ? ',' : null;
  }

  feed(piece: string): void {
    const session = this.session;
    // Bytes that were not text of the encoding (or a � in the file itself): rows holding one are errors.
    if (!session.replacements && piece.indexOf('\uFFFD') !== -1) session.replacements = true;
    if (this.splitter === null) {
      this.head += piece;
      // The header line ends only at a line break: a piece without one cannot complete it (and
      // scanning the whole head again for each piece of a 10 MB header line would be quadratic).
      const breaks = /[\r\n]/.test(piece);
      const head = this.head;
      const text = this.blankEnd === 0 ? head : head.slice(this.blankEnd);
      const line = breaks ? firstContentLine(text, false) : null;
      const delimiter = line === null ? null : this.delimiterOf(line, text, false);
      if (delimiter !== null) {
        this.splitter = this.start(delimiter);
        this.head = '';
        this.splitter.push(head);
      } else if (breaks && line === null) {
        // No header yet: every complete line so far is blank, so the next look starts after them
        // (50,000 blank lines before the header are otherwise scanned again for every piece).
        this.blankEnd = Math.max(this.blankEnd, head.lastIndexOf('\n') + 1);
      }
    } else this.splitter.push(piece);
  }

  end(): void {
    if (this.splitter === null && this.head !== '') {
      this.splitter = this.start(this.delimiterOf(firstContentLine(this.head, true) ?? '', this.head, true)!);
      this.splitter.push(this.head);
    }
    this.splitter?.end();
  }
}

function splitterFor(session: FileSession, delimiter: Delimiter, opts: FileParseOptions): CsvRecordSplitter {
  return new CsvRecordSplitter(
    delimiter,
    (cells, row) => session.record(cells, row),
    (row, cell, unclosed) => session.quoteError(row, cell, unclosed),
    opts.readInPlace === false || opts.reference
      ? null
      : (text, starts, ends, count, row) => session.spans(text, starts, ends, count, row),
  );
}

/**
 * Feeds `pieces` to `feed`, reporting progress (`done` bytes before them, `pieceBytes` per piece,
 * `total` in all) and letting the event loop run between pieces so that a cancel reaches the signal.
 */
async function feedPieces(
  pieces: Iterable<string>,
  feed: (piece: string) => void,
  opts: FileParseOptions,
  progress: (bytes: number) => void,
): Promise<void> {
  const pieceBytes = opts.pieceBytes ?? DEFAULT_PIECE_BYTES;
  for (const piece of pieces) {
    if (opts.signal?.aborted) throw new ParseCancelled();
    feed(piece);
    progress(pieceBytes);
    await nextTask();
  }
}

/** Splits the decoded text into records and reads every one of them. */
async function readText(
  bytes: Uint8Array,
  decoder: Extract<StreamDecoder, { ok: true }>,
  opts: FileParseOptions,
): Promise<Partial<ParsedFile>> {
  const reader = new TextReader(opts);
  let consumed = 0;
  await feedPieces(
    decoder.pieces(opts.pieceBytes ?? DEFAULT_PIECE_BYTES),
    (p) => reader.feed(p),
    opts,
    (n) => {
      consumed += n;
      opts.onProgress?.(Math.min(1, consumed / bytes.length));
    },
  );
  reader.end();
  opts.onProgress?.(1);
  return reader.session.finish(decoder.encoding);
}

/**
 * Files below this are read in one part: the second part's fixed cost (its worker reading its slice,
 * the stored records posted to it, its rows posted back and taken in) outweighs half the parse of a
 * 12 MB file (100,000 rows: a loss in 2 of 4 runs on the shared machine), not of a 119 MB one.
 */
export const SPLIT_MIN_BYTES = 32 * 1024 * 1024;

/**
 * What the reader of a later part of a file needs: the file's bytes [start, end) (`start` just
 * after a line break, `end` where the text ends) and the header as the first part read it.
 */
export interface PartRequest {
  start: number;
  end: number;
  delimiter: Delimiter;
  header: string[];
  headerRow: number;
  /** The lines above the header (their unit of amounts applies to the part's rows too). */
  above?: LineAbove[];
}

/**
 * Reads a later part of the file elsewhere (a second worker: readPart there), reporting bytes read
 * as it goes; rejects when it cannot (the part is then read here, after the first).
 */
export type PartReader = (
  req: PartRequest,
  onBytes: (bytes: number) => void,
  signal: AbortSignal,
) => Promise<PartState>;

/**
 * A UTF-8 file read in two parts at once, split at the first line break after its middle: this
 * thread reads the first part, `second` the rest, and the first part's session takes in what the
 * second found (FileSession.absorb) when the first part ends at the end of a record, as it does
 * unless the line break is inside a quoted cell. Otherwise, or when the second part fails, the
 * rest is read here after the first part, as if there had been no split. Either way the result is
 * that of reading the file in one go (test/domain/splitParse.test.ts).
 */
async function readSplit(
  bytes: Uint8Array,
  encoding: Encoding,
  at: { from: number; start: number; end: number },
  second: PartReader,
  opts: FileParseOptions,
): Promise<Partial<ParsedFile>> {
  const reader = new TextReader(opts);
  const session = reader.session;
  const pieceBytes = opts.pieceBytes ?? DEFAULT_PIECE_BYTES;
  const stop = new AbortController();
  const cancel = () => stop.abort();
  opts.signal?.addEventListener('abort', cancel);
  let first = 0;
  let later = 0;
  const progress = () => opts.onProgress?.(Math.min(1, (first + later) / bytes.length));
  let part: Promise<PartState> | null = null;
  session.onHeader = (cells, headerRow, above) => {
    const header = [...cells];
    const req = { start: at.start, end: at.end, delimiter: session.delimiter!, header, headerRow, above: [...above] };
    part = second(
      req,
      (n) => {
        later = n;
        progress();
      },
      stop.signal,
    );
    part.catch(() => undefined);
  };
  // This worker's own reading of bytes[from, to): the first part, or the rest when the second is dropped.
  const readHere = (from: number, to: number) =>
    feedPieces(
      utf8Range(bytes, from, to, pieceBytes),
      (p) => reader.feed(p),
      opts,
      (n) => {
        first += n;
        progress();
      },
    );
  try {
    await readHere(at.from, at.start);
    session.onHeader = null;
    const splitter = reader.splitter;
    let state: PartState | null = null;
    if (part !== null && splitter !== null && splitter.atRecordEnd) {
      try {
        state = await busyUntil(part as Promise<PartState>, session.finishedChunks, opts.whileWaiting);
      } catch {
        if (opts.signal?.aborted) throw new ParseCancelled();
      }
    }
    if (state !== null && splitter !== null) session.absorb(state, splitter.rows);
    else {
      stop.abort();
      later = 0;
      first = at.start;
      await readHere(at.start, at.end);
    }
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
    stop.abort();
  }
  reader.end();
  opts.onProgress?.(1);
  return session.finish(encoding);
}

/**
 * Awaits `pending`, meanwhile giving `work` each of `chunks` in a task of its own, and none once
 * `pending` has settled: the answer is taken in as soon as it comes.
 */
async function busyUntil<T>(
  pending: Promise<T>,
  chunks: readonly ColumnChunk[],
  work: ((chunk: ColumnChunk) => void) | undefined,
): Promise<T> {
  if (work === undefined) return pending;
  let settled = false;
  const mark = () => {
    settled = true;
  };
  pending.then(mark, mark);
  for (const chunk of chunks) {
    await nextTask();
    if (settled) break;
    work(chunk);
  }
  return pending;
}

/**
 * A later part of a file, for readSplit in another thread: `bytes` are the file's bytes
 * [req.start, req.end), UTF-8 (EncodingMismatch otherwise), read after the header of `req` as
 * their own session (FileSession.part); rows count from 1 at req.start.
 */
export async function readPart(
  bytes: Uint8Array,
  req: Omit<PartRequest, 'start' | 'end'>,
  opts: ParseOptions & { onBytes?(bytes: number): void } = {},
): Promise<PartState> {
  const session = FileSession.part(opts, req.delimiter, req.header, req.headerRow, req.above);
  const splitter = splitterFor(session, req.delimiter, opts);
  let done = 0;
  await feedPieces(
    utf8Range(bytes, 0, bytes.length, opts.pieceBytes ?? DEFAULT_PIECE_BYTES),
    (piece) => {
      if (!session.replacements && piece.indexOf('\uFFFD') !== -1) session.replacements = true;
      splitter.push(piece);
    },
    opts,
    (n) => {
      done = Math.min(bytes.length, done + n);
      opts.onBytes?.(done);
    },
  );
  splitter.end();
  return session.partState(splitter.rows);
}

/** Where readSplit splits a file, or null to read it in one part. */
function splitPoint(bytes: Uint8Array, opts: FileParseOptions): { from: number; start: number; end: number } | null {
  const { from, to } = textBounds(bytes);
  if (to - from < (opts.splitMinBytes ?? SPLIT_MIN_BYTES)) return null;
  const lf = bytes.indexOf(10, from + Math.floor((to - from) * (opts.splitAt ?? 0.5)));
  if (lf === -1 || lf + 1 >= to) return null;
  return { from, start: lf + 1, end: to };
}

/** The records of a parsed records file, to validate the indicator and fund files of the same upload. */
export function knownRecordsOf(parsed: ParsedFile): Map<string, KnownRecord> {
  const out = new Map<string, KnownRecord>();
  if (parsed.kind !== 'records') return out;
  for (const chunk of parsed.chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const r = chunkRow<'records'>(chunk, i);
      const key = recordKey(r);
      // A repeated key is an error in the file; the first occurrence is the one that counts.
      if (!out.has(key)) out.set(key, { score: r.score });
    }
  }
  return out;
}
