// Figures of a form cell: the typed value of a spreadsheet cell when it has one (never re-parsed
// from its display text), else the cell's text read by the contract's value rules (thousands
// separators, full-width digits, `90万元`, `96.92%`, `8分`; `—`, `/`, `无` and blank mean none).
import type { TableCell } from '@/domain/document/types';
import { isPercentFormat, percentPoints } from '@/domain/workbook/numberFormat';
import { isEmptyMarker, parseAmount, parseNumber, parsePercent } from '@/domain/values';

/** A figure read from a cell: `value` null for no value; `bad` when the text is no figure at all. */
export interface CellFigure {
  value: number | null;
  bad: boolean;
}

const NONE: CellFigure = { value: null, bad: false };

function fromText(r: { ok: true; value: number | null } | { ok: false }): CellFigure {
  return r.ok ? { value: r.value, bad: false } : { value: null, bad: true };
}

function round6(x: number): number {
  return Number(x.toFixed(6));
}

/** An amount in 万元; `scale` converts the form's unit (元: 0.0001). */
export function amountOf(cell: TableCell | undefined, scale: number): CellFigure {
  if (!cell) return NONE;
  if (typeof cell.value === 'number') {
    if (cell.value < 0) return { value: null, bad: true };
    return { value: round6(cell.value * scale), bad: false };
  }
  if (isEmptyMarker(cell.text)) return NONE;
  return fromText(parseAmount(cell.text, scale));
}

/** A percentage in percent points (a percent-formatted 0.9692 is 96.92). */
export function percentOf(cell: TableCell | undefined): CellFigure {
  if (!cell) return NONE;
  if (typeof cell.value === 'number') {
    return { value: isPercentFormat(cell.format) ? percentPoints(cell.value) : cell.value, bad: false };
  }
  if (isEmptyMarker(cell.text)) return NONE;
  return fromText(parsePercent(cell.text));
}

/** A weight or a score (non-negative; `8.5分` is 8.5). */
export function numberOf(cell: TableCell | undefined): CellFigure {
  if (!cell) return NONE;
  if (typeof cell.value === 'number')
    return cell.value < 0 ? { value: null, bad: true } : { value: cell.value, bad: false };
  if (isEmptyMarker(cell.text)) return NONE;
  return fromText(parseNumber(cell.text));
}
