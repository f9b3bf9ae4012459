import { describe, expect, test } from 'vitest';
import { buildLevel1Rates, buildScoreExecution } from '@/charts/scores';
import { buildCompare, compareTable } from '@/charts/compare';
import { buildFundLines } from '@/charts/funds';
import { figureRows } from '@/charts/figures';
import { level1Summaries } from '@/domain/aggregate';
import { round2 } from '@/domain/derive';
import { CCPIT, FUNDS, HOSTILE, hostileRecords, INDICATORS, RECORDS } from './fixtures';
import { commonChecks, en, manyAgencies, seriesOf, tooltip, zh, type Loose } from './helpers';

const summaries = level1Summaries(INDICATORS);

describe('level-1 score rates', () => {
  const m = buildLevel1Rates(RECORDS, summaries, zh);
  test('one row per record with scored level-1 indicators; the unscored are counted', () => {
    const o = m.option as Loose;
    expect(o.yAxis.data).toEqual([
      '朝阳区投促中心 2024\n招商引资及推介大型专项活动经费',
      '北京市贸促会 2022\n部门整体',
      '北京市贸促会 2022\n北京市市长国际企业家顾问会议',
      '渝中区招商局 2019\n招商引资专项经费',
    ]);
    expect(m.description).toContain('另有 2 条记录没有指标得分');
    commonChecks(m, ['得分率']);
  });
  test('score ÷ weight per cell', () => {
    const o = m.option as Loose;
    const col = (name: string) => o.xAxis.data.indexOf(name);
    // The rates to the two decimals their labels show.
    const data = (seriesOf(m)[0].data as number[][]).map(([x, y, v]) => [x, y, round2(v!)]);
    // Columns are the standard dimensions: 当年预算执行情况 under 预算执行, 产出指标 under 产出.
    expect(data).toContainEqual([col('预算执行'), 1, 96.9]);
    expect(data).toContainEqual([col('效益'), 2, 74.8]);
    expect(data).toContainEqual([col('产出'), 0, 100]);
    // A name that fits no dimension keeps its own column.
    expect(o.xAxis.data).toContain('整体绩效目标实现情况');
    expect(o.xAxis.data.slice(0, 4)).toEqual(['决策', '过程', '产出', '效益']);
  });
  test('the tooltip names the indicator as the report writes it', () => {
    const o = m.option as Loose;
    const i = seriesOf(m)[0].data.findIndex((d: number[]) => d[0] === o.xAxis.data.indexOf('产出') && d[1] === 0);
    expect(tooltip(m, { dataIndex: i })).toContain('原指标名称：产出指标');
  });
  test('tooltip names the record and the indicator', () => {
    const tip = tooltip(m, { dataIndex: 0 });
    expect(tip).toContain('朝阳区投促中心');
    expect(tip).toContain('得分率');
  });
});

describe('score against execution', () => {
  const m = buildScoreExecution(RECORDS, 90, zh);
  test('department and project series; records without score or rate left out and counted', () => {
    expect(seriesOf(m).map((s) => s.name)).toEqual(['部门整体', '项目']);
    expect(seriesOf(m)[0].data).toEqual([[96.92, 95.18]]);
    expect(seriesOf(m)[1].data).toEqual([
      [100, 100],
      [98.93, 85.99],
      [95.45, 100],
    ]);
    expect(m.description).toContain('另有 2 条记录缺少得分或执行率');
    commonChecks(m, ['部门整体', '项目']);
  });
  test('quadrant lines at the threshold and at 90 points', () => {
    const ml = seriesOf(m)[0].markLine;
    expect(ml.data).toEqual([
      { xAxis: 90, name: '90.00%' },
      { yAxis: 90, name: '90 分' },
    ]);
    expect(seriesOf(m)[0].markArea.data).toHaveLength(4);
  });
  test('the rate axis starts on a tick of its interval, with the threshold on a gridline', () => {
    // One record at 41.20%: the axis starts at 30%, not at 35% beside a 40% tick.
    const scored = RECORDS.find((r) => r.score !== null && r.execution_rate !== null)!;
    const low = buildScoreExecution([...RECORDS, { ...scored, year: 2030, execution_rate: 41.2 }], 90, zh);
    const x = (low.option as Loose).xAxis;
    expect(x.min % x.interval).toBe(0);
    expect(x.max % x.interval).toBe(0);
    expect(x.min).toBeLessThanOrEqual(41.2);
    expect((90 - x.min) % x.interval).toBe(0);
  });
  test('hostile names escaped', () => {
    const h = buildScoreExecution(hostileRecords(), 90, zh);
    const tip = tooltip(h, { seriesIndex: 1, dataIndex: 2 });
    expect(tip).toContain('&lt;img');
    expect(tip).not.toContain('<img');
  });
});

describe('score against execution with thousands of records', () => {
  const YEARS = Array.from({ length: 12 }, (_, i) => 2013 + i);
  const recs = manyAgencies(200, YEARS);
  test('each scope drawn in large mode, in one go, every point kept', () => {
    const m = buildScoreExecution(recs, 90, zh);
    const [dept, proj] = seriesOf(m);
    expect(dept.data).toHaveLength(2400);
    expect(proj.data).toHaveLength(2400);
    for (const s of [dept, proj]) expect(s).toMatchObject({ large: true, progressive: 0 });
    expect(m.table.rows).toHaveLength(4800);
    expect(m.links[0]).toHaveLength(2400);
  });
  test('a few records are drawn point by point', () => {
    for (const s of seriesOf(buildScoreExecution(RECORDS, 90, zh))) expect(s.large).toBeUndefined();
  });
});

describe('compare', () => {
  const pair = RECORDS.filter((r) => r.agency === CCPIT && r.year === 2022);
  test('execution and level-1 rates side by side; a missing indicator is no bar', () => {
    const m = buildCompare(pair, summaries, zh);
    const o = m.option as Loose;
    // Both records' level-1 indicators under the standard dimensions, side by side.
    expect(o.xAxis.data).toEqual(['预算执行率', '决策', '过程', '产出', '效益', '预算执行', '整体绩效目标实现情况']);
    expect(seriesOf(m)[0].data).toEqual([96.92, null, 100, null, null, 96.9, 93]);
    expect(seriesOf(m)[1].data).toEqual([98.93, 83.2, 87.1, 94.53, 74.8, null, null]);
    commonChecks(m, ['北京市贸促会 2022 · 部门整体', '北京市贸促会 2022 · 北京市市长国际企业家顾问会议']);
  });
  test('figures table, one column per record', () => {
    const t = compareTable(pair, summaries, zh);
    expect(t.columns).toHaveLength(3);
    const row = (label: string) => t.rows.find((r) => r.label === label);
    expect(row('全年预算数')?.cells.map((c) => [c.text, c.numeric])).toEqual([
      ['5,333.85 万元', true],
      ['112.33 万元', true],
    ]);
    expect(row('评价得分')?.cells.map((c) => c.text)).toEqual(['95.18 分', '85.99 分']);
    // Dimension rows, two decimals, with the level-1 name as each record's framework writes it.
    expect(row('过程（得分率）')?.cells).toEqual([
      { text: '100.00%', numeric: true, dataNote: '预算管理情况' },
      { text: '87.10%', numeric: true, dataNote: '过程' },
    ]);
  });
  test('hostile names escaped', () => {
    const recs = hostileRecords().filter((r) => r.agency === HOSTILE);
    const m = buildCompare(recs, summaries, zh);
    expect(tooltip(m, [{ seriesIndex: 0, dataIndex: 0 }])).not.toContain('<img');
  });
});

describe('record figures and fund lines', () => {
  test('every figure with its unit; a missing score says so', () => {
    const rows = figureRows(RECORDS[0]!, zh);
    expect(rows.find((r) => r.field === 'budget')!.value).toBe('1,581.89 万元');
    expect(rows.find((r) => r.field === 'carryover')!.value).toBe('—');
    expect(rows.find((r) => r.field === 'score')!.value).toBe('无得分（报告未给出）');
    const yz = figureRows(RECORDS[5]!, en);
    // Derived values say how: the execution rate from expenditure ÷ budget.
    expect(yz.find((r) => r.field === 'execution_rate')).toMatchObject({
      value: '95.45%',
      derived: en.t('record.derivedRate'),
    });
    expect(rows.find((r) => r.field === 'execution_rate')?.derived).toBeUndefined();
  });
  test('each figure with a previous year says how it changed, rates in percentage points', () => {
    const ccpit = RECORDS.filter((r) => r.agency === CCPIT && r.scope === 'department');
    const y2021 = ccpit.find((r) => r.year === 2021)!;
    const y2022 = ccpit.find((r) => r.year === 2022)!;
    const rows = figureRows(y2022, zh, y2021);
    expect(rows.find((r) => r.field === 'carryover_rate')).toMatchObject({ value: '3.24%', change: '+0.35 个百分点' });
    expect(figureRows(y2022, zh).every((r) => r.change === undefined)).toBe(true);
  });
  test('fund lines: sources first, then spending lines', () => {
    const m = buildFundLines(
      FUNDS.filter((f) => f.agency === CCPIT),
      zh,
    );
    const o = m.option as Loose;
    expect(o.yAxis.data[0]).toBe('资金来源 · 财政资金');
    expect(o.yAxis.data[2]).toBe('支出明细 · 策划设计');
    expect(seriesOf(m).map((s) => s.name)).toEqual(['预算金额', '合同签订金额', '支出金额']);
    expect(seriesOf(m)[1].data[0]).toBeNull();
    expect(seriesOf(m)[1].data[3]).toBe(44);
    commonChecks(m, ['预算金额', '支出金额']);
  });
  test('no fund lines: empty', () => {
    expect(buildFundLines([], zh).empty).toBe(true);
  });
});
