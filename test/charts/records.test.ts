import { describe, expect, test } from 'vitest';
import { buildBasicProject, buildBudgetExpenditure, buildInitialAdjusted } from '@/charts/records';
import { buildCarryoverAmount } from '@/charts/carryover';
import { agencyYears, rankAgencies, yearSpan } from '@/domain/aggregate';
import { HOSTILE, hostileRecords, RECORDS, record } from './fixtures';
import { commonChecks, manyAgencies, seriesOf, tooltip, zh, type Loose } from './helpers';
import { MANY_SERIES } from '@/charts/common';

const dept = RECORDS.filter((r) => r.scope === 'department');
const proj = RECORDS.filter((r) => r.scope === 'project');

describe('budget against expenditure', () => {
  test('department records: bars per record, rate on the right axis; records without figures left out', () => {
    const m = buildBudgetExpenditure(dept, zh);
    commonChecks(m, ['全年预算数', '全年执行数', '预算执行率']);
    const o = m.option as Loose;
    // CCPIT 2021 has neither budget nor expenditure nor rate.
    expect(o.xAxis.data).toEqual(['朝阳区投促中心 2023\n部门整体', '北京市贸促会 2022\n部门整体']);
    const [budget, spent, rate] = seriesOf(m);
    expect(budget.data).toEqual([1581.89, 5333.85]);
    expect(spent.data).toEqual([1581.89, 5169.65]);
    expect(rate.data).toEqual([100, 96.92]);
    expect(rate.yAxisIndex).toBe(1);
    expect(m.table.columns[1]).toBe('全年预算数（万元）');
  });

  test('project records: the derived Yuzhong rate and the project name in the label', () => {
    const m = buildBudgetExpenditure(proj, zh);
    expect((m.option as Loose).xAxis.data).toContain('渝中区招商局 2019\n招商引资专项经费');
    expect(m.table.rows.map((r) => r[0])).toContain('渝中区招商局 2019 · 招商引资专项经费');
    const tip = tooltip(m, [{ seriesIndex: 0, dataIndex: 2, color: '#2f6fb0' }]);
    expect(tip).toContain('281.28 万元');
    expect(tip).toContain('95.45%');
  });

  test('hostile project names are escaped', () => {
    const recs = hostileRecords().filter((r) => r.scope === 'project');
    const m = buildBudgetExpenditure(recs, zh);
    const i = recs.findIndex((r) => r.agency === HOSTILE);
    const tip = tooltip(m, [{ seriesIndex: 0, dataIndex: i }]);
    expect(tip).not.toContain('<img');
    expect(tip).toContain('&lt;img');
  });
});

describe('basic and project spending', () => {
  test('stacks of basic + project for budget and for expenditure, department records only', () => {
    const m = buildBasicProject(RECORDS, zh);
    const s = seriesOf(m);
    expect(s.map((x) => x.stack)).toEqual(['budget', 'budget', 'expenditure', 'expenditure']);
    expect(s[0].data).toEqual([1082.46, 3864.04]);
    expect(s[3].data).toEqual([499.43, 1353.48]);
    expect(m.table.rows).toHaveLength(2);
  });
});

describe('initial against adjusted budget', () => {
  test('bars and the 预决算差异率', () => {
    const m = buildInitialAdjusted(dept, zh);
    const [initial, adjusted, diff] = seriesOf(m);
    expect(initial.data).toEqual([1388.33, 5029.86]);
    expect(adjusted.data).toEqual([1581.89, 5333.85]);
    expect(diff.data).toEqual([13.94, 2.78]);
  });
});

describe('carryover amount', () => {
  test('grouped bars per agency across years, gaps for missing years', () => {
    const m = buildCarryoverAmount(agencyYears(RECORDS), yearSpan(RECORDS), rankAgencies(RECORDS), zh);
    commonChecks(m, ['北京市贸促会', '渝中区招商局']);
    // Chaoyang states a 0% rate but no amount: no series for it.
    expect(seriesOf(m).map((s) => s.name)).toEqual(['北京市贸促会', '渝中区招商局']);
    expect(seriesOf(m)[0].data).toEqual([null, null, null, 172.89, null, null]);
    expect(seriesOf(m)[1].data).toEqual([12.79, null, null, null, null, null]);
    expect(tooltip(m, [{ seriesIndex: 0, dataIndex: 3 }])).toContain('172.89 万元');
  });
  test('bar labels are figures with two decimals: 1.20, 0.00, 100.00', () => {
    const recs = [1.2, 0, 100].map((carryover, i) =>
      record({ agency: `单位${i}`, region: '', year: 2022, scope: 'department', project: '', budget: 200, carryover }),
    );
    const m = buildCarryoverAmount(agencyYears(recs), yearSpan(recs), rankAgencies(recs), zh);
    const labels = seriesOf(m).map((s) =>
      (s.label.formatter as (p: { value: unknown }) => string)({ value: s.data[0] }),
    );
    expect(labels).toEqual(['1.20', '0.00', '100.00']);
  });
  test('above MANY_SERIES agencies, no legend; each agency still named in the description', () => {
    const recs = manyAgencies(MANY_SERIES + 5, [2022, 2023]);
    const all = rankAgencies(recs);
    const m = buildCarryoverAmount(agencyYears(recs), yearSpan(recs), all, zh);
    expect(seriesOf(m)).toHaveLength(MANY_SERIES + 5);
    expect((m.option as Loose).legend.show).toBe(false);
    commonChecks(m, ['测试单位001', `测试单位0${MANY_SERIES + 5}`]);
    const few = buildCarryoverAmount(agencyYears(recs), yearSpan(recs), all.slice(0, 3), zh);
    expect((few.option as Loose).legend.data).toHaveLength(3);
  });
  test('hostile names escaped', () => {
    const recs = hostileRecords();
    const m = buildCarryoverAmount(agencyYears(recs), yearSpan(recs), rankAgencies(recs), zh);
    const i = seriesOf(m).findIndex((s) => s.name === HOSTILE);
    expect(tooltip(m, [{ seriesIndex: i, dataIndex: 0 }])).not.toContain('<img');
  });
});

describe('many records', () => {
  test('many records: horizontal bars that scroll, every label whole; table rows lead to the records', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...dept[1]!, agency: `单位${i}`, budget: 100 + i }));
    const m = buildBudgetExpenditure(many, zh);
    const o = m.option as Loose;
    const zoom = o.dataZoom;
    expect(zoom).toHaveLength(2);
    expect(zoom[0].yAxisIndex).toBe(0);
    expect(zoom[0].end).toBeLessThan(50);
    // Records down the side, labels wrapped (never cut), the height asked for ten rows at a time.
    expect(o.yAxis.type).toBe('category');
    expect(o.yAxis.axisLabel.overflow).toBe('break');
    expect(o.yAxis.data[0]).toBe('单位0 2021\n部门整体');
    expect(m.height).toBeGreaterThan(400);
    expect(m.table.rows).toHaveLength(30);
    expect(m.table.rowLinks?.[0]).toContain('单位0');
  });
});

describe('table and links of per-record charts', () => {
  test('are built when first read, once, and say the same as before', () => {
    const m = buildBudgetExpenditure(RECORDS, zh);
    expect(typeof Object.getOwnPropertyDescriptor(m, 'table')?.get).toBe('function');
    expect(m.linked).toBe(true);
    const table = m.table;
    expect(m.table).toBe(table);
    expect(m.links).toBe(m.links);
    expect(table.rows).toHaveLength(m.links[0]!.length);
    expect(table.rowLinks).toEqual(m.links[0]);
    expect(m.links.every((l) => l === m.links[0])).toBe(true);
  });
});
