import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '@/domain/document/types';
import type { ExtractResult } from '@/domain/extract/types';
import { extractForms, EXECUTION_INDICATOR } from '@/domain/forms';
import { caseRows, type FormCaseName } from '../../../scripts/fixtures/formCases';
import { specTable, type SpecRow } from '../../../scripts/fixtures/formModel';

function sheetDoc(rows: SpecRow[], sheet = 'Sheet1'): DocumentModel {
  return { format: 'xlsx', blocks: [specTable(rows, { sheet })] };
}
function wordDoc(rows: SpecRow[], paragraphs: string[] = []): DocumentModel {
  return {
    format: 'docx',
    blocks: [
      ...paragraphs.map((text, i) => ({ type: 'paragraph' as const, text, heading: 0, at: { paragraph: i + 1 } })),
      specTable(rows, { table: 1 }),
    ],
  };
}
function extract(doc: DocumentModel, year?: number): ExtractResult {
  const r = extractForms(doc, 'form.x', { year });
  if (r === null) throw new Error('no form');
  return r;
}
const sheetCase = (name: FormCaseName, year?: number) => extract(sheetDoc(caseRows(name, true)), year);
const wordCase = (name: FormCaseName, year?: number) => extract(wordDoc(caseRows(name, false)), year);
const ev = (r: ExtractResult, kind: string, index: number, field: string) =>
  r.evidence.find((e) => e.kind === kind && e.index === index && e.field === field);
const codes = (r: ExtractResult) => r.warnings.map((w) => w.code);

describe('national project form (the Chaoyang 2024 seed)', () => {
  it.each([
    ['a sheet with typed cells', () => sheetCase('chaoyang')],
    ['a Word table', () => wordCase('chaoyang')],
  ])('reads one record with its indicators and fund sources from %s', (_, run) => {
    const r = run();
    expect(r.layout).toBe('project_self_evaluation_form');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.records).toEqual([
      expect.objectContaining({
        agency: '北京市朝阳区投资促进服务中心',
        region: '北京市朝阳区',
        year: 2024,
        scope: 'project',
        project: '开展北京·香港合作研讨洽谈会专题推介活动',
        budget_initial: 90,
        budget: 90,
        expenditure: 90,
        execution_rate: 100,
        score: 100,
        grade: '优',
        evaluator: '自评',
      }),
    ]);
    // The funds block's 10 points are the 预算执行率 indicator: with the table's 90 they make 总分 100.
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.weight, i.score])).toEqual([
      [EXECUTION_INDICATOR, '', '', 10, 10],
      ['产出指标', '数量指标', '举办或参与宣传活动次数', 35, 35],
      ['产出指标', '质量指标', '举办或参与宣传活动的质量', 5, 5],
      ['产出指标', '时效指标', '活动按时举办', 5, 5],
      ['成本指标', '经济成本指标', '按预算合理支配使用', 5, 5],
      ['效益指标', '社会效益指标', '参与活动的影响力', 30, 30],
      ['满意度指标', '服务对象满意度指标', '举办或参与活动的满意度', 10, 10],
    ]);
    expect(r.indicators[1]).toMatchObject({ target: '≥1次/年', actual: '1次' });
    // Blank sub-lines (上年结转资金, 其他资金) are no fund line.
    expect(r.funds).toEqual([
      expect.objectContaining({ category: 'source', item: '当年财政拨款', budget: 90, expenditure: 90 }),
    ]);
  });

  it('gives every figure the cell it came from: sheet addresses, Word table rows and column labels', () => {
    const s = sheetCase('chaoyang');
    expect(ev(s, 'records', 0, 'expenditure')).toMatchObject({ text: '90.00', location: 'Sheet1!E6', how: 'read' });
    expect(ev(s, 'records', 0, 'execution_rate')).toMatchObject({ text: '100.00%', location: 'Sheet1!G6' });
    expect(ev(s, 'records', 0, 'year')).toMatchObject({ text: '（2024年度）', location: 'Sheet1!A2' });
    expect(ev(s, 'indicators', 1, 'score')).toMatchObject({ text: '35', location: 'Sheet1!H13' });
    const w = wordCase('chaoyang');
    expect(ev(w, 'records', 0, 'expenditure')).toMatchObject({ location: '表1 第6行 年度资金总额 全年执行数' });
    expect(ev(w, 'records', 0, 'agency')).toMatchObject({
      text: '北京市朝阳区投资促进服务中心',
      location: '表1 第4行 实施单位',
    });
    expect(ev(w, 'indicators', 6, 'level1')).toMatchObject({ text: '满意度\n指标', location: '表1 第18行 一级指标' });
    expect(ev(w, 'records', 0, 'grade')).toMatchObject({ how: 'derived' });
    // Every evidence text occurs verbatim in the form.
    const texts = new Set(
      specTable(caseRows('chaoyang', false), { table: 1 })
        .grid.flat()
        .map((c) => c?.text.trim()),
    );
    for (const e of w.evidence) expect(texts.has(e.text)).toBe(true);
  });

  it('takes the year from a title paragraph above a Word table', () => {
    const rows = caseRows('chaoyang', false).slice(2);
    const r = extract(wordDoc(rows, ['项目支出绩效自评表', '（2024年度）']));
    expect(r.records[0]!.year).toBe(2024);
    expect(ev(r, 'records', 0, 'year')).toMatchObject({ text: '（2024年度）', location: '第2段' });
  });
});

describe('careful-reader checks', () => {
  it('a zero 年度资金总额 line in 元: the sub-lines are taken, said so at the total cell, the stated 0 kept as disputed', () => {
    for (const r of [sheetCase('zeroTotalYuan'), wordCase('zeroTotalYuan')]) {
      expect(r.records[0]).toMatchObject({ budget_initial: 40, budget: 55, expenditure: 50 });
      expect(r.funds.map((f) => [f.item, f.budget, f.expenditure])).toEqual([
        ['当年财政拨款', 50, 45],
        ['上年结转资金', 5, 5],
      ]);
      expect(r.warnings.filter((w) => w.code === 'fund_total_zero').map((w) => w.params.sum)).toEqual([40, 55, 50]);
      expect(r.records[0]!.execution_rate).toBe(90.91);
    }
    const s = sheetCase('zeroTotalYuan');
    expect(s.warnings.find((w) => w.code === 'fund_total_zero' && w.field === 'budget')).toMatchObject({
      location: 'Sheet1!D6',
    });
    expect(ev(s, 'records', 0, 'budget')).toMatchObject({
      how: 'derived',
      text: '500000.00',
      location: 'Sheet1!D7',
      disputed: [{ value: 0, text: '0.00', location: 'Sheet1!D6' }],
    });
  });

  it('a stated 执行率 that is not 执行数 ÷ 全年预算数, blank scores, a score above its weight', () => {
    const r = sheetCase('wrongRateBlankScores');
    expect(r.records[0]).toMatchObject({ budget: 120, expenditure: 96, execution_rate: 90, score: 96 });
    expect(r.warnings.find((w) => w.code === 'execution_rate_mismatch')).toMatchObject({
      params: { item: '年度资金总额', stated: 90, computed: 80 },
      location: 'Sheet1!G6',
    });
    expect(ev(r, 'records', 0, 'execution_rate')!.disputed).toEqual([
      { value: 80, text: '96.00', location: 'Sheet1!E6' },
    ]);
    // A blank score cell is no score, never zero.
    expect(r.indicators[1]).toMatchObject({ level3: '举办或参与宣传活动次数', weight: 35, score: null });
    expect(r.warnings.find((w) => w.code === 'form_score_above_weight')).toMatchObject({
      params: { item: '举办或参与宣传活动的质量', score: 6, weight: 5 },
      location: 'Sheet1!H12',
    });
    expect(r.warnings.find((w) => w.code === 'score_sum_mismatch')).toMatchObject({ params: { sum: 64, total: 96 } });
  });

  it('a rate written as a bare fraction that matches the figures is read as percent, with a warning', () => {
    const rows = caseRows('chaoyang', false).map((row) => row.map((c) => (c === '100.00%' ? '1' : c)));
    const r = extract(wordDoc(rows));
    expect(r.records[0]!.execution_rate).toBe(100);
    expect(codes(r)).toContain('execution_rate_fraction');
  });

  it('weights that do not add up to the total weight', () => {
    const rows = caseRows('chaoyang', true);
    const totalRow = rows.findIndex((row) => row.some((c) => typeof c === 'object' && c.text === '总分'));
    rows[totalRow] = [{ text: '总分', colSpan: 6 }, { value: 90 }, { value: 100 }, ''];
    expect(codes(extract(sheetDoc(rows)))).toContain('weight_sum_mismatch');
  });
});

describe('variants', () => {
  it('moved rows and extra lines: 实施单位 after the funds, 自评得分 and 评价等级 read', () => {
    const r = sheetCase('movedRowsExtraLines');
    expect(r.records[0]).toMatchObject({
      agency: '北京市朝阳区投资促进服务中心',
      project: '投资促进宣传',
      score: 100,
      grade: '优',
      budget: 90,
    });
    expect(ev(r, 'records', 0, 'grade')).toMatchObject({ text: '优秀', how: 'read' });
    expect(r.warnings).toEqual([]);
  });

  it('a 自评得分 line that differs from 总分 is disputed', () => {
    const rows = nationalWith({ selfScore: 95 });
    const r = extract(sheetDoc(rows));
    expect(r.records[0]!.score).toBe(100);
    expect(codes(r)).toContain('self_score_differs');
    expect(ev(r, 'records', 0, 'score')!.disputed).toEqual([expect.objectContaining({ value: 95 })]);
  });

  it('the national department form: 基本支出 / 项目支出 are the record’s, the sources are fund lines', () => {
    for (const r of [sheetCase('departmentNational'), wordCase('departmentNational')]) {
      expect(r.layout).toBe('department_self_evaluation_form');
      expect(r.records[0]).toMatchObject({
        scope: 'department',
        project: '',
        year: 2023,
        budget: 1300,
        expenditure: 1235,
        execution_rate: 95,
        budget_basic: 820,
        expenditure_basic: 815,
        budget_project: 480,
        expenditure_project: 420,
        score: 97.5,
        grade: '优',
      });
      expect(r.funds.map((f) => [f.item, f.budget, f.expenditure])).toEqual([
        ['财政拨款', 1250, 1190],
        ['其他资金', 50, 45],
      ]);
      expect(r.indicators[0]).toMatchObject({ level1: EXECUTION_INDICATOR, weight: 10, score: 9.5 });
      expect(r.warnings).toEqual([]);
    }
  });

  it('a year given for the upload never overrides the form’s own, and a different one is said where the form states it', () => {
    const differs = sheetCase('chaoyang', 2023);
    expect(differs.records[0]!.year).toBe(2024);
    expect(differs.warnings.filter((w) => w.code === 'form_year_differs')).toEqual([
      expect.objectContaining({ params: { stated: 2024, given: 2023 }, location: 'Sheet1!A2', field: 'year' }),
    ]);
    expect(codes(sheetCase('chaoyang', 2024))).not.toContain('form_year_differs');
    expect(codes(sheetCase('chaoyang'))).not.toContain('form_year_differs');
    const word = wordCase('chaoyang', 2025);
    expect(word.records[0]!.year).toBe(2024);
    expect(word.warnings.find((w) => w.code === 'form_year_differs')?.params).toEqual({ stated: 2024, given: 2025 });
  });

  it('Guizhou’s department form without a year: an error, unless the analyst gives the year', () => {
    const none = sheetCase('departmentGuizhouNoYear');
    expect(none.errors.map((e) => e.code)).toEqual(['form_year_missing']);
    expect(none.records).toEqual([]);
    const r = sheetCase('departmentGuizhouNoYear', 2021);
    expect(r.errors).toEqual([]);
    expect(codes(r)).toEqual(['year_from_upload']);
    expect(r.records[0]).toMatchObject({
      agency: '绥阳县太白镇人民政府',
      year: 2021,
      budget_initial: 1172.55,
      budget: null,
      expenditure: 1268.72,
      // No 全年预算数: the rate is not made up from 年初预算数.
      execution_rate: null,
      budget_basic: 985.19,
      expenditure_project: 353.75,
    });
    // 填报日期：2022年2月3日 is a date, not the year evaluated.
    expect(r.records[0]!.year).not.toBe(2022);
  });

  it('Sichuan’s form: 调整后预算数 / 预算执行数 / 权重, targets from 指标性质 + 指标值 + 度量单位, findings, template hints', () => {
    const r = wordCase('sichuan');
    expect(r.records[0]).toMatchObject({
      agency: '青神县发展和改革局',
      project: '51000021R000000019951-工资性支出',
      year: 2023,
      budget_initial: 238.93,
      budget: 251.89,
      expenditure: 251.89,
      execution_rate: 100,
      score: 100,
    });
    expect(r.indicators[1]).toMatchObject({
      level3: '发放(缴纳)覆盖率',
      target: '=100%',
      actual: '100%',
      weight: 60,
      score: 60,
    });
    expect(r.funds.map((f) => [f.item, f.budget])).toEqual([
      ['财政资金', 251.89],
      ['财政专户管理资金', 0],
      ['单位资金', 0],
    ]);
    expect(r.findings).toEqual([
      expect.objectContaining({ kind: 'conclusion', seq: 1, text: '项目按计划完成，资金支付及时。' }),
    ]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'template_hint', params: { label: '存在问题' } })]);
  });

  it('several forms stacked in one sheet become one record each', () => {
    const rows = [...caseRows('sichuan', true), [], ...caseRows('chaoyang', true)];
    const r = extract(sheetDoc(rows, '自评表'));
    expect(r.records.map((x) => [x.agency, x.year])).toEqual([
      ['青神县发展和改革局', 2023],
      ['北京市朝阳区投资促进服务中心', 2024],
    ]);
    expect(r.records[1]!.source).toBe('form.x 自评表 #2');
    // Evidence indexes follow the file's rows.
    expect(ev(r, 'records', 1, 'budget')).toMatchObject({ location: expect.stringMatching(/^自评表!D\d+$/) });
    expect(r.indicators.filter((i) => i.agency === '青神县发展和改革局')).toHaveLength(3);
  });

  it('a Word form continued in a second table is one form', () => {
    const rows = caseRows('chaoyang', false);
    const split = rows.findIndex((row) => row.some((c) => typeof c === 'object' && (c.text ?? '').startsWith('绩')));
    const doc: DocumentModel = {
      format: 'docx',
      blocks: [specTable(rows.slice(0, split), { table: 1 }), specTable(rows.slice(split), { table: 2 })],
    };
    const r = extract(doc);
    expect(r.records).toHaveLength(1);
    expect(r.indicators).toHaveLength(7);
    expect(ev(r, 'indicators', 1, 'score')!.location).toBe('表2 第2行 得分');
  });

  it('units in the cells and in a 单位：元 note', () => {
    const rows = nationalWith({});
    rows.splice(1, 0, [{ text: '金额单位：元', colSpan: 9 }]);
    const r = extract(
      wordDoc(
        rows.map((row) =>
          row.map((c) => (typeof c === 'object' && c.text === '项目资金\n（万元）' ? { ...c, text: '项目资金' } : c)),
        ),
      ),
    );
    expect(r.records[0]!.budget).toBe(0.009);
  });

  it('a flat indicator list (指标名称 only) is stored as level-1 names, with a warning', () => {
    const rows: SpecRow[] = [
      [{ text: '部门整体绩效自评表', colSpan: 6 }],
      [{ text: '2021年度', colSpan: 6 }],
      ['主管部门', { text: '某区融媒体中心', colSpan: 5 }],
      ['指标名称', '计量单位', '年初指标值', '全年完成值', '指标权重(分)', '指标得分(分)'],
      ['预算完成率', '%', '70', '76', 2, 2],
      ['党性教育培训次数', '次', '26', '12', 5, 5],
      ['总计', '', '', '', 7, 7],
    ];
    const r = extract(sheetDoc(rows));
    expect(r.layout).toBe('department_self_evaluation_form');
    expect(r.indicators.map((i) => [i.level1, i.level2, i.target, i.actual, i.weight])).toEqual([
      ['预算完成率', '', '70%', '76%', 2],
      ['党性教育培训次数', '', '26次', '12次', 5],
    ]);
    expect(codes(r)).toEqual(['no_funds_block', 'indicator_levels_missing']);
    expect(r.records[0]!.score).toBe(7);
  });

  it('a form without agency or project is an error and gives no rows', () => {
    const rows = caseRows('chaoyang', false).filter(
      (row) => !row.some((c) => typeof c === 'object' && c.text === '主管部门'),
    );
    const r = extract(wordDoc(rows));
    expect(r.errors.map((e) => e.code)).toEqual(['form_agency_missing']);
    expect([r.records, r.indicators, r.funds]).toEqual([[], [], []]);
  });

  it('a table that is no form gives null', () => {
    expect(
      extractForms(
        sheetDoc([
          ['单位名称', '年度'],
          ['a', 2023],
        ]),
        'x.xlsx',
      ),
    ).toBeNull();
  });
});

function nationalWith(extra: Partial<import('../../../scripts/fixtures/formLayouts').FormOptions>): SpecRow[] {
  return caseRowsWith('chaoyang', extra);
}

import { FORM_CASES } from '../../../scripts/fixtures/formCases';
function caseRowsWith(name: FormCaseName, extra: object): SpecRow[] {
  const c = FORM_CASES[name];
  return c.layout({ ...c.options(true), ...extra });
}
