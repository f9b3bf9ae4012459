// Hashes: SHA-256 of a file's bytes (identical re-upload detection) and a fast 53-bit string hash
// (duplicate-key detection over a million rows without keeping a million key strings alive).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Bytes up to which the pure-JS digest is used even where crypto.subtle exists. */
const SMALL_HASH_BYTES = 256 * 1024;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Browsers expose crypto.subtle only in secure contexts (HTTPS or localhost); an intranet
  // server on plain http:// has none, so the audited pure-JS implementation takes over there.
  // A small file (a form) is hashed here at once: the round trip to crypto.subtle costs more.
  const subtle = bytes.length > SMALL_HASH_BYTES ? globalThis.crypto?.subtle : undefined;
  const digest = subtle
    ? new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
    : sha256(bytes);
  return bytesToHex(digest);
}

/** A 53-bit hash of a string (two 32-bit multiply-xorshift lanes), exact in a JS number. */
export function hash53(s: string): number {
  return hash53Parts([s]);
}

/** hash53 of parts joined by U+001F, without building the joined string (no allocation per row). */
export function hash53Parts(parts: readonly string[]): number {
  const lanes = hash53Seed(parts[0] ?? '');
  for (let p = 1; p < parts.length; p++) mixPart(lanes, parts[p]!, true);
  return finishLanes(lanes);
}

/**
 * The state of hash53Parts after its first part: rows of one record share that part (the record
 * key), so it is hashed once per record and each row continues from here (hash53After).
 * Written into `lanes` when given (one array reused for every record).
 */
export function hash53Seed(first: string, lanes: Int32Array = new Int32Array(2)): Int32Array {
  startLanes(lanes);
  mixPart(lanes, first, false);
  return lanes;
}

/**
 * The building blocks, for hashing keys held in other shapes (column chunks in src/db): start
 * the two lanes, mix in strings (a 0x1f separator before each but the first) or single code
 * units, and finish into 53 bits.
 */
export function startLanes(lanes: Int32Array): void {
  lanes[0] = 0xdeadbeef;
  lanes[1] = 0x41c6ce57;
}

export function mixCode(lanes: Int32Array, code: number): void {
  lanes[0] = Math.imul(lanes[0]! ^ code, 2654435761);
  lanes[1] = Math.imul(lanes[1]! ^ code, 1597334677);
}

export function finishLanes(lanes: Int32Array): number {
  return finish53(lanes[0]!, lanes[1]!);
}

/** Reused by hash53After, which runs once per row: no allocation per row. */
const afterLanes = new Int32Array(2);

/** hash53Parts([first, ...more]) given hash53Seed(first); `more` are given one by one (no array per row). */
export function hash53After(seed: Int32Array, a?: string, b?: string, c?: string): number {
  afterLanes[0] = seed[0]!;
  afterLanes[1] = seed[1]!;
  if (a !== undefined) {
    mixPart(afterLanes, a, true);
    if (b !== undefined) {
      mixPart(afterLanes, b, true);
      if (c !== undefined) mixPart(afterLanes, c, true);
    }
  }
  return finishLanes(afterLanes);
}

export function mixPart(lanes: Int32Array, s: string, separated: boolean): void {
  let h1 = lanes[0]!;
  let h2 = lanes[1]!;
  if (separated) {
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  lanes[0] = h1;
  lanes[1] = h2;
}

function finish53(a: number, b: number): number {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
