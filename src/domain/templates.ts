// The templates in public/templates/: the contract's Chinese header labels (from SCHEMA) and one
// example row, written by the same exporter as the data. test/domain/templates.test.ts
// checks that the shipped files equal templateCsv(kind) and that the importer reads them without
// error; after a SCHEMA change, regenerate them with `npx tsx scripts/writeTemplates.ts`.
import { toCsv } from './exportCsv';
import type { Kind, RowOf } from './types';

const KEY = { agency: '示例单位', year: 2024, scope: 'project', project: '示例项目' } as const;
const SOURCE = '示例单位2024年度示例项目绩效自评报告';

/** One example row per kind; the indicator and fund rows belong to the example record. */
export const TEMPLATE_ROWS: { [K in Kind]: RowOf[K] } = {
  records: {
    ...KEY,
    region: '北京市',
    budget_initial: 100,
    budget: 120,
    expenditure: 114,
    execution_rate: 95,
    budget_basic: null,
    budget_project: null,
    expenditure_basic: null,
    expenditure_project: null,
    carryover: 6,
    carryover_rate: 5,
    final_accounts: 114,
    budget_final_diff_rate: null,
    score: 92.5,
    grade: '优',
    evaluator: '自评',
    source: SOURCE,
    note: '示例行：请替换为实际数据',
    evidence: '全年执行数: 自评表 Sheet1!E6「114.00」',
  },
  indicators: {
    ...KEY,
    level1: '产出指标',
    level2: '数量指标',
    level3: '举办培训次数',
    weight: 20,
    score: 20,
    target: '≥4次/年',
    actual: '4次',
    note: '',
    source: SOURCE,
    evidence: '',
  },
  funds: {
    ...KEY,
    category: 'source',
    item: '财政拨款',
    budget: 120,
    contract: null,
    expenditure: 114,
    source: SOURCE,
    evidence: '',
  },
  findings: {
    ...KEY,
    kind: 'problem',
    seq: 1,
    text: '部分绩效指标设置不够细化，难以衡量实际效果。',
    source: `${SOURCE}，存在的问题`,
    evidence: '',
  },
};

export function templateCsv(kind: Kind): string {
  return toCsv(kind, [TEMPLATE_ROWS[kind]] as RowOf[typeof kind][]);
}
