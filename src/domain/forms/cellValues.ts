// Figures of a form cell: the typed value of a spreadsheet cell when it has one (never re-parsed
// from its display text), else the cell's text read by the contract's value rules (thousands
// separators, full-width digits, `90万元`, `96.92%`, `8分`; `—`, `/`, `无` and blank mean none).
// A form's rate or score is what the form shows: a typed value is kept to the decimals its cell
// displays (a formula's 0.98931719… shown as 98.93% is 98.93), so that a form read as .xlsx gives
// the figures the same form gives as .docx, and the figures its evidence quotes. Amounts keep
// their exact value: a column shown without decimals (#,##0) would otherwise lose up to 0.5 of its
// unit, which for a small project in 万元 is a real sum.
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

/** One number written plainly (`98.93%`, `¥1,135,800.00`, `(12.5)`): its digits after the point; null for any other text (a fraction, a date, `1.2E+11`). */
function shownDecimals(text: string): number | null {
  const m = /^[^\d]*\d[\d,]*(?:\.(\d+))?[^\d]*$/.exec(text.trim());
  return m ? (m[1]?.length ?? 0) : null;
}

/** The typed value `x` of `cell` to the decimals the cell shows, rounded half away from zero as spreadsheets display. */
function asShown(x: number, cell: TableCell): number {
  const d = shownDecimals(cell.text);
  if (d === null || !Number.isFinite(x)) return x;
  const rounded = Number(`${Math.round(Number(`${Math.abs(x)}e${d}`))}e-${d}`);
  return x < 0 ? -rounded : rounded;
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
    const points = isPercentFormat(cell.format) ? percentPoints(cell.value) : cell.value;
    return { value: asShown(points, cell), bad: false };
  }
  if (isEmptyMarker(cell.text)) return NONE;
  return fromText(parsePercent(cell.text));
}

/** A weight or a score (non-negative; `8.5分` is 8.5). */
export function numberOf(cell: TableCell | undefined): CellFigure {
  if (!cell) return NONE;
  if (typeof cell.value === 'number')
    return cell.value < 0 ? { value: null, bad: true } : { value: asShown(cell.value, cell), bad: false };
  if (isEmptyMarker(cell.text)) return NONE;
  return fromText(parseNumber(cell.text));
}
