// Parsing of single cell values as the data contract defines them (amounts, percents, numbers,
// years and the enumerations). Pure functions: a cell in, a value or a problem (code and
// parameters, src/domain/codes/values.ts) out. The caller adds the row and the column.
import type { FindingKind, FundCategory, Grade, Scope } from './types';
import { normalizeLabel, toHalfWidth } from './normalize';
import { codePointName, quoteCell, type ParamsOf } from './issues';
import type { VALUE_ISSUES } from './codes/values';

export type ValueCode = keyof typeof VALUE_ISSUES;

/** The warnings a cell's value may carry. */
type WarningCode = 'minus_sign' | 'name_normalized' | 'percent_range';
type ErrorCode = Exclude<ValueCode, WarningCode>;

/** A cell's problem: its code and parameters (the cell as written, cut short, and any bounds). */
export type ValueProblem = { [C in ErrorCode]: { ok: false; code: C; params: ParamsOf<C> } }[ErrorCode];

/**
 * A warning that goes with a value read. `once`: given on the first row only of the cells that
 * share this result (a name normalised the same way on a million rows is one warning).
 */
export type ValueWarning = {
  [C in WarningCode]: { code: C; params: ParamsOf<C>; once: boolean; given?: boolean };
}[WarningCode];

/** `value: null` means the cell holds no value (empty or an empty marker), never zero. */
export type ValueResult<T> = { ok: true; value: T | null; warning?: ValueWarning } | ValueProblem;

/** The largest amount any budget has: 10^10 万元 (10^14 元, about China's yearly output). */
export const AMOUNT_MAX = 1e10;
/** A percentage beyond ±1000 % is most likely a typing or unit slip (an execution rate of 5000 %): a warning. */
export const PERCENT_MAX = 1000;
/** Weights and scores are points, out of 100 for a whole evaluation: beyond 1000 is a slip. */
export const POINTS_MAX = 1000;

// C0 and C1 controls but tab, line feed and carriage return (a line break inside a quoted cell is
// text), and the bidirectional overrides and isolates, which reorder what a reader sees.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * The problem of a cell that holds a control character, or null. U+001F (the key separator), an
 * ESC or a NUL must never become part of a stored name: they could make two keys equal, or hide
 * from a reader that two names differ.
 */
export function controlCharacter(raw: string): ValueProblem | null {
  const m = CONTROL.exec(raw);
  if (m === null) return null;
  return { ok: false, code: 'control_character', params: { value: quoteCell(raw), char: codePointName(m[0]) } };
}

// What people type for "no value": dashes of every width, slashes and 无.
const EMPTY_MARKERS: ReadonlySet<string> = new Set(['', '—', '——', '―', '-', '--', '－', '－－', '–', '/', '／', '无']);

/** True when the cell means "no value": empty, or only an empty marker after trimming. */
export function isEmptyMarker(raw: string): boolean {
  return EMPTY_MARKERS.has(raw.trim());
}

const NONE: ValueResult<never> = { ok: true, value: null };

function ok<T>(value: T): ValueResult<T> {
  return { ok: true, value };
}

type PlainCode = 'amount_invalid' | 'amount_negative' | 'percent_invalid' | 'number_invalid' | 'number_negative';

/** A cell that is not a value of its column; the cell is quoted cut short. */
function fail(
  code: PlainCode | 'scope_invalid' | 'grade_invalid' | 'category_invalid' | 'finding_kind_invalid',
  raw: string,
): ValueProblem {
  return { ok: false, code, params: { value: quoteCell(raw) } };
}

// An unsigned decimal: plain digits, or digits grouped by thousands separators (only real groups
// of three, so a decimal comma such as `5,5` is refused rather than read as 55), an optional
// fraction, and an optional exponent (Excel writes large numbers as `1.2E+07`).
const UNSIGNED = /^(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

interface Numeral {
  negative: boolean;
  value: number;
  /** The minus was U+2212 (or another minus sign than `-`). */
  otherMinus: boolean;
}

// Minus signs people paste from Word or a PDF: the minus sign proper, the small and the heavy one.
const OTHER_MINUS: ReadonlySet<string> = new Set(['\u2212', '\ufe63', '\u2796']);

/**
 * Reads a signed decimal already converted to half-width and stripped of units; null if it is none.
 * Accounting notation `(5.00)` is a negative number; a sign inside the parentheses (`(-5)`,
 * `(+5)`) says two things at once and is no number. Infinity, NaN and numbers too large for a
 * double (1e309) are none either.
 */
function readNumeral(text: string): Numeral | null {
  let s = text.trim();
  let negative = false;
  let parens = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    parens = true;
    s = s.slice(1, -1).trim();
  }
  const sign = s[0];
  let otherMinus = false;
  if (sign === '-' || sign === '+' || (sign !== undefined && OTHER_MINUS.has(sign))) {
    if (parens) return null;
    otherMinus = sign !== '-' && sign !== '+';
    if (sign !== '+') negative = true;
    s = s.slice(1).trim();
  }
  if (!UNSIGNED.test(s)) return null;
  const value = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  return { negative: negative && value !== 0, value, otherMinus };
}

/** Full-width digits, dot, comma, percent and minus to half-width; surrounding space removed. */
function prepare(raw: string): string {
  return toHalfWidth(raw).trim();
}

/** Rounds to 6 decimals so that scaling does not leave binary artefacts (900000 元 → 90, not 90.00000000000001). */
function round6(x: number): number {
  const r = Number(x.toFixed(6));
  return r === 0 ? 0 : r;
}

// Units a cell may carry after an amount, as multipliers to 万元. Longest first so `亿元`
// is not read as `元`.
const CELL_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['亿元', 10000],
  ['万元', 1],
  ['千元', 0.1],
  ['亿', 10000],
  ['万', 1],
  ['元', 0.0001],
];

/**
 * An amount in 万元. `scale` is the multiplier from the column header's unit (1 for 万元, 0.0001 for
 * 元, 10000 for 亿元); a unit written in the cell itself (`90万元`, `900000元`) overrides it.
 * Accepts thousands separators, full-width digits, a leading ¥ and surrounding spaces.
 * Negative amounts are an error.
 */
export function parseAmount(raw: string, scale = 1): ValueResult<number> {
  if (isEmptyMarker(raw)) return NONE;
  let s = prepare(raw).replace(/^[¥￥]\s*/, '');
  let factor = scale;
  for (const [unit, multiplier] of CELL_UNITS) {
    if (s.endsWith(unit)) {
      s = s.slice(0, -unit.length);
      factor = multiplier;
      break;
    }
  }
  const n = readNumeral(s);
  if (n === null) return fail('amount_invalid', raw);
  if (n.negative) return fail('amount_negative', raw);
  const value = round6(n.value * factor);
  if (value > AMOUNT_MAX)
    return { ok: false, code: 'amount_range', params: { value: quoteCell(raw), max: AMOUNT_MAX } };
  return ok(value);
}

/** A percentage in percent points: `96.92%`, `96.92％` and `96.92` all give 96.92. May be negative (a difference rate). */
export function parsePercent(raw: string): ValueResult<number> {
  if (isEmptyMarker(raw)) return NONE;
  let s = prepare(raw);
  if (s.endsWith('%')) s = s.slice(0, -1);
  const n = readNumeral(s);
  if (n === null) return fail('percent_invalid', raw);
  const value = n.negative ? -n.value : n.value;
  // Kept, with a warning: an execution rate derived from expenditure ÷ budget may be as large.
  if (n.value > PERCENT_MAX) {
    const params = { value: quoteCell(raw), max: PERCENT_MAX };
    return { ok: true, value, warning: { code: 'percent_range', params, once: false } };
  }
  if (!n.otherMinus) return ok(value);
  return { ok: true, value, warning: { code: 'minus_sign', params: { value: quoteCell(raw) }, once: false } };
}

/** A non-negative number such as a score or a weight; a trailing `分` is allowed (`8.5分`). */
export function parseNumber(raw: string): ValueResult<number> {
  if (isEmptyMarker(raw)) return NONE;
  let s = prepare(raw);
  if (s.endsWith('分')) s = s.slice(0, -1);
  const n = readNumeral(s);
  if (n === null) return fail('number_invalid', raw);
  if (n.negative) return fail('number_negative', raw);
  if (n.value > POINTS_MAX)
    return { ok: false, code: 'number_range', params: { value: quoteCell(raw), max: POINTS_MAX } };
  return ok(n.value);
}

/** A whole number between min and max inclusive; a trailing `年` or `年度` is allowed (`2022年`). */
export function parseInteger(raw: string, min: number, max: number): ValueResult<number> {
  if (isEmptyMarker(raw)) return NONE;
  const s = prepare(raw).replace(/年度?$/, '');
  const n = readNumeral(s);
  const params = { value: quoteCell(raw), min, max };
  if (n === null || !Number.isInteger(n.value)) return { ok: false, code: 'integer_invalid', params };
  const value = n.negative ? -n.value : n.value;
  if (value < min || value > max) return { ok: false, code: 'integer_range', params };
  return ok(value);
}

/** Looks a cell up in a table of accepted spellings, compared as normalised labels. */
function lookup<T>(
  raw: string,
  table: Readonly<Record<string, T>>,
  code: 'scope_invalid' | 'grade_invalid' | 'category_invalid' | 'finding_kind_invalid',
): ValueResult<T> {
  if (isEmptyMarker(raw)) return NONE;
  const key = normalizeLabel(raw).replace(/[_-]/g, '');
  const value = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (value === undefined) return fail(code, raw);
  return ok(value);
}

// Keys are in the normalised form: half-width, lower case, no spaces, no `_` or `-`.
const SCOPES: Readonly<Record<string, Scope>> = {
  department: 'department',
  部门整体: 'department',
  部门整体支出: 'department',
  部门: 'department',
  整体: 'department',
  project: 'project',
  项目: 'project',
  项目支出: 'project',
};

/** `department` or `project`, in English or Chinese (部门整体 / 项目支出 …). */
export function parseScope(raw: string): ValueResult<Scope> {
  return lookup(raw, SCOPES, 'scope_invalid');
}

const GRADE_NAMES: Readonly<Record<string, Grade>> = {
  优: '优',
  优秀: '优',
  excellent: '优',
  良: '良',
  良好: '良',
  good: '良',
  中: '中',
  中等: '中',
  合格: '中',
  fair: '中',
  差: '差',
  较差: '差',
  不合格: '差',
  poor: '差',
};

/** 优 / 良 / 中 / 差, or excellent / good / fair / poor, or the long forms 优秀 / 良好 / 合格 / 不合格. */
export function parseGrade(raw: string): ValueResult<Grade> {
  return lookup(raw, GRADE_NAMES, 'grade_invalid');
}

const CATEGORIES: Readonly<Record<string, FundCategory>> = {
  source: 'source',
  资金来源: 'source',
  来源: 'source',
  lineitem: 'line_item',
  支出明细: 'line_item',
  明细: 'line_item',
};

/** `source` (资金来源) or `line_item` (支出明细) of a fund line. */
export function parseCategory(raw: string): ValueResult<FundCategory> {
  return lookup(raw, CATEGORIES, 'category_invalid');
}

const FINDING_KINDS: Readonly<Record<string, FindingKind>> = {
  conclusion: 'conclusion',
  评价结论: 'conclusion',
  结论: 'conclusion',
  总体评价: 'conclusion',
  problem: 'problem',
  存在的问题: 'problem',
  存在问题: 'problem',
  问题: 'problem',
  recommendation: 'recommendation',
  改进建议: 'recommendation',
  建议: 'recommendation',
  意见建议: 'recommendation',
  改进措施: 'recommendation',
  experience: 'experience',
  主要经验: 'experience',
  经验: 'experience',
  经验做法: 'experience',
  主要经验及做法: 'experience',
  outcome: 'outcome',
  主要成效: 'outcome',
  成效: 'outcome',
};

/** What a finding says: conclusion / problem / recommendation / experience / outcome, or 评价结论 / 存在的问题 / 改进建议 / 主要经验 / 主要成效. */
export function parseFindingKind(raw: string): ValueResult<FindingKind> {
  return lookup(raw, FINDING_KINDS, 'finding_kind_invalid');
}
