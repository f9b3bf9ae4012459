// Level-1 indicator score rates per record (heatmap), and score against execution rate (scatter
// with quadrants).
import type { HeatmapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { recordRate, type Level1Summary } from '@/domain/aggregate';
import { formatPercent, formatScore } from '@/domain/format';
import { recordKey } from '@/domain/keys';
import type { PerfRecord } from '@/domain/types';
import {
  asParams,
  baseOption,
  describe,
  emptyModel,
  LEGEND_BASE,
  num,
  recordAxisLabel,
  recordLabel,
  tipHtml,
  zoomFor,
  type ChartContext,
  type ChartModel,
} from './common';

const VISIBLE_ROWS = 12;

/** Level-1 names in the order they are most used, so the common ones come first. */
function level1Order(summaries: readonly Level1Summary[]): string[] {
  const count = new Map<string, number>();
  const first = new Map<string, number>();
  summaries.forEach((s, i) => {
    count.set(s.level1, (count.get(s.level1) ?? 0) + 1);
    if (!first.has(s.level1)) first.set(s.level1, i);
  });
  return [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || first.get(a)! - first.get(b)!);
}

export function buildLevel1Rates(
  records: readonly PerfRecord[],
  summaries: readonly Level1Summary[],
  ctx: ChartContext,
): ChartModel {
  const { t } = ctx;
  const what = t('chart.level1Rates');
  const keys = new Set(records.map((r) => recordKey(r)));
  const mine = summaries.filter((s) => keys.has(s.recordKey));
  const scoredKeys = new Set(mine.filter((s) => s.rate !== null).map((s) => s.recordKey));
  const rows = records.filter((r) => scoredKeys.has(recordKey(r)));
  const unscored = records.filter((r) => !scoredKeys.has(recordKey(r))).length;
  if (rows.length === 0) return emptyModel(ctx, what);
  const cols = level1Order(mine.filter((s) => scoredKeys.has(s.recordKey)));
  const labels = rows.map((r) => recordLabel(r, ctx));
  const axisLabels = rows.map((r) => recordAxisLabel(r, ctx));
  const byKey = new Map<string, Map<string, Level1Summary>>();
  for (const s of mine) {
    let m = byKey.get(s.recordKey);
    if (!m) byKey.set(s.recordKey, (m = new Map()));
    m.set(s.level1, s);
  }
  const data: Array<[number, number, number]> = [];
  const points: Array<{ record: PerfRecord; s: Level1Summary }> = [];
  rows.forEach((r, yi) => {
    const m = byKey.get(recordKey(r));
    cols.forEach((c, xi) => {
      const s = m?.get(c);
      if (s && s.rate !== null) {
        data.push([xi, yi, num(s.rate) as number]);
        points.push({ record: r, s });
      }
    });
  });
  const series: HeatmapSeriesOption = {
    type: 'heatmap',
    name: t('metric.level1Rate'),
    data,
    label: {
      show: true,
      formatter: (p: { value?: unknown }) => formatPercent(Array.isArray(p.value) ? (p.value[2] as number) : null),
      fontSize: 11,
    },
    itemStyle: { borderColor: '#fff', borderWidth: 2 },
  };
  const extra = unscored > 0 ? t('chart.unscoredRecords', { n: unscored }) : '';
  const { description, caption } = describe(
    ctx,
    t('chart.level1Desc', { n: rows.length, m: cols.length }),
    [t('metric.level1Rate')],
    extra,
  );
  const option = {
    ...baseOption(description),
    grid: { left: 8, right: rows.length > VISIBLE_ROWS ? 36 : 12, top: 8, bottom: 48, containLabel: true },
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: unknown) => {
        const pt = points[asParams(p)[0]?.dataIndex ?? 0];
        if (!pt) return '';
        return tipHtml(recordLabel(pt.record, ctx), [
          { label: `${pt.s.level1} · ${t('metric.level1Rate')}`, value: formatPercent(pt.s.rate) },
          { label: t('col.weight'), value: formatScore(pt.s.weight) },
          { label: t('col.score'), value: formatScore(pt.s.score) },
        ]);
      },
    },
    xAxis: {
      type: 'category' as const,
      data: cols,
      position: 'top' as const,
      axisLabel: { interval: 0, width: 84, overflow: 'truncate' as const, rotate: cols.length > 7 ? 30 : 0 },
    },
    yAxis: {
      type: 'category' as const,
      data: axisLabels,
      inverse: true,
      axisLabel: { width: 170, overflow: 'truncate' as const, lineHeight: 14 },
    },
    visualMap: {
      type: 'piecewise' as const,
      orient: 'horizontal' as const,
      left: 'center',
      bottom: 0,
      itemWidth: 14,
      itemHeight: 10,
      pieces: [
        { min: 90, max: 1e9, label: '≥90%', color: '#5fb883' },
        { min: 80, max: 90 - 1e-9, label: '80%–90%', color: '#8db7e3' },
        { min: 60, max: 80 - 1e-9, label: '60%–80%', color: '#f0c45c' },
        { min: -1e9, max: 60 - 1e-9, label: '<60%', color: '#e07b6a' },
      ],
    },
    dataZoom: zoomFor('y', rows.length, VISIBLE_ROWS),
    series: [series],
  };
  const table = {
    columns: [t('col.record'), ...cols.map((c) => `${c}（${t('metric.level1Rate')}）`)],
    rows: rows.map((r, i) => [labels[i] ?? '', ...cols.map((c) => num(byKey.get(recordKey(r))?.get(c)?.rate ?? null))]),
    rowLinks: rows.map((r) => recordKey(r)),
  };
  return { option, table, empty: false, links: [points.map((p) => recordKey(p.record))], description, caption };
}

/** Points per series above which the scatter is drawn in ECharts' large mode. */
const LARGE_SCATTER = 2000;

/** The score line the quadrants split at: the lower bound of 优. */
export const SCORE_SPLIT = 90;

export function buildScoreExecution(records: readonly PerfRecord[], threshold: number, ctx: ChartContext): ChartModel {
  const { t } = ctx;
  const what = t('chart.scoreExecution');
  const usable = records.filter((r) => r.score !== null && recordRate(r) !== null);
  const missing = records.length - usable.length;
  if (usable.length === 0) return emptyModel(ctx, what);
  // Translated once: twenty thousand records would otherwise each ask the translator.
  const scopeName = { department: t('scope.department'), project: t('scope.project') };
  const groups = (['department', 'project'] as const)
    .map((scope) => ({ scope, name: scopeName[scope], rows: usable.filter((r) => r.scope === scope) }))
    .filter((g) => g.rows.length > 0);
  let rateLo = threshold;
  let rateHi = -Infinity;
  let scoreLo = Infinity;
  for (const r of usable) {
    const rate = recordRate(r) as number;
    rateLo = Math.min(rateLo, rate);
    rateHi = Math.max(rateHi, rate);
    scoreLo = Math.min(scoreLo, r.score as number);
  }
  const xMin = Math.max(0, Math.floor((rateLo - 5) / 5) * 5);
  const xMax = Math.max(105, Math.ceil((rateHi + 2) / 5) * 5);
  const yMin = Math.max(0, Math.min(50, Math.floor((scoreLo - 5) / 10) * 10));
  // Quadrant names sit in the outer corners, where points are least likely.
  const quadrant = (x0: number, x1: number, y0: number, y1: number, key: string, position: string) => [
    { xAxis: x0, yAxis: y0, name: t(key), label: { position } },
    { xAxis: x1, yAxis: y1 },
  ];
  const series: ScatterSeriesOption[] = groups.map((g, i) => ({
    type: 'scatter',
    name: g.name,
    symbol: g.scope === 'department' ? 'circle' : 'diamond',
    symbolSize: 13,
    data: g.rows.map((r) => [num(recordRate(r)) as number, num(r.score) as number]),
    // Thousands of points: drawn as one shape in one go (still hoverable), not point by point
    // over many frames.
    ...(g.rows.length > LARGE_SCATTER
      ? { large: true, largeThreshold: LARGE_SCATTER, progressive: 0, symbolSize: 6 }
      : {}),
    ...(i === 0
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed' as const, color: '#555' },
            label: { formatter: '{b}' },
            data: [
              { xAxis: threshold, name: formatPercent(threshold) },
              { yAxis: SCORE_SPLIT, name: t('chart.scoreSplit', { value: SCORE_SPLIT }) },
            ],
          },
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(0,0,0,0)' },
            label: { color: '#888', fontSize: 11 },
            data: [
              quadrant(threshold, xMax, SCORE_SPLIT, 100, 'chart.quadrant.highHigh', 'insideBottomRight'),
              quadrant(xMin, threshold, SCORE_SPLIT, 100, 'chart.quadrant.lowHigh', 'insideBottomLeft'),
              quadrant(threshold, xMax, yMin, SCORE_SPLIT, 'chart.quadrant.highLow', 'insideBottomRight'),
              quadrant(xMin, threshold, yMin, SCORE_SPLIT, 'chart.quadrant.lowLow', 'insideBottomLeft'),
            ] as never,
          },
        }
      : {}),
  }));
  const extra = missing > 0 ? t('chart.excludedRecords', { n: missing }) : '';
  const { description, caption } = describe(
    ctx,
    t('chart.scoreExecutionDesc', { n: usable.length, threshold: formatPercent(threshold), split: SCORE_SPLIT }),
    groups.map((g) => g.name),
    extra,
  );
  const option = {
    ...baseOption(description),
    legend: { ...LEGEND_BASE, data: groups.map((g) => g.name) },
    grid: { left: 8, right: 48, top: 40, bottom: 30, containLabel: true },
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: unknown) => {
        const q = asParams(p)[0];
        const r = groups[q?.seriesIndex ?? 0]?.rows[q?.dataIndex ?? 0];
        if (!r) return '';
        return tipHtml(recordLabel(r, ctx), [
          { color: q?.color, label: t('metric.executionRate'), value: formatPercent(recordRate(r)) },
          { label: t('metric.score'), value: `${formatScore(r.score)}${r.grade ? ` (${r.grade})` : ''}` },
        ]);
      },
    },
    xAxis: {
      type: 'value' as const,
      name: t('metric.executionRate'),
      nameLocation: 'middle' as const,
      nameGap: 24,
      min: xMin,
      max: xMax,
      axisLabel: { formatter: (v: number) => `${v}%` },
    },
    yAxis: { type: 'value' as const, name: t('metric.score'), min: yMin, max: 100 },
    series,
  };
  const table = {
    columns: [t('col.record'), t('col.scope'), t('metric.executionRate'), t('metric.score'), t('field.grade')],
    rows: usable.map((r) => [
      recordLabel(r, ctx),
      scopeName[r.scope],
      num(recordRate(r)),
      num(r.score),
      r.grade ?? null,
    ]),
    rowLinks: usable.map((r) => recordKey(r)),
  };
  return {
    option,
    table,
    empty: false,
    links: groups.map((g) => g.rows.map((r) => recordKey(r))),
    description,
    caption,
  };
}
