// Conversion between row objects and column chunks (see ColumnChunk in types.ts).
import { numericFields, SCHEMA, textFields } from './schema';
import { RecordRunsWriter } from './recordRuns';
import type { ColumnChunk, Kind, RowOf } from './types';
import type { RowMaker } from './rowCells';
import { ROW_MAKERS } from './rowMakers';

/** A chunk with no rows and no room yet (ChunkBuilder.makeRoom gives its columns their length). */
function emptyChunk(kind: Kind): ColumnChunk {
  const text: Record<string, string[]> = {};
  const num: Record<string, Float64Array> = {};
  for (const f of textFields(kind)) text[f] = [];
  for (const f of numericFields(kind)) num[f] = new Float64Array(0);
  return { kind, length: 0, text, num };
}

/**
 * A chunk whose text columns are each a list of distinct values and a code per row: posted from
 * a worker, a column of a million cells would arrive as a million strings of their own (each cell
 * repeated across rows shares one string here).
 */
export interface PackedChunk {
  kind: Kind;
  length: number;
  num: Record<string, Float64Array>;
  text: Record<string, { values: string[]; codes: Int32Array }>;
}

export function packChunk(c: ColumnChunk): PackedChunk {
  const text: PackedChunk['text'] = {};
  for (const [name, column] of Object.entries(c.text)) {
    const ids = new Map<string, number>();
    const values: string[] = [];
    const codes = new Int32Array(c.length);
    for (let i = 0; i < c.length; i++) {
      const v = column[i]!;
      let id = ids.get(v);
      if (id === undefined) {
        id = values.length;
        values.push(v);
        ids.set(v, id);
      }
      codes[i] = id;
    }
    text[name] = { values, codes };
  }
  return { kind: c.kind, length: c.length, num: c.num, text };
}

const blankRuns = new Map<number, string[]>();

/** `n` empty strings, the same array each time (concat copies it in one go). */
function blanks(n: number): string[] {
  let run = blankRuns.get(n);
  if (run === undefined) {
    run = [];
    for (let k = 0; k < n; k++) run.push('');
    blankRuns.set(n, run);
  }
  return run;
}

/** Rows a chunk's columns have room for at first (then four times as many, up to the chunk's size). */
const FIRST_CAPACITY = 1024;

/** Appends rows into column chunks of at most `chunkRows` rows. */
export class ChunkBuilder<K extends Kind> {
  readonly chunks: ColumnChunk[] = [];
  private current: ColumnChunk;
  private readonly textNames: string[];
  private readonly numNames: string[];

  /** SCHEMA[kind]'s field names, in slot order. */
  private readonly fieldNames: string[];
  /** For pushValues: the SCHEMA slot of each text and numeric column. */
  private readonly textSlots: number[];
  private readonly numSlots: number[];
  private readonly runs = new RecordRunsWriter();

  constructor(
    readonly kind: K,
    private readonly chunkRows: number,
  ) {
    this.textNames = textFields(kind);
    this.numNames = numericFields(kind);
    this.fieldNames = SCHEMA[kind].map((f) => f.name);
    const slotOf = (name: string) => this.fieldNames.indexOf(name);
    this.textSlots = this.textNames.map(slotOf);
    this.numSlots = this.numNames.map(slotOf);
    this.current = emptyChunk(kind);
    this.bindColumns();
  }

  /** Appends a row object: its values in SCHEMA order, then the same path as pushValues. */
  push(row: RowOf[K]): void {
    const r = row as unknown as Record<string, unknown>;
    this.pushValues(this.fieldNames.map((f) => r[f]));
  }

  /**
   * Appends a row given as values in SCHEMA order (RowReader.readValues): no lookups by name. With
   * the row's record key, the chunk's record runs are noted on the way (recordRuns.ts).
   */
  pushValues(values: readonly unknown[], recordKey?: string): void {
    const c = this.current;
    const i = c.length;
    if (i === this.capacity) this.makeRoom(i + 1);
    this.runs.row(i, recordKey);
    const textCols = this.textCols;
    const numCols = this.numCols;
    for (let k = 0; k < textCols.length; k++) {
      const v = values[this.textSlots[k]!];
      textCols[k]![i] = typeof v === 'string' ? v : v == null ? '' : String(v);
    }
    for (let k = 0; k < numCols.length; k++) {
      const v = values[this.numSlots[k]!];
      numCols[k]![i] = typeof v === 'number' ? v : NaN;
    }
    c.length = i + 1;
    if (c.length === this.chunkRows) this.flush();
  }

  /** Appends every row of a packed chunk of the same kind (packChunk), as pushValues would each. */
  pushPacked(chunk: PackedChunk): void {
    let from = 0;
    while (from < chunk.length) {
      this.runs.lose();
      const c = this.current;
      const i = c.length;
      const n = Math.min(chunk.length - from, this.chunkRows - i);
      this.makeRoom(i + n);
      for (let k = 0; k < this.textNames.length; k++) {
        const { values, codes } = chunk.text[this.textNames[k]!]!;
        const dst = this.textCols[k]!;
        for (let j = 0; j < n; j++) dst[i + j] = values[codes[from + j]!]!;
      }
      for (let k = 0; k < this.numNames.length; k++) {
        const src = chunk.num[this.numNames[k]!]!;
        this.numCols[k]!.set(src.subarray(from, from + n), i);
      }
      c.length = i + n;
      from += n;
      if (c.length === this.chunkRows) this.flush();
    }
  }

  /** Rows the current chunk's columns have room for. */
  private capacity = 0;

  /**
   * Gives the current chunk's columns room for `rows` rows (at most chunkRows), growing them four
   * times over at a time from FIRST_CAPACITY: a small file's chunk stays small, and a big one's
   * columns are copied a few times, not once per row. Text columns are filled (so that they stay
   * packed arrays); flush cuts both to the rows held.
   */
  private makeRoom(rows: number): void {
    if (rows <= this.capacity) return;
    let cap = Math.max(this.capacity, FIRST_CAPACITY);
    while (cap < rows) cap *= 4;
    cap = Math.min(cap, this.chunkRows);
    const c = this.current;
    for (const f of this.numNames) {
      const grown = new Float64Array(cap).fill(NaN);
      grown.set((c.num[f] as Float64Array).subarray(0, c.length));
      c.num[f] = grown;
    }
    for (const f of this.textNames) {
      const col = c.text[f]!;
      c.text[f] = col.concat(blanks(cap - col.length));
    }
    this.capacity = cap;
    this.bindColumns();
  }

  private textCols: string[][] = [];
  private numCols: Float64Array[] = [];

  private bindColumns(): void {
    this.textCols = this.textNames.map((f) => this.current.text[f]!);
    this.numCols = this.numNames.map((f) => this.current.num[f]!);
  }

  /** Row `i` of all rows pushed so far, as an object. */
  rowAt(i: number): RowOf[K] {
    const inFinished = Math.floor(i / this.chunkRows);
    const chunk = inFinished < this.chunks.length ? this.chunks[inFinished]! : this.current;
    return chunkRow<K>(chunk, i % this.chunkRows);
  }

  private flush(): void {
    if (this.current.length === 0) return;
    const c = this.current;
    // Trim the columns to the rows actually held.
    for (const f of this.numNames) c.num[f] = (c.num[f] as Float64Array).slice(0, c.length);
    for (const f of this.textNames) if (c.text[f]!.length > c.length) c.text[f]!.length = c.length;
    this.runs.finish(c);
    this.chunks.push(c);
    this.current = emptyChunk(this.kind);
    this.capacity = 0;
    this.bindColumns();
  }

  finish(): ColumnChunk[] {
    this.flush();
    return this.chunks;
  }
}

export function rowsToChunks<K extends Kind>(kind: K, rows: readonly RowOf[K][], chunkRows = 50_000): ColumnChunk[] {
  const b = new ChunkBuilder(kind, chunkRows);
  for (const r of rows) b.push(r);
  return b.finish();
}

/** The maker of a chunk's rows (rowMakers.ts): its columns looked up once, each row one literal. */
export function rowMaker<K extends Kind>(chunk: ColumnChunk): RowMaker<K> {
  return (ROW_MAKERS[chunk.kind] as (c: ColumnChunk) => RowMaker<K>)(chunk);
}

/** Reads row `i` of a chunk back as an object; NaN becomes null. */
export function chunkRow<K extends Kind>(chunk: ColumnChunk, i: number): RowOf[K] {
  return rowMaker<K>(chunk)(i);
}

export function chunksToRows<K extends Kind>(chunks: readonly ColumnChunk[]): RowOf[K][] {
  const out: RowOf[K][] = [];
  for (const c of chunks) appendRows(c, 0, c.length, out);
  return out;
}

/** Appends rows [from, to) of a chunk to `out` as objects (chunkRow's), for reading a chunk in slices. */
export function appendRows<K extends Kind>(chunk: ColumnChunk, from: number, to: number, out: RowOf[K][]): void {
  const make = rowMaker<K>(chunk);
  for (let i = from; i < to; i++) out.push(make(i));
}
