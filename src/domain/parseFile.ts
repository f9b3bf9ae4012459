// From a file's bytes to validated rows: decode, split records, map headers, read and check every
// row, then the checks across rows (duplicate keys, references, sums). Streams through the file
// piece by piece so that a 100 MB file never exists as one string.
import { ChunkBuilder, chunkRow } from './columns';
import { IndicatorSums, recordWarnings } from './consistency';
import { CsvRecordSplitter, detectDelimiter, firstLineOf } from './csvStream';
import { createDecoder, DEFAULT_PIECE_BYTES } from './decode';
import { hash53, sha256Hex } from './hash';
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
  const sha256 = await sha256Hex(bytes);
  const base = (fields: Partial<ParsedFile>): ParsedFile => fileResult(fileName, sha256, bytes.length, fields);
  if (bytes.length === 0) {
    return base({ errors: [fileError('文件是空的：没有可导入的数据', 'empty_file')], errorCount: 1 });
  }
  const decoder = createDecoder(bytes);
  if (!decoder.ok) return base({ errors: [fileError(decoder.message, 'not_text')], errorCount: 1 });

  const session = new FileSession(opts);
  let splitter: CsvRecordSplitter | null = null;
  let consumed = 0;
  const pieceBytes = opts.pieceBytes ?? DEFAULT_PIECE_BYTES;
  for (const piece of decoder.pieces(pieceBytes)) {
    if (opts.signal?.aborted) throw new ParseCancelled();
    if (splitter === null) {
      const delimiter = detectDelimiter(firstLineOf(piece.replace(/^\s+/, '')));
      session.delimiter = delimiter;
      splitter = new CsvRecordSplitter(
        delimiter,
        (cells, row) => session.record(cells, row),
        (row, message) => session.errors.push({ row, column: null, message, code: 'quotes' }),
      );
    }
    splitter.push(piece);
    consumed += pieceBytes;
    opts.onProgress?.(Math.min(1, consumed / bytes.length));
    // Let the event loop breathe between pieces so cancel and progress messages get through.
    await Promise.resolve();
  }
  splitter?.end();
  opts.onProgress?.(1);
  return base(session.finish(decoder.encoding));
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
  /** hash53(row key) → index of the first valid row with that hash, and its spreadsheet row. */
  private readonly seen = new Map<number, number>();
  private readonly validRowNumbers: number[] = [];
  private readonly sums = new IndicatorSums();

  constructor(private readonly opts: ParseOptions) {}

  record(cells: string[], row: number): void {
    if (this.headerFailed) return;
    if (cells.every((c) => c.trim() === '')) return;
    if (!this.headerDone) {
      this.header(cells);
      return;
    }
    this.dataRows++;
    this.row(cells, row);
  }

  private header(cells: string[]): void {
    this.headerDone = true;
    const mapped = mapHeaders(cells);
    this.headers = mapped.headers;
    if (mapped.error !== null || mapped.kind === null) {
      this.headerFailed = true;
      this.errors.push({ row: 1, column: null, message: mapped.error ?? '无法识别文件类型', code: 'unknown_headers' });
      return;
    }
    this.kind = mapped.kind;
    this.reader = new RowReader(mapped.kind, mapped.headers);
    this.builder = new ChunkBuilder(mapped.kind, this.opts.chunkRows ?? CHUNK_ROWS);
    for (const h of mapped.headers) {
      if (h.field === null && h.written.trim() !== '') {
        this.warnings.push({ row: 1, column: h.written, message: `未识别的列“${h.written}”，导入时忽略`, code: 'unknown_column' });
      }
    }
  }

  private columnOf = (field: string): string | null => this.reader?.writtenOf[field] ?? null;

  private row(cells: string[], row: number): void {
    const kind = this.kind!;
    const localErrors: Issue[] = [];
    const value = this.reader!.read(cells, row, localErrors);
    this.errors.pushAll(localErrors);
    if (value === null) return;
    if (!this.checkDuplicate(kind, value, row)) return;
    if (kind !== 'records' && !this.checkReference(value, row)) return;
    if (kind === 'records') {
      const r = value as PerfRecord;
      this.warnings.pushAll(recordWarnings(r, row, this.columnOf));
    } else if (kind === 'indicators') {
      this.sums.add(value as IndicatorRow, row);
    }
    this.validRowNumbers.push(row);
    this.builder!.push(value);
  }

  /** A duplicate key inside one file is an error naming both rows. */
  private checkDuplicate(kind: Kind, value: AnyRow, row: number): boolean {
    const key = rowKey(kind, value);
    const h = hash53(key);
    const earlier = this.seen.get(h);
    if (earlier === undefined) {
      this.seen.set(h, this.validRowNumbers.length);
      return true;
    }
    // Same hash: compare the real keys, so a hash collision never rejects a good row.
    const earlierRow = this.builder!.rowAt(earlier);
    if (rowKey(kind, earlierRow) !== key) return true;
    const keyColumns = kind === 'records' ? 'agency' : kind === 'indicators' ? 'level1' : 'item';
    this.errors.push({
      row,
      column: this.columnOf(keyColumns),
      message: `与第 ${this.validRowNumbers[earlier]} 行重复：同一${kindKeyLabel(kind)}在一个文件中只能出现一次`,
      code: 'duplicate_key',
    });
    return false;
  }

  /** Indicator and fund rows must point at a record stored already or in this upload. */
  private checkReference(value: AnyRow, row: number): boolean {
    const rk = recordKey(value);
    if (this.opts.knownRecords?.has(rk)) return true;
    const project = value.project ? `、项目“${value.project}”` : '';
    this.errors.push({
      row,
      column: this.columnOf('agency'),
      message: `找不到对应的评价记录：${value.agency} ${value.year} 年${value.scope === 'project' ? '项目' : '部门整体'}${project}。请先导入该记录`,
      code: 'missing_record',
    });
    return false;
  }

  finish(encoding: ParsedFile['encoding']): Partial<ParsedFile> {
    if (!this.headerFailed) {
      if (!this.headerDone) this.errors.push(fileError('文件是空的：没有可导入的数据', 'empty_file'));
      else if (this.dataRows === 0) this.errors.push(fileError('没有可导入的数据行：只有表头', 'no_rows', null));
    }
    if (this.kind === 'indicators') {
      const known = this.opts.knownRecords;
      const recordScore = (rk: string): number | null | undefined => known?.get(rk)?.score;
      this.warnings.pushAll(this.sums.warnings(recordScore, this.columnOf('score')));
    }
    const chunks = this.builder?.finish() ?? [];
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
      out.set(recordKey(r), { score: r.score });
    }
  }
  return out;
}
