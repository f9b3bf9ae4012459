// From a file's bytes to validated rows: decode, split records, map headers, read and check every
// row, then the checks across rows (duplicate keys, references, sums). Streams through the file
// piece by piece so that a 100 MB file never exists as one string.
import { ChunkBuilder, chunkRow } from './columns';
import { IndicatorSums, recordWarnings } from './consistency';
import { CsvRecordSplitter, detectDelimiter, firstContentLine } from './csvStream';
import { createDecoder, createOptimisticDecoder, DEFAULT_PIECE_BYTES, EncodingMismatch, type StreamDecoder } from './decode';
import { KeyHashes } from './duplicates';
import { hash53Parts, sha256Hex } from './hash';
import { mapHeaders } from './headers';
import { recordKey, rowKey } from './keys';
import { RowReader } from './rowReader';
import {
  CHUNK_ROWS,
  MAX_ISSUES,
  type AnyRow,
  type Delimiter,
  type HeaderMapping,
  type IndicatorRow,
  type Issue,
  type Kind,
  type ParsedFile,
  type PerfRecord,
  type Scope,
} from './types';

/** What validation needs to know of a record that an indicator or fund row points at. */
export interface KnownRecord {
  score: number | null;
}

export interface ParseOptions {
  /** Fraction of the file's bytes read so far, 0–1. */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
  /** Records stored already or in earlier files of the same upload, by record key. */
  knownRecords?: ReadonlyMap<string, KnownRecord>;
  /** Bytes decoded per piece; smaller pieces report progress more often. */
  pieceBytes?: number;
  /** Rows per stored chunk (default CHUNK_ROWS). */
  chunkRows?: number;
}

/**
 * Resolves on a new macrotask. A resolved promise would only run microtasks, and a worker's
 * incoming messages (cancel) wait for a macrotask; setTimeout is clamped to 4 ms when nested.
 */
function nextTask(): Promise<void> {
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
    super('已取消');
    this.name = 'ParseCancelled';
  }
}

/** Collects issues up to MAX_ISSUES while counting all of them. */
class IssueList {
  readonly items: Issue[] = [];
  count = 0;
  push(issue: Issue): void {
    this.count++;
    if (this.items.length < MAX_ISSUES) this.items.push(issue);
  }
  pushAll(issues: readonly Issue[]): void {
    for (const i of issues) this.push(i);
  }
}

function fileResult(
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

function fileError(message: string, code: string, row: number | null = null): Issue {
  return { row, column: null, message, code };
}

export async function parseFile(bytes: Uint8Array, fileName: string, opts: ParseOptions = {}): Promise<ParsedFile> {
  // Where crypto.subtle exists (HTTPS, localhost, Node) the digest runs off the calling thread:
  // started now, the hash of a big file is ready by the time the rows are read instead of adding
  // its time in front of them. (On plain http the pure-JS fallback runs here, before the rows.)
  const hashing = sha256Hex(bytes);
  // A cancelled parse never awaits it: keep its failure (if any) from going unhandled.
  hashing.catch(() => undefined);
  const base = async (fields: Partial<ParsedFile>): Promise<ParsedFile> => fileResult(fileName, await hashing, bytes.length, fields);
  if (bytes.length === 0) {
    return base({ errors: [fileError('文件是空的：没有可导入的数据', 'empty_file')], errorCount: 1 });
  }
  // Nearly every big file is UTF-8: decode it once, checking as it goes, and start over with the
  // full check only if a later slice proves it is not (see createOptimisticDecoder).
  const optimistic = createOptimisticDecoder(bytes);
  if (optimistic?.ok) {
    try {
      return base(await readText(bytes, optimistic, opts));
    } catch (e) {
      if (!(e instanceof EncodingMismatch)) throw e;
    }
  }
  const decoder = createDecoder(bytes);
  if (!decoder.ok) return base({ errors: [fileError(decoder.message, 'not_text')], errorCount: 1 });
  return base(await readText(bytes, decoder, opts));
}

/** Splits the decoded text into records and reads every one of them. */
async function readText(bytes: Uint8Array, decoder: Extract<StreamDecoder, { ok: true }>, opts: ParseOptions): Promise<Partial<ParsedFile>> {
  const session = new FileSession(opts);
  let splitter: CsvRecordSplitter | null = null;
  let consumed = 0;
  const pieceBytes = opts.pieceBytes ?? DEFAULT_PIECE_BYTES;
  // Text read before the header line is complete: the delimiter is detected on the whole line.
  let head = '';
  const start = (line: string): CsvRecordSplitter => {
    const delimiter = detectDelimiter(line);
    session.delimiter = delimiter;
    return new CsvRecordSplitter(
      delimiter,
      (cells, row) => session.record(cells, row),
      (row, message) => session.quoteError(row, message),
    );
  };
  for (const piece of decoder.pieces(pieceBytes)) {
    if (opts.signal?.aborted) throw new ParseCancelled();
    if (splitter === null) {
      head += piece;
      const line = firstContentLine(head, false);
      if (line !== null) {
        splitter = start(line);
        splitter.push(head);
        head = '';
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

/** The state of reading one file: header, rows, issues and cross-row bookkeeping. */
class FileSession {
  delimiter: Delimiter | null = null;
  readonly errors = new IssueList();
  readonly warnings = new IssueList();
  private kind: Kind | null = null;
  private headers: HeaderMapping[] = [];
  private reader: RowReader<Kind> | null = null;
  private builder: ChunkBuilder<Kind> | null = null;
  private headerDone = false;
  private headerFailed = false;
  private dataRows = 0;
  /** Hash of each valid row's key, checked for duplicates once the whole file is read. */
  private readonly keyHashes = new KeyHashes();
  /** Spreadsheet row of each valid row, by its index in the chunks. */
  private readonly validRowNumbers: number[] = [];
  private readonly sums = new IndicatorSums();
  private readonly malformedRows = new Set<number>();

  constructor(private readonly opts: ParseOptions) {}

  /** A record whose quotes do not pair up: reported, and the record is left out of the rows. */
  quoteError(row: number, message: string): void {
    this.errors.push({ row, column: null, message, code: 'quotes' });
    this.malformedRows.add(row);
  }

  record(cells: string[], row: number): void {
    if (this.headerFailed) return;
    if (cells.every((c) => c.trim() === '')) return;
    if (!this.headerDone) {
      this.header(cells, row);
      return;
    }
    this.dataRows++;
    if (this.malformedRows.has(row)) return;
    this.row(cells, row);
  }

  /** `row` is 1 unless blank lines precede the header: issues name the row a spreadsheet shows. */
  private header(cells: string[], row: number): void {
    this.headerDone = true;
    const mapped = mapHeaders(cells);
    this.headers = mapped.headers;
    if (mapped.error !== null || mapped.kind === null) {
      this.headerFailed = true;
      this.errors.push({ row, column: null, message: mapped.error ?? '无法识别文件类型', code: 'unknown_headers' });
      return;
    }
    this.kind = mapped.kind;
    this.reader = new RowReader(mapped.kind, mapped.headers);
    this.values = this.reader.newValues();
    this.builder = new ChunkBuilder(mapped.kind, this.opts.chunkRows ?? CHUNK_ROWS);
    for (const h of mapped.headers) {
      if (h.field === null && h.written.trim() !== '') {
        this.warnings.push({ row, column: h.written, message: `未识别的列“${h.written}”，导入时忽略`, code: 'unknown_column' });
      }
    }
  }

  private columnOf = (field: string): string | null => this.reader?.writtenOf[field] ?? null;

  private row(cells: string[], row: number): void {
    const kind = this.kind!;
    if (cells.length > this.headers.length && !this.extraCellsEmpty(cells)) {
      // Usually an unquoted delimiter inside a cell ("5,169.66"): every cell after it has shifted.
      this.errors.push({
        row,
        column: null,
        message: `这一行有 ${cells.length} 个字段，多于表头的 ${this.headers.length} 列：含有分隔符的单元格要用双引号括起来`,
        code: 'too_many_fields',
      });
      return;
    }
    const reader = this.reader!;
    const v = this.values;
    const localErrors = this.rowErrors;
    if (localErrors.length !== 0) localErrors.length = 0;
    const ok = reader.readValues(cells, row, localErrors, v);
    if (localErrors.length > 0) this.errors.pushAll(localErrors);
    if (!ok) return;
    const S = reader.slot;
    const rk = this.recordKeyOf(v[S.agency!] as string, v[S.year!] as number, v[S.scope!] as Scope, v[S.project!] as string);
    if (kind !== 'records' && !this.lastRecord!.known) {
      this.missingRecord(reader.toRow(v), row);
      return;
    }
    let hash: number;
    if (kind === 'records') {
      this.warnings.pushAll(recordWarnings(reader.toRow(v) as PerfRecord, row, this.columnOf));
      hash = hash53Parts([rk]);
    } else if (kind === 'indicators') {
      const l = this.levels;
      l.level1 = v[S.level1!] as string;
      l.level2 = v[S.level2!] as string;
      l.level3 = v[S.level3!] as string;
      l.score = v[S.score!] as number | null;
      this.sums.add(rk, l as IndicatorRow, row);
      hash = hash53Parts([rk, l.level1, l.level2, l.level3]);
    } else {
      hash = hash53Parts([rk, v[S.category!] as string, v[S.item!] as string]);
    }
    this.validRowNumbers.push(row);
    this.keyHashes.push(hash);
    this.builder!.pushValues(v);
  }

  /** Reused for every row: most rows have no error, and a fresh array per row is garbage. */
  private readonly rowErrors: Issue[] = [];
  /** The values of the row being read (RowReader.readValues), reused from row to row. */
  private values: unknown[] = [];
  /** What the indicator sums read of a row; they keep none of it, so one object serves every row. */
  private readonly levels: Pick<IndicatorRow, 'level1' | 'level2' | 'level3' | 'score'> = { level1: '', level2: '', level3: '', score: null };
  /** The previous row's record: files list a record's indicator or fund rows together. */
  private lastRecord: { agency: string; year: number; scope: Scope; project: string; key: string; known: boolean } | null = null;

  /**
   * The record key of a row, built once per run of rows of the same record. The reader hands out
   * the same string objects for repeated cells, so the comparison is mostly by identity, and the
   * Map lookups that follow reuse the key's cached hash instead of building and hashing a new
   * string per row. `lastRecord.known` then says whether the record exists (knownRecords).
   */
  private recordKeyOf(agency: string, year: number, scope: Scope, project: string): string {
    const last = this.lastRecord;
    if (last && last.year === year && last.agency === agency && last.project === project && last.scope === scope) return last.key;
    const key = recordKey({ agency, year, scope, project });
    this.lastRecord = { agency, year, scope, project, key, known: this.opts.knownRecords?.has(key) ?? false };
    return key;
  }

  private extraCellsEmpty(cells: readonly string[]): boolean {
    for (let i = this.headers.length; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
    return true;
  }

  /** A duplicate key inside one file is an error on each repeat, naming the first row. */
  private duplicateErrors(kind: Kind): void {
    const builder = this.builder!;
    const keyColumn = kind === 'records' ? 'agency' : kind === 'indicators' ? 'level1' : 'item';
    for (const group of this.keyHashes.groups()) {
      // Same hash: compare the real keys, so a hash collision never rejects a good row.
      const firstOfKey = new Map<string, number>();
      for (const i of group) {
        const key = rowKey(kind, builder.rowAt(i));
        const first = firstOfKey.get(key);
        if (first === undefined) {
          firstOfKey.set(key, i);
          continue;
        }
        this.errors.push({
          row: this.validRowNumbers[i]!,
          column: this.columnOf(keyColumn),
          message: `与第 ${this.validRowNumbers[first]} 行重复：同一${kindKeyLabel(kind)}在一个文件中只能出现一次`,
          code: 'duplicate_key',
        });
      }
    }
  }

  /** Indicator and fund rows must point at a record stored already or in this upload: this one does not. */
  private missingRecord(value: AnyRow, row: number): void {
    const project = value.project ? `、项目“${value.project}”` : '';
    this.errors.push({
      row,
      column: this.columnOf('agency'),
      message: `找不到对应的评价记录：${value.agency} ${value.year} 年${value.scope === 'project' ? '项目' : '部门整体'}${project}。请先导入该记录`,
      code: 'missing_record',
    });
  }

  finish(encoding: ParsedFile['encoding']): Partial<ParsedFile> {
    if (!this.headerFailed) {
      if (!this.headerDone) this.errors.push(fileError('文件是空的：没有可导入的数据', 'empty_file'));
      else if (this.dataRows === 0) this.errors.push(fileError('没有可导入的数据行：只有表头', 'no_rows', null));
    }
    const chunks = this.builder?.finish() ?? [];
    if (this.kind !== null) this.duplicateErrors(this.kind);
    if (this.kind === 'indicators') {
      const known = this.opts.knownRecords;
      const recordScore = (rk: string): number | null | undefined => known?.get(rk)?.score;
      this.warnings.pushAll(this.sums.warnings(recordScore, this.columnOf('score')));
    }
    return {
      kind: this.kind,
      encoding,
      delimiter: this.delimiter,
      rows: this.dataRows,
      headers: this.headers,
      errors: sortIssues(this.errors.items),
      errorCount: this.errors.count,
      warnings: sortIssues(this.warnings.items),
      warningCount: this.warnings.count,
      chunks,
    };
  }
}

function kindKeyLabel(kind: Kind): string {
  if (kind === 'records') return '单位、年度、评价类型和项目';
  if (kind === 'indicators') return '记录的一、二、三级指标';
  return '记录的类别和明细';
}

function sortIssues(items: Issue[]): Issue[] {
  return items.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
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
