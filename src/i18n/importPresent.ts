// How the data page writes values: field labels, stored values, changed figures, sizes, and the
// issue list as a CSV download. Pure functions, so the components stay small and these are testable.
import { neutralize, plainNumber } from '@/domain/exportCsv';
import { fixed2, MISSING } from '@/i18n/format';
import { SCHEMA, type FieldSpec } from '@/domain/schema';
import type { Delimiter, Issue, Kind } from '@/domain/types';

function specOf(kind: Kind, field: string): FieldSpec | undefined {
  return SCHEMA[kind].find((s) => s.name === field);
}

/** A field's name on screen: the template's Chinese label in Chinese, the field name otherwise. */
export function fieldLabel(kind: Kind, field: string, locale: string): string {
  const spec = specOf(kind, field);
  if (!spec) return field;
  return locale.startsWith('zh') ? spec.label : spec.name;
}

/** A value as it will be stored: numbers written plainly, no value as '—', text as written. */
export function storedValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return MISSING;
  if (typeof value === 'number') return Number.isNaN(value) ? MISSING : plainNumber(value);
  return String(value);
}

/** A figure in a before → after list, with its unit: amounts in 万元, percents with %, two decimals. */
export function changeValue(kind: Kind, field: string, value: string | number | null, locale: string): string {
  if (value === null || value === '') return MISSING;
  if (typeof value !== 'number') return value;
  const type = specOf(kind, field)?.type;
  if (type === 'amount') return `${fixed2(value)} ${locale.startsWith('zh') ? '万元' : '×10k CNY'}`;
  if (type === 'percent') return `${fixed2(value)}%`;
  if (type === 'integer') return String(value);
  return fixed2(value);
}

/** A count with thousands separators, as the locale writes them: 1120379 → '1,120,379'. */
export function count(n: number, locale: string): string {
  return n.toLocaleString(locale.startsWith('zh') ? 'zh-CN' : 'en-US');
}

export function delimiterKey(d: Delimiter | null): 'comma' | 'tab' | 'semicolon' | null {
  if (d === ',') return 'comma';
  if (d === '\t') return 'tab';
  if (d === ';') return 'semicolon';
  return null;
}

export function formatBytes(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return MISSING;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${units[u]}`;
}

function csvCell(s: string): string {
  const safe = neutralize(s);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The issues of one file as a CSV for the analyst to work through in a spreadsheet: BOM for
 * Excel, columns file / row / column / message / code, formulas neutralised like every export.
 */
export function issuesCsv(fileName: string, issues: readonly Issue[], total: number): string {
  const lines = [['文件', '行', '列', '说明', '代码'].join(',')];
  for (const i of issues) {
    lines.push(
      [
        csvCell(fileName),
        i.row === null ? '' : String(i.row),
        csvCell(i.column ?? ''),
        csvCell(i.message),
        csvCell(i.code),
      ].join(','),
    );
  }
  if (total > issues.length)
    lines.push(['', '', '', csvCell(`……另有 ${total - issues.length} 条未列出`), ''].join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The download name of a file's issue list: `名单.csv` → `名单-错误.csv`. */
export function issuesFileName(fileName: string, what: 'errors' | 'warnings'): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  return `${stem}-${what === 'errors' ? '错误' : '提示'}.csv`;
}
