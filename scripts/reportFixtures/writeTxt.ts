// Text files as Word's "save as text" writes a report: one paragraph a line, every table cell on a
// line of its own that starts with a tab, a blank line after each row; a merged cell's text once,
// the rows it reaches down to with an empty cell there, the columns it spans with nothing.
import { placeCells, type SpecBlock } from './spec';
import { encodeGb18030 } from './gb18030';

export function txtText(blocks: readonly SpecBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if ('h' in b) lines.push(b.text);
    else if ('p' in b) lines.push(b.p);
    else {
      const { cells } = placeCells(b.table);
      const rows = Math.max(...cells.map((c) => c.row + c.rowSpan));
      for (let r = 0; r < rows; r++) {
        const inRow = cells
          .filter((c) => c.row === r || (c.row < r && c.row + c.rowSpan > r))
          .sort((a, b2) => a.col - b2.col);
        for (const c of inRow) lines.push(`\t${c.row === r ? c.text : ''}`);
        lines.push('');
      }
      lines.push('');
    }
  }
  return lines.join('\r\n') + '\r\n';
}

export function txtBytes(blocks: readonly SpecBlock[], encoding: 'utf-8' | 'gb18030'): Uint8Array {
  const text = txtText(blocks);
  return encoding === 'utf-8' ? new TextEncoder().encode(text) : encodeGb18030(text);
}
