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
  /** The CRC-32 of the entry's bytes, as the central directory gives it. */
  crc: number;
}

export class ZipError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ZipError';
  }
}

/** An entry whose bytes do not inflate, or not to the size or CRC-32 the zip gives: the file is damaged. */
export class ZipDamaged extends ZipError {
  constructor(
    readonly entry: string,
    reason: string,
  ) {
    super(`${reason}: ${entry}`);
    this.name = 'ZipDamaged';
  }
}

let crcTable: Int32Array | null = null;

function crc32(bytes: Uint8Array): number {
  let t = crcTable;
  if (t === null) {
    t = crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * Entries up to this size have their CRC-32 checked (a few milliseconds per megabyte in
 * JavaScript): the parts of a package and the sheets of forms. A bigger one (a sheet of data)
 * is checked by its inflating and its size only, so that a big import pays nothing for it.
 */
const CRC_MAX_BYTES = 1 << 20;

/** Throws ZipDamaged when inflated (or stored) bytes are not what the zip says of them. */
function checkInflated(e: ZipEntry, out: Uint8Array): Uint8Array {
  if (out.length !== e.size) throw new ZipDamaged(e.name, 'size');
  if (out.length <= CRC_MAX_BYTES && crc32(out) !== e.crc) throw new ZipDamaged(e.name, 'CRC-32');
  return out;
}

function inflateAtOnce(e: ZipEntry, data: Uint8Array): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(e.size) });
  } catch {
    throw new ZipDamaged(e.name, 'inflate');
  }
  return checkInflated(e, out);
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
    const crc = u32(bytes, at + 16);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    out.set(name, { name, method, compressedSize, size, headerOffset, crc });
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
  return e.method === 0 ? checkInflated(e, data) : inflateAtOnce(e, data);
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
    if (data.length <= CRC_MAX_BYTES) checkInflated(e, data);
    else if (data.length !== e.size) throw new ZipDamaged(e.name, 'size');
    for (let i = 0; i < data.length && !stop(); i += FEED_BYTES) {
      onPiece(data.subarray(i, Math.min(data.length, i + FEED_BYTES)));
      await onProgress?.(Math.min(1, (i + FEED_BYTES) / Math.max(1, data.length)));
    }
    return;
  }
  // A small entry (a form's sheet) at once: a stream's set-up costs more than its inflation.
  if (e.size > 0 && e.size <= SMALL_ENTRY_BYTES) {
    onPiece(inflateAtOnce(e, data));
    await onProgress?.(1);
    return;
  }
  let out = 0;
  const counted = (piece: Uint8Array) => {
    out += piece.length;
    onPiece(piece);
  };
  if (nativeInflate()) {
    const input = new Blob([data as Uint8Array<ArrayBuffer>]).stream();
    const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    let reported = 0;
    for (;;) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch {
        throw new ZipDamaged(e.name, 'inflate');
      }
      if (read.done) break;
      counted(read.value);
      if (stop()) {
        await reader.cancel();
        return;
      }
      // The browser hands out pieces of tens of kilobytes: progress every megabyte is enough.
      if (out - reported >= FEED_BYTES) {
        reported = out;
        await onProgress?.(Math.min(1, out / Math.max(1, e.size)));
      }
    }
  } else {
    const inflater = new Inflate((chunk) => counted(chunk));
    const push = (piece: Uint8Array, last: boolean) => {
      try {
        inflater.push(piece, last);
      } catch {
        throw new ZipDamaged(e.name, 'inflate');
      }
    };
    for (let i = 0; i < data.length; i += FEED_BYTES) {
      if (stop()) return;
      const end = Math.min(data.length, i + FEED_BYTES);
      push(data.subarray(i, end), end === data.length);
      await onProgress?.(end / data.length);
    }
    if (data.length === 0) push(new Uint8Array(0), true);
  }
  // Inflated whole: the size the zip gives, or the file is damaged.
  if (out !== e.size) throw new ZipDamaged(e.name, 'size');
}
