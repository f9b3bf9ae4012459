// Duplicate-key detection over a million rows: one 53-bit hash per row in a typed array, looked up
// once at the end in open-addressing tables of positions (typed arrays too). A Map of a million
// keys (or of a million non-Smi numbers) costs far more time and memory, and sorting the hashes
// several times these tables'. Past 65,536 rows the hashes are first sorted out into 256
// partitions by their low bits, so that each partition's table stays in the processor's cache
// (1,000,000 rows in the import worker: 145–182 ms with one table, 34–37 ms partitioned).
// Collisions of the hash are checked against the real keys by the caller.

export class KeyHashes {
  private hashes = new Float64Array(1024);
  private n = 0;

  push(hash: number): void {
    if (this.n === this.hashes.length) {
      const bigger = new Float64Array(this.hashes.length * 2);
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    this.hashes[this.n++] = hash;
  }

  /** The hashes pushed, in order (a copy). */
  values(): Float64Array {
    return this.hashes.slice(0, this.n);
  }

  get length(): number {
    return this.n;
  }

  /** Groups of row indices (in push order) that share a hash; empty when every hash is unique. */
  groups(): number[][] {
    const n = this.n;
    const hashes = this.hashes;
    const repeated = n > PARTITION_FROM ? repeatedByPartition(hashes, n) : repeatedIn(hashes, 0, n, 0);
    if (repeated === null) return [];
    const byHash = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!;
      if (!repeated.has(h)) continue;
      const g = byHash.get(h);
      if (g) g.push(i);
      else byHash.set(h, [i]);
    }
    return [...byHash.values()];
  }
}

/**
 * Past this many hashes, they are first sorted out into partitions by some of their bits: one
 * table over a million rows is 8 MB, and each lookup a cache miss, while a partition's table stays
 * in the processor's cache.
 */
const PARTITION_FROM = 65_536;
const PARTITION_BITS = 8;

/**
 * The hashes that occur more than once among hashes[from, to), or null when none does: an
 * open-addressing table of positions, twice as many slots as hashes, slotted by the hash's low 32
 * bits from bit `shift` on (the bits below it are the partition's, the same for all of them).
 */
function repeatedIn(hashes: Float64Array, from: number, to: number, shift: number): Set<number> | null {
  let size = 64;
  while (size < (to - from) * 2) size *= 2;
  const mask = size - 1;
  // Position + 1 of the first hash in each slot; 0 is an empty slot.
  const table = new Int32Array(size);
  let repeated: Set<number> | null = null;
  for (let i = from; i < to; i++) {
    const h = hashes[i]!;
    // The low 32 bits of the hash are well mixed (see hash53).
    let slot = ((h >>> 0) >>> shift) & mask;
    for (;;) {
      const at = table[slot]!;
      if (at === 0) {
        table[slot] = i - from + 1;
        break;
      }
      if (hashes[from + at - 1] === h) {
        (repeated ??= new Set()).add(h);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return repeated;
}

/** repeatedIn over all n hashes, a partition at a time (equal hashes share a partition). */
function repeatedByPartition(hashes: Float64Array, n: number): Set<number> | null {
  const parts = 1 << PARTITION_BITS;
  const start = new Int32Array(parts + 1);
  for (let i = 0; i < n; i++) start[((hashes[i]! >>> 0) & (parts - 1)) + 1]!++;
  for (let p = 0; p < parts; p++) start[p + 1]! += start[p]!;
  const at = start.slice(0, parts);
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    sorted[at[(h >>> 0) & (parts - 1)]!++] = h;
  }
  let repeated: Set<number> | null = null;
  for (let p = 0; p < parts; p++) {
    const found = repeatedIn(sorted, start[p]!, start[p + 1]!, PARTITION_BITS);
    if (found) for (const h of found) (repeated ??= new Set()).add(h);
  }
  return repeated;
}
