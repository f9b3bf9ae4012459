// Turning an uploaded file's bytes into text. Excel and WPS on a Chinese system save "CSV" as
// GBK (GB18030 is its superset), "CSV UTF-8" with a BOM, and other tools write UTF-8 without one;
// the contract says detect, never ask. Detection is strict decoding (`fatal: true`) in the order
// UTF-8 with BOM, UTF-8, GB18030: GBK text is almost never valid UTF-8, so the first that decodes
// without error is the file's encoding. Binary files renamed .csv are refused up front.
import type { Encoding } from './types';
import { problem, type Problem } from './issues';

/** Why bytes cannot be read as a CSV file (src/domain/codes/file.ts). */
export type DecodeFailure = { ok: false; problem: Problem };

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | DecodeFailure;

export type StreamDecoder =
  | {
      ok: true;
      encoding: Encoding;
      /** The text in order, decoded `pieceBytes` bytes at a time (4 MiB by default). */
      pieces(pieceBytes?: number): Generator<string>;
    }
  | DecodeFailure;

export const DEFAULT_PIECE_BYTES = 4 * 1024 * 1024;

const NOT_TEXT = problem('not_text', {});

// Bytes sampled when judging whether a file is binary: a binary file shows itself long before this.
const SAMPLE_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

/** Container formats people upload by mistake, by their first bytes, with what to tell them. */
const SIGNATURES: ReadonlyArray<readonly [readonly number[], Problem]> = [
  [[0x50, 0x4b, 0x03, 0x04], problem('xlsx_file', {})],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], problem('xls_file', {})],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], problem('pdf_file', {})],
];

const UTF16 = problem('utf16_file', {});

/** Guesses UTF-16 without a BOM: mostly-ASCII UTF-16 has a zero in every other byte. */
function looksLikeUtf16(sample: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  const n = Math.min(sample.length, 4096);
  for (let i = 0; i < n; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = n / 2;
  return half >= 2 && (odd >= half * 0.4 || even >= half * 0.4) && Math.min(odd, even) <= half * 0.05;
}

/** Control characters other than tab, line feed, form feed, carriage return and the DOS end-of-file mark. */
function isStrayControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) || b === 0x7f;
}

/** Why these bytes cannot be a CSV file, or null when they may be one. */
function refuse(bytes: Uint8Array): Problem | null {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return UTF16;
  for (const [magic, found] of SIGNATURES) if (startsWith(bytes, magic)) return found;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (looksLikeUtf16(sample)) return UTF16;
  // A NUL byte anywhere means binary; indexOf is native, so even 100 MB costs little.
  if (bytes.indexOf(0) !== -1) return NOT_TEXT;
  let controls = 0;
  for (const b of sample) if (isStrayControl(b)) controls++;
  // One stray control character is a typing accident; a few percent of them is a binary file.
  if (controls >= 4 && controls >= sample.length * 0.02) return NOT_TEXT;
  return null;
}

/** True when the bytes from `from` on are only ASCII white space (a file with nothing in it). */
function onlyWhitespace(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}

/** Number of line feeds in bytes[0, end). */
function countLines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * The 1-based line on which the first invalid UTF-8 sequence lies. `near` is where strict
 * decoding failed (the start of the slice that threw), so only the lines from there on are
 * decoded one by one; a sequence cut by the slice boundary starts at most 3 bytes earlier.
 */
function firstBadUtf8Line(bytes: Uint8Array, near: number): number {
  const from = Math.max(0, near - 4);
  let start = from === 0 ? 0 : bytes.lastIndexOf(0x0a, from - 1) + 1;
  let line = countLines(bytes, start) + 1;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    line++;
    start = end + 1;
  }
  return line;
}

/**
 * Decodes the whole of `bytes` strictly in slices, without keeping the text. Returns -1 when
 * every byte is valid, else the offset of the slice where decoding failed.
 */
function firstFailure(label: string, bytes: Uint8Array, sliceBytes: number): number {
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  let off = 0;
  try {
    for (; off < bytes.length; off += sliceBytes) {
      decoder.decode(bytes.subarray(off, off + sliceBytes), { stream: true });
    }
    decoder.decode();
    return -1;
  } catch {
    return Math.min(off, bytes.length);
  }
}

type Detection = { ok: true; encoding: Encoding; body: Uint8Array } | DecodeFailure;

function badBom(body: Uint8Array, near: number): DecodeFailure {
  return { ok: false, problem: problem('bad_utf8', { line: firstBadUtf8Line(body, near) }) };
}

const UNKNOWN_ENCODING: DecodeFailure = { ok: false, problem: problem('unknown_encoding', {}) };

/** Finds the encoding by strict decoding in slices; `body` is the bytes without a BOM. */
function detect(bytes: Uint8Array, sliceBytes: number): Detection {
  const refusal = refuse(bytes);
  if (refusal !== null) return { ok: false, problem: refusal };
  if (startsWith(bytes, BOM_UTF8)) {
    const body = bytes.subarray(BOM_UTF8.length);
    const failure = firstFailure('utf-8', body, sliceBytes);
    if (failure !== -1) return badBom(body, failure);
    return { ok: true, encoding: 'utf-8-bom', body };
  }
  if (firstFailure('utf-8', bytes, sliceBytes) === -1) return { ok: true, encoding: 'utf-8', body: bytes };
  if (firstFailure('gb18030', bytes, sliceBytes) === -1) return { ok: true, encoding: 'gb18030', body: bytes };
  return UNKNOWN_ENCODING;
}

function labelOf(encoding: Encoding): string {
  return encoding === 'gb18030' ? 'gb18030' : 'utf-8';
}

/**
 * The streaming form for big files: the encoding is found by strict decoding slice by slice
 * (no string of the whole file is built), then `pieces()` decodes the file again slice by slice.
 * A streaming decoder carries a character split across two slices over to the next piece.
 */
export function createDecoder(bytes: Uint8Array): StreamDecoder {
  const found = detect(bytes, DEFAULT_PIECE_BYTES);
  if (!found.ok) return found;
  const { encoding, body } = found;
  const empty = onlyWhitespace(body, 0);
  function* pieces(pieceBytes = DEFAULT_PIECE_BYTES): Generator<string> {
    if (empty) return;
    const size = Number.isInteger(pieceBytes) && pieceBytes > 0 ? pieceBytes : DEFAULT_PIECE_BYTES;
    const decoder = new TextDecoder(labelOf(encoding), { ignoreBOM: true });
    for (let off = 0; off < body.length; off += size) {
      const piece = decoder.decode(body.subarray(off, off + size), { stream: true });
      if (piece !== '') yield piece;
    }
    const tail = decoder.decode();
    if (tail !== '') yield tail;
  }
  return { ok: true, encoding, pieces };
}

/** Whether `sample`, the start of a file, is valid UTF-8; a character cut off at its end is not held against it. */
function utf8Prefix(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Thrown by an optimistic decoder's pieces when a later slice is not valid UTF-8 after all. */
export class EncodingMismatch extends Error {
  constructor() {
    super('the file is not valid UTF-8 beyond its first slice');
    this.name = 'EncodingMismatch';
  }
}

/**
 * The fast path for big files: checking a whole file as UTF-8 and then decoding it again costs a
 * second pass over every byte (a quarter to half a second per 100 MB). When the first 64 KiB are
 * valid UTF-8 (or the file has a BOM), this decoder assumes UTF-8 and checks the rest while it
 * decodes, strictly; a slice that turns out invalid makes `pieces()` throw EncodingMismatch, and
 * the caller starts again with createDecoder, whose full check finds GB18030 or names the bad
 * line. Returns null when the first slice already says that createDecoder must decide.
 */
export function createOptimisticDecoder(bytes: Uint8Array): StreamDecoder | null {
  if (refuse(bytes) !== null) return null;
  const bom = startsWith(bytes, BOM_UTF8);
  const body = bom ? bytes.subarray(BOM_UTF8.length) : bytes;
  // A GBK file shows itself in its first line (Chinese headers): checking a sample rather than the
  // first piece saves decoding that piece twice; a later bad slice still ends in EncodingMismatch.
  if (!bom && !utf8Prefix(body.subarray(0, SAMPLE_BYTES))) return null;
  if (onlyWhitespace(body, 0)) return null;
  function* pieces(pieceBytes = DEFAULT_PIECE_BYTES): Generator<string> {
    const size = Number.isInteger(pieceBytes) && pieceBytes > 0 ? pieceBytes : DEFAULT_PIECE_BYTES;
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let piece: string;
    for (let off = 0; off < body.length; off += size) {
      try {
        piece = decoder.decode(body.subarray(off, off + size), { stream: true });
      } catch {
        throw new EncodingMismatch();
      }
      if (piece !== '') yield piece;
    }
    try {
      piece = decoder.decode();
    } catch {
      throw new EncodingMismatch();
    }
    if (piece !== '') yield piece;
  }
  return { ok: true, encoding: bom ? 'utf-8-bom' : 'utf-8', pieces };
}

/**
 * The whole file as text. An empty file (no bytes, only a BOM, only white space) gives empty
 * text: the caller reports that there is nothing to import.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const refusal = refuse(bytes);
  if (refusal !== null) return { ok: false, problem: refusal };
  const bom = startsWith(bytes, BOM_UTF8);
  const body = bom ? bytes.subarray(BOM_UTF8.length) : bytes;
  const utf8: Encoding = bom ? 'utf-8-bom' : 'utf-8';
  if (onlyWhitespace(body, 0)) return { ok: true, text: '', encoding: utf8 };
  // For a whole file one strict decode both detects and produces the text.
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: utf8 };
  } catch {
    if (bom) return badBom(body, firstFailure('utf-8', body, DEFAULT_PIECE_BYTES));
  }
  try {
    return {
      ok: true,
      text: new TextDecoder('gb18030', { fatal: true, ignoreBOM: true }).decode(body),
      encoding: 'gb18030',
    };
  } catch {
    return UNKNOWN_ENCODING;
  }
}
