// A disputed figure in the charts: the record extracted from a report whose stated rate its own
// figures contradict (19.38 ÷ 20 is 96.90%, the report says 96.92%) is drawn as a hollow point,
// and its tooltip says what else the report states; an undisputed record is drawn as before.
import { describe, expect, test } from 'vitest';
import { buildBudgetExpenditure } from '@/charts/records';
import { buildScoreExecution } from '@/charts/scores';
import { buildExecutionTrend } from '@/charts/trend';
import { agencyYears, rankAgencies, yearSpan } from '@/domain/aggregate';
import type { PerfRecord } from '@/domain/types';
import { extract } from '../domain/report/helpers';
import { RECORDS } from './fixtures';
import { en, seriesOf, tooltip, zh, type Loose } from './helpers';

function contradicted(): PerfRecord {
  const r = extract(
    [
      '北京市朝阳区投资促进服务中心2022年度招商推介活动经费项目绩效评价报告',
      '项目全年预算数20.00万元，全年执行数19.38万元，预算执行率为96.92%。',
      '项目绩效评价得分为91.00分，评价等级为“优”。',
    ].join('\n'),
  );
  const rec = r.records[0]!;
  expect(rec.execution_rate).toBe(96.9);
  expect(rec.evidence).toContain('另见');
  return rec;
}

const DISPUTED = contradicted();
const ALL = [...RECORDS, DISPUTED];

describe('disputed figures in the charts', () => {
  test('score–execution scatter: a hollow point, the other statement in its tooltip', () => {
    const m = buildScoreExecution(ALL, 90, zh);
    const series = seriesOf(m);
    const project = series.findIndex((s: Loose) => s.symbol === 'diamond');
    const data: Loose[] = series[project].data;
    const i = data.findIndex((d: Loose) => !Array.isArray(d));
    expect(data[i]).toMatchObject({ value: [96.9, 91], symbol: 'emptyDiamond' });
    // Every other point is drawn solid.
    expect(data.filter((d: Loose) => !Array.isArray(d))).toHaveLength(1);
    const tip = tooltip(m, { seriesIndex: project, dataIndex: i });
    expect(tip).toContain('预算执行率有争议：报告另载 96.92%');
    const solid = data.findIndex((d: Loose) => Array.isArray(d));
    expect(tooltip(m, { seriesIndex: project, dataIndex: solid })).not.toContain('有争议');
    const enTip = tooltip(buildScoreExecution(ALL, 90, en), { seriesIndex: project, dataIndex: i });
    expect(enTip).toContain('the report also states 96.92%');
  });

  test('budget and expenditure bars: the rate point hollow, the note in the tooltip', () => {
    const m = buildBudgetExpenditure([DISPUTED, RECORDS[0]!], zh);
    const rate = seriesOf(m).find((s: Loose) => s.type === 'line');
    expect(rate.data[0]).toMatchObject({ value: 96.9, symbol: 'emptyDiamond' });
    expect(rate.data[1]).toBe(100);
    expect(tooltip(m, [{ dataIndex: 0, seriesIndex: 0 }])).toContain('报告另载 96.92%');
    expect(tooltip(m, [{ dataIndex: 1, seriesIndex: 0 }])).not.toContain('有争议');
  });

  test('execution trend: the disputed year a hollow point, noted in that year’s tooltip', () => {
    const m = buildExecutionTrend(agencyYears(ALL), yearSpan(ALL), rankAgencies(ALL), 90, zh);
    const years = (m.option as Loose).xAxis.data as string[];
    const x = years.indexOf('2022');
    const marked = seriesOf(m).flatMap((s: Loose) =>
      (s.data as Loose[]).filter((d) => d !== null && typeof d === 'object' && !Array.isArray(d)),
    );
    expect(marked).toEqual([{ value: 96.9, symbol: 'emptyCircle', symbolSize: 11 }]);
    expect(tooltip(m, [{ dataIndex: x, seriesIndex: 0 }])).toContain('报告另载 96.92%');
    expect(tooltip(m, [{ dataIndex: years.indexOf('2023'), seriesIndex: 0 }])).not.toContain('有争议');
  });
});
