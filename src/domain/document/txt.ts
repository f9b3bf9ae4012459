// Plain-text reports (.txt), UTF-8 or GB18030 (detected, never asked). Each non-blank line is a
// paragraph. Tables come flattened the way Word's "save as text" and the seed reports write them:
// every cell on a line of its own that starts with a tab (a cell's further lines follow without
// one), a blank line after each row, and the table over at the first line that is neither; or one
// row per line, the cells split by tabs or aligned by spaces (./txtRows).
import { decodeBytes } from '@/domain/decode';
import { readFailure, type ReadResult } from './readResult';
import { gridOfTexts } from './cells';
import { lineTable } from './txtRows';
import type { Block } from './types';

// Word bookmarks that some converters print into the text (`[bookmark: _GoBack]`): not the report's words.
const BOOKMARK = /\[bookmark: [^\]]*\]/g;

const isTableLine = (line: string): boolean => line.startsWith('\t');
const isBlank = (line: string): boolean => line.trim() === '';

/** Reads the rows of a table that starts at lines[start]; returns them and the first line after it. */
function readTable(lines: readonly string[], start: number): { rows: string[][]; next: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line) && !line.includes('\t')) {
      if (row.length > 0) rows.push(row);
      row = [];
      // The table goes on only when the next non-blank line is a cell again.
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j]!) && !lines[j]!.includes('\t')) j++;
      if (j >= lines.length || !isTableLine(lines[j]!)) return { rows, next: j };
      i = j - 1;
    } else if (isTableLine(line)) {
      for (const piece of line.slice(1).split('\t')) row.push(piece.trim());
    } else if (row.length > 0) {
      row[row.length - 1] = `${row[row.length - 1]}\n${line.trim()}`.trim();
    } else {
      break;
    }
  }
  if (row.length > 0) rows.push(row);
  return { rows, next: i };
}

/** Tab-indented prose read as a "table": rows of one cell, or one row of sentences, are paragraphs. */
function isIndentedProse(rows: readonly string[][]): boolean {
  if (rows.every((r) => r.length <= 1)) return true;
  if (rows.length > 1) return false;
  const cells = rows[0] ?? [];
  return cells.filter((c) => c.length > 15 && /[。；]/.test(c)).length * 2 >= cells.length;
}

export function readTxt(bytes: Uint8Array): ReadResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return readFailure('txt_not_text', {});
  const lines = decoded.text
    .replace(/^\uFEFF/, '')
    .replace(BOOKMARK, '')
    .split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let paragraph = 0;
  let table = 0;
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    if (isTableLine(line) && (line.trim() !== '' || isTableLine(lines[i + 1] ?? ''))) {
      const { rows, next } = readTable(lines, i);
      if (!isIndentedProse(rows)) {
        blocks.push({ type: 'table', grid: gridOfTexts(rows), at: { table: ++table, line: i + 1 } });
        i = Math.max(next, i + 1);
        continue;
      }
    }
    const perLine = lineTable(lines, i);
    if (perLine) {
      blocks.push({ type: 'table', grid: gridOfTexts(perLine.rows), at: { table: ++table, line: i + 1 } });
      for (const u of perLine.unread)
        blocks.push({
          type: 'paragraph',
          text: lines[u]!.trim(),
          heading: 0,
          at: { paragraph: ++paragraph, line: u + 1 },
        });
      i = perLine.next;
      continue;
    }
    const text = line.trim();
    if (text !== '') blocks.push({ type: 'paragraph', text, heading: 0, at: { paragraph: ++paragraph, line: i + 1 } });
    i++;
  }
  if (blocks.length === 0) return readFailure('document_empty', {});
  return { ok: true, doc: { format: 'txt', blocks } };
}
