// A chart's data table as CSV, written by the product's one CSV writer (src/domain/csvWrite.ts):
// BOM for Excel, CRLF rows, quoted where needed, and text that a spreadsheet would run as a
// formula neutralised. Numbers as the screen writes them, less the separators: two fixed decimals
// (whole numbers for ranks and years), each column's unit in its header (预算执行率（%）), not in
// the cells.
import { csvDocument, csvLine, csvText } from '@/domain/csvWrite';
import { round2 } from '@/domain/derive';
import { unitWord, withUnit, type Lang } from '@/i18n/format';
import type { ColumnUnit, DataTable } from './common';

function cell(v: string | number | null, unit: ColumnUnit | null | undefined): string {
  if (v === null) return '';
  if (typeof v === 'string') return csvText(v);
  if (!Number.isFinite(v)) return '';
  // A negative number is a number, not a formula: never neutralised (and it holds nothing to quote).
  return unit === 'integer' ? String(Math.round(v)) : round2(v).toFixed(2);
}

function unitText(unit: ColumnUnit | null | undefined, lang: Lang): string | null {
  if (unit === 'amount') return unitWord('wan', lang);
  if (unit === 'percent') return '%';
  if (unit === 'score') return unitWord('points', lang);
  return null;
}

/** The header of a column: with its unit unless it already names one. */
function header(name: string, unit: ColumnUnit | null | undefined, lang: Lang): string {
  const u = unitText(unit, lang);
  return u === null || name.includes(`（${u}）`) || name.includes(`(${u})`) ? name : withUnit(name, u, lang);
}

export function tableToCsv(table: DataTable, lang: Lang = 'zh-CN'): string {
  const head = table.columns.map((c, i) => cell(header(c, table.units?.[i], lang), null));
  const rows = table.rows.map((row) => csvLine(row.map((v, i) => cell(v, table.units?.[i]))));
  return csvDocument([csvLine(head), ...rows]);
}

/** A file name for a chart's download: the chart title without characters file systems reject. */
export function fileNameFor(title: string, ext: 'csv' | 'png'): string {
  const base = title.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'chart';
  return `${base}.${ext}`;
}
