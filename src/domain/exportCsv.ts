// Writing rows back out as CSV files of the data contract, and the one import-side rule that
// undoes the export's formula neutralisation.
//
// Why neutralise: Excel and WPS evaluate a cell that starts with = + - @ (and, via DDE tricks,
// one starting with a tab or CR) as a formula when they open a CSV, so a text such as
// `=HYPERLINK(...)` or `-2+3` taken from an uploaded file would run or be rewritten in the
// spreadsheet of whoever opens the export. A leading apostrophe makes them show the text as
// written. The importer drops that apostrophe again (`unneutralize`), so export → import gives
// back the same text.
import { SCHEMA, type FieldSpec } from './schema';
import type { Kind, RowOf } from './types';

const BOM = '\uFEFF';
const EOL = '\r\n';

// Characters that make a spreadsheet treat a cell as a formula.
const TRIGGER = /^'*[=+\-@\t\r]/;
// What neutralisation produces: at least one apostrophe, then the above.
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * Makes a text cell safe to open in a spreadsheet: prefixes an apostrophe when it starts with
 * = + - @ tab or CR. A text that already starts with apostrophes followed by such a character gets
 * one more, so that `unneutralize` can always remove exactly one and the round trip is exact.
 */
export function neutralize(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

/**
 * The import-side rule (applied by the parser to every text cell after trimming): a leading
 * apostrophe followed by = + - @ (or further apostrophes and then one of these) is dropped.
 * Any other apostrophe is kept, so `'abc` stays `'abc`.
 */
export function unneutralize(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/**
 * A number written plainly: the shortest decimal that reads back as the same double (so 5333.85
 * stays 5333.85 and no float noise such as 5333.849999 appears), never in exponent notation and
 * without thousands separators, which Excel and the importer would both misread in some locales.
 */
export function plainNumber(x: number): string {
  if (Object.is(x, -0)) return '0';
  const s = String(x);
  const e = s.search(/e/i);
  if (e < 0) return s;
  const negative = s.startsWith('-');
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exponent = Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  // Position of the decimal point within `digits` after applying the exponent.
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

/** The Chinese words an export writes for a scope and a fund category (the importer reads them back). */
export const SCOPE_LABEL: Readonly<Record<string, string>> = { department: '部门整体', project: '项目' };
export const CATEGORY_LABEL: Readonly<Record<string, string>> = { source: '资金来源', line_item: '支出明细' };
export const FINDING_KIND_LABEL: Readonly<Record<string, string>> = {
  conclusion: '评价结论',
  problem: '存在的问题',
  recommendation: '改进建议',
  experience: '主要经验',
  outcome: '主要成效',
};

/** RFC 4180: a field holding a quote, a delimiter or a line break is quoted, quotes doubled. */
function quoteField(s: string): string {
  // Semicolons and tabs are quoted too: the importer detects the delimiter, and a quoted field
  // cannot mislead it.
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function cell(spec: FieldSpec, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (spec.type) {
    case 'amount':
    case 'number':
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) ? plainNumber(value) : '';
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? `${plainNumber(value)}%` : '';
    case 'scope':
      return SCOPE_LABEL[String(value)] ?? '';
    case 'category':
      return CATEGORY_LABEL[String(value)] ?? '';
    case 'findingKind':
      return FINDING_KIND_LABEL[String(value)] ?? '';
    case 'grade':
      return quoteField(String(value));
    case 'text':
      return quoteField(neutralize(String(value)));
  }
}

/** One file of the data contract: BOM (so Excel reads UTF-8), the Chinese header labels, CRLF rows. */
export function toCsv<K extends Kind>(kind: K, rows: readonly RowOf[K][]): string {
  const specs = SCHEMA[kind];
  const lines: string[] = [specs.map((s) => quoteField(s.label)).join(',')];
  for (const row of rows) {
    const r = row as unknown as Record<string, unknown>;
    lines.push(specs.map((s) => cell(s, r[s.name])).join(','));
  }
  return BOM + lines.join(EOL) + EOL;
}
