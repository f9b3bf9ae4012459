// Typed arrays that grow: columns of numbers built up one entry at a time (sums, groups) kept as
// typed arrays rather than number[], so that a hundred thousand entries are a few buffers the
// garbage collector never walks, and each entry is a store rather than a push.

/** How many times over a full array grows. */
export const GROWTH = 4;

/** `a` with GROWTH times its room (at least `min`), the new room filled with `fill`. */
export function grownInt(a: Int32Array, fill: number, min = 0): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(a.length * GROWTH, min));
  out.set(a);
  if (fill !== 0) out.fill(fill, a.length);
  return out;
}

/** `a` with GROWTH times its room (at least `min`), the new room filled with `fill`. */
export function grownFloat(a: Float64Array, fill: number, min = 0): Float64Array<ArrayBuffer> {
  const out = new Float64Array(Math.max(a.length * GROWTH, min));
  out.set(a);
  if (fill !== 0) out.fill(fill, a.length);
  return out;
}
