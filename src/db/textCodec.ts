// How the text columns of a stored chunk are kept in IndexedDB. Storing a million indicator rows
// as string[] columns makes IndexedDB structured-clone nine million strings on write and create
// nine million new strings on read, although most columns repeat a few values (agency, scope,
// project, level names, targets). A column is therefore stored dictionary-encoded when that pays:
// its distinct values once, plus one small integer per row, which clones as a single memcpy.
// Decoding gives back a plain string[] whose entries are references to the dictionary's strings,
// so the rest of the app keeps seeing ColumnChunk and no string is copied.

/** A dictionary-encoded text column: row i holds dict[codes[i]]. */
export interface DictColumn {
  dict: string[];
  codes: Uint16Array | Uint32Array;
}

/** A text column as stored: plain (as written by schema versions 1–2, and for mostly-distinct
 * columns such as notes) or dictionary-encoded. */
export type StoredTextColumn = string[] | DictColumn;

// A column is encoded only while its distinct values are at most this share of its rows: beyond,
// the dictionary saves few strings and costs a lookup per row on writing.
const MAX_DISTINCT_SHARE = 0.5;
const UINT16_VALUES = 65_536;

export function isDictColumn(col: StoredTextColumn): col is DictColumn {
  return !Array.isArray(col);
}

/** A column of exactly `length` rows as a plain array (missing entries as ''). */
function plain(col: readonly string[], length: number): string[] {
  return col.length === length ? (col as string[]) : Array.from({ length }, (_, i) => col[i] ?? '');
}

/** The stored form of one text column of `length` rows (missing entries are stored as ''). */
export function encodeTextColumn(col: readonly string[], length: number): StoredTextColumn {
  const limit = Math.floor(length * MAX_DISTINCT_SHARE);
  if (limit === 0) return plain(col, length);
  const index = new Map<string, number>();
  const dict: string[] = [];
  // Stored chunks (≤ CHUNK_ROWS rows) never need more than 16-bit codes; wider ones are narrowed
  // once the dictionary's size is known.
  const wide = limit > UINT16_VALUES;
  const codes = wide ? new Uint32Array(length) : new Uint16Array(length);
  let prev: string | undefined;
  let prevCode = 0;
  for (let i = 0; i < length; i++) {
    const s = col[i] ?? '';
    // Files list a record's rows together: most rows repeat the previous row's value, and
    // comparing with it is cheaper than a Map lookup.
    if (s !== prev) {
      let code = index.get(s);
      if (code === undefined) {
        if (dict.length >= limit) return plain(col, length);
        code = dict.length;
        index.set(s, code);
        dict.push(s);
      }
      prev = s;
      prevCode = code;
    }
    codes[i] = prevCode;
  }
  return { dict, codes: wide && dict.length <= UINT16_VALUES ? new Uint16Array(codes) : codes };
}

/** The string[] form of a stored text column: references to the dictionary's strings. */
export function decodeTextColumn(col: StoredTextColumn): string[] {
  if (!isDictColumn(col)) return col;
  const { dict, codes } = col;
  const out: string[] = new Array<string>(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = dict[codes[i]!] ?? '';
  return out;
}

/** Every text column of a chunk of `length` rows, in stored form. */
export function encodeTextColumns(
  text: Readonly<Record<string, string[]>>,
  length: number,
): Record<string, StoredTextColumn> {
  const out: Record<string, StoredTextColumn> = {};
  for (const [f, col] of Object.entries(text)) out[f] = encodeTextColumn(col, length);
  return out;
}

/** Every text column of a stored chunk as string[]; accepts both stored forms. */
export function decodeTextColumns(text: Readonly<Record<string, StoredTextColumn>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [f, col] of Object.entries(text)) out[f] = decodeTextColumn(col);
  return out;
}
