// Writing rows back out as CSV files of the data contract, through the one CSV writer (csvWrite.ts).
import { csvDocument, csvLine, csvText, plainNumber, quoteField } from './csvWrite';
import { SCHEMA, type FieldSpec } from './schema';
import type { Kind, RowOf } from './types';

export { neutralize, plainNumber, unneutralize } from './csvWrite';

/** A lookup table without a prototype: a stored value such as `constructor` finds nothing in it. */
function table(entries: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string>, entries));
}

/** The Chinese words an export writes for a scope and a fund category (the importer reads them back). */
export const SCOPE_LABEL = table({ department: '部门整体', project: '项目' });
export const CATEGORY_LABEL = table({ source: '资金来源', line_item: '支出明细' });
export const FINDING_KIND_LABEL = table({
  conclusion: '评价结论',
  problem: '存在的问题',
  recommendation: '改进建议',
  experience: '主要经验',
  outcome: '主要成效',
});

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
      return csvText(String(value));
  }
}

/** The header line of a file of the data contract: the Chinese labels. */
export function headerLine(kind: Kind): string {
  return csvLine(SCHEMA[kind].map((s) => quoteField(s.label)));
}

/** One row as a line of the data contract. */
export function rowLine(kind: Kind, row: RowOf[Kind]): string {
  const r = row as unknown as Record<string, unknown>;
  return csvLine(SCHEMA[kind].map((s) => cell(s, r[s.name])));
}

/** One file of the data contract: BOM (so Excel reads UTF-8), the Chinese header labels, CRLF rows. */
export function toCsv<K extends Kind>(kind: K, rows: readonly RowOf[K][]): string {
  return csvDocument([headerLine(kind), ...rows.map((r) => rowLine(kind, r))]);
}
