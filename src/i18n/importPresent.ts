// How the data page writes values: stored values in the preview, changed figures, sizes, and the
// issue list as a CSV download. Pure functions over a translator (words.ts), so the components
// stay small and these are testable.
import { tableCsv } from '@/domain/csvWrite';
import { fixed2, formatAmount, formatPercent, MISSING } from '@/i18n/format';
import { SCHEMA } from '@/domain/schema';
import type { Delimiter, FindingKind, FundCategory, Grade, Issue, Kind, Scope } from '@/domain/types';
import { issueCell, problemText } from './issueText';
import { categoryWord, findingKindWord, gradeWord, isChinese, scopeWord, type Words } from './words';

function typeOf(kind: Kind, field: string) {
  return SCHEMA[kind].find((s) => s.name === field)?.type;
}

/** An enumerated value in words, or null when the field holds none. */
function enumWord(kind: Kind, field: string, value: string, w: Words): string | null {
  const type = typeOf(kind, field);
  if (type === 'scope') return scopeWord(value as Scope, w);
  if (type === 'grade') return gradeWord(value as Grade, w);
  if (type === 'category') return categoryWord(value as FundCategory, w);
  if (type === 'findingKind') return findingKindWord(value as FindingKind, w);
  return null;
}

/**
 * A value as it will be stored, for a table whose header names the unit (fieldLabel): amounts
 * and scores with two decimals, percents with %, years plainly, scope, grade and category in
 * words, no value as '—', text as written.
 */
export function previewValue(kind: Kind, field: string, value: unknown, w: Words): string {
  if (value === null || value === undefined || value === '') return MISSING;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return MISSING;
    const type = typeOf(kind, field);
    if (type === 'percent') return formatPercent(value);
    if (type === 'integer') return String(value);
    return fixed2(value);
  }
  const text = String(value);
  return enumWord(kind, field, text, w) ?? text;
}

/** A figure in a before → after list, with its unit: amounts in 万元, percents with %, two decimals. */
export function changeValue(kind: Kind, field: string, value: string | number | null, w: Words): string {
  if (value === null || value === '') return MISSING;
  if (typeof value === 'number' && typeOf(kind, field) === 'amount')
    return formatAmount(value, isChinese(w.locale) ? 'zh-CN' : 'en');
  return previewValue(kind, field, value, w);
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

/**
 * The issues of one file as a CSV for the analyst to work through in a spreadsheet, written by the
 * product's one CSV writer (src/domain/csvWrite.ts): BOM for Excel, columns file / row / column /
 * message / code in the page's language, formulas neutralised like every export.
 */
export function issuesCsv(fileName: string, issues: readonly Issue[], total: number, w: Words): string {
  const h = (k: string) => w.t(`importer.issues.csv.${k}`);
  const rows: Array<Array<string | number | null>> = [[h('file'), h('row'), h('column'), h('message'), h('code')]];
  for (const i of issues)
    rows.push([i.file ?? fileName, issueCell(i) ?? i.row, i.column ?? null, problemText(i, w), i.code]);
  if (total > issues.length) {
    const more = w.t('importer.issues.csv.more', { n: total - issues.length }, total - issues.length);
    rows.push([null, null, null, more, null]);
  }
  return tableCsv(rows);
}

/** The download name of a file's issue list: `名单.csv` → `名单-错误.csv` (`名单-errors.csv` in English). */
export function issuesFileName(fileName: string, what: 'errors' | 'warnings', w: Words): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  return `${stem}-${w.t(`importer.issues.fileSuffix.${what}`)}.csv`;
}
