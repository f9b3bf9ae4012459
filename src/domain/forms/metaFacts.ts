// Single facts of a form outside its tables: a label cell and the value to its right (项目名称 |
// 某项目), or both in one cell (`单位（盖章）：某局`). Also the title and the year it states.
import type { TableCell } from '@/domain/document/types';
import { lastCol, type FormRow } from './formRows';
import { FUND_COLUMNS, INDICATOR_COLUMNS, labelKey, META_LABELS, statedYear, titleScope, unitScale } from './labels';
import type { FormScope, MetaLabel } from './labels';

export interface MetaFact {
  label: MetaLabel;
  /** The text of the value, as written. */
  text: string;
  /** The cell the value was read from (the label's own cell for `label：value`). */
  cell: TableCell;
  row: FormRow;
  /** The label as written, for locations in Word tables. */
  written: string;
}

/** A paragraph of the document before a form's table, and where it stands (`第3段`). */
export interface FormParagraph {
  text: string;
  location: string;
}

export interface FormHeading {
  scope: FormScope | null;
  year: { year: number; text: string; cell?: TableCell; row?: FormRow; paragraph?: FormParagraph } | null;
}

function isAnyLabel(text: string): boolean {
  const key = labelKey(text).key;
  return META_LABELS.has(key) || FUND_COLUMNS.has(key) || INDICATOR_COLUMNS.has(key);
}

/** `单位（盖章）：某局` → label and value; null when the cell is no such pair. */
function splitPair(text: string): { label: MetaLabel; written: string; value: string } | null {
  const m = /^([^:：]{1,20})[:：]\s*(.+)$/s.exec(text.trim());
  if (!m) return null;
  const label = META_LABELS.get(labelKey(m[1]!).key);
  return label === undefined ? null : { label, written: m[1]!.trim(), value: m[2]!.trim() };
}

/** Every label–value fact in the rows (in reading order; a label may occur more than once). */
export function metaFacts(rows: readonly FormRow[]): MetaFact[] {
  const out: MetaFact[] = [];
  for (const row of rows) {
    row.cells.forEach((cell, k) => {
      const t = cell.text.trim();
      if (t === '') return;
      const label = META_LABELS.get(labelKey(t).key);
      if (label !== undefined) {
        const value = row.cells.slice(k + 1).find((c) => c.col > lastCol(cell) && c.text.trim() !== '');
        if (value && !isAnyLabel(value.text)) {
          out.push({ label, text: value.text.trim(), cell: value, row, written: t });
        }
        return;
      }
      const pair = splitPair(t);
      // A unit note (`单位：万元`) names no agency.
      if (pair && unitScale(pair.value) === null)
        out.push({ label: pair.label, text: pair.value, cell, row, written: pair.written });
    });
  }
  return out;
}

/** The form's title scope and stated year, from its first rows and the paragraphs before it. */
export function formHeading(rows: readonly FormRow[], paragraphs: readonly FormParagraph[]): FormHeading {
  let scope: FormScope | null = null;
  let year: FormHeading['year'] = null;
  for (const p of paragraphs) {
    scope ??= titleScope(p.text);
    const y = statedYear(p.text);
    if (y !== null && year === null) year = { year: y, text: p.text.trim(), paragraph: p };
  }
  for (const row of rows.slice(0, 6)) {
    for (const cell of row.cells) {
      scope ??= titleScope(cell.text);
      const y = statedYear(cell.text);
      if (y !== null && year === null) year = { year: y, text: cell.text.trim(), cell, row };
    }
  }
  return { scope, year };
}
