import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '@/domain/extract/types';
import { EXECUTION_INDICATOR } from '@/domain/forms';
import type { SpecRow } from '../../../scripts/fixtures/formModel';
import { readForm } from './readForm';

// A project form of 9 columns laid out as p2a–p2c of the robustness probe: its funds block and
// indicator table with headers of one row or of two.

const TOP: SpecRow[] = [
  [{ text: '项目支出绩效自评表', colSpan: 9 }],
  [{ text: '（2022年度）', colSpan: 9 }],
  [
    { text: '项目名称', colSpan: 2 },
    { text: '招商引资专项经费', colSpan: 7 },
  ],
  [
    { text: '主管部门', colSpan: 2 },
    { text: '某区人民政府', colSpan: 3 },
    '实施单位',
    { text: '某区投资促进局', colSpan: 3 },
  ],
];

function fundsLines(typed: boolean): SpecRow[] {
  const n = (x: number): SpecRow[number] => (typed ? { value: x } : String(x));
  const rate = typed ? { value: 0.95, format: '0.00%' } : '95.00%';
  return [
    ['年度资金总额', n(250), n(281.28), n(268.49), n(10), rate, { ...asCell(n(9.5)), colSpan: 2 }],
    ['其中：当年财政拨款', n(250), n(281.28), n(268.49), '—', rate, { text: '—', colSpan: 2 }],
  ];
}

function asCell(c: SpecRow[number]) {
  return typeof c === 'object' ? c : typeof c === 'number' ? { value: c } : { text: c };
}

/** 预算执行情况 over 年初 / 全年 / 执行, 分值 / 执行率 / 得分 merged down over both rows. */
function fundsTwoRows(
  typed: boolean,
  money = ['年初预算数', '全年预算数', '全年执行数'],
  group = '预算执行情况',
): SpecRow[] {
  return [
    [
      { text: '项目资金（万元）', rowSpan: 4 },
      { text: '', rowSpan: 2 },
      { text: group, colSpan: 3 },
      { text: '分值', rowSpan: 2 },
      { text: '执行率', rowSpan: 2 },
      { text: '得分', rowSpan: 2, colSpan: 2 },
    ],
    money,
    ...fundsLines(typed),
  ];
}

function fundsOneRow(typed: boolean): SpecRow[] {
  return [
    [
      { text: '项目资金（万元）', rowSpan: 3 },
      '',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值',
      '执行率',
      { text: '得分', colSpan: 2 },
    ],
    ...fundsLines(typed),
  ];
}

const INDICATORS: SpecRow[] = [
  ['产出指标', '数量指标', '举办招商活动次数', '≥10次', '12次', 20, 20, ''],
  ['效益指标', '经济效益指标', '引进投资额', '≥50亿元', '56亿元', 70, 66.5, ''],
];
const TOTAL: SpecRow = [{ text: '总分', colSpan: 6 }, 100, 96, ''];

/** 指标 over 一级 / 二级 / 三级指标, the other headers merged down. */
function indicatorsLevelsTwoRows(): SpecRow[] {
  const down = (text: string) => ({ text, rowSpan: 2 });
  return [
    [
      { text: '绩效指标', rowSpan: 4 },
      { text: '指标', colSpan: 3 },
      down('年度指标值'),
      down('实际完成值'),
      down('分值'),
      down('得分'),
      down('偏差原因分析及改进措施'),
    ],
    ['一级指标', '二级指标', '三级指标'],
    ...INDICATORS,
    TOTAL,
  ];
}

/** 指标值 over 年度指标值 / 实际完成值, the other headers merged down. */
function indicatorsValuesTwoRows(): SpecRow[] {
  const down = (text: string) => ({ text, rowSpan: 2 });
  return [
    [
      { text: '绩效指标', rowSpan: 4 },
      down('一级指标'),
      down('二级指标'),
      down('三级指标'),
      { text: '指标值', colSpan: 2 },
      down('分值'),
      down('得分'),
      down('偏差原因分析及改进措施'),
    ],
    ['年度指标值', '实际完成值'],
    ...INDICATORS,
    TOTAL,
  ];
}

function indicatorsOneRow(
  headers = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
): SpecRow[] {
  return [[{ text: '绩效指标', rowSpan: 3 }, ...headers], ...INDICATORS, TOTAL];
}

const figures = (r: ExtractResult) =>
  r.indicators.map((i) => [i.level1, i.level3, i.weight, i.score, i.target, i.actual]);

const EXPECTED_INDICATORS = [
  ['产出指标', '举办招商活动次数', 20, 20, '≥10次', '12次'],
  ['效益指标', '引进投资额', 70, 66.5, '≥50亿元', '56亿元'],
];

describe.each([
  ['a sheet', true],
  ['a Word table', false],
])('headers over two rows, in %s', (_, typed) => {
  it('the funds block: 分值 / 执行率 / 得分 merged down beside a group over the money columns', () => {
    const r = readForm([...TOP, ...fundsTwoRows(typed), ...indicatorsOneRow()], typed);
    expect(r.records[0]).toMatchObject({
      budget_initial: 250,
      budget: 281.28,
      expenditure: 268.49,
      execution_rate: 95,
    });
    expect(r.indicators[0]).toMatchObject({ level1: EXECUTION_INDICATOR, weight: 10, score: 9.5 });
    expect(r.warnings.map((w) => w.code)).toEqual(['execution_rate_mismatch', 'execution_rate_mismatch']);
  });

  it('money sub-headers that name a column only with their group (预算数 over 年初 / 全年)', () => {
    const r = readForm(
      [...TOP, ...fundsTwoRows(typed, ['年初', '全年', '执行数'], '预算数'), ...indicatorsOneRow()],
      typed,
    );
    expect(r.records[0]).toMatchObject({ budget_initial: 250, budget: 281.28, expenditure: 268.49 });
  });

  it('the indicator table: 指标 over the three levels', () => {
    const r = readForm([...TOP, ...fundsOneRow(typed), ...indicatorsLevelsTwoRows()], typed);
    expect(figures(r).slice(1)).toEqual(EXPECTED_INDICATORS);
    expect(r.records[0]!.score).toBe(96);
  });

  it('the indicator table: 指标值 over 年度指标值 / 实际完成值', () => {
    const r = readForm([...TOP, ...fundsOneRow(typed), ...indicatorsValuesTwoRows()], typed);
    expect(figures(r).slice(1)).toEqual(EXPECTED_INDICATORS);
  });

  it('both split at once', () => {
    const r = readForm([...TOP, ...fundsTwoRows(typed), ...indicatorsLevelsTwoRows()], typed);
    expect(figures(r)).toEqual([[EXECUTION_INDICATOR, '', 10, 9.5, '', '95.00%'], ...EXPECTED_INDICATORS]);
    expect(r.records[0]).toMatchObject({ execution_rate: 95, score: 96 });
  });
});

describe('values under no column the reader knows are pointed out, not dropped silently', () => {
  it('a header it cannot match: each such column is named once, at its first value', () => {
    const headers = [
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '完成情况',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ];
    const r = readForm([...TOP, ...fundsOneRow(true), ...indicatorsOneRow(headers)], true);
    expect(r.indicators[1]).toMatchObject({ target: '≥10次', actual: '' });
    expect(r.warnings.filter((w) => w.code === 'form_cell_unplaced')).toEqual([
      expect.objectContaining({ params: { text: '12次', header: '完成情况' }, location: 'Sheet1!F9' }),
    ]);
  });

  it('a column without a header; a column of comments (得分计算方法) is no value', () => {
    const headers = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '', '得分', '得分计算方法'];
    const rows = indicatorsOneRow(headers).map((row, k) => (k === 1 ? [...row.slice(0, -1), '按完成比例计分'] : row));
    const r = readForm([...TOP, ...fundsOneRow(false), ...rows], false);
    expect(r.indicators[1]).toMatchObject({ weight: null, score: 20 });
    expect(r.warnings.filter((w) => w.code.startsWith('form_cell_'))).toEqual([
      expect.objectContaining({ code: 'form_cell_unheaded', params: { text: '20' }, location: '表1 第9行' }),
    ]);
  });
});
