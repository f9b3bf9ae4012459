// What a page break cut, put back together: a paragraph that goes on over the break, and a table
// that goes on in the next page's first table (its repeated header row left out).
import type { Block, Table, TableCell } from './types';

/**
 * What a page break cut: the last paragraph of a page that ends no sentence goes on in the first
 * paragraph of the next page (unless that one is a heading or a numbered item); a table that ends
 * a page goes on in a table of as many columns that starts the next, its header row, if repeated,
 * left out. Tables after a joined one are numbered on, as a reader counts them.
 */
export function joinAcrossPages(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let joinedTables = 0;
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (
      prev?.type === 'paragraph' &&
      b.type === 'paragraph' &&
      prev.at.page !== b.at.page &&
      prev.heading === 0 &&
      b.heading === 0 &&
      !/[。！？!?：:；;]$/.test(prev.text) &&
      !/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d))/.test(b.text)
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + b.text };
      continue;
    }
    if (prev?.type === 'table' && b.type === 'table' && prev.at.page !== b.at.page) {
      const joined = joinTables(prev, b);
      if (joined) {
        out[out.length - 1] = joined;
        joinedTables++;
        continue;
      }
    }
    out.push(b.type === 'table' && joinedTables > 0 ? { ...b, at: { ...b.at, table: b.at.table! - joinedTables } } : b);
  }
  return out;
}

const rowText = (row: readonly (TableCell | null)[] | undefined): string =>
  (row ?? []).map((c) => c?.text ?? '').join('|');

/**
 * The rows of `next` after those of `table`, when both have as many columns; else null. Each
 * row brought over keeps its cells (a merged cell's mark among them) and the page it stands on.
 */
function joinTables(table: Table, next: Table): Table | null {
  const width = (t: Table): number => t.grid[0]?.length ?? 0;
  if (width(table) === 0 || width(table) !== width(next)) return null;
  const repeated = rowText(next.grid[0]) === rowText(table.grid[0]);
  const offset = table.grid.length - (repeated ? 1 : 0);
  const below = next.grid
    .slice(repeated ? 1 : 0)
    .map((row) => row.map((c) => c && { ...c, row: c.row + offset, page: c.page ?? next.at.page }));
  return { ...table, grid: [...table.grid, ...below] };
}
