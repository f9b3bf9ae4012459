// What a file holds when its name promises a format its bytes are not: a zero-byte .xlsx, a text
// file renamed .xlsx, a web page saved as .xls (as some systems export their tables). The readers
// then say what the file is instead of "unsupported format" or a header error.
import { decodeBytes } from './decode';
import { problem, type Problem } from './issues';

/** Extensions of the formats told by their bytes: workbooks, Word documents, PDF. */
const BINARY_EXTENSION = /\.(xlsx|xlsm|xls|et|ods|docx|docm|pdf)$/i;

/** The extension of a format told by its bytes that `fileName` ends in (`.xlsx`, as written), or null. */
export function binaryExtension(fileName: string): string | null {
  return BINARY_EXTENSION.exec(fileName)?.[0] ?? null;
}

/** Bytes looked at: what a file is shows in its first ones. */
const HEAD_BYTES = 64 * 1024;

export type ContentGuess = 'empty' | 'container' | 'html' | 'text' | 'unknown';

/** First bytes of the containers workbooks, Word documents and PDFs come in: zip, compound file, PDF. */
const CONTAINERS: readonly (readonly number[])[] = [
  [0x50, 0x4b],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x25, 0x50, 0x44, 0x46],
];

/**
 * What bytes look like: empty, one of the containers the readers know (whose reader says what is
 * wrong with it), a web page, text, or none of these.
 */
export function guessContent(bytes: Uint8Array): ContentGuess {
  if (bytes.length === 0) return 'empty';
  if (CONTAINERS.some((sig) => sig.every((b, i) => bytes[i] === b))) return 'container';
  const decoded = decodeBytes(bytes.subarray(0, HEAD_BYTES));
  if (!decoded.ok) return 'unknown';
  const text = decoded.text.trimStart();
  if (text === '') return 'empty';
  if (/^(<!doctype html|<html[\s>]|<table[\s>])/i.test(text) || /<html[\s>]/i.test(text.slice(0, 2048))) return 'html';
  return 'text';
}

/**
 * Why a file its readers do not recognise cannot be read, when its bytes tell more than "an
 * unsupported format": it is empty, or its name has the extension of a workbook, Word document or
 * PDF while it holds text, a web page or something else. Null when neither.
 */
export function misnamedContent(bytes: Uint8Array, fileName: string): Problem | null {
  const extension = binaryExtension(fileName);
  if (extension === null) return bytes.length === 0 ? problem('empty_file', {}) : null;
  const content = guessContent(bytes);
  if (content === 'empty') return problem('empty_file', {});
  if (content === 'container') return null;
  if (content === 'html') return problem('extension_mismatch_html', { extension });
  if (content === 'text') return problem('extension_mismatch_text', { extension });
  return problem('extension_mismatch', { extension });
}
