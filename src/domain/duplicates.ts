// Duplicate-key detection over a million rows: one 53-bit hash per row in a typed array, looked up
// once at the end in an open-addressing table of row indices (typed arrays too). A Map of a
// million keys (or of a million non-Smi numbers) costs far more time and memory, and sorting the
// hashes several times this table's; collisions of the hash are checked against the real keys by
// the caller.

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
    let size = 1024;
    while (size < n * 2) size *= 2;
    const mask = size - 1;
    // Row index + 1 of the first row with each hash; 0 is an empty slot.
    const table = new Int32Array(size);
    let repeated: Set<number> | null = null;
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!;
      // The low 32 bits of the hash are well mixed (see hash53).
      let slot = (h >>> 0) & mask;
      for (;;) {
        const at = table[slot]!;
        if (at === 0) {
          table[slot] = i + 1;
          break;
        }
        if (hashes[at - 1] === h) {
          (repeated ??= new Set()).add(h);
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
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
