// The built-in dataset's real figures (data/*.csv, from the four seed reports), as plain rows, so
// option builders and aggregations are tested on the data leaders will actually see.
import type { FundLine, IndicatorRow, PerfRecord, RecordKeyFields } from '@/domain/types';

export const CCPIT = '中国国际贸易促进委员会北京市分会';
export const CHAOYANG = '北京市朝阳区投资促进服务中心';
export const YUZHONG = '重庆市渝中区招商投资促进局';
export const ADVISORY = '北京市市长国际企业家顾问会议';
export const EVENTS = '招商引资及推介大型专项活动经费';
export const FUND = '招商引资专项经费';
export const HOSTILE = '<img src=x onerror=alert(1)>';

const EMPTY: Omit<PerfRecord, keyof RecordKeyFields | 'region'> = {
  budget_initial: null,
  budget: null,
  expenditure: null,
  execution_rate: null,
  budget_basic: null,
  budget_project: null,
  expenditure_basic: null,
  expenditure_project: null,
  carryover: null,
  carryover_rate: null,
  final_accounts: null,
  budget_final_diff_rate: null,
  score: null,
  grade: null,
  evaluator: '',
  source: '',
  note: '',
  evidence: '',
};

export function record(fields: Partial<PerfRecord> & RecordKeyFields & { region: string }): PerfRecord {
  return { ...EMPTY, ...fields };
}

export const RECORDS: PerfRecord[] = [
  record({
    agency: CHAOYANG,
    region: '北京市朝阳区',
    year: 2023,
    scope: 'department',
    project: '',
    budget_initial: 1388.33,
    budget: 1581.89,
    expenditure: 1581.89,
    execution_rate: 100,
    budget_basic: 1082.46,
    budget_project: 499.43,
    expenditure_basic: 1082.46,
    expenditure_project: 499.43,
    carryover_rate: 0,
    final_accounts: 1581.89,
    budget_final_diff_rate: 13.94,
    evaluator: '自评',
    source: '北京市朝阳区投资促进服务中心2023年部门整体绩效评价报告',
  }),
  record({
    agency: CHAOYANG,
    region: '北京市朝阳区',
    year: 2024,
    scope: 'project',
    project: EVENTS,
    budget_initial: 90,
    budget: 90,
    expenditure: 90,
    execution_rate: 100,
    score: 100,
    grade: '优',
    evaluator: '自评',
    source: '北京市朝阳区投资促进服务中心招商引资及推介大型专项活动经费绩效评价报告（2024年度）',
  }),
  record({
    agency: CCPIT,
    region: '北京市',
    year: 2021,
    scope: 'department',
    project: '',
    carryover_rate: 2.89,
    source: '中国国际贸易促进委员会北京市分会2022年度部门整体绩效评价报告',
  }),
  record({
    agency: CCPIT,
    region: '北京市',
    year: 2022,
    scope: 'department',
    project: '',
    budget_initial: 5029.86,
    budget: 5333.85,
    expenditure: 5169.65,
    execution_rate: 96.92,
    budget_basic: 3864.04,
    budget_project: 1469.81,
    expenditure_basic: 3816.17,
    expenditure_project: 1353.48,
    carryover: 172.89,
    carryover_rate: 3.24,
    final_accounts: 5169.65,
    budget_final_diff_rate: 2.78,
    score: 95.18,
    grade: '优',
    source: '中国国际贸易促进委员会北京市分会2022年度部门整体绩效评价报告',
  }),
  record({
    agency: CCPIT,
    region: '北京市',
    year: 2022,
    scope: 'project',
    project: ADVISORY,
    budget_initial: 113.58,
    budget: 112.33,
    expenditure: 111.13,
    execution_rate: 98.93,
    carryover: 1.2,
    score: 85.99,
    grade: '良',
    evaluator: '第三方评价',
    source: '中国国际贸易促进委员会北京市分会2022年度“北京市市长国际企业家顾问会议”项目支出绩效评价报告',
  }),
  record({
    agency: YUZHONG,
    region: '重庆市渝中区',
    year: 2019,
    scope: 'project',
    project: FUND,
    budget: 281.28,
    expenditure: 268.49,
    carryover: 12.79,
    score: 100,
    grade: '优',
    evaluator: '自评',
    source: '渝中区招商投资促进局2019年招商引资专项经费绩效评价报告',
  }),
];

function ind(
  key: RecordKeyFields,
  level1: string,
  level2: string,
  level3: string,
  weight: number | null,
  score: number | null,
  target = '',
  actual = '',
): IndicatorRow {
  return { ...key, level1, level2, level3, weight, score, target, actual, note: '', source: '', evidence: '' };
}

const ccpitDept: RecordKeyFields = { agency: CCPIT, year: 2022, scope: 'department', project: '' };
const ccpitProj: RecordKeyFields = { agency: CCPIT, year: 2022, scope: 'project', project: ADVISORY };
const chaoyangProj: RecordKeyFields = { agency: CHAOYANG, year: 2024, scope: 'project', project: EVENTS };
const chaoyangDept: RecordKeyFields = { agency: CHAOYANG, year: 2023, scope: 'department', project: '' };
const yuzhong: RecordKeyFields = { agency: YUZHONG, year: 2019, scope: 'project', project: FUND };

export const INDICATORS: IndicatorRow[] = [
  ind(chaoyangProj, '预算执行率', '', '', 10, 10, '', '100%'),
  ind(chaoyangProj, '产出指标', '数量指标', '举办或参与宣传活动次数', 35, 35, '≥1次/年', '1次'),
  ind(chaoyangProj, '产出指标', '质量指标', '举办或参与宣传活动的质量', 5, 5, '优良中低差', '优'),
  ind(chaoyangProj, '产出指标', '时效指标', '活动按时举办', 5, 5, '优良中低差', '优'),
  ind(chaoyangProj, '成本指标', '经济成本指标', '按预算合理支配使用', 5, 5, '≤90万元', '90万元'),
  ind(chaoyangProj, '效益指标', '社会效益指标', '参与活动的影响力', 30, 30, '优良中低差', '优'),
  ind(chaoyangProj, '满意度指标', '服务对象满意度指标', '举办或参与活动的满意度', 10, 10, '优良中低差', '优'),
  ind(chaoyangDept, '产出指标', '数量指标', '数据分析（中介招商服务）', null, null, '≥2期/年'),
  ind(chaoyangDept, '满意度指标', '服务对象满意度指标', '服务对象满意度（中介招商服务）', null, null, '≥70%'),
  ind(ccpitDept, '当年预算执行情况', '', '', 20, 19.38),
  ind(ccpitDept, '整体绩效目标实现情况', '', '', 60, 55.8),
  ind(ccpitDept, '预算管理情况', '', '', 20, 20),
  ind(ccpitProj, '决策', '', '', 10, 8.32),
  ind(ccpitProj, '过程', '', '', 20, 17.42),
  ind(ccpitProj, '产出', '', '', 40, 37.81),
  ind(ccpitProj, '效益', '', '', 30, 22.44),
  ind(yuzhong, '产出指标', '', '', 20, 20),
  ind(yuzhong, '效益指标', '', '', 30, 30),
  ind(yuzhong, '满意度指标', '', '', 5, 5),
  ind(yuzhong, '管理指标', '', '', 45, 45),
  ind(yuzhong, '产出指标', '数量指标', '“招大引强”目标', null, null, '10个', '10个'),
];

function fund(
  key: RecordKeyFields,
  category: FundLine['category'],
  item: string,
  budget: number | null,
  contract: number | null,
  expenditure: number | null,
): FundLine {
  return { ...key, category, item, budget, contract, expenditure, source: '', evidence: '' };
}

export const FUNDS: FundLine[] = [
  fund(chaoyangProj, 'source', '当年财政拨款', 90, null, 90),
  fund(ccpitProj, 'source', '财政资金', 75.5, null, 75.5),
  fund(ccpitProj, 'source', '单位自有资金', 36.83, null, 35.63),
  fund(ccpitProj, 'line_item', '策划设计', 18.55, 17.5, 17.5),
  fund(ccpitProj, 'line_item', '会议网络技术平台支持', 39.05, 44, 44),
  fund(ccpitProj, 'line_item', '委托业务（会展服务）', 34.33, 34.33, 34.33),
  fund(ccpitProj, 'line_item', '宣传工作', 20, 15, 15),
  fund(ccpitProj, 'line_item', '评审专家劳务费', 0.4, null, 0.3),
];

/** The same records with one agency renamed to a hostile name, for escaping tests. */
export function hostileRecords(): PerfRecord[] {
  return RECORDS.map((r) => (r.agency === YUZHONG ? { ...r, agency: HOSTILE, project: `${HOSTILE}项目` } : r));
}
