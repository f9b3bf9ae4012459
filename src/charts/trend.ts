// Per-agency lines across years (execution rate, score, carryover rate). A year without the
// figure is a gap (null), never 0; a lone point is drawn as a point.
import type { LineSeriesOption } from 'echarts/charts';
import type { MarkAreaComponentOption, MarkLineComponentOption } from 'echarts/components';
import type { AgencyYear, AgencyYearTable } from '../domain/aggregate';
import { formatPercent, formatScore } from '../domain/format';
import { recordKey } from '../domain/keys';
import {
  asParams, BANDS, baseOption, describe, emptyModel, LEGEND_BASE, MANY_SERIES, num, shortName, tipHtml,
  type ChartContext, type ChartModel, type TipLine,
} from './common';

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

/**
 * The data of one line. Above MANY_SERIES lines, only points no line passes through keep a symbol
 * (a lone point must stay visible); the others cost more to draw than the lines themselves.
 */
function lineData(values: readonly (number | null)[], many: boolean): LineSeriesOption['data'] {
  if (!many) return [...values];
  return values.map((v, i) => (v === null || values[i - 1] != null || values[i + 1] != null ? { value: v, symbol: 'none' } : v));
}

/** Lines a tooltip lists at most (the highest values); the rest are counted. */
const TIP_LINES = 15;

const PICK: Record<TrendMetric, (c: AgencyYear) => number | null> = {
  executionRate: (c) => c.executionRate,
  score: (c) => c.score,
  carryoverRate: (c) => c.carryoverRate,
};

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
  const rows = agencies.map((a) => ({ agency: a, name: shortName(a), cells: years.map((y) => table.get(a)?.get(y) ?? null) }));
  const shown = rows.filter((r) => r.cells.some((c) => c !== null && pick(c) !== null));
  if (shown.length === 0 || years.length === 0) return emptyModel(ctx, t('chart.trendOf', { metric: title }));

  const values = shown.flatMap((r) => r.cells.map((c) => (c ? pick(c) : null))).filter((v): v is number => v !== null);
  const refs = opts.lines ?? [];
  const many = shown.length > MANY_SERIES;
  const series: LineSeriesOption[] = shown.map((r, i) => {
    const s: LineSeriesOption = {
      type: 'line',
      name: r.name,
      // A gap for every year without the figure.
      data: lineData(r.cells.map((c) => (c ? num(pick(c)) : null)), many),
      connectNulls: false,
      showSymbol: true,
      symbolSize: 8,
      label: opts.labels && !many ? { show: true, position: 'top', formatter: (p: { value?: unknown }) => fmt(metric, typeof p.value === 'number' ? p.value : null) } : { show: false },
      emphasis: { focus: 'series' },
    };
    if (i === 0 && refs.length > 0) s.markLine = refLines(refs);
    if (i === 0 && opts.bands) s.markArea = bandAreas(t);
    return s;
  });

  const lo = Math.min(...values, ...refs.map((l) => l.value));
  const hi = Math.max(...values, ...refs.map((l) => l.value));
  const yMin = metric === 'score' ? Math.min(50, Math.floor(lo / 10) * 10) : Math.max(0, Math.floor((lo - 5) / 10) * 10);
  const yMax = metric === 'score' ? 100 : Math.ceil((hi + 2) / 5) * 5;

  const { description, caption } = describe(ctx, t('chart.trendDesc', { metric: title, from: years[0], to: years.at(-1) }), shown.map((r) => r.name));
  const option = {
    ...baseOption(description),
    legend: many ? { show: false } : { ...LEGEND_BASE, data: shown.map((r) => r.name) },
    grid: { left: 56, right: 24, top: many ? 24 : 40, bottom: 32 },
    tooltip: {
      trigger: 'axis' as const,
      // Many lines: the tooltip stays inside the chart and lists the highest values only.
      confine: shown.length > TIP_LINES,
      formatter: (p: unknown) => {
        const ps = asParams(p);
        const year = years[ps[0]?.dataIndex ?? 0];
        const lines = ps.map((q) => {
          const row = shown[q.seriesIndex ?? 0];
          const cell = row?.cells[q.dataIndex ?? 0] ?? null;
          const v = cell ? pick(cell) : null;
          const line: TipLine = { color: q.color, label: `${row?.name ?? ''}${cell?.basis === 'projects' ? t('chart.basisProjects', { n: cell.records.length }) : ''}`, value: fmt(metric, v) };
          return { line, v };
        });
        if (lines.length <= TIP_LINES) return tipHtml(String(year ?? ''), lines.map((l) => l.line));
        const top = lines.filter((l) => l.v !== null).sort((a, b) => (b.v as number) - (a.v as number)).slice(0, TIP_LINES);
        return tipHtml(String(year ?? ''), top.map((l) => l.line), t('chart.moreSeries', { n: lines.length - top.length }));
      },
    },
    // Gaps between categories keep the first and last year's points clear of the chart's edges.
    xAxis: { type: 'category' as const, data: years.map(String), boundaryGap: true, axisTick: { alignWithLabel: true } },
    yAxis: {
      type: 'value' as const,
      min: yMin,
      max: yMax,
      name: metric === 'score' ? t('unit.points') : '%',
      axisLabel: { formatter: (v: number) => (metric === 'score' ? String(v) : `${v}%`) },
    },
    series,
  };

  const tableOut = {
    columns: [t('col.agency'), ...years.map(String)],
    rows: shown.map((r) => [r.name, ...r.cells.map((c) => (c ? num(pick(c)) : null))]),
  };
  const links = shown.map((r) => r.cells.map((c) => (c ? keyOf(c) : null)));
  return { option, table: tableOut, empty: false, links, description, caption };
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
    label: { formatter: '{b}', position: 'insideEndTop' },
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

export function buildExecutionTrend(table: AgencyYearTable, years: readonly number[], agencies: readonly string[], threshold: number, ctx: ChartContext): ChartModel {
  const lines = [{ value: 100, label: '100%' }];
  if (threshold !== 100) lines.push({ value: threshold, label: ctx.t('chart.thresholdLine', { value: formatPercent(threshold) }) });
  return buildTrend(table, years, agencies, 'executionRate', ctx, { lines });
}

export function buildScoreTrend(table: AgencyYearTable, years: readonly number[], agencies: readonly string[], ctx: ChartContext): ChartModel {
  return buildTrend(table, years, agencies, 'score', ctx, { bands: true });
}

export function buildCarryoverRateTrend(table: AgencyYearTable, years: readonly number[], agencies: readonly string[], ctx: ChartContext): ChartModel {
  return buildTrend(table, years, agencies, 'carryoverRate', ctx, { labels: true });
}
