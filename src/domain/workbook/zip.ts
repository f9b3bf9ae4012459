// The entries of a zip (an .xlsx package) from its central directory, and each entry's bytes:
// small parts inflated at once (fflate), a worksheet inflated as a stream of pieces, by the
// browser's own DecompressionStream where there is one (several times faster than inflating in
// JavaScript) and by fflate's streaming inflater elsewhere (Node, where fflate is the faster).
import { Inflate, inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
}

export class ZipError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ZipError';
  }
}

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

const utf8 = new TextDecoder('utf-8');

/** The entries listed in the zip's central directory. Throws ZipError for bytes that are no zip. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  // The end-of-central-directory record: within the last 64 KiB + 22 bytes (after its comment).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory');
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (at === 0xffffffff) throw new ZipError('zip64');
  const out = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError('bad central directory');
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    const headerOffset = u32(bytes, at + 42);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    out.set(name, { name, method, compressedSize, size, headerOffset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The compressed bytes of an entry. */
function dataOf(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const h = e.headerOffset;
  if (u32(bytes, h) !== 0x04034b50) throw new ZipError(`bad local header: ${e.name}`);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  if (start + e.compressedSize > bytes.length) throw new ZipError(`truncated: ${e.name}`);
  return bytes.subarray(start, start + e.compressedSize);
}

function checkMethod(e: ZipEntry): void {
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`compression method ${e.method}: ${e.name}`);
}

/** An entry's bytes, inflated at once (for the small parts of a package). */
export function entryBytes(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  checkMethod(e);
  const data = dataOf(bytes, e);
  return e.method === 0 ? data : inflateSync(data, { out: new Uint8Array(e.size) });
}

function nativeInflate(): boolean {
  if (typeof DecompressionStream === 'undefined') return false;
  // In Node the web stream costs more than it saves: fflate inflates faster there.
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (node !== undefined) return false;
  try {
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/** Piece of compressed bytes handed to the inflater at a time, between which the caller's work runs. */
const FEED_BYTES = 1 << 20;
/** Inflated size up to which an entry is inflated in one go. */
const SMALL_ENTRY_BYTES = 1 << 20;

/**
 * Inflates an entry piece by piece: `onPiece` gets each inflated piece in order (consume or copy
 * it before returning); `onProgress`, awaited between pieces, the fraction of the entry inflated
 * so far (where a caller lets a worker's messages through, or throws to cancel). `stop` ends the
 * inflation early.
 */
export async function streamEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  onPiece: (piece: Uint8Array) => void,
  onProgress?: (fraction: number) => void | Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  checkMethod(e);
  const data = dataOf(bytes, e);
  if (e.method === 0) {
    for (let i = 0; i < data.length && !stop(); i += FEED_BYTES) {
      onPiece(data.subarray(i, Math.min(data.length, i + FEED_BYTES)));
      await onProgress?.(Math.min(1, (i + FEED_BYTES) / Math.max(1, data.length)));
    }
    return;
  }
  // A small entry (a form's sheet) at once: a stream's set-up costs more than its inflation.
  if (e.size > 0 && e.size <= SMALL_ENTRY_BYTES) {
    onPiece(inflateSync(data, { out: new Uint8Array(e.size) }));
    await onProgress?.(1);
    return;
  }
  if (nativeInflate()) {
    const input = new Blob([data as Uint8Array<ArrayBuffer>]).stream();
    const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    let out = 0;
    let reported = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      out += value.length;
      onPiece(value);
      if (stop()) {
        await reader.cancel();
        break;
      }
      // The browser hands out pieces of tens of kilobytes: progress every megabyte is enough.
      if (out - reported >= FEED_BYTES) {
        reported = out;
        await onProgress?.(Math.min(1, out / Math.max(1, e.size)));
      }
    }
    return;
  }
  const inflater = new Inflate((chunk) => onPiece(chunk));
  for (let i = 0; i < data.length && !stop(); i += FEED_BYTES) {
    const end = Math.min(data.length, i + FEED_BYTES);
    inflater.push(data.subarray(i, end), end === data.length);
    await onProgress?.(end / data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
}
