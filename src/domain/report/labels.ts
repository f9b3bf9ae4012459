// The words reports put before a record's figures, and the field each one fills. Longest first
// where one contains another (`基本支出预算数` before `基本支出`), which the matcher relies on.
import type { Unit } from './numbers';
import type { RecordField } from './draft';

export interface LabelRule {
  label: string;
  field: RecordField;
  unit: Unit;
}

const AMOUNT_LABELS: ReadonlyArray<readonly [RecordField, readonly string[]]> = [
  ['budget_initial', ['年初预算数', '年初预算', '年初批复预算', '年初部门预算', '年初预算批复', '年初批复']],
  [
    'budget',
    [
      '全年预算数',
      '全年预算',
      '调整后预算数',
      '调整后预算',
      '调整后的预算',
      '全年支出预算数',
      '审定金额',
      '预算安排',
      '预算总额',
      '支出预算',
      '项目预算',
      '预算资金',
      '预算数',
      '预算金额',
      '批复预算',
      '年度预算',
      '财政预算',
    ],
  ],
  [
    'expenditure',
    [
      '全年执行数',
      '执行数',
      '实际支出',
      '总体支出',
      '支出总额',
      '累计支出',
      '实际使用',
      '全年支出',
      '实际执行',
      '支出数',
      '决算支出',
    ],
  ],
  ['budget_basic', ['基本支出预算数', '基本支出预算']],
  ['budget_project', ['项目支出预算数', '项目支出预算']],
  ['expenditure_basic', ['基本支出执行数', '基本支出决算数', '基本支出']],
  ['expenditure_project', ['项目支出执行数', '项目支出决算数', '项目支出']],
  ['carryover', ['结转结余资金总额', '结转结余资金', '结转结余', '结余资金', '结转资金', '结余']],
  ['final_accounts', ['年度支出决算数', '支出决算数', '决算支出数', '决算数', '决算金额']],
];

const PERCENT_LABELS: ReadonlyArray<readonly [RecordField, readonly string[]]> = [
  ['execution_rate', ['预算执行率', '资金执行率', '执行率']],
  ['carryover_rate', ['结转结余率', '结余率']],
  ['budget_final_diff_rate', ['预决算差异率']],
];

const SCORE_LABELS = [
  '综合评分',
  '绩效得分',
  '评价分数',
  '绩效评价得分',
  '评价得分',
  '自评得分',
  '自评总分',
  '评价总分',
  '总得分',
  '综合得分',
  '最终得分',
  '总分',
];

export const LABEL_RULES: readonly LabelRule[] = [
  ...AMOUNT_LABELS.flatMap(([field, labels]) => labels.map((label) => ({ label, field, unit: 'amount' as const }))),
  ...PERCENT_LABELS.flatMap(([field, labels]) => labels.map((label) => ({ label, field, unit: 'percent' as const }))),
  ...SCORE_LABELS.map((label) => ({ label, field: 'score' as const, unit: 'points' as const })),
].sort((a, b) => b.label.length - a.label.length);

/** Words right before a label that make it another quantity: `其他支出预算数`, `上年结转资金`. */
export const BLOCKING_PREFIXES = [
  '其他支出',
  '其他',
  '上年',
  '以前年度',
  '三公经费',
  '公用经费',
  '人员经费',
  '资产',
  '合同',
  '采购',
  '平均',
  '市级',
];

/** Words between a label and its number that make the number a change or a share, not the figure. */
export const CHANGE_WORDS =
  /较|比上|同比|环比|上升|下降|增长|减少|提高|降低|增加|占|超过|不低于|不高于|不超过|相差|差异/;

export const GRADE_LABELS =
  /(?:综合评价等级|评价等级|绩效等级|评价结果|评定等级|综合评定|等级)(?:为|是|：|:|评定为|确定为)?\s*[“"「]?(优秀|优|良好|良|中等|中|合格|较差|差)(?![^”"」，。；\s]{1,3}分)/g;

export const GRADE_BEFORE_WORD =
  /(?:属于|评定为|确定为|评为|达到)\s*[“"「]?(优秀|优|良好|良|中等|中|合格|较差|差)[”"」]?\s*(?:等级|等次|档次|级)/;

export const GRADE_OF: Readonly<Record<string, string>> = {
  优秀: '优',
  优: '优',
  良好: '良',
  良: '良',
  中等: '中',
  中: '中',
  合格: '中',
  较差: '差',
  差: '差',
};
