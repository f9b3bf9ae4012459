// 导出 Excel: rows of each kind → one .xlsx, a sheet per kind with the contract's Chinese header
// labels (so the workbook imports back as it is), numbers as typed cells with `0.00`, percents
// as percent cells (96.92 stored as 0.9692 with `0.00%`), years as integers, the header row
// frozen, columns sized to their content. Text is always a string cell, never a formula; one that
// starts like a formula also gets Excel's quote prefix, so editing it keeps it text.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { CATEGORY_LABEL, FINDING_KIND_LABEL, SCOPE_LABEL } from '@/domain/exportCsv';
import { SCHEMA, type FieldSpec } from '@/domain/schema';
import { TEMPLATE_ROWS } from '@/domain/templates';
import { KINDS, type Kind, type RowOf } from '@/domain/types';
import { cellAddress } from './address';
import { percentFraction } from './numberFormat';
import {
  contentTypesXml,
  ROOT_RELS_XML,
  SharedStrings,
  STYLE,
  STYLES_XML,
  workbookRelsXml,
  workbookXml,
  worksheetHead,
  WORKSHEET_TAIL,
} from './spreadsheetml';

/** Sheet names of the export, one per kind. */
export const SHEET_NAMES: Readonly<Record<Kind, string>> = {
  records: '评价记录',
  indicators: '绩效指标',
  funds: '资金明细',
  findings: '评价发现',
};

export type RowsByKind = { [K in Kind]?: readonly RowOf[K][] };

const FORMULA_START = /^[=+\-@\t\r]/;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Rows looked at to size a column: enough to see its typical width, not a full pass over a big export. */
const WIDTH_SAMPLE = 2000;

/** Display width in character cells: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** What a cell of a field holds in the export: a number with its style, a text, or nothing. */
type Out = { n: number; s: number } | { t: string } | null;

function outCell(spec: FieldSpec, value: unknown): Out {
  if (value === null || value === undefined) return null;
  switch (spec.type) {
    case 'amount':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { n: value, s: STYLE.decimal } : null;
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) ? { n: value, s: STYLE.integer } : null;
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value)
        ? { n: percentFraction(value), s: STYLE.percent }
        : null;
    case 'scope':
      return { t: SCOPE_LABEL[String(value)] ?? '' };
    case 'category':
      return { t: CATEGORY_LABEL[String(value)] ?? '' };
    case 'findingKind':
      return { t: FINDING_KIND_LABEL[String(value)] ?? '' };
    default: {
      const t = String(value);
      return t === '' ? null : { t };
    }
  }
}

function shownWidth(out: Out): number {
  if (out === null) return 0;
  if ('t' in out) return displayWidth(out.t);
  // As Excel shows it: two decimals, a percent multiplied by 100 with its sign.
  const shown = out.s === STYLE.percent ? out.n * 100 : out.n;
  const digits = String(Math.round(Math.abs(shown))).length + (shown < 0 ? 1 : 0);
  return digits + (out.s === STYLE.integer ? 0 : 3) + (out.s === STYLE.percent ? 1 : 0);
}

function sheetXml<K extends Kind>(kind: K, rows: readonly RowOf[K][], strings: SharedStrings): string {
  const specs = SCHEMA[kind];
  const widths = specs.map((s) => displayWidth(s.label) + 2);
  rows.slice(0, WIDTH_SAMPLE).forEach((row) => {
    const r = row as unknown as Record<string, unknown>;
    specs.forEach((s, i) => {
      widths[i] = Math.max(widths[i]!, shownWidth(outCell(s, r[s.name])) + 2);
    });
  });
  const parts: string[] = [worksheetHead(widths.map((w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w))))];
  const header = specs
    .map((s, i) => `<c r="${cellAddress(1, i + 1)}" t="s" s="${STYLE.header}"><v>${strings.ref(s.label)}</v></c>`)
    .join('');
  parts.push(`<row r="1">${header}</row>`);
  rows.forEach((row, k) => {
    const r = row as unknown as Record<string, unknown>;
    const n = k + 2;
    let line = `<row r="${n}">`;
    specs.forEach((s, i) => {
      const out = outCell(s, r[s.name]);
      if (out === null) return;
      const ref = cellAddress(n, i + 1);
      if ('t' in out) {
        const style = FORMULA_START.test(out.t) ? STYLE.quoted : STYLE.plain;
        line += `<c r="${ref}" t="s"${style ? ` s="${style}"` : ''}><v>${strings.ref(out.t)}</v></c>`;
      } else {
        line += `<c r="${ref}" s="${out.s}"><v>${String(out.n)}</v></c>`;
      }
    });
    parts.push(line + '</row>');
  });
  parts.push(WORKSHEET_TAIL);
  return parts.join('');
}

/** One workbook with a sheet per kind given (records, indicators, funds, in that order). */
export function toXlsx(tables: RowsByKind): Uint8Array {
  const kinds = KINDS.filter((k) => tables[k] !== undefined);
  const strings = new SharedStrings();
  const files: Zippable = {};
  kinds.forEach((kind, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(kind, tables[kind] as RowOf[Kind][], strings));
  });
  files['[Content_Types].xml'] = strToU8(contentTypesXml(kinds.length));
  files['_rels/.rels'] = strToU8(ROOT_RELS_XML);
  files['xl/workbook.xml'] = strToU8(workbookXml(kinds.map((k) => SHEET_NAMES[k])));
  files['xl/_rels/workbook.xml.rels'] = strToU8(workbookRelsXml(kinds.length));
  files['xl/styles.xml'] = strToU8(STYLES_XML);
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  return zipSync(files, { level: 6 });
}

/** The .xlsx template: a sheet per kind, each with the header row and the example row of the CSV templates. */
export function templateXlsx(): Uint8Array {
  return toXlsx({
    records: [TEMPLATE_ROWS.records],
    indicators: [TEMPLATE_ROWS.indicators],
    funds: [TEMPLATE_ROWS.funds],
    findings: [TEMPLATE_ROWS.findings],
  });
}
