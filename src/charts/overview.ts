// The overview's agency × year heatmaps (execution rate, score) and the ranking bar chart.
import type { BarSeriesOption, HeatmapSeriesOption } from 'echarts/charts';
import type { VisualMapComponentOption } from 'echarts/components';
import type { AgencyYear, AgencyYearTable } from '@/domain/aggregate';
import { formatPercent, formatScore, yearSpanText } from '@/i18n/format';
import { recordKey } from '@/domain/keys';
import { heatmapWindow } from './rowWindow';
import {
  asParams,
  BANDS,
  baseOption,
  colorOf,
  describe,
  emptyModel,
  FIXED_GRID,
  num,
  roundAxis,
  shortName,
  tipHtml,
  valuesSentence,
  valuesSentenceOf,
  wrappedLabel,
  zoomFor,
  type ChartContext,
  type ChartModel,
  withLazyParts,
  type DataTable,
} from './common';

export type HeatMetric = 'executionRate' | 'score';

const PICK: Record<HeatMetric, (c: AgencyYear) => number | null> = {
  executionRate: (c) => c.executionRate,
  score: (c) => c.score,
};

const fmt = (metric: HeatMetric, v: number | null): string => (metric === 'score' ? formatScore(v) : formatPercent(v));

/** Rows of agencies shown at once before the heatmap scrolls. */
export const HEATMAP_ROWS = 14;

/** Width of an agency's name beside a heatmap row or a ranking bar (wrapped, never cut). */
const LABEL_WIDTH = 130;
const RANK_LABEL_WIDTH = 170;

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
      // Half-open bands on the value itself, as gradeFromScore draws them: 89.995 is 良.
      pieces: BANDS.map((b) => ({
        ...(b.grade === '优' ? { gte: b.min } : b.grade === '差' ? { lt: b.max } : { gte: b.min, lt: b.max }),
        label: ctx.t(`grade.band.${b.key}`),
        color: darker(b.color),
      })),
    };
  }
  return {
    ...common,
    pieces: [
      { gte: 100, label: '≥100%', color: '#2e9e6b' },
      { gte: 90, lt: 100, label: '90%–100%', color: '#9fd4a8' },
      { gte: 80, lt: 90, label: '80%–90%', color: '#f3c969' },
      { lt: 80, label: '<80%', color: '#e07b6a' },
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
    const row = table.get(a);
    years.forEach((y, xi) => {
      const cell = row?.get(y);
      const v = cell ? pick(cell) : null;
      // Only cells with the figure: an empty cell means "no record with this figure", not 0.
      // The value itself, so that its colour is its band (89.995 is 良, though written 90.00).
      if (cell && v !== null) {
        data.push([xi, yi, v]);
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
  const scrolls = agencies.length > HEATMAP_ROWS;
  const { description, caption } = describe(
    ctx,
    t('chart.heatmapDesc', { metric: title, years: yearSpanText(years[0], years.at(-1)), n: agencies.length }),
    [title],
    scrolls ? t('chart.rowsShown', { shown: HEATMAP_ROWS, total: agencies.length }) : '',
    valuesSentenceOf(
      ctx,
      cells.length,
      (i) => pick(cells[i]!) as number,
      (i) => `${names[data[i]![1]]} ${cells[i]!.year}`,
      (i) => fmt(metric, pick(cells[i]!)),
    ),
  );
  const option = {
    ...baseOption(description),
    // A fixed margin for the names instead of containLabel: measuring every agency's label on each
    // redraw costs more than drawing the chart (150 agencies).
    grid: {
      ...FIXED_GRID,
      left: LABEL_WIDTH + 12,
      right: agencies.length > HEATMAP_ROWS ? 36 : 12,
      top: 28,
      bottom: 48,
    },
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
      axisLabel: wrappedLabel(LABEL_WIDTH),
    },
    visualMap: pieces(metric, ctx),
    dataZoom: zoomFor('y', agencies.length, HEATMAP_ROWS),
    series: [series],
  };
  const unit = metric === 'score' ? ('score' as const) : ('percent' as const);
  const cellOf = (a: string, y: number) => table.get(a)?.get(y);
  // The table and the links are built when first read (the table shown, a cell clicked), not on
  // every filter change: 150 agencies × 6 years of record keys each time for nothing.
  const tableOut = (): DataTable => ({
    columns: [t('col.agency'), ...years.map(String)],
    rows: agencies.map((a, i) => [
      names[i] ?? a,
      ...years.map((y) => {
        const c = cellOf(a, y);
        return c ? num(pick(c)) : null;
      }),
    ]),
    cellLinks: agencies.map((a) => [
      null,
      ...years.map((y) => {
        const c = cellOf(a, y);
        return c && pick(c) !== null && c.records[0] ? recordKey(c.records[0]) : null;
      }),
    ]),
    units: [null, ...years.map(() => unit)],
  });
  const links = () => [cells.map((c) => (c.records[0] ? recordKey(c.records[0]) : null))];
  const rowWindow = heatmapWindow(data, agencies.length, HEATMAP_ROWS);
  return withLazyParts({ option, empty: false, description, caption, rowWindow }, tableOut, links, true);
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
    // Each bar in its agency's colour, as in every other chart.
    data: entries.map((e) => ({ value: num(e.value), itemStyle: { color: colorOf(ctx, e.cell.agency) } })),
    barMaxWidth: 22,
    label: {
      show: true,
      position: 'right',
      formatter: (p: { value?: unknown }) => fmt(metric, typeof p.value === 'number' ? p.value : null),
    },
  };
  const yearText = sameYear ? String(entries[0]!.cell.year) : t('chart.latestPerAgency');
  const items = entries.map((e, i) => ({ label: labels[i] ?? '', value: e.value }));
  const { description, caption } = describe(
    ctx,
    t(sameYear ? 'chart.rankingDesc' : 'chart.rankingDescEach', { metric: title, year: yearText, n: entries.length }),
    [title],
    entries.length > visible ? t('chart.rowsShown', { shown: visible, total: entries.length }) : '',
    valuesSentence(ctx, items, (v) => fmt(metric, v)),
  );
  const max = Math.max(...entries.map((e) => e.value));
  const xAxisRange =
    metric === 'score' ? { min: 0, max: 100, interval: 20 } : roundAxis(0, Math.max(100, max), { min: 0 });
  const option = {
    ...baseOption(description),
    // Room right of the bars for a label such as 104.62%, and past it for the scroll bar when it shows.
    grid: { ...FIXED_GRID, left: RANK_LABEL_WIDTH + 12, right: entries.length > visible ? 92 : 72, top: 8, bottom: 28 },
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
      ...xAxisRange,
      axisLabel: { formatter: (v: number) => (metric === 'score' ? String(v) : `${v}%`) },
    },
    yAxis: {
      type: 'category' as const,
      data: labels,
      inverse: true,
      axisLabel: wrappedLabel(RANK_LABEL_WIDTH),
    },
    dataZoom: zoomFor('y', entries.length, visible),
    series: [series],
  };
  const keyAt = (e: RankEntry): string | null => (e.cell.records[0] ? recordKey(e.cell.records[0]) : null);
  // Built when first read, as the heatmaps' are: the ranking is redrawn after the frame a filter
  // change waits for, but its model is made inside it.
  const table = (): DataTable => ({
    columns: [t('col.rank'), t('col.agency'), t('col.year'), title],
    rows: entries.map((e, i) => [i + 1, shortName(e.cell.agency), e.cell.year, num(e.value)]),
    rowLinks: entries.map(keyAt),
    units: [
      'integer' as const,
      null,
      'integer' as const,
      metric === 'score' ? ('score' as const) : ('percent' as const),
    ],
  });
  const links = () => [entries.map(keyAt)];
  // Tall enough for `visible` bars (at least three), then it scrolls.
  const height = Math.min(visible, Math.max(3, entries.length)) * 38 + 40;
  return withLazyParts({ option, empty: false, description, caption, height }, table, links, true);
}
