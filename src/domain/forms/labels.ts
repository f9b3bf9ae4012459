// The labels of the self-evaluation forms, as agencies write them. Forms are recognised by these
// labels, never by cell addresses: provinces and years move rows, rename columns (全年预算数 /
// 调整后预算数, 分值 / 权重), add units and markers in brackets (（万元）, （A）, （10分）,
// （盖章）), prefix 其中：, break labels over lines (年度\n指标值). Every label is compared in one
// normalised form (labelKey) and looked up in the tables below.
import { amountUnitScale } from '@/domain/headers';
import { normalizeLabel } from '@/domain/normalize';

export interface LabelKey {
  /** The compared form: half-width, no spaces, no brackets, no 其中 / enumerator / trailing colon. */
  key: string;
  /** Multiplier to 万元 when a bracket (or `单位：元`) names an amount unit, else null. */
  scale: number | null;
}

/** The unit scale a text names (`万元`, `单位：元`, `金额单位:元`), or null. */
export function unitScale(text: string): number | null {
  const t = normalizeLabel(text).replace(/^(金额)?单位[:：]?/, '');
  return amountUnitScale(t) ?? null;
}

/** Compares labels: `其中：当年财政拨款` → `当年财政拨款`, `年初预算数（A）` → `年初预算数`, `项目资金（万元）` → `项目资金` with scale 1. */
export function labelKey(text: string): LabelKey {
  const known = keyCache.get(text);
  if (known) return known;
  const key = computeLabelKey(text);
  // Forms repeat the same labels; the cache is bounded for documents of many distinct cells.
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(text, key);
  return key;
}

const KEY_CACHE_MAX = 20_000;
const keyCache = new Map<string, Readonly<LabelKey>>();

function computeLabelKey(text: string): LabelKey {
  let s = normalizeLabel(text)
    .replace(/[【［]/g, '(')
    .replace(/[】］]/g, ')');
  let scale: number | null = null;
  s = s.replace(/\(([^()]*)\)/g, (_m, inner: string) => {
    const u = unitScale(inner);
    if (u !== null) scale = u;
    return '';
  });
  s = s
    .replace(/^(?:[0-9]+[.、]|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十0-9]+\))/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/[:：*]+$/, '');
  return { key: s, scale };
}

/** Builds a lookup from label spellings to what they mean. */
function table<T extends string>(entries: Readonly<Record<T, readonly string[]>>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [meaning, spellings] of Object.entries(entries) as [T, readonly string[]][]) {
    for (const s of spellings) map.set(labelKey(s).key, meaning);
  }
  return map;
}

export type FundColumn = 'budget_initial' | 'budget' | 'expenditure' | 'weight' | 'rate' | 'score';

/** Column labels of the funds block (项目资金 / 预算执行情况). */
export const FUND_COLUMNS = table<FundColumn>({
  budget_initial: ['年初预算数', '年初预算', '年初预算金额', '年初批复预算数'],
  budget: ['全年预算数', '调整后预算数', '调整后预算', '全年(调整)预算数', '全年预算', '预算数'],
  expenditure: ['全年执行数', '预算执行数', '执行数', '全年实际执行数', '实际支出', '实际执行数', '全年支出数'],
  weight: ['分值', '权重', '执行率权重', '分值(10分)'],
  rate: ['执行率', '预算执行率', '执行率(%)'],
  score: ['得分', '执行率得分', '自评得分'],
});

export type FundRow = 'total' | 'basic' | 'project' | 'subheader';

/** Row labels of the funds block with a meaning of their own; any other label is a fund source. */
export const FUND_ROWS = table<FundRow>({
  total: ['年度资金总额', '资金总额', '总额', '合计', '总计', '年度资金总额合计', '资金合计'],
  basic: ['基本支出'],
  project: ['项目支出'],
  subheader: ['按收入性质分', '按支出性质分', '资金来源', '资金'],
});

export type IndicatorColumn =
  'level1' | 'level2' | 'level3' | 'name' | 'nature' | 'target' | 'unit' | 'actual' | 'weight' | 'score' | 'note';

const INDICATOR_NOTES = [
  '偏差原因分析及改进措施',
  '未完成原因分析',
  '偏差原因分析',
  '原因分析',
  '未完成原因和改进措施',
  '偏差原因及改进措施',
  '备注',
];

/** Column labels of the indicator table (绩效指标). */
export const INDICATOR_COLUMNS = table<IndicatorColumn>({
  level1: ['一级指标'],
  level2: ['二级指标'],
  level3: ['三级指标'],
  name: ['指标名称', '绩效指标名称'],
  nature: ['指标性质'],
  target: ['年度指标值', '指标值', '年度目标值', '目标值', '预期指标值', '年初指标值', '全年指标值', '预期目标值'],
  unit: ['度量单位', '计量单位'],
  actual: ['实际完成值', '完成值', '全年实际值', '实际值', '全年完成值', '实际完成情况值'],
  weight: ['分值', '权重', '指标权重', '标准分', '指标分值'],
  score: ['得分', '自评得分', '指标得分', '评价得分'],
  note: INDICATOR_NOTES,
});

/**
 * Headers of columns that explain rather than report (原因, 得分计算方法, 评分标准): what stands under
 * them is no figure the form is read for, so a block that has no column for them leaves them unread
 * without saying so.
 */
const COMMENT_HEADERS: ReadonlySet<string> = new Set(
  [
    ...INDICATOR_NOTES,
    '原因',
    '说明',
    '情况说明',
    '得分计算方法',
    '计算方法',
    '评分标准',
    '评分方法',
    '评分规则',
    '指标解释',
    '指标说明',
  ].map((s) => labelKey(s).key),
);

/** True for a header of a column of comments (see COMMENT_HEADERS). */
export function isCommentHeader(text: string): boolean {
  return COMMENT_HEADERS.has(labelKey(text).key);
}

export type MetaLabel =
  | 'project'
  | 'implementer'
  | 'supervisor'
  | 'department'
  | 'year'
  | 'grade'
  | 'self_score'
  | 'total'
  | 'conclusion'
  | 'problem'
  | 'recommendation'
  | 'experience'
  | 'outcome';

/** Labels of single facts (a label cell and its value to the right, or `label：value` in one cell). */
export const META_LABELS = table<MetaLabel>({
  project: ['项目名称'],
  implementer: ['实施单位', '项目实施单位', '实施单位名称'],
  supervisor: ['主管部门', '主管部门及代码', '项目主管部门', '主管单位'],
  department: ['部门名称', '单位名称', '部门(单位)名称', '预算部门', '预算单位', '部门', '单位'],
  year: ['年度', '评价年度', '预算年度', '自评年度'],
  grade: ['评价等级', '自评等级', '绩效等级', '综合评价等级', '等级'],
  self_score: ['自评得分', '自评总分', '综合得分', '总得分', '自评分'],
  total: ['总分', '合计', '总计', '总分值'],
  conclusion: ['评价结论', '自评结论', '总体评价', '绩效自评结论'],
  problem: ['存在问题', '存在的问题', '主要问题', '问题'],
  recommendation: ['改进措施', '改进建议', '整改措施', '下一步改进措施', '意见建议'],
  experience: ['主要经验', '经验做法'],
  outcome: ['主要成效', '取得成效'],
});

/** Labels that open a part of the form after the funds block: the block ends there. */
export const BLOCK_STARTS: ReadonlySet<string> = new Set(
  [
    '年度总体目标',
    '总体目标',
    '年度目标',
    '绩效指标',
    '项目基本情况',
    '年度主要任务',
    '当年绩效目标',
    '项目负责人',
    '财务负责人',
  ].map((s) => labelKey(s).key),
);

/** Labels of a department form's tasks block (年度主要任务: 任务名称 | 主要内容 | 预算数 | 执行数): its money is no fund line. */
export const TASK_LABELS: ReadonlySet<string> = new Set(
  ['年度主要任务', '主要任务', '任务名称', '任务', '重点任务', '主要内容'].map((s) => labelKey(s).key),
);

export type FormScope = 'project' | 'department';

/** The scope a form's title names: 项目支出绩效自评表 or 部门（单位）整体支出绩效自评表. */
export function titleScope(text: string): FormScope | null {
  const t = labelKey(text).key;
  if (!/自评表|评价表/.test(t)) return null;
  if (/整体/.test(t)) return 'department';
  if (/项目/.test(t)) return 'project';
  return null;
}

/** The year a title or subtitle states: `（2023年度）`, `2024年度项目支出绩效自评表`; a date (`2022年2月3日`) is no year. */
export function statedYear(text: string): number | null {
  const t = normalizeLabel(text);
  const m =
    /(?:^|[^0-9])((?:19|20)[0-9]{2})年度/.exec(t) ??
    /^\(((?:19|20)[0-9]{2})年?\)$/.exec(t) ??
    /^((?:19|20)[0-9]{2})年$/.exec(t);
  return m ? Number(m[1]) : null;
}

/** A template's instructions left in a cell (`结合自评情况，说明……（200字以内）`): not something the agency wrote. */
export function isTemplateHint(text: string): boolean {
  return /[(（]\s*\d+\s*字以内\s*[)）]/.test(text);
}

/**
 * A name as stored: line breaks and spaces inside a label broken over lines (`满意度\n指标`) go,
 * spaces between words of Latin text stay single, and a trailing score in brackets
 * (`产出指标（50分）`) is dropped so that the same indicator has one name in every form.
 */
export function cleanName(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, (ws, at: number, all: string) => {
      const before = all[at - 1] ?? '';
      const after = all[at + ws.length] ?? '';
      return /[\x21-\x7e]/.test(before) && /[\x21-\x7e]/.test(after) ? ' ' : '';
    })
    .replace(/[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]$/, '');
}
