// Typed arrays that grow: columns of numbers built up one entry at a time (sums, groups) kept as
// typed arrays rather than number[], so that a hundred thousand entries are a few buffers the
// garbage collector never walks, and each entry is a store rather than a push.

/** How many times over a full array grows. */
const GROWTH = 4;

type Growable = Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/**
 * `a` with GROWTH times its room (at least `min`), of the same type, the new room filled with
 * `fill`. Made through `a`'s own constructor: an array grows a few times in all, never per entry.
 */
export function grown<T extends Growable>(a: T, fill = 0, min = 0): T {
  const out = new (a.constructor as new (length: number) => T)(Math.max(a.length * GROWTH, min));
  (out as Growable).set(a as never);
  if (fill !== 0) out.fill(fill, a.length);
  return out;
}
