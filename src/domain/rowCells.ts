// A stored row's cells back as values, for the generated row makers (rowMakers.ts): a column
// missing from a chunk reads as no value.
import type { Kind, RowOf } from './types';

type Text = readonly string[] | undefined;
type Num = Float64Array | undefined;

export const text = (col: Text, i: number): string => (col === undefined ? '' : (col[i] ?? ''));

/** Derived text columns hold '' for "no value" where the type is an enumeration (the grade). */
export const textOrNull = (col: Text, i: number): string | null => {
  const v = text(col, i);
  return v === '' ? null : v;
};

/** NaN (no value) becomes null. */
export const num = (col: Num, i: number): number | null => {
  const v = col === undefined ? undefined : col[i];
  return v === undefined || v !== v ? null : v;
};

/** Row `i` of the chunk the maker was made for. */
export type RowMaker<K extends Kind> = (i: number) => RowOf[K];
