// The typed-cell rules: how a spreadsheet cell becomes the text the contract's row reader parses.
// A number cell is used as the number (never re-parsed from what its format displays); a
// percent-formatted cell holds a fraction (0.9692 shown as 96.92% is 96.92 percent points); a
// date cell in a year column gives its year. Text cells go through as the CSV reader would see
// them.
import { neutralize, plainNumber } from '@/domain/exportCsv';
import type { FieldSpec } from '@/domain/schema';
import { isDateFormat, isPercentFormat, percentPoints, serialYear } from './numberFormat';

/** What the rules read of a cell: a sheet's cell view or a document-model table cell. */
export interface TypedCell {
  readonly text: string;
  readonly value?: number | boolean | null;
  readonly format?: string;
}

/**
 * The text the row reader should parse for `cell` in a column of field `spec` (undefined for a
 * column that maps to no field). Text columns are neutralised here because the row reader
 * un-neutralises every text cell (the CSV export rule): a workbook's text is exact as stored.
 */
export function cellInput(cell: TypedCell | null | undefined, spec: FieldSpec | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'number' && spec !== undefined) {
    const percent = isPercentFormat(cell.format);
    const date = isDateFormat(cell.format);
    switch (spec.type) {
      case 'percent':
        if (percent) return plainNumber(percentPoints(v));
        return date ? cell.text : plainNumber(v);
      case 'amount':
      case 'number':
        // A percent or a date in an amount column is shown as written, so the reader rejects it.
        return percent || date ? cell.text : plainNumber(v);
      case 'integer':
        if (date) return String(serialYear(v));
        return percent ? cell.text : plainNumber(v);
      default:
        break;
    }
  }
  return spec?.type === 'text' ? neutralize(cell.text) : cell.text;
}

/**
 * True for a plain number between 0 and 1 (exclusive of 0) in a percent column that is not
 * formatted as a percent: 0.9692 there reads as 0.9692 %, which is rarely what was meant.
 */
export function looksLikeBareFraction(cell: TypedCell | null | undefined, spec: FieldSpec | undefined): boolean {
  if (!cell || spec?.type !== 'percent' || typeof cell.value !== 'number') return false;
  if (isPercentFormat(cell.format)) return false;
  const x = Math.abs(cell.value);
  return x > 0 && x <= 1;
}
