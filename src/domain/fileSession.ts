// The state of reading one file (FileSession): header, rows, issues and the bookkeeping across
// rows (duplicate keys, references to records, indicator sums). parseFile feeds it the records.
import { applyStatedUnit, isLineAboveHeader, MAX_LINES_ABOVE, unitAbove, type LineAbove } from './aboveHeader';
import { spanCells } from './csvStream';
import { ChunkBuilder, packChunk, type PackedChunk } from './columns';
import { recordWarnings } from './consistency';
import { IndicatorSums } from './indicatorSums';
import { KeyHashes } from './duplicates';
import { hash53After, hash53Seed } from './hash';
import { mapHeaders, type SubHeader } from './headers';
import { recordKey, rowKey } from './keys';
import { IssueList, sortIssues } from './issueList';
import { issue, quoteCell, type Issue } from './issues';
import { RowReader, type OnceKey } from './rowReader';
import {
  isNoteLine,
  isTotalLabel,
  LABEL_FIELDS,
  labelColumns,
  NOTE_FIRST,
  notDataRow,
  TOTAL_FIRST,
} from './notDataRow';
import { columnLetters } from './workbook/address';
import {
  CHUNK_ROWS,
  MAX_ISSUES,
  type AnyRow,
  type ColumnChunk,
  type Delimiter,
  type HeaderMapping,
  type IndicatorRow,
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
  /**
   * false: every record goes through PapaParse's cells instead of being read where it lies in the
   * line (the fast path), and every cell through its parser (RowReader.inPlace). Both give the same
   * rows and issues; tests hold them to it.
   */
  readInPlace?: boolean;
  /** For a workbook's header over two rows: per column, its own header and its groups (mapHeaders). */
  subHeaders?: readonly (SubHeader | undefined)[];
}

/**
 * What a session reading a later part of a file (FileSession.part, parseFile's split) hands the
 * session of the part before it, which takes it in with `absorb`: its rows counted from 1 after
 * the split, everything it found in its own rows, and what the checks across rows need. Plain data
 * (a worker posts it).
 */
export interface PartState {
  /** Records the part's splitter passed on (blank ones included): the row count of the part. */
  records: number;
  dataRows: number;
  errors: { items: Issue[]; count: number };
  /** In push order: every `once` warning, and the others up to MAX_ISSUES; `count` counts all. */
  warnings: { kept: PartWarning[]; count: number };
  /** The valid rows, text columns as each column's distinct values and a code per row (packChunk). */
  chunks: PackedChunk[];
  /** Per valid row (in chunk order): its key's hash and its row. */
  hashes: Float64Array;
  rowNumbers: Int32Array;
  /** The columns without a header that hold a value in the part: the first such value of each. */
  headerless: HeaderlessValue[];
}

/** The first value in a column whose header is blank (0-based `index`), and its row. */
export interface HeaderlessValue {
  index: number;
  row: number;
  value: string;
}

/** A warning of a part, at its position `at` among the part's warnings. */
export interface PartWarning {
  at: number;
  issue: Issue;
  once: OnceKey | null;
}

/** The column a repeated key is reported in: the last field of the kind's key a reader looks at. */
const KEY_COLUMN: Readonly<Record<Kind, string>> = {
  records: 'agency',
  indicators: 'level1',
  funds: 'item',
  findings: 'seq',
};

/** The state of reading one file: header, rows, issues and cross-row bookkeeping. */
export class FileSession {
  delimiter: Delimiter | null = null;
  readonly errors = new IssueList();
  readonly warnings = new IssueList();
  private kind: Kind | null = null;
  private headers: HeaderMapping[] = [];
  private reader: RowReader<Kind> | null = null;
  private builder: ChunkBuilder<Kind> | null = null;
  private headerDone = false;
  private headerFailed = false;
  /** Lines before the header (a title, a note of the unit): not imported, but their unit is applied. */
  private above: LineAbove[] = [];
  /** Set when the reader of a sheet gave the lines above its header (`linesAbove`) and says so itself. */
  private aboveGiven = false;
  private dataRows = 0;
  /** Hash of each valid row's key, checked for duplicates once the whole file is read. */
  private readonly keyHashes = new KeyHashes();
  /** Spreadsheet row of each valid row, by its index in the chunks. */
  private readonly validRowNumbers: number[] = [];
  private readonly sums = new IndicatorSums();
  private readonly malformedRows = new Set<number>();
  /**
   * Columns whose header is blank, watched for a value until one shows (null once none is left):
   * data there would be dropped without a word (warned of at the end, column_without_header).
   */
  private headerless: number[] | null = null;
  /** The columns (0-based) of the kind's label fields, where a total row says 合计 (notDataRow). */
  private labels: number[] = [];
  private readonly headerlessFound: HeaderlessValue[] = [];
  /**
   * Set when the decoded text holds a replacement character (bytes that were not text of the
   * file's encoding, see decode.ts): from then on every record is searched for one, and a cell
   * holding one is an error. Files without one never pay for the search.
   */
  replacements = false;

  /**
   * Called once the header is read and mapped to a kind (not for a header with errors); parseFile
   * starts reading a later part of the file from here.
   */
  onHeader: ((cells: readonly string[], row: number, above: readonly LineAbove[]) => void) | null = null;
  /** A session of a later part (FileSession.part): its warnings kept as PartState needs them. */
  private partWarnings: PartWarning[] | null = null;
  private partKeptPlain = 0;

  constructor(private readonly opts: ParseOptions) {}

  /**
   * A session for a part of a file after its header (parseFile's split): the header (cells and
   * row, as the session of the first part read them) is taken as read, without its warnings, and
   * the part's rows count from 1. `partState` then gives what `absorb` takes in.
   */
  static part(
    opts: ParseOptions,
    delimiter: Delimiter,
    header: string[],
    headerRow: number,
    above: readonly LineAbove[] = [],
  ): FileSession {
    const s = new FileSession(opts);
    s.delimiter = delimiter;
    s.partWarnings = [];
    s.above = [...above];
    s.header(header, headerRow, false);
    return s;
  }

  /** The rows a sheet has above its header, given before the header (the sheet's reader warns of them). */
  linesAbove(lines: readonly LineAbove[]): void {
    this.above.push(...lines);
    this.aboveGiven = true;
  }

  /**
   * A record whose quotes do not pair up (`unclosed`) or that has text after a closing quote:
   * reported at the cell (0-based) where it starts, and the record is left out of the rows.
   */
  quoteError(row: number, cell: number, unclosed: boolean): void {
    if (this.malformedRows.has(row)) return;
    const column = this.headerDone ? (this.headers[cell]?.written ?? null) : null;
    this.errors.push(issue(unclosed ? 'unclosed_quote' : 'quote_misplaced', { cell: cell + 1 }, row, column));
    this.malformedRows.add(row);
  }

  record(cells: string[], row: number): void {
    if (this.headerFailed) return;
    if (cells.every((c) => c.trim() === '')) return;
    if (this.replacements && this.damagedCells(cells, row)) {
      if (this.headerDone) this.dataRows++;
      else this.header(cells, row);
      return;
    }
    if (!this.headerDone) {
      if (this.aboveGiven || !isLineAboveHeader(cells)) this.header(cells, row);
      // Too many such lines: the first of them is reported as a header that fits no kind.
      else if (this.above.length === MAX_LINES_ABOVE) this.firstLineAsHeader();
      else this.above.push({ row, cells });
      return;
    }
    if (!this.malformedRows.has(row) && this.skippedAsNotData(cells, row)) return;
    this.dataRows++;
    if (this.headerless !== null) this.watchHeaderless((i) => cells[i], row);
    if (this.malformedRows.has(row)) return;
    this.row(cells, row);
  }

  /** A total or a note under the table: warned of and left out (true), not counted as a data row. */
  private skippedAsNotData(cells: readonly string[], row: number): boolean {
    const found = notDataRow(cells, this.labels);
    if (found === null) return false;
    const code = found.reason === 'total' ? 'total_row_skipped' : 'note_row_skipped';
    const column = this.headers[found.cell]?.written ?? null;
    this.warn(issue(code, { value: quoteCell(cells[found.cell]!) }, row, column), null);
    return true;
  }

  /**
   * Whether a line read in place may be a total or a note (notDataRow): a label cell that is a
   * total word or starts with a space, or a first cell that is a note. Such lines take the way of
   * `record`, which decides. The table of first characters spares the test to nearly every cell.
   */
  private mayBeNotData(text: string, starts: Int32Array, ends: Int32Array): boolean {
    const s0 = starts[0]!;
    if (NOTE_FIRST[text.charCodeAt(s0)] === 1 && isNoteLine(text.slice(s0, ends[0]))) return true;
    const labels = this.labels;
    for (let k = 0; k < labels.length; k++) {
      const i = labels[k]!;
      const start = starts[i]!;
      if (ends[i]! === start) continue;
      const c = text.charCodeAt(start);
      if (isTrimmed(c) || (TOTAL_FIRST[c] === 1 && isTotalLabel(text.slice(start, ends[i])))) return true;
    }
    return false;
  }

  /** Reports each cell holding a replacement character; true when there was one. */
  private damagedCells(cells: readonly string[], row: number): boolean {
    let found = false;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell.indexOf('\uFFFD') === -1) continue;
      const column = this.headerDone ? (this.headers[i]?.written ?? null) : cell.trim() === '' ? null : quoteCell(cell);
      this.errors.push(issue('replacement_character', { value: quoteCell(cell) }, row, column));
      found = true;
    }
    return found;
  }

  /**
   * A record given as cell spans of a line (CsvSpanSink). An ordinary data record is read in
   * place; anything else (header, blank line, too many or too few cells) goes through `record` as
   * its cells, which handles every case.
   */
  spans(text: string, starts: Int32Array, ends: Int32Array, count: number, row: number): void {
    if (this.headerFailed) return;
    const n = this.headers.length;
    // A blank line has only white space in its first cell; a line that does not have the
    // header's number of cells needs the checks of `record`.
    if (
      this.reader === null ||
      n === 0 ||
      count !== n ||
      starts[0] === ends[0] ||
      isTrimmed(text.charCodeAt(starts[0]!)) ||
      (this.replacements && hasReplacement(text, starts[0]!, ends[count - 1]!)) ||
      this.mayBeNotData(text, starts, ends)
    ) {
      this.record(spanCells(text, starts, ends, count), row);
      return;
    }
    this.dataRows++;
    if (this.headerless !== null)
      this.watchHeaderless((i) => (ends[i]! > starts[i]! ? text.slice(starts[i], ends[i]) : undefined), row);
    if (this.malformedRows.size !== 0 && this.malformedRows.has(row)) return;
    const localErrors = this.rowErrors;
    if (localErrors.length !== 0) localErrors.length = 0;
    const reader = this.reader;
    const ok = reader.readSpans(text, starts, ends, row, localErrors, this.values);
    if (localErrors.length > 0) this.errors.pushAll(localErrors);
    if (reader.warnings.length > 0) this.takeWarnings(reader);
    if (ok) this.accept(row);
  }

  /** The warnings of the cells of the row just read. */
  private takeWarnings(reader: RowReader<Kind>): void {
    if (this.partWarnings === null) this.warnings.pushAll(reader.warnings);
    else for (let i = 0; i < reader.warnings.length; i++) this.warn(reader.warnings[i]!, reader.warningsOnce[i]!);
    reader.warnings.length = 0;
    reader.warningsOnce.length = 0;
  }

  /** The first line held as standing above a header, read as the header after all (it fits no kind). */
  private firstLineAsHeader(): void {
    const first = this.above[0]!;
    this.header([...first.cells], first.row);
  }

  /** `row` is 1 unless blank lines precede the header: issues name the row a spreadsheet shows. */
  private header(cells: string[], row: number, announce = true): void {
    this.headerDone = true;
    const mapped = mapHeaders(cells, row, this.opts.subHeaders);
    this.headers = mapped.headers;
    if (mapped.errors.length > 0 || mapped.kind === null) {
      this.headerFailed = true;
      this.errors.pushAll(mapped.errors);
      return;
    }
    this.kind = mapped.kind;
    if (this.above.length > 0) {
      const stated = unitAbove(this.above, row);
      if (stated.error) this.errors.push(stated.error);
      else if (stated.unit) {
        const applied = applyStatedUnit(mapped.kind, mapped.headers, stated.unit, row);
        this.headers = applied.headers;
        if (announce && applied.warning) this.warnings.push(applied.warning);
      }
      if (announce && !this.aboveGiven) this.warnings.push(issue('lines_above_header', { row }, row));
    }
    this.labels = labelColumns(this.headers, LABEL_FIELDS[mapped.kind]);
    const blank = this.headers.filter((h) => h.written === '').map((h) => h.index);
    this.headerless = blank.length > 0 ? blank : null;
    this.reader = new RowReader(mapped.kind, this.headers);
    this.reader.inPlace = this.opts.readInPlace !== false;
    this.values = this.reader.newValues();
    this.builder = new ChunkBuilder(mapped.kind, this.opts.chunkRows ?? CHUNK_ROWS);
    if (!announce) return;
    for (const h of this.headers) {
      if (h.field === null && h.written.trim() !== '') {
        this.warnings.push(issue('unknown_column', { column: h.written }, row, h.written));
      }
    }
    this.onHeader?.(cells, row, this.above);
  }

  /** Notes the first value of each watched column without a header (`cell(i)`: the row's cell i, if any). */
  private watchHeaderless(cell: (i: number) => string | undefined, row: number): void {
    const watched = this.headerless!;
    for (let k = watched.length - 1; k >= 0; k--) {
      const index = watched[k]!;
      const value = cell(index);
      if (value === undefined || value.trim() === '') continue;
      this.headerlessFound.push({ index, row, value });
      watched.splice(k, 1);
    }
    if (watched.length === 0) this.headerless = null;
  }

  /** A row's warning: in a part's session, kept as PartState says. */
  private warn(w: Issue, once: OnceKey | null): void {
    const kept = this.partWarnings;
    if (kept === null) {
      this.warnings.push(w);
      return;
    }
    const at = this.warnings.count++;
    if (once !== null) kept.push({ at, issue: w, once });
    else if (this.partKeptPlain < MAX_ISSUES) {
      this.partKeptPlain++;
      kept.push({ at, issue: w, once: null });
    }
  }

  private columnOf = (field: string): string | null => this.reader?.writtenOf[field] ?? null;

  private row(cells: string[], row: number): void {
    if (cells.length > this.headers.length && !this.extraCellsEmpty(cells)) {
      // Usually an unquoted delimiter inside a cell ("5,169.66"): every cell after it has shifted.
      this.errors.push(issue('too_many_fields', { cells: cells.length, columns: this.headers.length }, row));
      return;
    }
    const reader = this.reader!;
    const v = this.values;
    const localErrors = this.rowErrors;
    if (localErrors.length !== 0) localErrors.length = 0;
    const ok = reader.readValues(cells, row, localErrors, v);
    if (localErrors.length > 0) this.errors.pushAll(localErrors);
    if (reader.warnings.length > 0) this.takeWarnings(reader);
    if (ok) this.accept(row);
  }

  /** The checks and bookkeeping of a row whose cells were all valid (values in this.values). */
  private accept(row: number): void {
    const kind = this.kind!;
    const reader = this.reader!;
    const v = this.values;
    const S = reader.slot;
    const rk = this.recordKeyOf(
      v[S.agency!] as string,
      v[S.year!] as number,
      v[S.scope!] as Scope,
      v[S.project!] as string,
    );
    if (kind !== 'records' && !this.lastRecord!.known) {
      this.missingRecord(reader.toRow(v), row);
      return;
    }
    let hash: number;
    if (kind === 'records') {
      for (const w of recordWarnings(reader.toRow(v) as PerfRecord, row, this.columnOf)) this.warn(w, null);
      hash = hash53After(this.seed);
    } else if (kind === 'indicators') {
      const l = this.levels;
      l.level1 = v[S.level1!] as string;
      l.level2 = v[S.level2!] as string;
      l.level3 = v[S.level3!] as string;
      l.score = v[S.score!] as number | null;
      // A later part's rows are added to the sums by the session that takes it in (absorb).
      if (this.partWarnings === null) this.sums.add(rk, l as IndicatorRow, row);
      hash = hash53After(this.seed, l.level1, l.level2, l.level3);
    } else if (kind === 'funds') {
      hash = hash53After(this.seed, v[S.category!] as string, v[S.item!] as string);
    } else {
      hash = hash53After(this.seed, v[S.kind!] as string, String(v[S.seq!]));
    }
    this.validRowNumbers.push(row);
    this.keyHashes.push(hash);
    this.builder!.pushValues(v, rk);
  }

  /** Reused for every row: most rows have no error, and a fresh array per row is garbage. */
  private readonly rowErrors: Issue[] = [];
  /** The values of the row being read (RowReader.readValues), reused from row to row. */
  private values: unknown[] = [];
  /** What the indicator sums read of a row; they keep none of it, so one object serves every row. */
  private readonly levels: Pick<IndicatorRow, 'level1' | 'level2' | 'level3' | 'score'> = {
    level1: '',
    level2: '',
    level3: '',
    score: null,
  };
  /** The previous row's record: files list a record's indicator or fund rows together. */
  private lastRecord: {
    agency: string;
    year: number;
    scope: Scope;
    project: string;
    key: string;
    known: boolean;
  } | null = null;
  /** The row-key hash state after the last record's key (hash53Seed), for every row of that record. */
  private readonly seed = new Int32Array(2);

  /**
   * The record key of a row, built once per run of rows of the same record. The reader hands out
   * the same string objects for repeated cells, so the comparison is mostly by identity, and the
   * Map lookups that follow reuse the key's cached hash instead of building and hashing a new
   * string per row. `lastRecord.known` then says whether the record exists (knownRecords), and
   * `seed` holds the row-key hash of the record part (hash53Seed).
   */
  private recordKeyOf(agency: string, year: number, scope: Scope, project: string): string {
    const last = this.lastRecord;
    if (last && last.year === year && last.agency === agency && last.project === project && last.scope === scope)
      return last.key;
    const key = recordKey({ agency, year, scope, project });
    this.lastRecord = { agency, year, scope, project, key, known: this.opts.knownRecords?.has(key) ?? false };
    hash53Seed(key, this.seed);
    return key;
  }

  private extraCellsEmpty(cells: readonly string[]): boolean {
    for (let i = this.headers.length; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
    return true;
  }

  /** A duplicate key inside one file is an error on each repeat, naming the first row. */
  private duplicateErrors(kind: Kind): void {
    const builder = this.builder!;
    const keyColumn = KEY_COLUMN[kind];
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
        const params = { kind, firstRow: this.validRowNumbers[first]! };
        this.errors.push(issue('duplicate_key', params, this.validRowNumbers[i]!, this.columnOf(keyColumn)));
      }
    }
  }

  /** Indicator and fund rows must point at a record stored already or in this upload: this one does not. */
  private missingRecord(value: AnyRow, row: number): void {
    const params = {
      agency: quoteCell(value.agency),
      year: value.year,
      scope: value.scope,
      project: quoteCell(value.project),
    };
    this.errors.push(issue('missing_record', params, row, this.columnOf('agency')));
  }

  /** What a part's session found (FileSession.part), for the session of the part before it. */
  partState(records: number): PartState {
    return {
      records,
      dataRows: this.dataRows,
      errors: { items: this.errors.items, count: this.errors.count },
      warnings: { kept: this.partWarnings ?? [], count: this.warnings.count },
      chunks: (this.builder?.finish() ?? []).map(packChunk),
      hashes: this.keyHashes.values(),
      rowNumbers: Int32Array.from(this.validRowNumbers),
      headerless: this.headerlessFound,
    };
  }

  /**
   * Takes in the next part of the file, read by a session of its own (FileSession.part) from the
   * record after the last one this session read, `records` records so far: afterwards this
   * session is as if it had read that part itself. Its rows move on by `records`; its warnings
   * given once per cell are left out where this session gave them already.
   */
  /** The chunks of rows finished so far (full ones: the last, still filling, is not among them). */
  get finishedChunks(): readonly ColumnChunk[] {
    return this.builder?.chunks ?? [];
  }

  absorb(p: PartState, records: number): void {
    const shift = (e: Issue): Issue => (e.row === null ? e : { ...e, row: e.row + records });
    this.dataRows += p.dataRows;
    for (const e of p.errors.items) this.errors.push(shift(e));
    this.errors.count += p.errors.count - p.errors.items.length;
    const reader = this.reader;
    const kept = p.warnings.kept;
    let next = 0;
    for (let at = 0; at < p.warnings.count; at++) {
      const k = kept[next];
      if (k === undefined || k.at !== at) {
        // A warning past MAX_ISSUES of its part: past them here too, counted only.
        this.warnings.count++;
        continue;
      }
      next++;
      if (k.once !== null && reader !== null && reader.onceWarned(k.once.column, k.once.raw)) continue;
      this.warnings.push(shift(k.issue));
    }
    for (let i = 0; i < p.hashes.length; i++) {
      this.keyHashes.push(p.hashes[i]!);
      this.validRowNumbers.push(p.rowNumbers[i]! + records);
    }
    const builder = this.builder;
    if (builder !== null) for (const c of p.chunks) builder.pushPacked(c);
    // A headerless column's first value, unless this session's rows hold an earlier one.
    for (const h of p.headerless) {
      const at = this.headerless?.indexOf(h.index) ?? -1;
      if (at < 0) continue;
      this.headerlessFound.push({ ...h, row: h.row + records });
      this.headerless!.splice(at, 1);
      if (this.headerless!.length === 0) this.headerless = null;
    }
    // The indicator sums of a part are added up here, row by row, in the order of the file.
    if (this.kind === 'indicators') this.sums.addChunks(p.chunks, p.rowNumbers, records);
  }

  finish(encoding: ParsedFile['encoding']): Partial<ParsedFile> {
    // Only lines that may stand above a header, and no header: the first is a header of no kind.
    if (!this.headerDone && this.above.length > 0) this.firstLineAsHeader();
    if (!this.headerFailed) {
      if (!this.headerDone) this.errors.push(issue('empty_file', {}));
      else if (this.dataRows === 0) this.errors.push(issue('no_rows', {}));
    }
    const chunks = this.builder?.finish() ?? [];
    if (this.kind !== null) this.duplicateErrors(this.kind);
    for (const h of this.headerlessFound) {
      const params = { position: h.index + 1, letter: columnLetters(h.index + 1), value: quoteCell(h.value) };
      this.warnings.push(issue('column_without_header', params, h.row));
    }
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

/** Whether text[from, to) holds a replacement character. */
function hasReplacement(text: string, from: number, to: number): boolean {
  const at = text.indexOf('\uFFFD', from);
  return at !== -1 && at < to;
}

/** Characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 5760 ||
    (c >= 8192 && c <= 8202) ||
    c === 8232 ||
    c === 8233 ||
    c === 8239 ||
    c === 8287 ||
    c === 12288 ||
    c === 65279
  );
}
