// Tables of a report: score tables, the form's funds block, line items and tables of projects.
import { describe, expect, it } from 'vitest';
import { evidenceOf, extract, txtTable } from './helpers';

const TITLE = '北京市朝阳区投资促进服务中心2024年度招商引资经费绩效评价报告\n';

describe('score tables', () => {
  const r = extract(
    TITLE +
      txtTable([
        ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分'],
        ['', '产出指标', '数量指标', '举办活动次数', '≥1次/年', '1次', '35', '35'],
        ['', '', '质量指标', '活动质量', '优良中低差', '优', '5', '4'],
        ['', '满意度\n指标', '服务对象满意度指标', '满意度', '≥90%', '95%', '10', '10'],
        ['总分', '50', '49'],
      ]) +
      '四、分析\n',
  );

  it('reads every level with weight, score, target and actual; blank (merged) level cells carry the name from above', () => {
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.weight, i.score, i.target, i.actual])).toEqual([
      ['产出指标', '数量指标', '举办活动次数', 35, 35, '≥1次/年', '1次'],
      ['产出指标', '质量指标', '活动质量', 5, 4, '优良中低差', '优'],
      ['满意度指标', '服务对象满意度指标', '满意度', 10, 10, '≥90%', '95%'],
    ]);
  });

  it('takes the total row as the record’s score, with the cell as evidence', () => {
    expect(r.records[0]!.score).toBe(49);
    expect(evidenceOf(r, 'records', 0, 'score')).toMatchObject({
      text: '49',
      location: expect.stringMatching(/^表1 第5行/),
    });
    expect(evidenceOf(r, 'indicators', 1, 'score')).toMatchObject({ text: '4', location: '表1 第3行 得分' });
  });

  it('warns when a stated score rate is not score ÷ weight', () => {
    const x = extract(
      TITLE +
        txtTable([
          ['一级指标', '分值', '得分', '得分率'],
          ['当年预算执行情况', '20', '19.38', '96.92%'],
        ]),
    );
    expect(x.warnings.find((w) => w.code === 'score_rate_mismatch')).toMatchObject({
      kind: 'indicators',
      index: 0,
      params: { stated: 96.92, score: 19.38, weight: 20, computed: 96.9 },
    });
    expect(evidenceOf(x, 'indicators', 0, 'score')?.disputed?.[0]).toMatchObject({ value: 96.92, text: '96.92%' });
  });

  it('splits a path written as one string and keeps activities apart', () => {
    const x = extract(
      TITLE +
        txtTable([
          ['活动', '绩效指标', '指标性质', '指标值', '度量单位'],
          ['中介招商服务', '产出指标数量指标数据分析', '≥', '2', '期/年'],
          ['招商引资宣传推介', '成本指标经济成本指标按预算合理支配使用', '定性', '优良中低差', ''],
        ]),
    );
    expect(x.indicators.map((i) => [i.level1, i.level2, i.level3, i.target, i.note])).toEqual([
      ['产出指标', '数量指标', '数据分析（中介招商服务）', '≥2期/年', '活动：中介招商服务'],
      [
        '成本指标',
        '经济成本指标',
        '按预算合理支配使用（招商引资宣传推介）',
        '优良中低差',
        '活动：招商引资宣传推介；指标性质：定性',
      ],
    ]);
  });
});

describe('headers and names', () => {
  it('reads a header over two rows and drops the table’s own numbering from names', () => {
    const r = extract(
      TITLE +
        txtTable([
          ['指标名称', '评分', ''],
          ['', '分值', '得分'],
          ['1.决策', '20', '17'],
          ['（二）过程', '20', '18'],
        ]),
    );
    expect(r.indicators.map((i) => [i.level1, i.weight, i.score])).toEqual([
      ['决策', 20, 17],
      ['过程', 20, 18],
    ]);
  });
});

describe('money tables', () => {
  it('reads the form’s funds block: the total for the record, the other rows as fund sources, the rate as a scored item', () => {
    const r = extract(
      TITLE +
        txtTable([
          ['项目资金\n（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
          ['', '年度资金总额', '90', '90', '90', '10', '100%', '10'],
          ['', '其中：当年财政拨款', '90', '90', '90', '—', '100%', '—'],
          ['', '上年结转资金', '', '', '', '—', '', '—'],
        ]),
    );
    expect(r.records[0]).toMatchObject({ budget_initial: 90, budget: 90, expenditure: 90, execution_rate: 100 });
    expect(r.funds.map((f) => [f.category, f.item, f.budget, f.expenditure])).toEqual([
      ['source', '当年财政拨款', 90, 90],
    ]);
    expect(r.indicators.map((i) => [i.level1, i.weight, i.score, i.actual])).toEqual([['预算执行率', 10, 10, '100%']]);
  });

  it('reads basic and project rows of a budget table as the record’s splits, in the unit the caption names', () => {
    const r = extract(
      `${TITLE}单位：元\n` +
        txtTable([
          ['项目', '全年预算数', '全年执行数'],
          ['基本支出', '1,000,000', '900,000'],
          ['项目支出', '500,000', '450,000'],
          ['合计', '1,500,000', '1,350,000'],
        ]),
    );
    expect(r.records[0]).toMatchObject({
      budget: 150,
      expenditure: 135,
      budget_basic: 100,
      expenditure_basic: 90,
      budget_project: 50,
      expenditure_project: 45,
    });
  });

  const SOURCES = [
    ['资金来源', '全年预算数', '全年执行数', '结余', '执行率'],
    ['区级财政资金', '2,812,800.00', '2,684,900.00', '127,900.00', '95.45%'],
    ['合计', '2,812,800.00', '2,684,900.00', '127,900.00', '95.45%'],
  ];

  it('takes the total of a table of fund sources in 元 for the record’s figures, in 万元 exactly', () => {
    const r = extract(`${TITLE}表1 项目资金情况（单位：元）\n` + txtTable(SOURCES));
    expect(r.records[0]).toMatchObject({
      budget: 281.28,
      expenditure: 268.49,
      carryover: 12.79,
      execution_rate: 95.45,
    });
    expect(r.funds.map((f) => [f.item, f.budget, f.expenditure])).toEqual([['区级财政资金', 281.28, 268.49]]);
    expect(evidenceOf(r, 'records', 0, 'budget')).toMatchObject({
      text: '2,812,800.00',
      location: '表1 第3行 全年预算数',
    });
    expect(r.warnings).toEqual([]);
  });

  it('reads the unit a header or a caption row inside the table states, and leaves a 万元 table as it is', () => {
    const withCaptionRow = extract(TITLE + txtTable([['表1 项目资金情况', '单位：元'], ...SOURCES]));
    expect(withCaptionRow.records[0]).toMatchObject({ budget: 281.28, expenditure: 268.49 });
    const inHeader = extract(
      TITLE +
        txtTable([
          ['资金来源', '全年预算数（千元）', '全年执行数（千元）'],
          ['合计', '2,812.8', '2,684.9'],
        ]),
    );
    expect(inHeader.records[0]).toMatchObject({ budget: 281.28, expenditure: 268.49 });
    const wan = extract(
      `${TITLE}单位：万元\n` +
        txtTable([
          ['资金来源', '全年预算数', '全年执行数'],
          ['合计', '281.28', '268.49'],
        ]),
    );
    expect(wan.records[0]).toMatchObject({ budget: 281.28, expenditure: 268.49 });
  });

  it('checks the table’s total against the prose: a budget stated otherwise is disputed', () => {
    const rows = SOURCES.map((row) => row.map((c) => (c === '2,812,800.00' ? '2,800,000.00' : c)));
    const r = extract(
      `${TITLE}项目全年预算数281.28万元，实际支出268.49万元，执行率95.45%。\n单位：元\n` + txtTable(rows),
    );
    expect(r.records[0]).toMatchObject({ budget: 281.28, expenditure: 268.49 });
    expect(r.warnings.filter((w) => w.code === 'figure_disputed')).toMatchObject([
      { params: { field: 'budget', kept: '281.28', other: '280', otherLocation: '表1 第3行 全年预算数' } },
    ]);
  });

  it('reads cells grouped by full-width commas, with or without their unit', () => {
    const r = extract(
      `${TITLE}单位：元\n` +
        txtTable([
          ['项目', '全年预算数', '全年执行数'],
          ['合计', '１，５００，０００', '１，３５０，０００．００元'],
        ]),
    );
    expect(r.records[0]).toMatchObject({ budget: 150, expenditure: 135 });
  });

  it('reads a table written one row per line under the conclusion as indicators, none of its rows as findings', () => {
    for (const sep of ['\t', '        ']) {
      const row = (...cells: string[]) =>
        cells
          .map((c) => c.padEnd(sep === '\t' ? 0 : 8, ' '))
          .join(sep)
          .trimEnd();
      const r = extract(
        `${TITLE}三、评价结论\n项目综合得分为92.50分。\n` +
          [row('一级指标', '分值', '得分'), row('产出', '20', '19.00'), row('合计', '100', '92.50')].join('\n') +
          '\n',
      );
      expect(r.indicators.map((i) => [i.level1, i.weight, i.score])).toEqual([['产出', 20, 19]]);
      expect(r.findings.map((f) => f.text)).toEqual(['项目综合得分为92.50分。']);
    }
  });

  it('names a row whose figures cannot be put under the columns, and reads none of it', () => {
    const r = extract(
      `${TITLE}三、评价结论\n一级指标        分值      得分\n产出            20        19\n效益  3 0      27.5\n`,
    );
    expect(r.indicators.map((i) => [i.level1, i.weight, i.score])).toEqual([['产出', 20, 19]]);
    expect(r.warnings.filter((w) => w.code === 'table_row_unread')).toMatchObject([
      { params: { text: '效益  3 0      27.5' }, location: '第3段' },
    ]);
    expect(r.findings).toEqual([]);
  });

  it('names a cell whose commas group no thousands and reads nothing from it', () => {
    const r = extract(
      `${TITLE}单位：万元\n` +
        txtTable([
          ['项目', '全年预算数', '全年执行数'],
          ['合计', '1,2812.8', '1,268.49'],
        ]),
    );
    expect(r.records[0]).toMatchObject({ budget: null, expenditure: 1268.49 });
    expect(r.warnings.filter((w) => w.code === 'figure_unclear')).toMatchObject([
      { params: { text: '1,2812.8' }, location: '表1 第2行 全年预算数' },
    ]);
  });

  it('names a figure cell of letter-spaced digits left unjoined and reads nothing from it', () => {
    const r = extract(
      `${TITLE}单位：万元\n` +
        txtTable([
          ['项目', '全年预算数', '全年执行数'],
          ['合计', '2 8 1 2 8', '1,268.49'],
        ]),
    );
    expect(r.records[0]).toMatchObject({ budget: null, expenditure: 1268.49 });
    expect(r.warnings.filter((w) => w.code === 'figure_spaced')).toMatchObject([
      { params: { text: '2 8 1 2 8' }, location: '表1 第2行 全年预算数' },
    ]);
  });

  it('reads line items, skipping subtotals, and checks the total', () => {
    const r = extract(
      TITLE +
        '项目全年预算数112.33万元，全年执行数111.13万元。\n' +
        txtTable([
          ['组织方式', '项目支出具体内容', '预算金额', '合同签订金额', '支出金额'],
          ['政府采购', '策划设计', '18.55', '17.50', '17.50'],
          ['', '小计', '18.55', '17.50', '17.50'],
          ['自行组织', '评审专家劳务费', '0.40', '—', '0.30'],
          ['合计', '112.33', '—', '111.13'],
        ]),
    );
    expect(r.funds.map((f) => [f.category, f.item, f.budget, f.contract, f.expenditure])).toEqual([
      ['line_item', '策划设计', 18.55, 17.5, 17.5],
      ['line_item', '评审专家劳务费', 0.4, null, 0.3],
    ]);
  });

  it('makes one record per row of a table of projects', () => {
    const r = extract(
      '重庆市渝中区招商投资促进局2021年度部门整体绩效评价报告\n' +
        txtTable([
          ['项目名称', '全年预算数（万元）', '全年执行数（万元）', '执行率', '评价得分', '评价等级'],
          ['招商引资专项经费', '280.00', '266.40', '95.14%', '96.50', '优'],
          ['合计', '280.00', '266.40', '95.14%', '', ''],
        ]),
    );
    expect(
      r.records.map((x) => [x.scope, x.project, x.budget, x.expenditure, x.execution_rate, x.score, x.grade]),
    ).toEqual([
      ['department', '', null, null, null, null, null],
      ['project', '招商引资专项经费', 280, 266.4, 95.14, 96.5, '优'],
    ]);
  });
});
