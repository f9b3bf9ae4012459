// A chart's data table as CSV, written the way the product's exports are: BOM for Excel,
// CRLF rows, quoted where needed, and text that a spreadsheet would run as a formula neutralised.
import { neutralize, plainNumber } from '@/domain/exportCsv';
import type { DataTable } from './common';

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? plainNumber(v) : neutralize(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableToCsv(table: DataTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name for a chart's download: the chart title without characters file systems reject. */
export function fileNameFor(title: string, ext: 'csv' | 'png'): string {
  const base = title.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'chart';
  return `${base}.${ext}`;
}
