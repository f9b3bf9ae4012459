// Row identity at scale. Building a key string per row and putting it in a Set costs about 3 µs a
// row (the strings must be built, then flattened and hashed again by the Set); hashing the key
// fields straight from the columns into a 53-bit number is several times faster. Equal hashes are
// confirmed by comparing the key fields themselves, so two different keys are never taken for one.
import { finishLanes, mixCode, mixPart, startLanes } from '@/domain/hash';
import { EXTRA_KEY_FIELDS, SCHEMA, isNumericType } from '@/domain/schema';
import type { ColumnChunk, Kind } from '@/domain/types';

function isNumericField(kind: Kind, field: string): boolean {
  const spec = SCHEMA[kind].find((s) => s.name === field);
  return spec !== undefined && isNumericType(spec.type);
}

/** The text key fields of a kind in key order (the numeric ones, year first, are handled apart). */
function textKeyFields(kind: Kind): string[] {
  return ['agency', 'scope', 'project', ...EXTRA_KEY_FIELDS[kind].filter((f) => !isNumericField(kind, f))];
}

/** The numeric key fields of a kind: the year, then any of the kind's own (a finding's seq). */
function numKeyFields(kind: Kind): string[] {
  return ['year', ...EXTRA_KEY_FIELDS[kind].filter((f) => isNumericField(kind, f))];
}

/** A 53-bit hash of each row's key fields (hash.ts's lanes): the text fields, then the year. */
export function keyHashes(kind: Kind, chunk: ColumnChunk): Float64Array {
  const cols = textKeyFields(kind).map((f) => chunk.text[f] ?? []);
  const year = chunk.num.year ?? new Float64Array(0);
  const more = numKeyFields(kind)
    .slice(1)
    .map((f) => chunk.num[f] ?? new Float64Array(0));
  const out = new Float64Array(chunk.length);
  const lanes = new Int32Array(2);
  for (let i = 0; i < chunk.length; i++) {
    startLanes(lanes);
    // A 0x1f between fields, so that ('ab', 'c') and ('a', 'bc') hash apart.
    for (let f = 0; f < cols.length; f++) mixPart(lanes, cols[f]![i] ?? '', f > 0);
    mixCode(lanes, 0x1f);
    mixCode(lanes, year[i] ?? 0);
    for (const col of more) {
      mixCode(lanes, 0x1f);
      mixCode(lanes, col[i] ?? 0);
    }
    out[i] = finishLanes(lanes);
  }
  return out;
}

// A location packs a chunk index and a row index into one number (chunks hold ≤ 2^20 rows).
const ROW_BITS = 1_048_576;

/**
 * A set of row keys of one kind over a list of chunks, remembering where each key was seen.
 * Locations are `chunkIndex * 2^20 + row` into `chunks`. An open-addressing table on typed arrays
 * (sized for every row of `chunks` at most half full) is several times faster than a Map at a
 * million entries and allocates nothing per row. Entries whose hashes are equal but whose keys
 * differ simply occupy further slots: `find` compares the key fields of every equal hash.
 */
export class RowKeySet {
  private readonly hashes: Float64Array;
  /** Location per slot; -1 marks an empty slot. */
  private readonly locs: Float64Array;
  private readonly mask: number;
  private readonly capacity: number;
  private size = 0;
  private readonly textCols: string[];
  private readonly numCols: string[];

  constructor(
    private readonly kind: Kind,
    readonly chunks: readonly ColumnChunk[],
  ) {
    this.textCols = textKeyFields(kind);
    this.numCols = numKeyFields(kind);
    this.capacity = chunks.reduce((n, c) => n + c.length, 0);
    let slots = 16;
    while (slots < this.capacity * 2) slots *= 2;
    this.hashes = new Float64Array(slots);
    this.locs = new Float64Array(slots).fill(-1);
    this.mask = slots - 1;
  }

  static loc(chunkIndex: number, row: number): number {
    return chunkIndex * ROW_BITS + row;
  }

  static chunkIndex(loc: number): number {
    return Math.floor(loc / ROW_BITS);
  }

  static row(loc: number): number {
    return loc % ROW_BITS;
  }

  private sameKey(loc: number, chunk: ColumnChunk, row: number): boolean {
    const other = this.chunks[RowKeySet.chunkIndex(loc)]!;
    const r = RowKeySet.row(loc);
    for (const f of this.numCols) if (other.num[f]?.[r] !== chunk.num[f]?.[row]) return false;
    for (const f of this.textCols) if (other.text[f]?.[r] !== chunk.text[f]?.[row]) return false;
    return true;
  }

  /** Where a row with the same key as `chunk[row]` was added, or -1. */
  find(hash: number, chunk: ColumnChunk, row: number): number {
    // `hash & mask` keeps the low bits of the hash's lower 32-bit lane.
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const loc = this.locs[i]!;
      if (loc === -1) return -1;
      if (this.hashes[i] === hash && this.sameKey(loc, chunk, row)) return loc;
    }
  }

  /** Adds the row at `loc` (in `chunks`), whose key the caller has checked is not present. */
  add(hash: number, loc: number): void {
    if (this.size >= this.capacity) throw new Error('RowKeySet: more rows added than its chunks hold');
    let i = hash & this.mask;
    while (this.locs[i] !== -1) i = (i + 1) & this.mask;
    this.hashes[i] = hash;
    this.locs[i] = loc;
    this.size++;
  }

  /** Adds every row of `chunks[chunkIndex]`. */
  addChunk(chunkIndex: number): void {
    const chunk = this.chunks[chunkIndex]!;
    const hashes = keyHashes(this.kind, chunk);
    for (let i = 0; i < chunk.length; i++) this.add(hashes[i]!, RowKeySet.loc(chunkIndex, i));
  }
}
