// Lines above a table's header: what may stand there (a title, a note of the unit, a date) and the
// unit of amounts such a line states — 单位：元, 金额单位：万元, （单位：亿元）, at the end of a
// title — as Chinese statistical tables write it once instead of a unit in each header. Amount
// columns whose header names no unit of its own are read in it: otherwise a table in 元 is read as
// 万元, ten thousand times too large, with nothing to see.
import { amountUnitScale, fieldOfLabel } from './headers';
import { issue, type Issue } from './issues';
import { SCHEMA } from './schema';
import { KINDS, type HeaderMapping, type Kind } from './types';
import { unitNotesIn } from './unitNote';

/** Lines a CSV file may have above its header (a workbook looks at its first 10 rows likewise). */
export const MAX_LINES_ABOVE = 9;

/** A line above the header, with its spreadsheet row. */
export interface LineAbove {
  row: number;
  cells: readonly string[];
}

/**
 * Whether a line before any header is one that stands above it: at most two cells with text (a
 * header needs three required columns, so such a line can never be one), none of them a column
 * label of any kind (`agency,year` is a header missing a column, and is told so).
 */
export function isLineAboveHeader(cells: readonly string[]): boolean {
  let filled = 0;
  for (const cell of cells) {
    if (cell.trim() === '') continue;
    if (++filled > 2) return false;
    if (KINDS.some((kind) => fieldOfLabel(kind, cell) !== null)) return false;
  }
  return true;
}

export interface StatedUnit {
  /** The unit as the table names it: 元, 万元, 千元 or 亿元. */
  unit: string;
  /** Its multiplier to 万元. */
  scale: number;
  /** The spreadsheet row of the line that states it. */
  row: number;
}

/** What the lines above a header say of the unit of amounts. */
export type UnitAbove = { unit: StatedUnit | null; error: Issue | null };

/**
 * The unit of amounts stated on the lines above a header (each with its row). Two lines stating
 * different units leave the table's amounts unreadable for sure: an error on the header's row.
 */
export function unitAbove(lines: readonly LineAbove[], headerRow: number): UnitAbove {
  let found: StatedUnit | null = null;
  for (const line of lines) {
    for (const unit of line.cells.flatMap(unitNotesIn)) {
      const scale = amountUnitScale(unit);
      if (scale === undefined) continue;
      if (found === null) found = { unit, scale, row: line.row };
      else if (found.unit !== unit) {
        const params = { first: found.unit, firstRow: found.row, second: unit, secondRow: line.row };
        return { unit: null, error: issue('stated_units_differ', params, headerRow) };
      }
    }
  }
  return { unit: found, error: null };
}

/**
 * The header mapping with `stated` applied to each amount column that names no unit itself (a
 * unit in a header's own brackets is the more specific and is kept), and a warning on the
 * header's row naming the unit, its line and the columns read in it; no warning when no column was.
 */
export function applyStatedUnit(
  kind: Kind,
  headers: readonly HeaderMapping[],
  stated: StatedUnit,
  headerRow: number,
): { headers: HeaderMapping[]; warning: Issue | null } {
  const amounts = new Set(SCHEMA[kind].filter((f) => f.type === 'amount').map((f) => f.name));
  const columns: string[] = [];
  const out = headers.map((h) => {
    if (h.field === null || !amounts.has(h.field) || h.unit !== '') return h;
    columns.push(h.written);
    return { ...h, scale: stated.scale, unit: stated.unit };
  });
  if (columns.length === 0) return { headers: out, warning: null };
  const params = { unit: stated.unit, row: stated.row, columns: columns.join('\n') };
  return { headers: out, warning: issue('amount_unit_stated', params, headerRow) };
}
