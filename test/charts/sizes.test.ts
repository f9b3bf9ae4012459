// The option builders at the sizes a bureau has (1, 3, 10 and 150 agencies), with names as long
// as a district's: labels keep agency and year whole, every agency is shown (scrolling) and the
// count said, one colour per agency in every chart, and the aria description tells the values.
import { describe, expect, test } from 'vitest';
import { buildCarryoverAmount } from '@/charts/carryover';
import { buildHeatmap, buildRanking } from '@/charts/overview';
import { agencyColors } from '@/charts/palette';
import { buildBudgetExpenditure } from '@/charts/records';
import { buildExecutionTrend, buildScoreTrend } from '@/charts/trend';
import { agencyYears, rankAgencies, rankLatestPerAgency, yearSpan } from '@/domain/aggregate';
import type { ChartContext } from '@/charts/common';
import { en, manyAgencies, seriesOf, zh, type Loose } from './helpers';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

/** `n` agencies named as a district names them, most of them long. */
function bureau(n: number) {
  return manyAgencies(n, YEARS).map((r) => ({
    ...r,
    agency: r.agency.replace(/测试单位(\d+)/, (_, d: string) => `临江区人民政府第${d}街道办事处`),
  }));
}

function axes(m: { option: unknown }): Loose[] {
  const o = m.option as Loose;
  return [o.xAxis, o.yAxis].flatMap((a) => (Array.isArray(a) ? a : a ? [a] : []));
}

describe.each([1, 3, 10, 150])('%i agencies', (n) => {
  const recs = bureau(n);
  const table = agencyYears(recs);
  const years = yearSpan(recs);
  const ranked = rankAgencies(recs);
  const ctx: ChartContext = { ...zh, colors: agencyColors(ranked) };
  const heat = buildHeatmap(table, years, ranked, 'executionRate', ctx);
  const ranking = buildRanking(
    rankLatestPerAgency(table, (c) => c.executionRate),
    'executionRate',
    ctx,
  );
  const trend = buildExecutionTrend(table, years, ranked.slice(0, 8), 90, ctx);
  const carry = buildCarryoverAmount(table, years, ranked.slice(0, 8), ctx);
  const bars = buildBudgetExpenditure(
    recs.filter((r) => r.scope === 'department'),
    ctx,
  );

  test('no label is cut: category labels wrap, and keep the agency and the year', () => {
    for (const m of [heat, ranking, trend, carry, bars])
      for (const a of axes(m)) expect(a.axisLabel?.overflow).not.toBe('truncate');
    const cat = (bars.option as Loose)[n * 6 > 6 ? 'yAxis' : 'xAxis'];
    expect(cat.data[0]).toMatch(/^临江区人民政府第\d+街道办事处 20\d\d\n部门整体$/);
    expect(cat.axisLabel.overflow).toBe('break');
    expect((heat.option as Loose).yAxis.data[0]).toMatch(/^临江区人民政府第\d+街道办事处$/);
  });

  test('figures right of the bars and the axes’ names stay clear of the scroll bar', () => {
    for (const m of [ranking, bars]) {
      const o = m.option as Loose;
      const zoom = (o.dataZoom as Loose[]).find((z) => z.type === 'slider');
      if (!zoom) continue;
      // The slider's left edge, counted from the chart's right; a label such as "104.62%" is
      // about 55 px wide at 12 px and starts 5 px right of its bar's end (or point).
      const sliderLeft = zoom.right + zoom.width;
      expect(o.grid.right - sliderLeft).toBeGreaterThanOrEqual(60);
      for (const a of [o.xAxis].flat() as Loose[]) if (a.name) expect(a.nameLocation ?? 'end').not.toBe('end');
    }
    const rate = seriesOf(bars).find((s) => s.type === 'line');
    if (rate) expect(rate.label.backgroundColor).toBeTruthy();
  });

  test('heatmap and ranking show every agency, scrolling, and say how many are shown', () => {
    expect((heat.option as Loose).yAxis.data).toHaveLength(n);
    expect((ranking.option as Loose).yAxis.data).toHaveLength(n);
    if (n > 14) {
      expect((heat.option as Loose).dataZoom[0].yAxisIndex).toBe(0);
      expect(heat.caption).toContain(`一次显示 14 个单位，共 ${n} 个`);
    } else expect((heat.option as Loose).dataZoom).toEqual([]);
  });

  test('one colour per agency in every chart', () => {
    const top = ranked[0]!;
    const colour = ctx.colors!(top);
    const i = (ranking.option as Loose).yAxis.data.findIndex((l: string) => l.startsWith(top));
    expect(seriesOf(ranking)[0].data[i].itemStyle.color).toBe(colour);
    expect(seriesOf(carry).find((s) => s.name === top).color).toBe(colour);
    const line = seriesOf(trend).find((s) => s.name === top) ?? seriesOf(trend).find((s) => s.color === colour);
    expect(line.color).toBe(colour);
    // Without the app's order, the colour still follows the agency, not its place in a chart.
    const a = buildCarryoverAmount(table, years, ranked.slice(0, 3), zh);
    const b = buildCarryoverAmount(table, years, [...ranked.slice(0, 3)].reverse(), zh);
    expect(seriesOf(a).find((s) => s.name === top).color).toBe(seriesOf(b).find((s) => s.name === top).color);
  });

  test('the aria description tells the values: each of a few, or count, extremes and median', () => {
    if (n <= 12) {
      for (const a of ranked.slice(0, 8)) expect(trend.description).toContain(a);
      expect(trend.description).toMatch(/数值：临江区人民政府第\d+街道办事处 2024 \d+\.\d\d%/);
    } else {
      expect(heat.description).toMatch(/共 \d+ 个数值：最高 .+ \d+\.\d\d%，最低 .+ \d+\.\d\d%，中位数 \d+\.\d\d%。/);
      expect(heat.description).toContain(`热力图：${n} 个单位 × 年度`);
    }
    // The caption under the chart does not repeat the values the description reads out.
    expect(heat.caption).not.toContain('数值');
  });

  test('the per-record chart shows a window of ten rows, scrolling, says so, and writes the values it names', () => {
    const rows = n * 6;
    if (rows > 10) {
      expect(bars.caption).toContain(`共 ${rows} 条`);
      const zoom = (bars.option as Loose).dataZoom;
      expect(zoom[0]).toMatchObject({ type: 'slider', yAxisIndex: 0, start: 0 });
      expect(zoom[0].end).toBe(Math.max(1, Math.round((10 / rows) * 100)));
      expect(bars.height).toBe(10 * 56 + 110);
    }
    // The rate's extremes (or each value, for a few) are written as percentages.
    expect(bars.description).toMatch(rows > 12 ? /最高 .+ \d+\.\d\d%，最低 .+ \d+\.\d\d%/ : /\d+\.\d\d%/);
  });

  test('the ranking asks for the height of its bars (three to twelve, then it scrolls)', () => {
    expect(ranking.height).toBe(Math.min(12, Math.max(3, n)) * 38 + 40);
    if (n > 12) expect((ranking.option as Loose).dataZoom[0].yAxisIndex).toBe(0);
  });

  test('trend, ranking and per-record models say they link to records without building the links', () => {
    const all = buildExecutionTrend(table, years, ranked, 90, ctx);
    for (const m of [all, ranking, bars]) {
      expect(m.linked).toBe(true);
      // Getters, read when the table is shown or a point is clicked (not on every filter change).
      expect(typeof Object.getOwnPropertyDescriptor(m, 'links')?.get).toBe('function');
      expect(typeof Object.getOwnPropertyDescriptor(m, 'table')?.get).toBe('function');
    }
    // Read, they are the same as ever: every point of every line leads to its record.
    expect(all.table.rows).toHaveLength(n);
    const links = all.links.flat().filter((k) => k !== null);
    expect(links.length).toBeGreaterThanOrEqual(n * 6);
    expect(ranking.table.rowLinks).toHaveLength(n);
    expect(ranking.links[0]).toEqual(ranking.table.rowLinks);
  });
});

describe('reference lines and single years', () => {
  const recs = bureau(5);
  const table = agencyYears(recs);
  const ranked = rankAgencies(recs);
  test('the 100% line lies on a gridline whatever the threshold', () => {
    for (const threshold of [60, 85, 92.5, 100, 120]) {
      const y = (buildExecutionTrend(table, yearSpan(recs), ranked, threshold, zh).option as Loose).yAxis;
      expect((100 - y.min) % y.interval).toBe(0);
      expect(y.max).toBeGreaterThanOrEqual(Math.max(100, threshold));
    }
    const s = (buildScoreTrend(table, yearSpan(recs), ranked, zh).option as Loose).yAxis;
    expect([(100 - s.min) % s.interval, s.max]).toEqual([0, 100]);
  });

  test('a single year is named as a year, not a span', () => {
    const one = recs.filter((r) => r.year === 2022);
    const m = buildExecutionTrend(agencyYears(one), [2022], ranked, 90, zh);
    expect(m.description).toContain('2022年');
    expect(m.description).not.toContain('2022–2022');
    expect(buildExecutionTrend(agencyYears(one), [2022], ranked, 90, en).description).toContain('in 2022');
  });
});
