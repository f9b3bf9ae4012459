// Which workbook format bytes hold, from their signature (the extension only tells .et from .xls:
// WPS writes its .et in the same compound-file container as Excel 97–2003).
import type { WorkbookFormat } from './types';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Names of the zip's entries as found in its local headers (enough to tell xlsx from docx). */
function zipNames(bytes: Uint8Array, limit = 64): string[] {
  const names: string[] = [];
  for (let i = 0; i + 30 < bytes.length && names.length < limit;) {
    if (!startsWith(bytes, ZIP, i)) break;
    const compressed = bytes[i + 18]! | (bytes[i + 19]! << 8) | (bytes[i + 20]! << 16) | (bytes[i + 21]! << 24);
    const nameLen = bytes[i + 26]! | (bytes[i + 27]! << 8);
    const extraLen = bytes[i + 28]! | (bytes[i + 29]! << 8);
    names.push(ascii(bytes, i + 30, i + 30 + nameLen));
    const flags = bytes[i + 6]! | (bytes[i + 7]! << 8);
    // Sizes deferred to a data descriptor (bit 3): stop here, the names seen so far decide.
    if (flags & 0x08 || compressed < 0) break;
    i += 30 + nameLen + extraLen + compressed;
  }
  return names;
}

/** The workbook format of the bytes, or null when they are no workbook (a .docx is no workbook). */
export function workbookFormat(bytes: Uint8Array, fileName: string): WorkbookFormat | null {
  if (startsWith(bytes, OLE)) return /\.et$/i.test(fileName) ? 'et' : 'xls';
  if (!startsWith(bytes, ZIP)) return null;
  if (ascii(bytes, 30, 38) === 'mimetype' && ascii(bytes, 38, 84).includes('opendocument.spreadsheet')) return 'ods';
  const names = zipNames(bytes);
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('word/'))) return null;
  // OpenDocument: a spreadsheet names its media type in the (usually stored) mimetype or manifest entry.
  if (names.some((n) => n === 'mimetype' || n === 'content.xml' || n === 'META-INF/manifest.xml')) {
    const head = ascii(bytes, 0, 65536);
    if (head.includes('opendocument.spreadsheet')) return 'ods';
    return /\.ods$/i.test(fileName) ? 'ods' : null;
  }
  // Entries listed only in the central directory (streamed zips): trust the extension.
  return /\.(xlsx|xlsm)$/i.test(fileName) ? 'xlsx' : null;
}
