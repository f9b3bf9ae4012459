// The overview's agency × year heatmaps (execution rate, score) and the ranking bar chart.
import type { BarSeriesOption, HeatmapSeriesOption } from 'echarts/charts';
import type { VisualMapComponentOption } from 'echarts/components';
import type { AgencyYear, AgencyYearTable } from '@/domain/aggregate';
import { formatPercent, formatScore } from '@/domain/format';
import { recordKey } from '@/domain/keys';
import {
  asParams,
  BANDS,
  baseOption,
  describe,
  emptyModel,
  num,
  shortName,
  tipHtml,
  zoomFor,
  type ChartContext,
  type ChartModel,
} from './common';

export type HeatMetric = 'executionRate' | 'score';

const PICK: Record<HeatMetric, (c: AgencyYear) => number | null> = {
  executionRate: (c) => c.executionRate,
  score: (c) => c.score,
};

const fmt = (metric: HeatMetric, v: number | null): string => (metric === 'score' ? formatScore(v) : formatPercent(v));

/** Rows of agencies shown at once before the heatmap scrolls. */
const VISIBLE_ROWS = 14;

function pieces(metric: HeatMetric, ctx: ChartContext): VisualMapComponentOption {
  const common = {
    type: 'piecewise' as const,
    orient: 'horizontal' as const,
    left: 'center',
    bottom: 0,
    itemWidth: 14,
    itemHeight: 10,
  };
  if (metric === 'score') {
    return {
      ...common,
      pieces: BANDS.map((b) => ({
        min: b.min,
        max: b.grade === '优' ? 1000 : b.max - 1e-9,
        label: ctx.t(`grade.band.${b.key}`),
        color: darker(b.color),
      })),
    };
  }
  return {
    ...common,
    pieces: [
      { min: 100, max: 1e9, label: '≥100%', color: '#2e9e6b' },
      { min: 90, max: 100 - 1e-9, label: '90%–100%', color: '#9fd4a8' },
      { min: 80, max: 90 - 1e-9, label: '80%–90%', color: '#f3c969' },
      { min: -1e9, max: 80 - 1e-9, label: '<80%', color: '#e07b6a' },
    ],
  };
}

// The band colours are pale backgrounds for the trend chart; heatmap cells need stronger ones.
function darker(c: string): string {
  return (
    (
      { '#d8efe0': '#5fb883', '#e3edf8': '#8db7e3', '#fbf1d9': '#f0c45c', '#f8e0e0': '#e07b6a' } as Record<
        string,
        string
      >
    )[c] ?? c
  );
}

export function buildHeatmap(
  table: AgencyYearTable,
  years: readonly number[],
  agencies: readonly string[],
  metric: HeatMetric,
  ctx: ChartContext,
): ChartModel {
  const { t } = ctx;
  const title = t(`metric.${metric}`);
  const pick = PICK[metric];
  if (agencies.length === 0 || years.length === 0) return emptyModel(ctx, t('chart.heatmapOf', { metric: title }));
  const names = agencies.map((a) => shortName(a));
  const data: Array<[number, number, number]> = [];
  const cells: AgencyYear[] = [];
  agencies.forEach((a, yi) => {
    years.forEach((y, xi) => {
      const cell = table.get(a)?.get(y);
      const v = cell ? pick(cell) : null;
      // Only cells with the figure: an empty cell means "no record with this figure", not 0.
      if (cell && v !== null) {
        data.push([xi, yi, num(v) as number]);
        cells.push(cell);
      }
    });
  });
  if (data.length === 0) return emptyModel(ctx, t('chart.heatmapOf', { metric: title }));

  const series: HeatmapSeriesOption = {
    type: 'heatmap',
    name: title,
    data,
    label: {
      show: true,
      formatter: (p: { value?: unknown }) => fmt(metric, Array.isArray(p.value) ? (p.value[2] as number) : null),
      fontSize: 11,
    },
    itemStyle: { borderColor: '#fff', borderWidth: 2 },
  };
  const { description, caption } = describe(
    ctx,
    t('chart.heatmapDesc', { metric: title, from: years[0], to: years.at(-1), n: agencies.length }),
    [title],
  );
  const option = {
    ...baseOption(description),
    grid: { left: 8, right: agencies.length > VISIBLE_ROWS ? 36 : 12, top: 8, bottom: 48, containLabel: true },
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: unknown) => {
        const i = asParams(p)[0]?.dataIndex ?? 0;
        const cell = cells[i];
        if (!cell) return '';
        const basis =
          cell.basis === 'department' ? t('scope.department') : t('chart.projectsN', { n: cell.records.length });
        return tipHtml(
          `${shortName(cell.agency)} ${cell.year}`,
          [{ label: title, value: fmt(metric, pick(cell)) }],
          basis,
        );
      },
    },
    xAxis: { type: 'category' as const, data: years.map(String), splitArea: { show: false }, position: 'top' as const },
    yAxis: {
      type: 'category' as const,
      data: names,
      inverse: true,
      axisLabel: { width: 120, overflow: 'truncate' as const },
    },
    visualMap: pieces(metric, ctx),
    dataZoom: zoomFor('y', agencies.length, VISIBLE_ROWS),
    series: [series],
  };
  const tableOut = {
    columns: [t('col.agency'), ...years.map(String)],
    rows: agencies.map((a, i) => [
      names[i] ?? a,
      ...years.map((y) => {
        const c = table.get(a)?.get(y);
        return c ? num(pick(c)) : null;
      }),
    ]),
  };
  const links = [cells.map((c) => (c.records[0] ? recordKey(c.records[0]) : null))];
  return { option, table: tableOut, empty: false, links, description, caption };
}

export interface RankEntry {
  cell: AgencyYear;
  value: number;
}

/** Horizontal bars, best first at the top; the year is named in each label when years differ. */
export function buildRanking(
  entries: readonly RankEntry[],
  metric: HeatMetric,
  ctx: ChartContext,
  visible = 12,
): ChartModel {
  const { t } = ctx;
  const title = t(`metric.${metric}`);
  if (entries.length === 0) return emptyModel(ctx, t('chart.rankingOf', { metric: title }));
  const sameYear = entries.every((e) => e.cell.year === entries[0]!.cell.year);
  const labels = entries.map((e) =>
    sameYear ? shortName(e.cell.agency) : `${shortName(e.cell.agency)} (${e.cell.year})`,
  );
  const series: BarSeriesOption = {
    type: 'bar',
    name: title,
    data: entries.map((e) => num(e.value)),
    barMaxWidth: 22,
    label: {
      show: true,
      position: 'right',
      formatter: (p: { value?: unknown }) => fmt(metric, typeof p.value === 'number' ? p.value : null),
    },
  };
  const yearText = sameYear ? String(entries[0]!.cell.year) : t('chart.latestPerAgency');
  const { description, caption } = describe(
    ctx,
    t('chart.rankingDesc', { metric: title, year: yearText, n: entries.length }),
    [title],
  );
  const max = Math.max(...entries.map((e) => e.value));
  const option = {
    ...baseOption(description),
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: unknown) => {
        const e = entries[asParams(p)[0]?.dataIndex ?? 0];
        return e
          ? tipHtml(`${shortName(e.cell.agency)} ${e.cell.year}`, [{ label: title, value: fmt(metric, e.value) }])
          : '';
      },
    },
    xAxis: {
      type: 'value' as const,
      min: 0,
      max: metric === 'score' ? 100 : Math.max(100, Math.ceil(max / 10) * 10),
      axisLabel: { formatter: (v: number) => (metric === 'score' ? String(v) : `${v}%`) },
    },
    yAxis: {
      type: 'category' as const,
      data: labels,
      inverse: true,
      axisLabel: { width: 140, overflow: 'truncate' as const },
    },
    dataZoom: zoomFor('y', entries.length, visible),
    series: [series],
  };
  const table = {
    columns: [t('col.rank'), t('col.agency'), t('col.year'), title],
    rows: entries.map((e, i) => [i + 1, shortName(e.cell.agency), e.cell.year, num(e.value)]),
    rowLinks: entries.map((e) => (e.cell.records[0] ? recordKey(e.cell.records[0]) : null)),
    integerColumns: [0, 2],
  };
  const links = [entries.map((e) => (e.cell.records[0] ? recordKey(e.cell.records[0]) : null))];
  return { option, table, empty: false, links, description, caption };
}
