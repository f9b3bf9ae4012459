// The unit of a form's amounts, wherever the form states it: in a column label (`项目资金（元）`,
// `年初预算数（万元）`), in a note cell or caption row above the funds block (`单位：元`), or in a
// paragraph above a Word form's table (`金额单位：元`, `填报单位：某局　金额单位：元`). The nearest
// statement wins; statements that disagree are kept so the reader can say so.
import { unitNotesIn } from '@/domain/unitNote';
import { cellLocation, type FormRow } from './formRows';
import { labelKey, unitScale } from './labels';
import type { FormParagraph } from './metaFacts';

/** One place the form states its unit: the multiplier to 万元, the text as written and where it stands. */
export interface UnitStatement {
  scale: number;
  text: string;
  location: string;
}

export interface AmountUnit {
  /** Multiplier to 万元 of the block's amounts (1 when the form states none). */
  scale: number;
  /** The statement the scale is taken from, when there is one. */
  stated: UnitStatement | null;
  /** The first statement (nearest first) of another unit, when the form states two. */
  conflict: UnitStatement | null;
}

/** The unit a text states, or null: a bracket in a label, a cell that is a unit, or a `单位：元` note inside a longer text. */
export function statedScale(text: string): number | null {
  const s = labelKey(text).scale ?? unitScale(text);
  if (s !== null) return s;
  const note = unitNotesIn(text)[0];
  return note === undefined ? null : unitScale(note);
}

/** The unit of the amounts of a block whose header is `rows[header]`: the header, the rows above it, then the paragraphs above the table. */
export function amountUnit(
  rows: readonly FormRow[],
  header: number,
  paragraphs: readonly FormParagraph[] = [],
  headerRows = 1,
): AmountUnit {
  const found: UnitStatement[] = [];
  for (let i = Math.min(rows.length - 1, header + headerRows - 1); i >= 0; i--) {
    const row = rows[i]!;
    for (const cell of row.cells) {
      const scale = statedScale(cell.text);
      if (scale !== null) found.push({ scale, text: cell.text.trim(), location: cellLocation(row.table, cell) });
    }
  }
  for (let p = paragraphs.length - 1; p >= 0; p--) {
    const paragraph = paragraphs[p]!;
    const scale = statedScale(paragraph.text);
    if (scale !== null) found.push({ scale, text: paragraph.text.trim(), location: paragraph.location });
  }
  const stated = found[0] ?? null;
  const conflict = stated ? (found.find((s) => s.scale !== stated.scale) ?? null) : null;
  return { scale: stated?.scale ?? 1, stated, conflict };
}
