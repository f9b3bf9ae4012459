// Turning an uploaded file's bytes into text. Excel and WPS on a Chinese system save "CSV" as
// GBK (GB18030 is its superset), "CSV UTF-8" with a BOM, and other tools write UTF-8 without one;
// the contract says detect, never ask. Detection goes by evidence, not by which decoder happens
// not to fail: a UTF-8 file with one stray byte (a Latin-1 character, a file cut in the middle of
// a character, one row pasted from a GBK file) still decodes as GB18030 without error, as mojibake;
// and a GBK file whose Chinese happens to be valid UTF-8 (about 930 common characters have two
// bytes that are also a UTF-8 sequence: 医院 → "ҽԺ") decodes as UTF-8 without error, as mojibake.
// So each reading is weighed by what it reads as (Utf8Reading, GbEvidence):
// - a file that is valid UTF-8 and reads as text (Chinese, punctuation and signs, words of one
//   script) is UTF-8: nearly every UTF-8 file, told in one native pass (plainUtf8);
// - GB18030 when most of what UTF-8 reads is odd (letters of mixed or foreign scripts, controls)
//   or invalid, and the bytes fit GB18030 (or all but a few, which become �) and read as Chinese
//   (GB2312's characters and punctuation, which is what GBK text is made of), more of it than
//   UTF-8 reads as text (gbOverUtf8);
// - otherwise UTF-8 when it is valid or most of its multi-byte sequences are, its few bad bytes
//   becoming the replacement character �, which makes each row holding one an error (fileSession);
// - Big5, Shift_JIS, EUC-KR, UTF-16, UTF-32 and Windows-1252 are named and refused, anything else refused.
// Binary files renamed .csv are refused up front. A DOS end-of-file mark (0x1A) at the end is dropped.
// The fast path for big files (createOptimisticDecoder) judges a 64 KiB sample by the same rules,
// taken where the file's first byte above ASCII is, so the decision holds for the whole file.
import type { Encoding } from './types';
import { problem, type Problem } from './issues';
import { MAYBE_ODD, utf8Reading, type Utf8Reading } from './utf8Reading';

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
const DOS_EOF = 0x1a;

/** Container formats people upload by mistake, by their first bytes, with what to tell them. */
const SIGNATURES: ReadonlyArray<readonly [readonly number[], Problem]> = [
  [[0x50, 0x4b, 0x03, 0x04], problem('xlsx_file', {})],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], problem('xls_file', {})],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], problem('pdf_file', {})],
  [[0xff, 0xfe, 0x00, 0x00], problem('legacy_encoding', { encoding: 'UTF-32' })],
  [[0x00, 0x00, 0xfe, 0xff], problem('legacy_encoding', { encoding: 'UTF-32' })],
];

const UTF16 = problem('utf16_file', {});

/** The share of the sample's bytes at offsets ≡ r (mod m) that are zero. */
function zeroShare(sample: Uint8Array, m: number, r: number): number {
  let zeros = 0;
  let n = 0;
  for (let i = r; i < sample.length; i += m, n++) if (sample[i] === 0) zeros++;
  return n === 0 ? 0 : zeros / n;
}

/** Guesses UTF-16 without a BOM: mostly-ASCII UTF-16 has a zero in every other byte. */
function looksLikeUtf16(sample: Uint8Array): boolean {
  const s = sample.subarray(0, 4096);
  if (s.length < 4) return false;
  const even = zeroShare(s, 2, 0);
  const odd = zeroShare(s, 2, 1);
  return (odd >= 0.4 || even >= 0.4) && Math.min(odd, even) <= 0.05;
}

/** Guesses UTF-32 without a BOM: mostly-ASCII UTF-32 has three zeros in every four bytes. */
function looksLikeUtf32(sample: Uint8Array): boolean {
  const s = sample.subarray(0, 4096);
  if (s.length < 8) return false;
  const shares = [0, 1, 2, 3].map((r) => zeroShare(s, 4, r));
  return shares.filter((x) => x >= 0.9).length === 3;
}

/** Control characters other than tab, line feed, form feed, carriage return and the DOS end-of-file mark. */
function isStrayControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== DOS_EOF) || b === 0x7f;
}

/** Why these bytes cannot be a CSV file, or null when they may be one. */
function refuse(bytes: Uint8Array): Problem | null {
  for (const [magic, found] of SIGNATURES) if (startsWith(bytes, magic)) return found;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return UTF16;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (looksLikeUtf32(sample)) return problem('legacy_encoding', { encoding: 'UTF-32' });
  if (looksLikeUtf16(sample)) return UTF16;
  let controls = 0;
  for (const b of sample) if (isStrayControl(b)) controls++;
  // One stray control character (a NUL too) is a typing accident, an error at its cell; a few
  // percent of them is a binary file.
  if (controls >= 4 && controls >= sample.length * 0.02) return NOT_TEXT;
  return null;
}

/** The end of the text: a DOS end-of-file mark (0x1A, and any more of them) at the very end is not text. */
function textEnd(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === DOS_EOF) end--;
  return end;
}

/** The bytes of the text: without a UTF-8 BOM and without a DOS end-of-file mark. */
function bodyOf(bytes: Uint8Array): { body: Uint8Array; bom: boolean } {
  const bom = startsWith(bytes, BOM_UTF8);
  const start = bom ? BOM_UTF8.length : 0;
  return { body: bytes.subarray(start, Math.max(start, textEnd(bytes))), bom };
}

/** True when the bytes are only ASCII white space (a file with nothing in it). */
function onlyWhitespace(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}

/** Whether the whole of `bytes` decodes strictly as `label`, checked in slices (no text is kept). */
function fits(label: string, bytes: Uint8Array, sliceBytes = DEFAULT_PIECE_BYTES): boolean {
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  try {
    for (let off = 0; off < bytes.length; off += sliceBytes) {
      decoder.decode(bytes.subarray(off, off + sliceBytes), { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `bytes` are valid UTF-8 with nothing odd in them (see Utf8Reading), as nearly every
 * UTF-8 file is: one pass of the native decoder and a native search of its text, slice by slice,
 * so that only the rare file with letters above U+007F is counted character by character.
 */
function plainUtf8(bytes: Uint8Array, sliceBytes = DEFAULT_PIECE_BYTES): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for (let off = 0; off < bytes.length; off += sliceBytes) {
      if (MAYBE_ODD.test(decoder.decode(bytes.subarray(off, off + sliceBytes), { stream: true }))) return false;
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * Two- and four-byte GB18030 sequences, by what they say of the text: `typical` ones are GB2312's
 * characters and punctuation (first byte A1–A9 or B0–F7, second A1–FE), which make up nearly all
 * of any Chinese text in GBK; `atypical` ones are GBK's rare extensions, where Big5 and Shift_JIS
 * text lands when it is read as GBK; `invalid` ones fit no sequence.
 */
export interface GbEvidence {
  typical: number;
  atypical: number;
  invalid: number;
  /**
   * GB2312 characters by the half of the table their first byte lies in: B0–C8 (`lowHanzi`) and
   * C9–F7 (`highHanzi`). Chinese text has both (35–55% high in the seed reports and every CSV of
   * the product); EUC-KR's Hangul syllables are B0–C8 alone, the one place where Korean text fits
   * GB2312 byte for byte.
   */
  lowHanzi: number;
  highHanzi: number;
}

export function gbEvidence(bytes: Uint8Array): GbEvidence {
  let typical = 0;
  let atypical = 0;
  let invalid = 0;
  let lowHanzi = 0;
  let highHanzi = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const t = i + 1 < n ? bytes[i + 1]! : -1;
    if (b === 0x80 || b === 0xff || t < 0) {
      invalid++;
      i++;
    } else if (t >= 0x30 && t <= 0x39) {
      const t3 = i + 2 < n ? bytes[i + 2]! : -1;
      const t4 = i + 3 < n ? bytes[i + 3]! : -1;
      if (t3 >= 0x81 && t3 <= 0xfe && t4 >= 0x30 && t4 <= 0x39) {
        atypical++;
        i += 4;
      } else {
        invalid++;
        i++;
      }
    } else if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
      if (t >= 0xa1 && ((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7))) {
        typical++;
        if (b >= 0xc9) highHanzi++;
        else if (b >= 0xb0) lowHanzi++;
      } else atypical++;
      i += 2;
    } else {
      invalid++;
      i++;
    }
  }
  return { typical, atypical, invalid, lowHanzi, highHanzi };
}

/**
 * Whether GB2312-shaped bytes are really EUC-KR Hangul: at least 20 characters, fewer than one in
 * twenty from the upper half of the table (Chinese text is never that lopsided; see GbEvidence).
 */
function readsAsKorean(g: GbEvidence): boolean {
  const hanzi = g.lowHanzi + g.highHanzi;
  return hanzi >= 20 && g.highHanzi * 20 < hanzi && g.atypical === 0;
}

/** Whether the GB18030 sequences read as Chinese text: most of them GB2312's. */
function readsAsChinese(g: GbEvidence): boolean {
  return g.typical > 0 && g.typical >= 3 * g.atypical;
}

/**
 * Whether bytes read as Shift_JIS text: kana and common kanji are two bytes led by 81–9F; bytes
 * A1–DF alone are half-width katakana, rare in real text but what GBK text looks like to Shift_JIS.
 */
function readsAsJapanese(bytes: Uint8Array): boolean {
  let leads = 0;
  let singles = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x81 && b <= 0x9f) {
      leads++;
      i++;
    } else if (b >= 0xe0 && b <= 0xfc) i++;
    else if (b >= 0xa1 && b <= 0xdf) singles++;
  }
  return leads > 0 && leads >= singles;
}

/** Whether every byte above ASCII stands alone between ASCII ones: Latin-1 / Windows-1252 text. */
function latinShaped(bytes: Uint8Array): boolean {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if (i + 1 < bytes.length && bytes[i + 1]! >= 0x80) {
      paired++;
      i++;
    }
  }
  return high > 0 && paired * 10 <= high;
}

type Detection = { ok: true; encoding: Encoding; body: Uint8Array } | DecodeFailure;

function legacy(encoding: string): DecodeFailure {
  return { ok: false, problem: problem('legacy_encoding', { encoding }) };
}

const UNKNOWN_ENCODING: DecodeFailure = { ok: false, problem: problem('unknown_encoding', {}) };

/** Whether GB18030 reads `g`'s bytes as Chinese text and fits them: all, or all but a few bytes (a file cut in a character). */
function fitsAsChinese(g: GbEvidence, body: Uint8Array): boolean {
  return readsAsChinese(g) && (g.invalid === 0 ? fits('gb18030', body) : g.invalid <= Math.max(1, g.typical / 20));
}

/**
 * Whether the GB18030 reading (`g`) tells more of the text than the UTF-8 one (`u`): most of what
 * UTF-8 reads is odd or invalid, and GB18030 reads more characters as GB2312's Chinese than UTF-8
 * reads as text. A GBK file that is valid UTF-8 (its Chinese characters all among the ~930 whose
 * two bytes are also a UTF-8 sequence) reads as letters of mixed scripts, odd; a UTF-8 file with
 * Chinese in it reads as text, and the three bytes of each of its characters are no GB2312 pair.
 */
function gbOverUtf8(u: Utf8Reading, g: GbEvidence): boolean {
  return u.odd + u.invalid > u.text && g.typical > u.text;
}

/** The encoding of `body` (bytes without a BOM), by evidence (see the top of this file). */
function detectBody(body: Uint8Array): Detection {
  const utf8: Detection = { ok: true, encoding: 'utf-8', body };
  if (plainUtf8(body)) return utf8;
  const u = utf8Reading(body, DEFAULT_PIECE_BYTES);
  const g = gbEvidence(body);
  if (gbOverUtf8(u, g) && fitsAsChinese(g, body)) {
    return readsAsKorean(g) && fits('euc-kr', body) ? legacy('EUC-KR') : { ok: true, encoding: 'gb18030', body };
  }
  // Valid UTF-8, or mostly: its few bad bytes become � (a stray byte, one row pasted from GBK).
  if (u.invalid === 0 || u.text + u.odd >= u.invalid) return utf8;
  // Accented letters between ASCII ones often happen to fit Big5 as well: Latin-1 first.
  if (latinShaped(body)) return legacy('Windows-1252');
  if (fits('big5', body)) return legacy('Big5');
  if (readsAsJapanese(body) && fits('shift_jis', body)) return legacy('Shift_JIS');
  // Some UTF-8, and nothing that fits better: each row with bad bytes is named.
  if (u.text + u.odd > 0) return utf8;
  return UNKNOWN_ENCODING;
}

/** Finds the encoding; `body` is the bytes of the text (no BOM, no end-of-file mark). */
function detect(bytes: Uint8Array): Detection {
  const refusal = refuse(bytes);
  if (refusal !== null) return { ok: false, problem: refusal };
  const { body, bom } = bodyOf(bytes);
  // A BOM says UTF-8: bytes that are not become � and their rows errors.
  if (bom) return { ok: true, encoding: 'utf-8-bom', body };
  return detectBody(body);
}

function labelOf(encoding: Encoding): string {
  return encoding === 'gb18030' ? 'gb18030' : 'utf-8';
}

/**
 * The streaming form for big files: the encoding is found first (no string of the whole file is
 * built), then `pieces()` decodes the file slice by slice, bytes that are not text of the encoding
 * as �. A streaming decoder carries a character split across two slices over to the next piece.
 */
export function createDecoder(bytes: Uint8Array): StreamDecoder {
  const found = detect(bytes);
  if (!found.ok) return found;
  const { encoding, body } = found;
  const empty = onlyWhitespace(body);
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

/**
 * The offset of the first byte above ASCII in `bytes`, or -1 when there is none. Read four bytes
 * at a time: an all-ASCII file of 100 MB is scanned in about 50 ms, and a file with Chinese in its
 * header stops at once.
 */
function firstAboveAscii(bytes: Uint8Array): number {
  const n = bytes.length;
  const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  for (let i = 0; i < head; i++) if (bytes[i]! >= 0x80) return i;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + head, (n - head) >>> 2);
  for (let w = 0; w < words.length; w++) {
    if ((words[w]! & 0x80808080) === 0) continue;
    for (let i = head + w * 4; ; i++) if (bytes[i]! >= 0x80) return i;
  }
  for (let i = head + words.length * 4; i < n; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

/** How far back from the first byte above ASCII utf8Sample looks for the start of its word. */
const WORD_BYTES = 256;

/**
 * Whether `body` reads as UTF-8, judged on the 64 KiB from its first byte above ASCII (from the
 * byte below 0x30 before it, so that the word it is in is read whole): ASCII reads the same in
 * every encoding, so a file whose first rows are English headers, codes and numbers is told by its
 * first Chinese, however late it comes. The sample must be valid (a character cut off at its end
 * is not held against it) and, when it holds letters above ASCII, be judged UTF-8 as detectBody
 * judges a whole file, on the sample up to its last byte below 0x30 (a line break, a comma: ASCII
 * in UTF-8 and no part of a GB18030 character, so no character of either encoding is cut). A GBK
 * file with English headers and Chinese values that happen to be valid UTF-8 shows itself here as
 * it does to detectBody.
 */
function utf8Sample(body: Uint8Array): boolean {
  const first = firstAboveAscii(body);
  if (first === -1) return true;
  // A word is never this long: a run of letters and digits without end starts the sample at `first`.
  const floor = Math.max(0, first - WORD_BYTES);
  let from = first;
  while (from > floor && body[from - 1]! >= 0x30) from--;
  if (from === floor && from > 0) from = first;
  const sample = body.subarray(from, from + SAMPLE_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(sample, { stream: true });
  } catch {
    return false;
  }
  if (!MAYBE_ODD.test(text)) return true;
  let end = sample.length;
  if (from + end < body.length) {
    while (end > 0 && sample[end - 1]! >= 0x30) end--;
  }
  const judged = detectBody(sample.subarray(0, end));
  return judged.ok && judged.encoding === 'utf-8';
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
 * second pass over every byte (a quarter to half a second per 100 MB). When 64 KiB from the first
 * byte above ASCII read as UTF-8 (utf8Sample), or the file has a BOM, this decoder assumes valid
 * UTF-8 for the whole file (both parts of a split read, parseFile) and checks the rest while it
 * decodes, strictly; a slice that turns out invalid makes `pieces()` throw EncodingMismatch, and
 * the caller starts again with createDecoder, which weighs the evidence. Returns null when the
 * sample already says that createDecoder must decide.
 */
export function createOptimisticDecoder(bytes: Uint8Array): StreamDecoder | null {
  if (refuse(bytes) !== null) return null;
  const { body, bom } = bodyOf(bytes);
  // A GBK file shows itself in its first rows (its headers, or its first Chinese values that are
  // invalid UTF-8 or read as odd letters): checking a sample rather than the first piece saves
  // decoding that piece twice; a later bad slice still ends in EncodingMismatch.
  if (!bom && !utf8Sample(body)) return null;
  if (onlyWhitespace(body)) return null;
  function pieces(pieceBytes = DEFAULT_PIECE_BYTES): Generator<string> {
    return utf8Range(body, 0, body.length, pieceBytes);
  }
  return { ok: true, encoding: bom ? 'utf-8-bom' : 'utf-8', pieces };
}

/**
 * The whole file as text, as createDecoder's pieces joined. An empty file (no bytes, only a BOM,
 * only white space) gives empty text: the caller reports that there is nothing to import.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const found = detect(bytes);
  if (!found.ok) return found;
  const { encoding, body } = found;
  if (onlyWhitespace(body)) return { ok: true, text: '', encoding };
  return { ok: true, text: new TextDecoder(labelOf(encoding), { ignoreBOM: true }).decode(body), encoding };
}

/** Where the text of a file lies in its bytes: after a UTF-8 BOM, before a DOS end-of-file mark. */
export function textBounds(bytes: Uint8Array): { from: number; to: number } {
  const from = startsWith(bytes, BOM_UTF8) ? BOM_UTF8.length : 0;
  return { from, to: Math.max(from, textEnd(bytes)) };
}

/**
 * bytes[from, to) decoded as UTF-8 `pieceBytes` at a time, strictly (EncodingMismatch on bytes
 * that are not), with no BOM taken off: a part of a file that an optimistic decoder would read
 * (parseFile's split into parts, which start at a line break).
 */
export function* utf8Range(
  bytes: Uint8Array,
  from: number,
  to: number,
  pieceBytes = DEFAULT_PIECE_BYTES,
): Generator<string> {
  const size = Number.isInteger(pieceBytes) && pieceBytes > 0 ? pieceBytes : DEFAULT_PIECE_BYTES;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let piece: string;
  for (let off = from; off < to; off += size) {
    try {
      piece = decoder.decode(bytes.subarray(off, Math.min(to, off + size)), { stream: true });
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
