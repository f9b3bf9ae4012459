// A quick look at a file's header row, to parse the files of one upload in the right order
// (records before the indicators and funds that refer to them) before any file is fully read.
// The full parse decides everything for real; a wrong guess here only costs a re-ordering.
import { isLineAboveHeader, MAX_LINES_ABOVE } from '@/domain/aboveHeader';
import { contentLines, delimiterOfLines } from '@/domain/csvStream';
import { mapHeaders } from '@/domain/headers';
import type { Kind } from '@/domain/types';
import Papa from 'papaparse';

/** Bytes enough for any header row people write. */
const HEAD_BYTES = 64 * 1024;

function decodeHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, HEAD_BYTES);
  const utf8 = new TextDecoder('utf-8').decode(head);
  // A replacement character well before the cut-off means the head is not UTF-8: GBK is what's left.
  const bad = utf8.indexOf('\uFFFD');
  if (bad !== -1 && bad < utf8.length - 4) return new TextDecoder('gb18030').decode(head);
  return utf8;
}

/** The kind a file's header row fits, or null when it fits none (the parse will say why). */
export function sniffKind(bytes: Uint8Array): Kind | null {
  const text = decodeHead(bytes)
    .replace(/^\uFEFF/, '')
    .replace(/^\s+/, '');
  const lines = contentLines(text, MAX_LINES_ABOVE + 1);
  const delimiter = delimiterOfLines(lines) ?? ',';
  // The header is the first line that cannot stand above one (a title, a note of the unit).
  for (const line of lines) {
    const cells = Papa.parse<string[]>(line, { delimiter, header: false }).data[0];
    if (!cells) return null;
    if (!isLineAboveHeader(cells)) return mapHeaders(cells).kind;
  }
  return null;
}
