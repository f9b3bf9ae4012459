// Rows inside a table that are not data: a total (合计, 小计, 总分 …) and the notes and signatures
// under it (注：…, 填表人：…). Spreadsheets exported from the budget system and tables laid out
// by hand carry them. Read as data, a total row would be an agency or an indicator named 合计
// whose figures count everything twice; a note row fails on every required column. Both are
// left out, each with a warning that names its row, so nothing is skipped unseen.
import type { HeaderMapping, Kind } from './types';

/** Words that make a cell of a label column a total (compared without spaces and case). */
const TOTAL_WORDS = [
  '合计',
  '总计',
  '小计',
  '总分',
  '得分合计',
  '分值合计',
  '合计数',
  '总合计',
  '全部合计',
  '本页合计',
  'total',
  'subtotal',
  'sub-total',
  'grandtotal',
  'totals',
];

/** How a note or signature line under a table begins (then a colon). */
const NOTE_WORDS = [
  '注',
  '说明',
  '备注',
  '填表人',
  '填报人',
  '制表人',
  '制表',
  '审核人',
  '审核',
  '复核人',
  '复核',
  '联系人',
  '联系电话',
  '电话',
  '单位负责人',
  '财务负责人',
  '部门负责人',
  '负责人',
  '填表日期',
  '填报日期',
  '制表日期',
  '日期',
  '数据来源',
  '资料来源',
  'note',
  'notes',
];

/** Columns whose cell names what the row is: a total says so there. */
export const LABEL_FIELDS: Readonly<Record<Kind, readonly string[]>> = {
  records: ['agency', 'project'],
  indicators: ['agency', 'project', 'level1', 'level2', 'level3'],
  funds: ['agency', 'project', 'item'],
  findings: ['agency', 'project'],
};

/**
 * The columns (0-based) where a total says so: those of the kind's label fields, and the columns
 * the product does not read left of them (a 序号 column, where tables laid out by hand put 合计
 * across the blank cells after it).
 */
export function labelColumns(headers: readonly HeaderMapping[], fields: readonly string[]): number[] {
  const labels = headers.filter((h) => h.field !== null && fields.includes(h.field)).map((h) => h.index);
  if (labels.length === 0) return [];
  const first = Math.min(...labels);
  const lead = headers.filter((h) => h.field === null && h.index < first).map((h) => h.index);
  return [...lead, ...labels];
}

const SPACES = /[\s\u3000]+/g;
const TOTAL = new RegExp(`^(?:${TOTAL_WORDS.join('|')})[:：]?(?:[（(][^）)]*[）)])?$`, 'i');
// 注：… / 注1、… / 填表人：…, or a bracketed marker alone: （注）…
const NOTE = new RegExp(
  `^(?:(?:${NOTE_WORDS.join('|')})(?:[:：]|[0-9０-９一二三四五六七八九十]+[、.．:：])|[（(](?:注|说明|备注|note)[）)])`,
  'i',
);

/**
 * The first character of every word (and of `extra`), both cases, as a table by UTF-16 unit: a
 * cell starting otherwise is none of them. Looked up for every line read in place, hence a table.
 */
function firstChars(words: readonly string[], extra: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const w of [...words, ...extra]) {
    for (const c of [w.charAt(0).toLowerCase(), w.charAt(0).toUpperCase()]) if (c !== '') table[c.charCodeAt(0)] = 1;
  }
  return table;
}

/** First characters of a total: a label cell starting with none of them is no total. */
export const TOTAL_FIRST = firstChars(TOTAL_WORDS, '');
/** First characters of a note line (and its opening bracket). */
export const NOTE_FIRST = firstChars(NOTE_WORDS, '（(');

export function isTotalLabel(cell: string): boolean {
  const t = cell.replace(SPACES, '');
  return t !== '' && TOTAL.test(t);
}

export function isNoteLine(cell: string): boolean {
  return NOTE.test(cell.replace(SPACES, ''));
}

/** Why a row is not data, and the cell (0-based) that says so. */
export interface NotData {
  reason: 'total' | 'note';
  cell: number;
}

/**
 * Whether a row of a table is a total (a label column, `labels`, holds a total word) or a note
 * under the table (every cell with text is a note or signature line). null for a data row.
 */
export function notDataRow(cells: readonly string[], labels: readonly number[]): NotData | null {
  for (const i of labels) {
    const cell = cells[i];
    if (cell !== undefined && isTotalLabel(cell)) return { reason: 'total', cell: i };
  }
  let first = -1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.trim() === '') continue;
    if (!isNoteLine(cell)) return null;
    if (first < 0) first = i;
  }
  return first < 0 ? null : { reason: 'note', cell: first };
}
