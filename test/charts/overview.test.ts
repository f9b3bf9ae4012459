import { describe, expect, test } from 'vitest';
import { buildHeatmap, buildRanking } from '@/charts/overview';
import { agencyYears, rankAgencies, rankLatestPerAgency, rankYear, yearSpan } from '@/domain/aggregate';
import { round2 } from '@/domain/derive';
import { CCPIT, CHAOYANG, HOSTILE, hostileRecords, RECORDS, record } from './fixtures';
import { commonChecks, seriesOf, tooltip, zh, type Loose } from './helpers';

const table = agencyYears(RECORDS);
const years = yearSpan(RECORDS);
const agencies = rankAgencies(RECORDS);

describe('heatmaps', () => {
  test('execution rate: one cell per agency-year with the figure, none for missing years', () => {
    const m = buildHeatmap(table, years, agencies, 'executionRate', zh);
    commonChecks(m, ['预算执行率']);
    const o = m.option as Loose;
    expect(o.yAxis.data).toEqual(['北京市贸促会', '朝阳区投促中心', '渝中区招商局']);
    expect(o.xAxis.data).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    // [yearIndex, agencyIndex, value] (the value itself, here to the two decimals shown); CCPIT 2021
    // (carryover only) has no cell.
    expect(seriesOf(m)[0].data.map(([x, y, v]: number[]) => [x, y, round2(v!)])).toEqual([
      [3, 0, 96.92],
      [4, 1, 100],
      [5, 1, 100],
      [0, 2, 95.45],
    ]);
    expect(m.table.rows[0]).toEqual(['北京市贸促会', null, null, null, 96.92, null, null]);
    expect(o.visualMap.pieces.map((p: Loose) => p.label)).toEqual(['≥100%', '90%–100%', '80%–90%', '<80%']);
    expect(m.links[0]![0]).toContain(CCPIT);
  });

  test('score: grade pieces, unscored department year left blank', () => {
    const m = buildHeatmap(table, years, agencies, 'score', zh);
    expect(seriesOf(m)[0].data).toEqual([
      [3, 0, 95.18],
      [5, 1, 100],
      [0, 2, 100],
    ]);
    expect((m.option as Loose).visualMap.pieces.map((p: Loose) => p.label)).toEqual([
      '优 (≥90)',
      '良 (80–90)',
      '中 (60–80)',
      '差 (<60)',
    ]);
    expect(tooltip(m, { dataIndex: 1 })).toContain('1 个项目合计');
  });

  test('many agencies scroll instead of squeezing', () => {
    const many = Array.from({ length: 40 }, (_, i) => `单位${i}`);
    const recs = many.map((a, i) => ({ ...RECORDS[3]!, agency: a, budget: 100 + i }));
    const m = buildHeatmap(agencyYears(recs), [2022], many, 'executionRate', zh);
    const zoom = (m.option as Loose).dataZoom;
    expect(zoom.length).toBe(2);
    expect(zoom[0].yAxisIndex).toBe(0);
  });

  test('many cells: the description names the highest, the lowest and the median, written as in the cells', () => {
    const many = Array.from({ length: 30 }, (_, i) => `单位${String(i).padStart(2, '0')}`);
    // Rates 70.00%, 71.00%, … 99.00%: budget 100, expenditure 70 + i.
    const recs = many.map((a, i) => ({
      ...RECORDS[3]!,
      agency: a,
      budget: 100,
      expenditure: 70 + i,
      execution_rate: 70 + i,
    }));
    const m = buildHeatmap(agencyYears(recs), [2022], many, 'executionRate', zh);
    expect(m.description).toContain('单位29 2022');
    expect(m.description).toContain('99.00%');
    expect(m.description).toContain('单位00 2022');
    expect(m.description).toContain('70.00%');
    // The median of 30 values, the 15th from the top: 85.00%.
    expect(m.description).toContain('85.00%');
    // The table and links, built when first read, still hold every agency and link each cell.
    expect(m.table.rows).toHaveLength(30);
    expect(m.table.rows[29]).toEqual(['单位29', 99]);
    expect(m.links[0]).toHaveLength(30);
    expect(m.table.cellLinks?.[0]?.[1]).toBe(m.links[0]![0]);
  });

  test('each cell is coloured by the band of its value and labelled with two decimals', () => {
    const scores = [89.995, 79.999, 59.995, 90, 80];
    const recs = scores.map((score, i) =>
      record({ agency: `单位${i}`, region: '', year: 2022, scope: 'department', project: '', score }),
    );
    const m = buildHeatmap(agencyYears(recs), [2022], rankAgencies(recs), 'score', zh);
    const opt = m.option as Loose;
    const pieces = opt.visualMap.pieces as Array<{ gte?: number; lt?: number; label: string }>;
    const bandOf = (v: number) =>
      pieces.filter((p) => (p.gte === undefined || v >= p.gte) && (p.lt === undefined || v < p.lt)).map((p) => p.label);
    const label = seriesOf(m)[0].label.formatter as (p: { value: unknown }) => string;
    const cells = (seriesOf(m)[0].data as number[][]).map((d) => [bandOf(d[2]!), label({ value: d })]);
    expect(cells).toEqual(
      [
        ['良', '90.00'],
        ['中', '80.00'],
        ['差', '60.00'],
        ['优', '90.00'],
        ['良', '80.00'],
      ].map(([grade, text]) => [[pieces.find((p) => p.label.startsWith(grade!))!.label], text]),
    );
    // Execution rates: 99.999% is in 90%–100%, though written 100.00%.
    const rates = [
      record({
        agency: '甲',
        region: '',
        year: 2022,
        scope: 'department',
        project: '',
        budget: 100,
        expenditure: 99.999,
      }),
    ];
    const r = buildHeatmap(agencyYears(rates), [2022], ['甲'], 'executionRate', zh);
    const ratePieces = (r.option as Loose).visualMap.pieces as Array<{ gte?: number; lt?: number; label: string }>;
    const v = (seriesOf(r)[0].data as number[][])[0]![2]!;
    expect(
      ratePieces
        .filter((p) => (p.gte === undefined || v >= p.gte) && (p.lt === undefined || v < p.lt))
        .map((p) => p.label),
    ).toEqual(['90%–100%']);
  });

  test('hostile names are escaped in tooltips', () => {
    const recs = hostileRecords();
    const m = buildHeatmap(agencyYears(recs), yearSpan(recs), rankAgencies(recs), 'score', zh);
    const i = seriesOf(m)[0].data.findIndex((d: number[]) => d[0] === 0);
    const tip = tooltip(m, { dataIndex: i });
    expect(tip).toContain('&lt;img');
    expect(tip).not.toContain(HOSTILE);
  });
});

describe('ranking', () => {
  test('latest year in range: only the agencies that have it', () => {
    const m = buildRanking(
      rankYear(table, 2024, (c) => c.executionRate),
      'executionRate',
      zh,
    );
    expect((m.option as Loose).yAxis.data).toEqual(['朝阳区投促中心']);
    expect(m.description).toContain('2024');
  });
  test("each agency's latest year: best first, labels name the year", () => {
    const m = buildRanking(
      rankLatestPerAgency(table, (c) => c.score),
      'score',
      zh,
    );
    expect((m.option as Loose).yAxis.data).toEqual([
      '朝阳区投促中心 (2024)',
      '渝中区招商局 (2019)',
      '北京市贸促会 (2022)',
    ]);
    expect(seriesOf(m)[0].data.map((d: Loose) => d.value)).toEqual([100, 100, 95.18]);
    expect(m.table.rows[2]).toEqual([3, '北京市贸促会', 2022, 95.18]);
    expect(m.links[0]![0]).toContain(CHAOYANG);
  });
  test('nothing to rank: empty', () => {
    expect(buildRanking([], 'score', zh).empty).toBe(true);
  });
});
