// Duplicate-key detection over a million rows: one 53-bit hash per row in a typed array, sorted
// once at the end. A Map of a million keys (or of a million non-Smi numbers) costs far more
// time and memory; collisions of the hash are checked against the real keys by the caller.

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

  get length(): number {
    return this.n;
  }

  /** Groups of row indices (in push order) that share a hash; empty when every hash is unique. */
  groups(): number[][] {
    const sorted = this.hashes.slice(0, this.n).sort();
    const repeated = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]!);
    if (repeated.size === 0) return [];
    const byHash = new Map<number, number[]>();
    for (let i = 0; i < this.n; i++) {
      const h = this.hashes[i]!;
      if (!repeated.has(h)) continue;
      const g = byHash.get(h);
      if (g) g.push(i);
      else byHash.set(h, [i]);
    }
    return [...byHash.values()];
  }
}
