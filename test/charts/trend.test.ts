import { describe, expect, test } from 'vitest';
import { buildCarryoverRateTrend, buildExecutionTrend, buildScoreTrend, MANY_SERIES } from '@/charts/trend';
import { CAPTION_SERIES, PALETTE } from '@/charts/common';
import { agencyColors } from '@/charts/palette';
import { agencyYears, rankAgencies, yearSpan } from '@/domain/aggregate';
import { parseRecordKey, recordKey } from '@/domain/keys';
import { CCPIT, CHAOYANG, HOSTILE, hostileRecords, RECORDS, YUZHONG } from './fixtures';
import { commonChecks, en, manyAgencies, seriesOf, tooltip, zh, type Loose } from './helpers';

const table = agencyYears(RECORDS);
const years = yearSpan(RECORDS);
const agencies = rankAgencies(RECORDS);

describe('execution trend', () => {
  const m = buildExecutionTrend(table, years, agencies, 90, zh);

  test('one line per agency over every year 2019–2024, short names', () => {
    expect((m.option as Loose).xAxis.data).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(seriesOf(m).map((s) => s.name)).toEqual(['北京市贸促会', '朝阳区投促中心', '渝中区招商局']);
    commonChecks(m, ['北京市贸促会', '朝阳区投促中心', '渝中区招商局']);
  });

  test('a missing year is a gap (null), not zero, and lone points are drawn', () => {
    const [ccpit, chaoyang, yuzhong] = seriesOf(m);
    // CCPIT 2021 has a record but no execution rate: still a gap.
    expect(ccpit.data).toEqual([null, null, null, 96.92, null, null]);
    expect(chaoyang.data).toEqual([null, null, null, null, 100, 100]);
    expect(yuzhong.data).toEqual([95.45, null, null, null, null, null]);
    for (const s of seriesOf(m)) {
      expect(s.connectNulls).toBe(false);
      expect(s.showSymbol).toBe(true);
    }
  });

  test('reference lines at 100% and at the threshold', () => {
    const ml = seriesOf(m)[0].markLine;
    expect(ml.data.map((d: Loose) => d.yAxis)).toEqual([100, 90]);
    expect(ml.data[1].name).toBe('阈值 90.00%');
    expect(ml.label.backgroundColor).toBeTruthy();
    const m95 = buildExecutionTrend(table, years, agencies, 95, zh);
    expect(seriesOf(m95)[0].markLine.data.map((d: Loose) => d.yAxis)).toEqual([100, 95]);
    // The axis reaches down to the threshold line even when every value is above it.
    expect((m.option as Loose).yAxis.min).toBeLessThanOrEqual(90);
  });

  test('points lead to their records', () => {
    expect(m.links[0]![3]).toBe(recordKey({ agency: CCPIT, year: 2022, scope: 'department', project: '' }));
    expect(m.links[1]![5]).toContain('招商引资及推介大型专项活动经费');
    expect(m.links[0]![0]).toBeNull();
  });

  test('table and tooltip say where figures come from', () => {
    expect(m.table.columns).toEqual(['单位', '2019', '2020', '2021', '2022', '2023', '2024']);
    expect(m.table.rows[0]).toEqual(['北京市贸促会', null, null, null, 96.92, null, null]);
    const tip = tooltip(m, [{ seriesIndex: 1, dataIndex: 5, color: '#2f6fb0' }]);
    expect(tip).toContain('2024');
    expect(tip).toContain('朝阳区投促中心（1 个项目合计）');
    expect(tip).toContain('100.00%');
  });

  test('an agency filtered to one agency draws only it', () => {
    const one = buildExecutionTrend(table, years, [YUZHONG], 90, zh);
    expect(seriesOf(one)).toHaveLength(1);
  });

  test('no agency with the figure: an empty model that says so', () => {
    const none = buildExecutionTrend(agencyYears(RECORDS.filter((r) => r.year === 2021)), [2021], [CCPIT], 90, zh);
    expect(none.empty).toBe(true);
    expect(none.description).toContain('没有数据');
    expect((none.option as Loose).animation).toBe(false);
  });

  test('hostile agency names are escaped in the tooltip', () => {
    const recs = hostileRecords();
    const h = buildExecutionTrend(agencyYears(recs), yearSpan(recs), rankAgencies(recs), 90, zh);
    const idx = seriesOf(h).findIndex((s) => s.name === HOSTILE);
    expect(idx).toBeGreaterThanOrEqual(0);
    const tip = tooltip(h, [{ seriesIndex: idx, dataIndex: 0, color: '#000' }]);
    expect(tip).not.toContain('<img');
    expect(tip).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // A hostile colour cannot inject either.
    expect(tooltip(h, [{ seriesIndex: idx, dataIndex: 0, color: 'red;"><img src=x>' }])).not.toContain('<img');
  });

  test('English labels', () => {
    const e = buildExecutionTrend(table, years, agencies, 90, en);
    expect(e.description).toMatch(/^Line chart: Execution rate per agency, 2019–2024/);
    expect(seriesOf(e)[0].markLine.data[1].name).toBe('Threshold 90.00%');
  });
});

describe('score trend', () => {
  const m = buildScoreTrend(table, years, agencies, zh);
  test('bands 优/良/中/差 at 90/80/60 behind the lines', () => {
    const area = seriesOf(m)[0].markArea;
    expect(area.data.map((d: Loose) => [d[0].yAxis, d[1].yAxis])).toEqual([
      [90, 100],
      [80, 90],
      [60, 80],
      [0, 60],
    ]);
    expect(area.data.map((d: Loose) => d[0].name)).toEqual(['优 (≥90)', '良 (80–90)', '中 (60–80)', '差 (<60)']);
    expect((m.option as Loose).yAxis.max).toBe(100);
  });
  test('department score stands for the agency-year; unscored years are gaps', () => {
    const [ccpit, chaoyang] = seriesOf(m);
    expect(ccpit.data).toEqual([null, null, null, 95.18, null, null]);
    // Chaoyang 2023 (department) has no score: a gap, not zero.
    expect(chaoyang.data).toEqual([null, null, null, null, null, 100]);
  });
});

describe('carryover rate trend', () => {
  test('CCPIT rises from 2.89% to 3.24%, labelled at each point', () => {
    const m = buildCarryoverRateTrend(table, years, [CCPIT, CHAOYANG], zh);
    const [ccpit] = seriesOf(m);
    expect(ccpit.data).toEqual([null, null, 2.89, 3.24, null, null]);
    expect(ccpit.label.show).toBe(true);
    expect(ccpit.label.formatter({ value: 3.24 })).toBe('3.24%');
    // Other agencies' lines cross the figures: each has a backing to stay readable.
    expect(ccpit.label.backgroundColor).toBeTruthy();
  });

  test('the axis fits rates of a few percent instead of running to 100%', () => {
    const low = buildCarryoverRateTrend(table, years, [CCPIT, CHAOYANG], zh);
    const y = (low.option as Loose).yAxis;
    // 3.24% at most: gridlines every 5 points up to 10%, so the lines are not pressed flat.
    expect([y.min, y.max, y.interval]).toEqual([0, 10, 5]);
    const recs = manyAgencies(8, [2022, 2023]);
    const high = buildCarryoverRateTrend(agencyYears(recs), [2022, 2023], rankAgencies(recs), zh);
    const values = seriesOf(high).flatMap((s) => s.data as Array<number | null>);
    const top = Math.max(...values.filter((v): v is number => v !== null));
    const h = (high.option as Loose).yAxis;
    expect(h.max).toBeGreaterThanOrEqual(top);
    expect(h.max - top).toBeLessThan(h.interval + 2);
  });
});

describe('many agencies stay readable', () => {
  const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
  // The last agency has 2019 alone, then 2021–2022: a lone point and a short line.
  const recs = manyAgencies(30, YEARS).filter((r) => r.agency !== '测试单位030' || [2019, 2021, 2022].includes(r.year));
  const agencies30 = rankAgencies(recs);
  // Colours handed out in rank order, as the app does over all its agencies (palette.ts).
  const ranked = { ...zh, colors: agencyColors(agencies30) };
  const m = buildExecutionTrend(agencyYears(recs), yearSpan(recs), agencies30, 90, ranked);

  test('above MANY_SERIES lines: no legend, a series per colour, every agency still named in the description', () => {
    expect(agencies30.length).toBeGreaterThan(MANY_SERIES);
    const lines = seriesOf(m).filter((s) => s.type === 'line');
    expect(lines).toHaveLength(PALETTE.length);
    expect(lines.map((s) => s.color)).toEqual(PALETTE);
    expect((m.option as Loose).legend.show).toBe(false);
    expect(m.table.rows).toHaveLength(30);
    commonChecks(m, ['测试单位001', '测试单位030']);
  });

  test('the caption under the chart names the first CAPTION_SERIES lines and counts the rest', () => {
    const names = m.table.rows.map((r) => r[0] as string);
    expect(m.caption).toContain(`${names.slice(0, CAPTION_SERIES).join('、')}等 30 个。`);
    expect(m.caption).not.toContain(names[CAPTION_SERIES]!);
    expect(m.caption.startsWith('折线图：各单位预算执行率，2019–2024年')).toBe(true);
    // The aria description keeps every name.
    for (const n of names) expect(m.description).toContain(n);
    const few = buildExecutionTrend(agencyYears(recs), yearSpan(recs), agencies30.slice(0, 3), 90, zh);
    // The values are the aria description's; the caption under the chart names the series.
    expect(few.description.startsWith(few.caption)).toBe(true);
    expect(few.description).toMatch(/数值：测试单位001 2024 \d+\.\d\d%、/);
    expect(few.caption).not.toContain('数值');
    const english = buildExecutionTrend(agencyYears(recs), yearSpan(recs), agencies30, 90, en);
    expect(english.caption).toMatch(/and others, 30 in all\.$/);
  });

  test('each line is a run of [year, value] points ended by a gap; lone points are drawn and lead to their records', () => {
    const row = (name: string) => m.table.rows.find((r) => r[0] === name)!;
    const i = m.table.rows.findIndex((r) => r[0] === '测试单位030');
    const series = seriesOf(m)[i % PALETTE.length];
    // The lines of a colour, one after another: line i is the (i ÷ 10)th run of its series.
    const run = Math.floor(i / PALETTE.length);
    const points = series.data.slice(run * 7, run * 7 + 7);
    const last = row('测试单位030');
    // 2019 alone, 2020 missing, 2021–2022 joined, then missing; the run ends with a gap.
    expect(points).toEqual([
      [0, last[1]],
      [1, null],
      [2, last[3]],
      [3, last[4]],
      [4, null],
      [5, null],
      [5, null],
    ]);
    expect(series.showSymbol).toBe(false);
    expect(series.connectNulls).toBe(false);
    // The lone 2019 point, in the line's colour, in the scatter series; its click opens its record.
    const scatterIndex = seriesOf(m).findIndex((s) => s.type === 'scatter');
    const scatter = seriesOf(m)[scatterIndex];
    const j = scatter.data.findIndex((d: Loose) => d.value[0] === 0 && d.value[1] === last[1]);
    expect(j).toBeGreaterThanOrEqual(0);
    expect(scatter.data[j].itemStyle.color).toBe(PALETTE[i % PALETTE.length]);
    const key = m.links[scatterIndex]![j]!;
    expect(parseRecordKey(key)).toMatchObject({ agency: '测试单位030', year: 2019 });
    // Points on lines lead to their records too; gaps to none.
    expect(m.links[i % PALETTE.length]![run * 7 + 2]).not.toBeNull();
    expect(m.links[i % PALETTE.length]![run * 7 + 1]).toBeNull();
    // Joined points are not lone: none of 2021–2022 in the scatter series.
    expect(
      scatter.data.some(
        (d: Loose) => d.value[0] === 2 && d.value[1] === last[3] && d.itemStyle.color === PALETTE[i % PALETTE.length],
      ),
    ).toBe(false);
  });

  test('reference lines stay with many lines', () => {
    expect(seriesOf(m)[0].markLine.data.map((d: Loose) => d.yAxis)).toEqual([100, 90]);
  });

  test('the tooltip lists the highest values and counts the rest', () => {
    // Axis-triggered: a point of each series at 2024 (year index 5).
    const params = seriesOf(m).map((_, i) => ({ seriesIndex: i, dataIndex: 5, value: [5, 80], color: '#2f6fb0' }));
    const tip = tooltip(m, params);
    expect(tip).toContain('另有 15 个单位未列出');
    const values = [...tip.matchAll(/<b[^>]*>([\d.]+)%<\/b>/g)].map((x) => Number(x[1]));
    expect(values).toHaveLength(15);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const all = m.table.rows.map((r) => r[6] as number).sort((a, b) => b - a);
    expect(values).toEqual(all.slice(0, 15));
    expect((m.option as Loose).tooltip.confine).toBe(true);
  });

  test('a few agencies keep the legend and plain values', () => {
    const few = buildExecutionTrend(agencyYears(recs), yearSpan(recs), agencies30.slice(0, MANY_SERIES), 90, zh);
    expect((few.option as Loose).legend.show).not.toBe(false);
    expect((few.option as Loose).legend.data).toHaveLength(MANY_SERIES);
    expect(seriesOf(few)[0].data.every((d: unknown) => typeof d === 'number')).toBe(true);
  });

  test('carryover labels only while the lines are few', () => {
    expect(
      seriesOf(buildCarryoverRateTrend(agencyYears(recs), yearSpan(recs), agencies30, zh))[0].label?.show,
    ).not.toBe(true);
    expect(
      seriesOf(buildCarryoverRateTrend(agencyYears(recs), yearSpan(recs), agencies30.slice(0, 3), zh))[0].label.show,
    ).toBe(true);
  });
});
