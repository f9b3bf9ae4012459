// Labelled figures in running text: `全年预算数5,333.85万元`, `预算执行率为96.92%`,
// `评价得分为95.18分`, `综合评价等级为“优”`. A number counts only when one of the labels of
// ./labels stands right before it (a few filler words such as 为 or 金额为 may come between), so
// dates, head counts, areas, document numbers and shares of other totals stay out.
import { addFigure, type DraftRecord, type Reading, type RecordField, type Statement } from './draft';
import { BLOCKING_PREFIXES, CHANGE_WORDS, GRADE_BEFORE_WORD, GRADE_LABELS, GRADE_OF, LABEL_RULES } from './labels';
import { figureAt, matchable, type Figure } from './numbers';
import { quoteCell } from '@/domain/issues';
import { warning } from './warn';

const LABELS = new RegExp(LABEL_RULES.map((r) => r.label).join('|'), 'g');
const RULE_OF = new Map(LABEL_RULES.map((r) => [r.label, r]));
const FILLER = /^[为是达到约共计合总额资金数安排批复审定人民币：:\s]{0,8}/;
const CLAUSE_END = /[，。；;,！？]/;
const APPROXIMATE = /^(?:以上|以下|左右|余|多|以内)/;

export interface ProseFigure {
  field: RecordField;
  figure: Figure;
  /** The evidence: from the label to the unit, as written. */
  text: string;
  /** A year the clause names that is not the record's (`2021年资金结转结余率为2.89%`). */
  year: number | null;
  /** Offset of the label. */
  start: number;
}

function clauseBefore(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && !CLAUSE_END.test(text[i]!)) i--;
  return text.slice(i + 1, at);
}

/** Every labelled figure in one paragraph. */
export function labelledFigures(original: string): ProseFigure[] {
  const text = matchable(original);
  const out: ProseFigure[] = [];
  LABELS.lastIndex = 0;
  for (let m = LABELS.exec(text); m; m = LABELS.exec(text)) {
    const rule = RULE_OF.get(m[0])!;
    const start = m.index;
    // When this label leads to no figure, a label that starts inside it may (`项目预算资金共计…`).
    LABELS.lastIndex = start + 1;
    const before = text.slice(Math.max(0, start - 4), start);
    if (BLOCKING_PREFIXES.some((p) => before.endsWith(p))) continue;
    const afterLabel = start + m[0].length;
    const filler = FILLER.exec(text.slice(afterLabel))![0];
    if (CHANGE_WORDS.test(filler)) continue;
    const figure = figureAt(text, afterLabel + filler.length);
    if (!figure || SPACED_RUN.test(text.slice(figure.start))) continue;
    if (APPROXIMATE.test(text.slice(figure.end))) continue;
    const unitOk =
      rule.unit === 'points' ? figure.unit === 'points' || figure.unit === 'none' : figure.unit === rule.unit;
    if (!unitOk) continue;
    const clause = clauseBefore(text, start);
    let field = rule.field;
    // An approved budget (批复) that no adjustment followed is the initial budget.
    if (field === 'budget' && /批复|年初/.test(clause + m[0]) && !/调整|审定|最终/.test(clause + m[0]))
      field = 'budget_initial';
    const years = [...clause.matchAll(/((?:19|20)\d{2})\s*年/g)];
    const year = years.length > 0 ? Number(years[years.length - 1]![1]) : null;
    out.push({ field, figure, text: original.slice(start, figure.end), year, start });
    LABELS.lastIndex = figure.end;
  }
  return splitsOfBudget(out, text);
}

// Digits run together with commas or points up to a unit: what a labelled figure was written as.
const DIGIT_RUN = /^\d[\d.,，]*\d/;

/**
 * Labelled figures that cannot be read for sure: digits and commas that are no thousands groups,
 * up to a unit (`预算数100，90万元`, `执行数1,2684.9万元`). Each is the text from the label to the
 * unit, as written; nothing is read from it.
 */
export function unclearFigures(original: string): { text: string; start: number }[] {
  const text = matchable(original);
  const out: { text: string; start: number }[] = [];
  LABELS.lastIndex = 0;
  for (let m = LABELS.exec(text); m; m = LABELS.exec(text)) {
    const start = m.index;
    const from = start + m[0].length + FILLER.exec(text.slice(start + m[0].length))![0].length;
    const run = DIGIT_RUN.exec(text.slice(from));
    if (!run || !/[,，]/.test(run[0])) continue;
    const runEnd = from + run[0].length;
    const after = /^(?:万元|亿元|千元|元|万|亿|%|分)/.exec(text.slice(runEnd));
    // Only a run that ends at a unit was meant as one figure; one that reads whole is clear.
    if (!after || (figureAt(text, from)?.end ?? 0) >= runEnd) continue;
    out.push({ text: original.slice(start, runEnd + after[0].length), start });
    LABELS.lastIndex = runEnd;
  }
  return out;
}

// Single digits and number marks one space apart: a letter-spaced figure the PDF reader could not
// join for sure (five digits or more with no decimals may be two numbers, ../document/pdfSpacing).
const SPACED_RUN = /^\d(?: [\d.,，%](?!\d))+/;

/**
 * Labelled figures written as a letter-spaced run of digits (`得分9 6 5 0`, `预算数2 8 1 2 8万元`):
 * which digits make the number cannot be told, so nothing is read. Each is the text from the
 * label to the run's end (and its unit), as written.
 */
export function spacedFigures(original: string): { text: string; start: number }[] {
  const text = matchable(original);
  const out: { text: string; start: number }[] = [];
  LABELS.lastIndex = 0;
  for (let m = LABELS.exec(text); m; m = LABELS.exec(text)) {
    const start = m.index;
    const from = start + m[0].length + FILLER.exec(text.slice(start + m[0].length))![0].length;
    const run = SPACED_RUN.exec(text.slice(from));
    if (!run) {
      LABELS.lastIndex = start + 1;
      continue;
    }
    const runEnd = from + run[0].length;
    const unit = /^(?:万元|亿元|千元|元|万|亿|分)/.exec(text.slice(runEnd))?.[0] ?? '';
    out.push({ text: original.slice(start, runEnd + unit.length), start });
    LABELS.lastIndex = runEnd;
  }
  return out;
}

/**
 * `支出预算4,512.30万元，其中基本支出3,206.80万元，项目支出1,305.50万元`: a plain 基本支出 / 项目支出
 * after a budget in the same sentence splits that budget, not the spending.
 */
function splitsOfBudget(figures: ProseFigure[], text: string): ProseFigure[] {
  let main: RecordField | null = null;
  let sentenceEnd = -1;
  for (const f of figures) {
    if (f.start > sentenceEnd) main = null;
    sentenceEnd = text.indexOf('。', f.start);
    if (sentenceEnd < 0) sentenceEnd = text.length;
    if (f.field === 'budget' || f.field === 'budget_initial' || f.field === 'expenditure') main = f.field;
    const plain = /^(?:基本|项目)支出(?!执行|决算)/.test(f.text);
    if (plain && main !== null && main !== 'expenditure') {
      if (f.field === 'expenditure_basic') f.field = 'budget_basic';
      if (f.field === 'expenditure_project') f.field = 'budget_project';
    }
  }
  return figures;
}

/** The grade a paragraph states (`综合评价等级为“优”`), with its text. */
export function statedGrade(original: string): { grade: string; text: string } | null {
  GRADE_LABELS.lastIndex = 0;
  const m = GRADE_LABELS.exec(original);
  if (!m) {
    // `属于“良”等级`, `评定为优秀等次`: the grade named before the word for grade.
    const after = GRADE_BEFORE_WORD.exec(original);
    return after ? { grade: GRADE_OF[after[1]!]!, text: after[0] } : null;
  }
  const end = m.index + m[0].length;
  const close = /^[”"」]/.test(original.slice(end)) ? 1 : 0;
  return { grade: GRADE_OF[m[1]!]!, text: original.slice(m.index, end + close) };
}

const FUND_NAME = /资金|拨款|财政|自筹|自有|结转|收入|配套|转移支付|债券|补助|专项/;
const NOT_FUND = /基本支出|项目支出|其他支出|人员|公用/;

/**
 * Fund sources a figure is split into right after it: `113.58万元，其中财政资金75.50万元，单位自有资金38.08万元`.
 * Returns each part's name and amount with their texts.
 */
export function splitsAfter(
  original: string,
  end: number,
): { name: string; nameText: string; figure: Figure; text: string }[] {
  const text = matchable(original);
  const lead = /^[，,]?\s*其中[，,：:]?\s*/.exec(text.slice(end));
  if (!lead) return [];
  const out: { name: string; nameText: string; figure: Figure; text: string }[] = [];
  let at = end + lead[0].length;
  for (;;) {
    const m = /^([\u4e00-\u9fa5]{2,14}?)(?:为|是)?(?=\d)/.exec(text.slice(at));
    if (!m) break;
    const figure = figureAt(text, at + m[0].length);
    if (!figure || figure.unit !== 'amount') break;
    const nameText = m[1]!;
    const name = nameText.replace(/支出$/, '');
    if (!FUND_NAME.test(name) || NOT_FUND.test(name)) break;
    out.push({ name, nameText, figure, text: original.slice(at, figure.end) });
    const sep = /^[，,、]\s*/.exec(text.slice(figure.end));
    if (!sep) break;
    at = figure.end + sep[0].length;
  }
  return out;
}

/** Reads one paragraph's figures into the record (or, for another year's figure, into `otherYear`). */
export function readProse(
  reading: Reading,
  text: string,
  location: string,
  record: DraftRecord,
  otherYear: (year: number) => DraftRecord,
): void {
  for (const f of labelledFigures(text)) {
    const target =
      f.year !== null && f.year !== record.year.value && f.field !== 'budget_initial' ? otherYear(f.year) : record;
    const s = reading.statement(f.figure.value, f.text, location);
    addFigure(target, f.field, s);
    if (f.field === 'budget_initial' || f.field === 'budget' || f.field === 'expenditure') {
      for (const part of splitsAfter(text, f.figure.end)) {
        target.splits.push({
          of: f.field,
          item: reading.statement(part.name, part.nameText, location),
          amount: reading.statement(part.figure.value, part.text, location),
          total: s,
        });
      }
    }
  }
  for (const unclear of unclearFigures(text))
    record.warnings.push(warning('figure_unclear', { text: quoteCell(unclear.text) }, { location, kind: 'records' }));
  for (const spaced of spacedFigures(text))
    record.warnings.push(warning('figure_spaced', { text: quoteCell(spaced.text) }, { location, kind: 'records' }));
  const grade = statedGrade(text);
  if (grade) addFigure(record, 'grade', reading.statement(grade.grade, grade.text, location));
}

const THIRD_PARTY =
  /委托[^。；]{0,30}?(?:评价|评估)(?:机构|单位|公司)|委托[^。；]{0,20}?(?:会计师事务所|咨询公司|研究院)[^。；]{0,20}?(?:评价|评估)|第三方(?:评价|评估)(?:机构|单位)?/;
const SELF = /(?:我|本)(?:中心|局|单位|部门|委|办|院|馆|所|站|会)[^。；]{0,20}自评|自评报告|绩效自评/;

/** Who evaluated: a third party the sponsor commissioned, or the agency itself. */
export function evaluatorIn(text: string): { value: string; text: string } | null {
  const third = THIRD_PARTY.exec(text);
  if (third) return { value: '第三方评价', text: third[0] };
  const self = SELF.exec(text);
  if (self && /(?:我|本)(?:中心|局|单位|部门|委|办|院|馆|所|站|会)/.test(text)) return { value: '自评', text: self[0] };
  return null;
}

export type { Statement };
