// A chart's data table as CSV, written by the product's one CSV writer (src/domain/csvWrite.ts):
// BOM for Excel, CRLF rows, quoted where needed, and text that a spreadsheet would run as a
// formula neutralised.
import { tableCsv } from '@/domain/csvWrite';
import type { DataTable } from './common';

export function tableToCsv(table: DataTable): string {
  return tableCsv([table.columns, ...table.rows]);
}

/** A file name for a chart's download: the chart title without characters file systems reject. */
export function fileNameFor(title: string, ext: 'csv' | 'png'): string {
  const base = title.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'chart';
  return `${base}.${ext}`;
}
