// The four kinds of file of the data contract: their columns, types and Chinese aliases.
import type { Kind, ValueType } from './types';

export interface FieldSpec {
  name: string;
  type: ValueType;
  /** 'yes', 'no', or 'project' (required when scope is project). */
  required: 'yes' | 'no' | 'project';
  aliases: readonly string[];
  /** Chinese label used for templates and exports. */
  label: string;
  /** For an integer field: the smallest and largest value accepted (inclusive). */
  min?: number;
  max?: number;
}

/** The fiscal years a record may have. */
export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

/** A year the analyst may give for files that state none: whole, and within the years a record may have. */
export function isPlausibleYear(n: number): boolean {
  return Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX;
}
/** The largest order number of a finding: far beyond the points of any report, small enough to read. */
export const SEQ_MAX = 99_999;

const KEY_FIELDS: readonly FieldSpec[] = [
  {
    name: 'agency',
    type: 'text',
    required: 'yes',
    aliases: ['单位名称', '部门名称', '预算单位', '单位'],
    label: '单位名称',
  },
  {
    name: 'year',
    type: 'integer',
    required: 'yes',
    aliases: ['年度', '评价年度', '预算年度'],
    label: '年度',
    min: YEAR_MIN,
    max: YEAR_MAX,
  },
  { name: 'scope', type: 'scope', required: 'yes', aliases: ['评价类型', '评价对象', '类型'], label: '评价类型' },
  { name: 'project', type: 'text', required: 'project', aliases: ['项目名称'], label: '项目名称' },
];

const SOURCE_FIELD: FieldSpec = {
  name: 'source',
  type: 'text',
  required: 'no',
  aliases: ['来源', '资料来源', '数据来源'],
  label: '资料来源',
};

/**
 * Where each figure of the row was read (data contract, "Evidence"): one entry a line,
 * `全年执行数: Sheet1!E7「90.00」`, written and read by evidenceColumn.ts.
 */
const EVIDENCE_FIELD: FieldSpec = {
  name: 'evidence',
  type: 'text',
  required: 'no',
  aliases: ['出处'],
  label: '出处',
};

const RECORD_FIELDS: readonly FieldSpec[] = [
  KEY_FIELDS[0]!,
  { name: 'region', type: 'text', required: 'no', aliases: ['地区', '所属地区', '区域'], label: '地区' },
  ...KEY_FIELDS.slice(1),
  { name: 'budget_initial', type: 'amount', required: 'no', aliases: ['年初预算数'], label: '年初预算数（万元）' },
  {
    name: 'budget',
    type: 'amount',
    required: 'no',
    aliases: ['全年预算数', '调整后预算数', '预算数'],
    label: '全年预算数（万元）',
  },
  {
    name: 'expenditure',
    type: 'amount',
    required: 'no',
    aliases: ['全年执行数', '实际支出', '支出数', '决算支出'],
    label: '全年执行数（万元）',
  },
  { name: 'execution_rate', type: 'percent', required: 'no', aliases: ['预算执行率', '执行率'], label: '预算执行率' },
  {
    name: 'budget_basic',
    type: 'amount',
    required: 'no',
    aliases: ['基本支出预算数'],
    label: '基本支出预算数（万元）',
  },
  {
    name: 'budget_project',
    type: 'amount',
    required: 'no',
    aliases: ['项目支出预算数'],
    label: '项目支出预算数（万元）',
  },
  {
    name: 'expenditure_basic',
    type: 'amount',
    required: 'no',
    aliases: ['基本支出', '基本支出执行数'],
    label: '基本支出执行数（万元）',
  },
  {
    name: 'expenditure_project',
    type: 'amount',
    required: 'no',
    aliases: ['项目支出', '项目支出执行数'],
    label: '项目支出执行数（万元）',
  },
  {
    name: 'carryover',
    type: 'amount',
    required: 'no',
    aliases: ['结转结余', '结转结余资金', '结余'],
    label: '结转结余资金（万元）',
  },
  { name: 'carryover_rate', type: 'percent', required: 'no', aliases: ['结转结余率'], label: '结转结余率' },
  {
    name: 'final_accounts',
    type: 'amount',
    required: 'no',
    aliases: ['决算数', '支出决算数'],
    label: '决算数（万元）',
  },
  { name: 'budget_final_diff_rate', type: 'percent', required: 'no', aliases: ['预决算差异率'], label: '预决算差异率' },
  {
    name: 'score',
    type: 'number',
    required: 'no',
    aliases: ['总分', '评价得分', '得分', '绩效得分'],
    label: '评价得分',
  },
  { name: 'grade', type: 'grade', required: 'no', aliases: ['评价等级', '等级', '综合评价等级'], label: '评价等级' },
  { name: 'evaluator', type: 'text', required: 'no', aliases: ['评价方式', '评价主体'], label: '评价方式' },
  SOURCE_FIELD,
  { name: 'note', type: 'text', required: 'no', aliases: ['备注', '说明'], label: '备注' },
  EVIDENCE_FIELD,
];

const INDICATOR_FIELDS: readonly FieldSpec[] = [
  ...KEY_FIELDS,
  { name: 'level1', type: 'text', required: 'yes', aliases: ['一级指标'], label: '一级指标' },
  { name: 'level2', type: 'text', required: 'no', aliases: ['二级指标'], label: '二级指标' },
  { name: 'level3', type: 'text', required: 'no', aliases: ['三级指标'], label: '三级指标' },
  { name: 'weight', type: 'number', required: 'no', aliases: ['分值', '权重', '标准分'], label: '分值' },
  { name: 'score', type: 'number', required: 'no', aliases: ['得分'], label: '得分' },
  { name: 'target', type: 'text', required: 'no', aliases: ['指标值', '年度指标值', '目标值'], label: '年度指标值' },
  { name: 'actual', type: 'text', required: 'no', aliases: ['实际完成值', '完成值'], label: '实际完成值' },
  {
    name: 'note',
    type: 'text',
    required: 'no',
    aliases: ['偏差原因分析及改进措施', '备注'],
    label: '偏差原因分析及改进措施',
  },
  SOURCE_FIELD,
  EVIDENCE_FIELD,
];

const FUND_FIELDS: readonly FieldSpec[] = [
  ...KEY_FIELDS,
  { name: 'category', type: 'category', required: 'yes', aliases: ['类别'], label: '类别' },
  { name: 'item', type: 'text', required: 'yes', aliases: ['项目', '明细', '资金来源', '支出内容'], label: '明细' },
  { name: 'budget', type: 'amount', required: 'no', aliases: ['预算金额', '预算数'], label: '预算金额（万元）' },
  {
    name: 'contract',
    type: 'amount',
    required: 'no',
    aliases: ['合同签订金额', '合同金额'],
    label: '合同签订金额（万元）',
  },
  { name: 'expenditure', type: 'amount', required: 'no', aliases: ['支出金额', '实际支出'], label: '支出金额（万元）' },
  SOURCE_FIELD,
  EVIDENCE_FIELD,
];

/**
 * Note that the contract gives `类型` to both scope (评价类型, 评价对象, 类型) and kind (类别, 类型):
 * in a findings file the header reader settles it (headers.ts), never the order of this list.
 */
const FINDING_FIELDS: readonly FieldSpec[] = [
  ...KEY_FIELDS,
  { name: 'kind', type: 'findingKind', required: 'yes', aliases: ['类别', '类型'], label: '类别' },
  { name: 'seq', type: 'integer', required: 'yes', aliases: ['序号'], label: '序号', min: 1, max: SEQ_MAX },
  { name: 'text', type: 'text', required: 'yes', aliases: ['内容'], label: '内容' },
  SOURCE_FIELD,
  EVIDENCE_FIELD,
];

export const SCHEMA: Readonly<Record<Kind, readonly FieldSpec[]>> = {
  records: RECORD_FIELDS,
  indicators: INDICATOR_FIELDS,
  funds: FUND_FIELDS,
  findings: FINDING_FIELDS,
};

/** Fields stored as numbers (Float64Array columns); all others are text columns. */
export function isNumericType(type: ValueType): boolean {
  return type === 'amount' || type === 'percent' || type === 'number' || type === 'integer';
}

export function numericFields(kind: Kind): string[] {
  return SCHEMA[kind].filter((f) => isNumericType(f.type)).map((f) => f.name);
}

export function textFields(kind: Kind): string[] {
  return SCHEMA[kind].filter((f) => !isNumericType(f.type)).map((f) => f.name);
}

/** The key fields of each kind, beyond the record key. */
export const EXTRA_KEY_FIELDS: Readonly<Record<Kind, readonly string[]>> = {
  records: [],
  indicators: ['level1', 'level2', 'level3'],
  funds: ['category', 'item'],
  findings: ['kind', 'seq'],
};
