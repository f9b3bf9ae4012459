// From a file's bytes to validated rows: decode, split records, map headers, read and check every
// row, then the checks across rows (duplicate keys, references, sums). Streams through the file
// piece by piece so that a 100 MB file never exists as one string.
import { chunkRow } from './columns';
import { CsvRecordSplitter, detectDelimiter, firstContentLine } from './csvStream';
import {
  createDecoder,
  createOptimisticDecoder,
  DEFAULT_PIECE_BYTES,
  EncodingMismatch,
  type StreamDecoder,
} from './decode';
import { FileSession, type KnownRecord, type ParseOptions } from './fileSession';
import { issue, issueAt } from './issues';
import { sha256Hex } from './hash';
import { recordKey } from './keys';
import type { ParsedFile } from './types';

export type { KnownRecord, ParseOptions } from './fileSession';

/**
 * Resolves on a new macrotask. A resolved promise would only run microtasks, and a worker's
 * incoming messages (cancel) wait for a macrotask; setTimeout is clamped to 4 ms when nested.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

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
      return base(await readText(bytes, optimistic, opts));
    } catch (e) {
      if (!(e instanceof EncodingMismatch)) throw e;
    }
  }
  const decoder = createDecoder(bytes);
  if (!decoder.ok) return base({ errors: [issueAt(decoder.problem, null)], errorCount: 1 });
  return base(await readText(bytes, decoder, opts));
}

/** Splits the decoded text into records and reads every one of them. */
async function readText(
  bytes: Uint8Array,
  decoder: Extract<StreamDecoder, { ok: true }>,
  opts: FileParseOptions,
): Promise<Partial<ParsedFile>> {
  const session = new FileSession(opts);
  let splitter: CsvRecordSplitter | null = null;
  let consumed = 0;
  const pieceBytes = opts.pieceBytes ?? DEFAULT_PIECE_BYTES;
  // Text read before the header line is complete: the delimiter is detected on the whole line.
  let head = '';
  let blankEnd = 0;
  const start = (line: string): CsvRecordSplitter => {
    const delimiter = detectDelimiter(line);
    session.delimiter = delimiter;
    return new CsvRecordSplitter(
      delimiter,
      (cells, row) => session.record(cells, row),
      (row, cell, unclosed) => session.quoteError(row, cell, unclosed),
      opts.readInPlace === false || opts.reference
        ? null
        : (text, starts, ends, count, row) => session.spans(text, starts, ends, count, row),
    );
  };
  for (const piece of decoder.pieces(pieceBytes)) {
    if (opts.signal?.aborted) throw new ParseCancelled();
    // Bytes that were not text of the encoding (or a � in the file itself): rows holding one are errors.
    if (!session.replacements && piece.indexOf('\uFFFD') !== -1) session.replacements = true;
    if (splitter === null) {
      head += piece;
      // The header line ends only at a line break: a piece without one cannot complete it (and
      // scanning the whole head again for each piece of a 10 MB header line would be quadratic).
      const breaks = /[\r\n]/.test(piece);
      const line = breaks ? firstContentLine(blankEnd === 0 ? head : head.slice(blankEnd), false) : null;
      if (line !== null) {
        splitter = start(line);
        splitter.push(head);
        head = '';
      } else if (breaks) {
        // No header yet: every complete line so far is blank, so the next look starts after them
        // (50,000 blank lines before the header are otherwise scanned again for every piece).
        blankEnd = Math.max(blankEnd, head.lastIndexOf('\n') + 1);
      }
    } else splitter.push(piece);
    consumed += pieceBytes;
    opts.onProgress?.(Math.min(1, consumed / bytes.length));
    // Let the event loop run between pieces so that a cancel message reaches the signal.
    await nextTask();
  }
  if (splitter === null && head !== '') {
    splitter = start(firstContentLine(head, true) ?? '');
    splitter.push(head);
  }
  splitter?.end();
  opts.onProgress?.(1);
  return session.finish(decoder.encoding);
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
