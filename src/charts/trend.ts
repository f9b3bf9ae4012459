// Per-agency lines across years (execution rate, score, carryover rate). A year without the
// figure is a gap (null), never 0; a lone point is drawn as a point.
import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { MarkAreaComponentOption, MarkLineComponentOption } from 'echarts/components';
import type { AgencyYear, AgencyYearTable } from '@/domain/aggregate';
import { formatPercent, formatScore, yearSpanText } from '@/i18n/format';
import { recordKey } from '@/domain/keys';
import {
  asParams,
  BANDS,
  baseOption,
  colorOf,
  describe,
  emptyModel,
  FIXED_GRID,
  HIDE_OVERLAP,
  LABEL_BACKING,
  LEGEND_BASE,
  LEGEND_SPACE,
  MANY_SERIES,
  num,
  roundAxis,
  shortName,
  tipHtml,
  valuesSentence,
  withLazyParts,
  type ChartContext,
  type DataTable,
  type ChartModel,
  type TipLine,
} from './common';
import { disputedNote, hollow, isDisputed } from './disputed';

export type TrendMetric = 'executionRate' | 'score' | 'carryoverRate';

export interface TrendOptions {
  /** Reference lines (y values) with their labels, e.g. 100% and the user's threshold. */
  lines?: Array<{ value: number; label: string }>;
  /** Draw the 优/良/中/差 bands behind the lines (scores). */
  bands?: boolean;
  /** Print each point's value next to it (carryover: the rise is readable at a glance); not with many lines. */
  labels?: boolean;
}

export { MANY_SERIES };

/** A line's values, one per year; null for a year without the figure. */
type Line = { name: string; color: string; cells: readonly (AgencyYear | null)[]; values: (number | null)[] };

/**
 * Above MANY_SERIES lines, the lines of one colour are drawn as one series: ECharts spends about
 * a tenth of a millisecond per series on every redraw, so two hundred agencies cost 17 ms as
 * series of their own and 5 ms as ten (scripts/bench/filters.ts). Each line is a run of
 * [year index, value] points ended by a gap; a point no line passes through (a lone year) is drawn
 * in a scatter series of its own, in its line's colour, so it stays visible and clickable. Which
 * agency is which is read from the tooltip, the table and the search, as before: ten colours
 * repeating never told two hundred lines apart.
 */
function manyLineSeries(lines: readonly Line[]): {
  series: Array<LineSeriesOption | ScatterSeriesOption>;
  links: () => (string | null)[][];
} {
  // One series per colour: each agency keeps its own colour (palette.ts), lines of a colour share it.
  // The record behind each point is kept as its cell, and made a key only when links are read.
  const groups = new Map<string, { data: Array<[number, number | null]>; cells: (AgencyYear | null)[] }>();
  const lone = {
    data: [] as Array<{ value: [number, number]; itemStyle: { color: string } }>,
    cells: [] as (AgencyYear | null)[],
  };
  for (const line of lines) {
    let g = groups.get(line.color);
    if (!g) groups.set(line.color, (g = { data: [], cells: [] }));
    const vs = line.values;
    vs.forEach((v, x) => {
      g.data.push([x, v]);
      g.cells.push(v === null ? null : (line.cells[x] ?? null));
      if (v !== null && vs[x - 1] == null && vs[x + 1] == null) {
        lone.data.push({ value: [x, v], itemStyle: { color: line.color } });
        lone.cells.push(line.cells[x] ?? null);
      }
    });
    // The gap that ends this line before the next one starts.
    g.data.push([vs.length - 1, null]);
    g.cells.push(null);
  }
  const used = [...groups].map(([color, g]) => ({ ...g, color }));
  const series: Array<LineSeriesOption | ScatterSeriesOption> = used.map((g, k) => ({
    type: 'line',
    // Stable ids: a redraw updates the series ECharts already holds instead of building new ones.
    id: `lines-${k}`,
    name: String(k + 1),
    color: g.color,
    data: g.data,
    connectNulls: false,
    showSymbol: false,
    lineStyle: { width: 1.5 },
    emphasis: { disabled: true },
  }));
  const cells = used.map((g) => g.cells);
  if (lone.data.length > 0) {
    series.push({
      type: 'scatter',
      id: 'lone',
      name: '·',
      data: lone.data,
      symbolSize: 8,
      emphasis: { disabled: true },
    });
    cells.push(lone.cells);
  }
  return { series, links: () => cells.map((cs) => cs.map((c) => (c ? keyOf(c) : null))) };
}

/** Lines a tooltip lists at most (the highest values); the rest are counted. */
const TIP_LINES = 15;

const PICK: Record<TrendMetric, (c: AgencyYear) => number | null> = {
  executionRate: (c) => c.executionRate,
  score: (c) => c.score,
  carryoverRate: (c) => c.carryoverRate,
};

/** The record fields each metric shows or rests on: a disputed one draws its point hollow. */
const METRIC_FIELDS: Record<TrendMetric, readonly string[]> = {
  executionRate: ['execution_rate', 'expenditure', 'budget'],
  score: ['score'],
  carryoverRate: ['carryover_rate', 'carryover', 'budget'],
};

function cellDisputed(cell: AgencyYear | null, metric: TrendMetric): boolean {
  return cell !== null && cell.records.some((r) => isDisputed(r, METRIC_FIELDS[metric]));
}

/** The disputes behind the points of one year, for the tooltip's footer. */
function yearNotes(cells: readonly (AgencyYear | null)[], metric: TrendMetric, ctx: ChartContext): string {
  return cells
    .flatMap((c) => (c ? c.records : []))
    .map((r) => disputedNote(r, METRIC_FIELDS[metric], ctx))
    .filter((n) => n !== '')
    .join(ctx.lang === 'en' ? '; ' : '；');
}

function fmt(metric: TrendMetric, v: number | null): string {
  return metric === 'score' ? formatScore(v) : formatPercent(v);
}

export function buildTrend(
  table: AgencyYearTable,
  years: readonly number[],
  agencies: readonly string[],
  metric: TrendMetric,
  ctx: ChartContext,
  opts: TrendOptions = {},
): ChartModel {
  const { t } = ctx;
  const title = t(`metric.${metric}`);
  const pick = PICK[metric];
  const rows = agencies.map((a) => ({
    agency: a,
    name: shortName(a),
    cells: years.map((y) => table.get(a)?.get(y) ?? null),
  }));
  const shown = rows.filter((r) => r.cells.some((c) => c !== null && pick(c) !== null));
  if (shown.length === 0 || years.length === 0) return emptyModel(ctx, t('chart.trendOf', { metric: title }));

  const values = shown.flatMap((r) => r.cells.map((c) => (c ? pick(c) : null))).filter((v): v is number => v !== null);
  const refs = opts.lines ?? [];
  const many = shown.length > MANY_SERIES;
  const lines: Line[] = shown.map((r) => ({
    name: r.name,
    color: colorOf(ctx, r.agency),
    cells: r.cells,
    values: r.cells.map((c) => (c ? num(pick(c)) : null)),
  }));
  const grouped = many ? manyLineSeries(lines) : null;
  const series: Array<LineSeriesOption | ScatterSeriesOption> = grouped
    ? grouped.series
    : lines.map((line, i) => ({
        type: 'line',
        id: `${i}:${line.name}`,
        name: line.name,
        color: line.color,
        // A gap for every year without the figure; a disputed figure a hollow point.
        data: line.values.map((v, x) =>
          v !== null && cellDisputed(line.cells[x] ?? null, metric)
            ? { value: v, symbol: hollow('circle'), symbolSize: 11 }
            : v,
        ),
        connectNulls: false,
        showSymbol: true,
        symbolSize: 8,
        label: opts.labels
          ? {
              show: true,
              position: 'top',
              // Lines of other agencies cross these figures: a backing keeps them readable.
              ...LABEL_BACKING,
              formatter: (p: { value?: unknown }) => fmt(metric, typeof p.value === 'number' ? p.value : null),
            }
          : { show: false },
        labelLayout: HIDE_OVERLAP,
        emphasis: { focus: 'series' },
      }));
  const first = series[0];
  if (first && refs.length > 0) first.markLine = refLines(refs);
  if (first && opts.bands) first.markArea = bandAreas(t);

  const lo = Math.min(...values, ...refs.map((l) => l.value));
  const hi = Math.max(...values, ...refs.map((l) => l.value));
  // Round gridlines with 100 on one of them (the 100% line, a full score). Carryover rates have
  // no such line and are mostly a few percent: an axis to 100% would press every line flat.
  const axis =
    metric === 'score'
      ? roundAxis(Math.min(50, lo), 100, { max: 100 })
      : metric === 'carryoverRate'
        ? roundAxis(Math.min(0, lo), Math.max(hi + 2, 10))
        : roundAxis(Math.max(0, lo - 2), Math.max(hi + 2, 100));

  // Each line's latest value, as a reader of the chart would take it in.
  const latest = lines.flatMap((line) => {
    const x = line.values.findLastIndex((v) => v !== null);
    const v = line.values[x];
    return v === null || v === undefined ? [] : [{ label: `${line.name} ${years[x]}`, value: v, text: fmt(metric, v) }];
  });
  const { description, caption } = describe(
    ctx,
    t(years.length === 1 ? 'chart.trendDescOne' : 'chart.trendDesc', {
      metric: title,
      years: yearSpanText(years[0], years.at(-1)),
    }),
    shown.map((r) => r.name),
    '',
    valuesSentence(ctx, latest),
  );
  const option = {
    ...baseOption(description),
    legend: many ? { show: false } : { ...LEGEND_BASE, data: shown.map((r) => r.name) },
    grid: { ...FIXED_GRID, left: 56, right: 24, top: 32, bottom: many ? 32 : 32 + LEGEND_SPACE },
    tooltip: {
      trigger: 'axis' as const,
      // Many lines: the tooltip stays inside the chart and lists the highest values only.
      confine: shown.length > TIP_LINES,
      formatter: (p: unknown) => {
        const ps = asParams(p);
        // One line per series, or (many lines) [year index, value] points: the year either way.
        const at = ps[0]?.value;
        const yi = Array.isArray(at) && typeof at[0] === 'number' ? at[0] : (ps[0]?.dataIndex ?? 0);
        const entries = shown.map((row, i) => {
          const cell = row.cells[yi] ?? null;
          const v = cell ? pick(cell) : null;
          const color = lines[i]?.color;
          const line: TipLine = {
            color,
            label: `${row.name}${cell?.basis === 'projects' ? t('chart.basisProjects', { n: cell.records.length }) : ''}`,
            value: fmt(metric, v),
          };
          return { line, v };
        });
        const year = String(years[yi] ?? '');
        const notes = yearNotes(
          shown.map((row) => row.cells[yi] ?? null),
          metric,
          ctx,
        );
        if (entries.length <= TIP_LINES)
          return tipHtml(
            year,
            entries.map((l) => l.line),
            notes || undefined,
          );
        const top = entries
          .filter((l) => l.v !== null)
          .sort((a, b) => (b.v as number) - (a.v as number))
          .slice(0, TIP_LINES);
        return tipHtml(
          year,
          top.map((l) => l.line),
          t('chart.moreSeries', { n: entries.length - top.length }),
        );
      },
    },
    // Gaps between categories keep the first and last year's points clear of the chart's edges.
    xAxis: {
      type: 'category' as const,
      data: years.map(String),
      boundaryGap: true,
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value' as const,
      ...axis,
      name: metric === 'score' ? t('unit.points') : '%',
      axisLabel: { formatter: (v: number) => (metric === 'score' ? String(v) : `${v}%`) },
    },
    series,
  };

  const unit = metric === 'score' ? ('score' as const) : ('percent' as const);
  // The table and the links are built when first read (the table shown, a point clicked): a
  // record key for every point of every line on each filter change is most of this builder's time.
  const tableOut = (): DataTable => ({
    columns: [t('col.agency'), ...years.map(String)],
    rows: shown.map((r) => [r.name, ...r.cells.map((c) => (c ? num(pick(c)) : null))]),
    cellLinks: shown.map((r) => [null, ...r.cells.map((c) => (c && pick(c) !== null ? keyOf(c) : null))]),
    units: [null, ...years.map(() => unit)],
  });
  const links = grouped ? grouped.links : () => shown.map((r) => r.cells.map((c) => (c ? keyOf(c) : null)));
  return withLazyParts({ option, empty: false, description, caption }, tableOut, links, true);
}

function keyOf(c: AgencyYear): string | null {
  const r = c.records[0];
  return r ? recordKey(r) : null;
}

function refLines(lines: Array<{ value: number; label: string }>): MarkLineComponentOption {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { type: 'dashed', color: '#555' },
    // Over the lines' last points, as often as not: backed so that it stays readable.
    label: { formatter: '{b}', position: 'insideEndTop', ...LABEL_BACKING },
    data: lines.map((l) => ({ yAxis: l.value, name: l.label })),
  };
}

function bandAreas(t: ChartContext['t']): MarkAreaComponentOption {
  return {
    silent: true,
    label: { position: 'insideRight', color: '#555' },
    data: BANDS.map((b) => [
      { yAxis: b.min, name: t(`grade.band.${b.key}`), itemStyle: { color: b.color } },
      { yAxis: b.max },
    ]),
  };
}

export function buildExecutionTrend(
  table: AgencyYearTable,
  years: readonly number[],
  agencies: readonly string[],
  threshold: number,
  ctx: ChartContext,
): ChartModel {
  const lines = [{ value: 100, label: '100%' }];
  if (threshold !== 100)
    lines.push({ value: threshold, label: ctx.t('chart.thresholdLine', { value: formatPercent(threshold) }) });
  return buildTrend(table, years, agencies, 'executionRate', ctx, { lines });
}

export function buildScoreTrend(
  table: AgencyYearTable,
  years: readonly number[],
  agencies: readonly string[],
  ctx: ChartContext,
): ChartModel {
  return buildTrend(table, years, agencies, 'score', ctx, { bands: true });
}

export function buildCarryoverRateTrend(
  table: AgencyYearTable,
  years: readonly number[],
  agencies: readonly string[],
  ctx: ChartContext,
): ChartModel {
  return buildTrend(table, years, agencies, 'carryoverRate', ctx, { labels: true });
}
