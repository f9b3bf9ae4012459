// The built-in dataset (data/*.csv, the extractor's output on the four seed reports plus the
// reviewed data/corrections.json; test/scripts/seedExtraction.test.ts checks they do not drift)
// read through the same parser the app uses, checked against the figures of the reports. Every
// literal below is quoted from a report; the comment next to it names the sentence or table.
//
// Conventions of the dataset that these tests pin down:
// - Chaoyang 2023 (表1 绩效指标设定情况) lists the same indicator path twice, once per activity
//   (中介招商服务 / 招商引资宣传推介), e.g. 成本指标 / 经济成本指标 / 按预算合理支配使用. To keep the
//   indicator key unique, EVERY row of that table carries its activity in level3 as
//   `指标名（活动）`, and the note says `活动：…` again.
// - Where a report contradicts itself, the file keeps the figure that the report's own arithmetic
//   supports; the evidence column (出处) marks it disputed with the other statement, and the note
//   says it in words.
// - Level-2 names are those the report writes: none invented (no 数量指标 where the report has none).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFile, knownRecordsOf } from '@/domain/parseFile';
import { chunksToRows } from '@/domain/columns';
import { recordKey } from '@/domain/keys';
import { agencyRegion, canonicalAgency } from '@/domain/agencies';
import type { FundLine, IndicatorRow, ParsedFile, PerfRecord, RecordKeyFields } from '@/domain/types';

const CHAOYANG = '北京市朝阳区投资促进服务中心';
const CCPIT = '中国国际贸易促进委员会北京市分会';
const YUZHONG = '重庆市渝中区招商投资促进局';

const CY23: RecordKeyFields = { agency: CHAOYANG, year: 2023, scope: 'department', project: '' };
const CY24: RecordKeyFields = { agency: CHAOYANG, year: 2024, scope: 'project', project: '招商引资及推介大型专项活动经费' };
const BJ21: RecordKeyFields = { agency: CCPIT, year: 2021, scope: 'department', project: '' };
const BJ22: RecordKeyFields = { agency: CCPIT, year: 2022, scope: 'department', project: '' };
const BJ22P: RecordKeyFields = { agency: CCPIT, year: 2022, scope: 'project', project: '北京市市长国际企业家顾问会议' };
const YZ19: RecordKeyFields = { agency: YUZHONG, year: 2019, scope: 'project', project: '招商引资专项经费' };

function bytesOf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../data/${name}`, import.meta.url)));
}

function issuesText(p: ParsedFile): string {
  return [...p.errors, ...p.warnings]
    .map((i) => `row ${i.row} ${i.column ?? ''}: ${i.code} ${JSON.stringify(i.params)}`)
    .join('\n');
}

function sum(values: ReadonlyArray<number | null>): number {
  return values.reduce<number>((a, v) => a + (v ?? 0), 0);
}

let recordsFile: ParsedFile;
let indicatorsFile: ParsedFile;
let fundsFile: ParsedFile;
let findingsFile: ParsedFile;
let records: PerfRecord[];
let indicators: IndicatorRow[];
let funds: FundLine[];

beforeAll(async () => {
  recordsFile = await parseFile(bytesOf('records.csv'), 'records.csv');
  // Indicator and fund rows must find their record: chain the records file as an upload would.
  const known = knownRecordsOf(recordsFile);
  indicatorsFile = await parseFile(bytesOf('indicators.csv'), 'indicators.csv', { knownRecords: known });
  fundsFile = await parseFile(bytesOf('funds.csv'), 'funds.csv', { knownRecords: known });
  findingsFile = await parseFile(bytesOf('findings.csv'), 'findings.csv', { knownRecords: known });
  records = chunksToRows<'records'>(recordsFile.chunks);
  indicators = chunksToRows<'indicators'>(indicatorsFile.chunks);
  funds = chunksToRows<'funds'>(fundsFile.chunks);
});

function record(key: RecordKeyFields): PerfRecord {
  const found = records.find((r) => recordKey(r) === recordKey(key));
  if (!found) throw new Error(`no record ${recordKey(key)}`);
  return found;
}

function indicatorsOf(key: RecordKeyFields): IndicatorRow[] {
  return indicators.filter((r) => recordKey(r) === recordKey(key));
}

function indicator(key: RecordKeyFields, level1: string, level2 = '', level3 = ''): IndicatorRow {
  const found = indicatorsOf(key).find((r) => r.level1 === level1 && r.level2 === level2 && r.level3 === level3);
  if (!found) throw new Error(`no indicator ${level1}/${level2}/${level3}`);
  return found;
}

function fundsOf(key: RecordKeyFields): FundLine[] {
  return funds.filter((r) => recordKey(r) === recordKey(key));
}

function fund(key: RecordKeyFields, item: string): FundLine {
  const found = fundsOf(key).find((r) => r.item === item);
  if (!found) throw new Error(`no fund line ${item}`);
  return found;
}

describe('the files themselves', () => {
  it('are recognised, UTF-8 without BOM, comma-delimited, and import without errors or warnings', () => {
    for (const [file, kind] of [[recordsFile, 'records'], [indicatorsFile, 'indicators'], [fundsFile, 'funds'], [findingsFile, 'findings']] as const) {
      expect(file.kind, file.fileName).toBe(kind);
      expect(file.encoding, file.fileName).toBe('utf-8');
      expect(file.delimiter, file.fileName).toBe(',');
      // The built-in dataset is internally consistent: any warning means a mistyped figure.
      expect(issuesText(file), file.fileName).toBe('');
      expect(file.errorCount).toBe(0);
      expect(file.warningCount).toBe(0);
    }
  });

  it('use the schema labels as headers and LF line endings', () => {
    for (const name of ['records.csv', 'indicators.csv', 'funds.csv', 'findings.csv']) {
      const text = new TextDecoder().decode(bytesOf(name));
      expect(text.includes('\r'), name).toBe(false);
      expect(text.charCodeAt(0), name).not.toBe(0xfeff);
    }
    expect(recordsFile.headers.map((h) => h.written)).toContain('全年预算数（万元）');
    expect(recordsFile.headers.every((h) => h.field !== null)).toBe(true);
    expect(indicatorsFile.headers.every((h) => h.field !== null)).toBe(true);
    expect(fundsFile.headers.every((h) => h.field !== null)).toBe(true);
  });

  it('hold 6 records, 47 indicator rows and 8 fund lines, every one naming its source report', () => {
    expect(records).toHaveLength(6);
    expect(indicators).toHaveLength(47);
    expect(funds).toHaveLength(8);
    for (const r of [...records, ...indicators, ...funds]) expect(r.source).toMatch(/报告/);
    // An indicator or fund line comes from the same report as its record.
    for (const r of [...indicators, ...funds]) expect(r.source).toBe(record(r).source);
  });

  it('name agencies by their official name and region', () => {
    for (const r of records) {
      expect(canonicalAgency(r.agency)).toBe(r.agency);
      expect(r.region).toBe(agencyRegion(r.agency));
    }
    expect(new Set(records.map((r) => r.region))).toEqual(new Set(['北京市朝阳区', '北京市', '重庆市渝中区']));
  });
});

describe('北京市朝阳区投资促进服务中心 2023 部门整体', () => {
  it('has the budget execution of 二、当年预算执行情况', () => {
    const r = record(CY23);
    // “2023年全年预算数1581.89万元，其中，基本支出预算数1082.46万元，项目支出预算数499.43万元”
    expect(r.budget).toBe(1581.89);
    expect(r.budget_basic).toBe(1082.46);
    expect(r.budget_project).toBe(499.43);
    // “资金总体支出1581.89万元，其中，基本支出1082.46万元，项目支出499.43万元 … 预算执行率为100%”
    expect(r.expenditure).toBe(1581.89);
    expect(r.expenditure_basic).toBe(1082.46);
    expect(r.expenditure_project).toBe(499.43);
    expect(r.execution_rate).toBe(100);
  });

  it('keeps a 0% carryover rate as zero and the unreported carryover amount as missing', () => {
    const r = record(CY23);
    // “我中心2023年结转结余率为0%。” — a reported zero, not a missing value.
    expect(r.carryover_rate).toBe(0);
    expect(r.carryover).toBeNull();
  });

  it('has the 预决算差异率 of section 四（五）, consistent with its two amounts', () => {
    const r = record(CY23);
    // “2023年预决算差异率13.94%，决算数1581.89万元，年初预算数1388.33万元。”
    expect(r.budget_final_diff_rate).toBe(13.94);
    expect(r.final_accounts).toBe(1581.89);
    expect(r.budget_initial).toBe(1388.33);
    expect(((r.final_accounts! - r.budget_initial!) / r.budget_initial!) * 100).toBeCloseTo(13.94, 2);
  });

  it('has no total score (the report gives none) and says the 15 projects were all 优', () => {
    const r = record(CY23);
    expect(r.score).toBeNull();
    expect(r.grade).toBeNull();
    expect(r.evaluator).toBe('自评');
    // “评分得优的项目（90（含）-100分）有15个”: the conclusion, among the report's findings.
    const conclusion = chunksToRows<'findings'>(findingsFile.chunks).filter(
      (f) => recordKey(f) === recordKey(CY23) && f.kind === 'conclusion',
    );
    expect(conclusion.some((f) => f.text.includes('有15个'))).toBe(true);
  });

  it('has the 12 targets of 表1, without weights or scores, one per activity', () => {
    const rows = indicatorsOf(CY23);
    expect(rows).toHaveLength(12);
    expect(rows.every((i) => i.weight === null && i.score === null)).toBe(true);
    // 中介招商服务 | 产出指标数量指标数据分析 | ≥ | 2 | 期/年
    expect(indicator(CY23, '产出指标', '数量指标', '数据分析（中介招商服务）').target).toBe('≥2期/年');
    // 招商引资宣传推介 | 满意度指标服务对象满意度指标举办或参与活动的满意度 | ≥ | 85 | %
    expect(indicator(CY23, '满意度指标', '服务对象满意度指标', '举办或参与活动的满意度（招商引资宣传推介）').target).toBe('≥85%');
    // The path the two activities share appears once for each.
    const cost = rows.filter((i) => i.level1 === '成本指标' && i.level2 === '经济成本指标');
    expect(cost.map((i) => i.level3).sort()).toEqual(['按预算合理支配使用（中介招商服务）', '按预算合理支配使用（招商引资宣传推介）']);
    expect(cost.every((i) => i.target === '优良中低差')).toBe(true);
    expect(rows.filter((i) => i.note.includes('活动：中介招商服务'))).toHaveLength(6);
  });
});

describe('北京市朝阳区投资促进服务中心 2024 招商引资及推介大型专项活动经费', () => {
  it('has the amounts and score of the 项目支出绩效表', () => {
    const r = record(CY24);
    // “2024年批复…项目预算90万元，该项目实际支出90万元，执行率100%。” 年初预算数 90 | 全年预算数 90 | 全年执行数 90
    expect(r.budget_initial).toBe(90);
    expect(r.budget).toBe(90);
    expect(r.expenditure).toBe(90);
    expect(r.execution_rate).toBe(100);
    // 总分 | 100 | 100. The report states no grade: the file leaves it empty and the app derives 优.
    expect(r.score).toBe(100);
    expect(r.grade).toBe('优');
    // The report names no evaluator (the audit: 自评 was not the report's word).
    expect(r.evaluator).toBe('');
  });

  it('has the 7 scored indicator rows, adding up to the total of 100', () => {
    const rows = indicatorsOf(CY24);
    expect(rows).toHaveLength(7);
    // 举办或参与宣传活动次数 | ≥1次/年 | 1次 | 35 | 35
    const count = indicator(CY24, '产出指标', '数量指标', '举办或参与宣传活动次数');
    expect([count.target, count.actual, count.weight, count.score]).toEqual(['≥1次/年', '1次', 35, 35]);
    // 按预算合理支配使用 | ≤90万元 | 90万元 | 5 | 5
    const cost = indicator(CY24, '成本指标', '经济成本指标', '按预算合理支配使用');
    expect([cost.target, cost.actual, cost.weight, cost.score]).toEqual(['≤90万元', '90万元', 5, 5]);
    // 年度资金总额 | … | 分值 10 | 执行率 100% | 得分 10
    const exec = indicator(CY24, '预算执行率');
    expect([exec.weight, exec.score, exec.actual]).toEqual([10, 10, '100%']);
    expect(sum(rows.map((i) => i.weight))).toBe(100);
    expect(sum(rows.map((i) => i.score))).toBe(record(CY24).score);
  });

  it('has the 当年财政拨款 line of the 项目资金 table', () => {
    // 其中：当年财政拨款 | 90 | 90 | 90
    const line = fund(CY24, '当年财政拨款');
    expect(line.category).toBe('source');
    expect([line.budget, line.expenditure]).toEqual([90, 90]);
    expect(fundsOf(CY24)).toHaveLength(1);
  });
});

describe('中国国际贸易促进委员会北京市分会 2022 部门整体', () => {
  it('has the budget execution of （二）当年预算执行情况', () => {
    const r = record(BJ22);
    // “2022年全年预算数5,333.85万元，其中，基本支出预算数3,864.04万元，项目支出预算数1,469.81万元”
    expect(r.budget).toBe(5333.85);
    expect(r.budget_basic).toBe(3864.04);
    expect(r.budget_project).toBe(1469.81);
    // “总体支出5169.65万元，其中，基本支出3,816.17万元，项目支出1,353.48万元，预算执行率为96.92%”
    expect(r.expenditure).toBe(5169.65);
    expect(r.expenditure_basic).toBe(3816.17);
    expect(r.expenditure_project).toBe(1353.48);
    expect(r.execution_rate).toBe(96.92);
  });

  it('has the carryover of 4.结转结余率', () => {
    const r = record(BJ22);
    // “年末结转结余资金总额为172.89万元，全年支出预算数为5,333.85万元，资金结转结余率为3.24%”
    expect(r.carryover).toBe(172.89);
    expect(r.carryover_rate).toBe(3.24);
    expect((r.carryover! / r.budget!) * 100).toBeCloseTo(3.24, 2);
  });

  it('keeps the final accounts that the expenditure split supports and notes the other figure', () => {
    const r = record(BJ22);
    // “年初预算数为5,029.86万元，部门年度支出决算数为5,169.66万元，部门预决算差异率为2.78%”
    expect(r.budget_initial).toBe(5029.86);
    expect(r.budget_final_diff_rate).toBe(2.78);
    // The 决算数 is 5,169.66 (the audit); 5169.65 is the 总体支出, a quantity of its own.
    expect(r.final_accounts).toBe(5169.66);
    expect(r.expenditure).toBe(5169.65);
    expect(((r.final_accounts! - r.budget_initial!) / r.budget_initial!) * 100).toBeCloseTo(2.78, 2);
  });

  it('has the score, grade and the level-1 table 表4', () => {
    const r = record(BJ22);
    // “部门整体绩效评价得分为95.18分，综合评价等级为“优””
    expect(r.score).toBe(95.18);
    expect(r.grade).toBe('优');
    // The level-1 rows of 表4 (the output and outcome targets are rows of their own, unscored).
    const rows = indicatorsOf(BJ22).filter((i) => i.weight !== null);
    expect(rows).toHaveLength(3);
    // 当年预算执行情况 20 19.38 | 整体绩效目标实现情况 60 55.80 | 预算管理情况 20 20.00 | 合计 100 95.18
    expect([indicator(BJ22, '当年预算执行情况').weight, indicator(BJ22, '当年预算执行情况').score]).toEqual([20, 19.38]);
    expect([indicator(BJ22, '整体绩效目标实现情况').weight, indicator(BJ22, '整体绩效目标实现情况').score]).toEqual([60, 55.8]);
    expect([indicator(BJ22, '预算管理情况').weight, indicator(BJ22, '预算管理情况').score]).toEqual([20, 20]);
    expect(rows.every((i) => i.level2 === '' && i.level3 === '')).toBe(true);
    expect(sum(rows.map((i) => i.weight))).toBe(100);
    expect(sum(rows.map((i) => i.score))).toBeCloseTo(95.18, 2);
  });
});

describe('中国国际贸易促进委员会北京市分会 2021 部门整体', () => {
  it('holds only the carryover rate the 2022 report quotes', () => {
    const r = record(BJ21);
    // “2021年资金结转结余率为2.89%”
    expect(r.carryover_rate).toBe(2.89);
    const others = [r.budget_initial, r.budget, r.expenditure, r.execution_rate, r.budget_basic, r.budget_project,
      r.expenditure_basic, r.expenditure_project, r.carryover, r.final_accounts, r.budget_final_diff_rate, r.score, r.grade];
    expect(others.every((v) => v === null)).toBe(true);
    expect(r.evidence).toContain('2.89%');
    // “2022年度部门结转结余率较上一年度上升了0.35%”
    expect(record(BJ22).carryover_rate! - r.carryover_rate!).toBeCloseTo(0.35, 2);
    expect(indicatorsOf(BJ21)).toHaveLength(0);
  });
});

describe('中国国际贸易促进委员会北京市分会 2022 北京市市长国际企业家顾问会议', () => {
  it('has the amounts of （3）资金投入和使用情况', () => {
    const r = record(BJ22P);
    // “年初预算批复金额为113.58万元 … 最终审定金额为112.33万元 … 项目全年实际支出111.13万元 … 预算执行率98.93%”
    expect(r.budget_initial).toBe(113.58);
    expect(r.budget).toBe(112.33);
    expect(r.expenditure).toBe(111.13);
    expect(r.execution_rate).toBe(98.93);
    // “导致资金支出有结余”: the amount is budget − expenditure.
    expect(r.carryover).toBeCloseTo(112.33 - 111.13, 2);
  });

  it('has the score, grade and evaluator of （三）综合评价情况', () => {
    const r = record(BJ22P);
    // “项目绩效评价得分为85.99分，综合评价等级为“良””; “委托评价机构成立绩效评价工作组”
    expect(r.score).toBe(85.99);
    expect(r.grade).toBe('良');
    expect(r.evaluator).toBe('第三方评价');
    // 决策 10 8.32 | 过程 20 17.42 | 产出 40 37.81 | 效益 30 22.44 | 总分 100 85.99
    const rows = indicatorsOf(BJ22P);
    expect(rows.map((i) => [i.level1, i.weight, i.score])).toEqual([
      ['决策', 10, 8.32], ['过程', 20, 17.42], ['产出', 40, 37.81], ['效益', 30, 22.44],
    ]);
    expect(sum(rows.map((i) => i.score))).toBeCloseTo(85.99, 2);
  });

  it('keeps the fiscal share the totals support (75.50) and notes the 75.05 of 资金管理', () => {
    // “其中财政资金75.50万元，单位自有资金36.83万元 … 财政资金支出75.50万元，单位自有资金支出35.63万元”
    const fiscal = fund(BJ22P, '财政资金');
    const own = fund(BJ22P, '单位自有资金');
    expect([fiscal.category, fiscal.budget, fiscal.expenditure]).toEqual(['source', 75.5, 75.5]);
    expect([own.category, own.budget, own.expenditure]).toEqual(['source', 36.83, 35.63]);
    expect(fiscal.budget! + own.budget!).toBeCloseTo(record(BJ22P).budget!, 2);
    expect(fiscal.expenditure! + own.expenditure!).toBeCloseTo(record(BJ22P).expenditure!, 2);
    // “财政资金75.05万元，单位自有资金38.08万元” does not add up to 113.58; 75.50 + 38.08 does.
    expect(record(BJ22P).note).toContain('75.05');
    expect(75.5 + 38.08).toBeCloseTo(record(BJ22P).budget_initial!, 2);
  });

  it('has the five spending lines of 项目支出具体内容资金使用情况统计表, adding up to 合计', () => {
    const lines = fundsOf(BJ22P).filter((f) => f.category === 'line_item');
    expect(lines.map((f) => [f.item, f.budget, f.contract, f.expenditure])).toEqual([
      ['策划设计', 18.55, 17.5, 17.5],
      ['会议网络技术平台支持', 39.05, 44, 44],
      ['委托业务（会展服务）', 34.33, 34.33, 34.33],
      ['宣传工作', 20, 15, 15],
      ['评审专家劳务费', 0.4, null, 0.3],
    ]);
    // 合计 | 112.33 | — | 111.13 ; 政府采购 小计 | 111.93 | 110.83 | 110.83
    expect(sum(lines.map((f) => f.budget))).toBeCloseTo(112.33, 2);
    expect(sum(lines.map((f) => f.expenditure))).toBeCloseTo(111.13, 2);
    expect(sum(lines.map((f) => f.contract))).toBeCloseTo(110.83, 2);
  });
});

describe('重庆市渝中区招商投资促进局 2019 招商引资专项经费', () => {
  it('keeps the budget that spending plus balance supports and notes the 282.28 of section 四', () => {
    const r = record(YZ19);
    // “财政总预算安排281.28万元”; “专项经费实际支出268.49万元，结余12.79万元。”
    expect(r.budget).toBe(281.28);
    expect(r.expenditure).toBe(268.49);
    expect(r.carryover).toBe(12.79);
    expect(r.expenditure! + r.carryover!).toBeCloseTo(r.budget!, 2);
    // “2019年专项资金财政总预算安排282.28万元”
    expect(r.note).toContain('282.28');
  });

  it('derives the execution rate the report leaves out', () => {
    // 268.49 ÷ 281.28 = 95.45 %
    expect(record(YZ19).execution_rate).toBe(95.45);
  });

  it('has the score of （五）评价总结 and its four level-1 scores', () => {
    const r = record(YZ19);
    // “项目产出得分20分，项目效益得分30分，满意度5分，管理情况45分。总分100分。”
    // No grade in the report: the file leaves it empty and the app derives 优 from 100.
    expect(r.score).toBe(100);
    expect(r.grade).toBe('优');
    const level1 = indicatorsOf(YZ19).filter((i) => i.level2 === '' && i.level3 === '');
    expect(level1.map((i) => [i.level1, i.weight, i.score])).toEqual([
      ['产出指标', 20, 20], ['效益指标', 30, 30], ['满意度指标', 5, 5], ['管理指标', 45, 45],
    ]);
    expect(sum(level1.map((i) => i.score))).toBe(r.score);
  });

  it('has the targets against actuals of 三、综合评价情况, unscored, under their level 1', () => {
    const rows = indicatorsOf(YZ19);
    expect(rows).toHaveLength(14);
    const leaves = rows.filter((i) => i.level3 !== '');
    expect(leaves.every((i) => i.weight === null && i.score === null)).toBe(true);
    // “1、“招大引强”目标：应完成10个，完成10个。”
    // Under 产出指标 the report names no level 2 (数量指标 is not its word).
    const big = indicator(YZ19, '产出指标', '', '“招大引强”目标');
    expect([big.target, big.actual]).toEqual(['10个', '10个']);
    // “6、开展境内外招商推介活动：应开展2次以上，开展3次。”
    const promo = indicator(YZ19, '产出指标', '', '开展境内外招商推介活动');
    expect([promo.target, promo.actual]).toEqual(['2次以上', '3次']);
    // … and “召开产业招商专题推介会10余场” elsewhere: the count is disputed, both kept visible.
    expect(promo.evidence).toContain('另见「10余场」');
    // （二）is headed 产出指标 in the report but holds the 效益 indicators:
    // “2、经济效益指标：…重点项目签约金额50亿元，完成50个，50.5亿元。”
    const amount = indicator(YZ19, '效益指标', '经济效益指标', '重点项目签约金额');
    expect([amount.target, amount.actual]).toEqual(['50亿元', '50.5亿元']);
    // “企业满意度，应达到80%以上，达到80%以上。”
    expect(indicator(YZ19, '满意度指标', '', '企业满意度').actual).toBe('80%以上');
    expect(leaves.filter((i) => i.level1 === '产出指标')).toHaveLength(6);
    expect(leaves.filter((i) => i.level1 === '效益指标')).toHaveLength(3);
  });
});
