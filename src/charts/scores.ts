// Level-1 indicator score rates per record (heatmap), and score against execution rate (scatter
// with quadrants).
import type { HeatmapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { recordRate, type Level1Summary } from '@/domain/aggregate';
import { dimensionOrder, dimensionScores, type DimensionScore } from '@/domain/dimensions';
import { formatPercent, formatScore, withUnit } from '@/i18n/format';
import { recordKey } from '@/domain/keys';
import type { PerfRecord } from '@/domain/types';
import {
  asParams,
  baseOption,
  describe,
  emptyModel,
  FIXED_GRID,
  gradeWord,
  LEGEND_BASE,
  LEGEND_SPACE,
  num,
  recordAxisLabel,
  recordLabel,
  roundAxis,
  tipHtml,
  valuesSentence,
  wrappedLabel,
  zoomFor,
  type ChartContext,
  type ChartModel,
  type ValueItem,
} from './common';
import { disputedNote, hollow, isDisputed } from './disputed';
import { heatmapWindow } from './rowWindow';

const VISIBLE_ROWS = 12;

/** A dimension column's heading: the standard dimension's name, or the level-1 name that maps to none. */
export function dimensionLabel(key: string, ctx: ChartContext): string {
  return key.startsWith('level1:') ? key.slice('level1:'.length) : ctx.t(`dimension.${key}`);
}

/**
 * Level-1 score rates per record, by standard dimension (dimensions.ts): records scored under
 * different frameworks (产出 / 项目产出 / 产出指标) line up in one column, and the tooltip and the
 * data table name the level-1 indicator as the record's framework writes it.
 */
export function buildLevel1Rates(
  records: readonly PerfRecord[],
  summaries: readonly Level1Summary[],
  ctx: ChartContext,
): ChartModel {
  const { t } = ctx;
  const what = t('chart.level1Rates');
  const keys = new Set(records.map((r) => recordKey(r)));
  const perRecord = new Map<string, Level1Summary[]>();
  for (const s of summaries) {
    if (!keys.has(s.recordKey)) continue;
    const list = perRecord.get(s.recordKey);
    if (list) list.push(s);
    else perRecord.set(s.recordKey, [s]);
  }
  const byKey = new Map<string, Map<string, DimensionScore>>();
  for (const [k, list] of perRecord) {
    const dims = dimensionScores(list).filter((d) => d.rate !== null);
    if (dims.length > 0) byKey.set(k, new Map(dims.map((d) => [d.key, d])));
  }
  const rows = records.filter((r) => byKey.has(recordKey(r)));
  const unscored = records.length - rows.length;
  if (rows.length === 0) return emptyModel(ctx, what);
  const cols = dimensionOrder([...byKey.values()].flatMap((m) => [...m.keys()]));
  const colLabels = cols.map((c) => dimensionLabel(c, ctx));
  const labels = rows.map((r) => recordLabel(r, ctx));
  const axisLabels = rows.map((r) => recordAxisLabel(r, ctx));
  const data: Array<[number, number, number]> = [];
  const points: Array<{ record: PerfRecord; d: DimensionScore; col: number }> = [];
  const items: ValueItem[] = [];
  rows.forEach((r, yi) => {
    const m = byKey.get(recordKey(r));
    cols.forEach((c, xi) => {
      const d = m?.get(c);
      if (d && d.rate !== null) {
        // The rate itself, coloured by its band; the label writes it to two decimals.
        data.push([xi, yi, d.rate]);
        points.push({ record: r, d, col: xi });
        items.push({ label: `${labels[yi]} ${colLabels[xi]}`, value: d.rate, text: formatPercent(d.rate, ctx.lang) });
      }
    });
  });
  const series: HeatmapSeriesOption = {
    type: 'heatmap',
    name: t('metric.level1Rate'),
    data,
    label: {
      show: true,
      formatter: (p: { value?: unknown }) =>
        formatPercent(Array.isArray(p.value) ? (p.value[2] as number) : null, ctx.lang),
      fontSize: 11,
    },
    itemStyle: { borderColor: '#fff', borderWidth: 2 },
  };
  const extra = [
    unscored > 0 ? t('chart.unscoredRecords', { n: unscored }) : '',
    rows.length > VISIBLE_ROWS ? t('chart.recordRowsShown', { shown: VISIBLE_ROWS, total: rows.length }) : '',
  ].join('');
  const { description, caption } = describe(
    ctx,
    t('chart.level1Desc', { n: rows.length, m: cols.length }),
    [t('metric.level1Rate')],
    extra,
    valuesSentence(ctx, items),
  );
  const option = {
    ...baseOption(description),
    grid: { ...FIXED_GRID, left: 192, right: rows.length > VISIBLE_ROWS ? 36 : 12, top: 40, bottom: 48 },
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: unknown) => {
        const pt = points[asParams(p)[0]?.dataIndex ?? 0];
        if (!pt) return '';
        const original = pt.d.originals.join(ctx.lang === 'zh-CN' ? '、' : ', ');
        return tipHtml(
          recordLabel(pt.record, ctx),
          [
            { label: `${colLabels[pt.col]} · ${t('metric.level1Rate')}`, value: formatPercent(pt.d.rate, ctx.lang) },
            { label: t('col.weight'), value: formatScore(pt.d.weight, ctx.lang) },
            { label: t('col.score'), value: formatScore(pt.d.score, ctx.lang) },
          ],
          t('chart.originalName', { name: original }),
        );
      },
    },
    xAxis: {
      type: 'category' as const,
      data: colLabels,
      position: 'top' as const,
      axisLabel: wrappedLabel(72),
    },
    yAxis: {
      type: 'category' as const,
      data: axisLabels,
      inverse: true,
      axisLabel: wrappedLabel(180),
    },
    visualMap: {
      type: 'piecewise' as const,
      orient: 'horizontal' as const,
      left: 'center',
      bottom: 0,
      itemWidth: 14,
      itemHeight: 10,
      pieces: [
        { gte: 90, label: '≥90%', color: '#5fb883' },
        { gte: 80, lt: 90, label: '80%–90%', color: '#8db7e3' },
        { gte: 60, lt: 80, label: '60%–80%', color: '#f0c45c' },
        { lt: 60, label: '<60%', color: '#e07b6a' },
      ],
    },
    dataZoom: zoomFor('y', rows.length, VISIBLE_ROWS),
    series: [series],
  };
  const table = {
    columns: [t('col.record'), ...colLabels.map((c) => withUnit(c, '%', ctx.lang))],
    rows: rows.map((r, i) => [labels[i] ?? '', ...cols.map((c) => num(byKey.get(recordKey(r))?.get(c)?.rate ?? null))]),
    rowLinks: rows.map((r) => recordKey(r)),
    units: [null, ...cols.map(() => 'percent' as const)],
  };
  const rowWindow = heatmapWindow(data, rows.length, VISIBLE_ROWS);
  return {
    option,
    table,
    empty: false,
    links: [points.map((p) => recordKey(p.record))],
    description,
    caption,
    rowWindow,
  };
}

/** Points per series above which the scatter is drawn in ECharts' large mode. */
const LARGE_SCATTER = 2000;

/** The figures a score–execution point stands for (the rate rests on expenditure and budget). */
const SCATTER_FIELDS = ['execution_rate', 'score', 'expenditure', 'budget'] as const;

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
  // Ticks on round numbers from the first (not 35%, 40%, 50%…), the threshold on one of them when it is round.
  const xAxisRange = roundAxis(Math.max(0, rateLo - 3), Math.max(105, rateHi + 2));
  const xMin = Math.max(0, xAxisRange.min);
  const xMax = xAxisRange.max;
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
    // A disputed rate or score: a hollow point (its tooltip says what else the report states).
    data: g.rows.map((r) => {
      const value: [number, number] = [num(recordRate(r)) as number, num(r.score) as number];
      const symbol = g.scope === 'department' ? 'circle' : 'diamond';
      return isDisputed(r, SCATTER_FIELDS) ? { value, symbol: hollow(symbol), symbolSize: 15 } : value;
    }),
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
  const items = usable.map((r) => ({
    label: recordLabel(r, ctx),
    value: r.score as number,
    text: t('chart.scoreAndRate', {
      score: formatScore(r.score, ctx.lang),
      rate: formatPercent(recordRate(r), ctx.lang),
    }),
  }));
  const extra = missing > 0 ? t('chart.excludedRecords', { n: missing }) : '';
  const { description, caption } = describe(
    ctx,
    t('chart.scoreExecutionDesc', { n: usable.length, threshold: formatPercent(threshold), split: SCORE_SPLIT }),
    groups.map((g) => g.name),
    extra,
    valuesSentence(ctx, items),
  );
  const option = {
    ...baseOption(description),
    legend: { ...LEGEND_BASE, data: groups.map((g) => g.name) },
    grid: { left: 8, right: 48, top: 40, bottom: 30 + LEGEND_SPACE, containLabel: true },
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: unknown) => {
        const q = asParams(p)[0];
        const r = groups[q?.seriesIndex ?? 0]?.rows[q?.dataIndex ?? 0];
        if (!r) return '';
        return tipHtml(
          recordLabel(r, ctx),
          [
            { color: q?.color, label: t('metric.executionRate'), value: formatPercent(recordRate(r), ctx.lang) },
            {
              label: t('metric.score'),
              value: `${formatScore(r.score, ctx.lang)}${r.grade ? ` (${gradeWord(r.grade, ctx)})` : ''}`,
            },
          ],
          disputedNote(r, SCATTER_FIELDS, ctx) || undefined,
        );
      },
    },
    xAxis: {
      type: 'value' as const,
      name: t('metric.executionRate'),
      nameLocation: 'middle' as const,
      nameGap: 24,
      min: xMin,
      max: xMax,
      interval: xAxisRange.interval,
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
      r.grade ? gradeWord(r.grade, ctx) : null,
    ]),
    rowLinks: usable.map((r) => recordKey(r)),
    units: [null, null, 'percent' as const, 'score' as const, null],
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
