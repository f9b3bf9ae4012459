// Bar charts with one category per record (agency-year, or agency-year-project): budget against
// expenditure, basic against project spending, initial against adjusted budget.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { recordRate } from '@/domain/aggregate';
import { formatAmount, formatAxisAmount, formatPercent } from '@/domain/format';
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
  withLazyParts,
  zoomFor,
  type ChartContext,
  type ChartModel,
  type TipLine,
} from './common';

/** Categories shown at once before the chart scrolls. */
const VISIBLE = 10;

interface BarSpec {
  name: string;
  pick: (r: PerfRecord) => number | null;
  stack?: string;
  /** Percent series drawn as points on the right axis. */
  percent?: boolean;
}

function buildRecordBars(
  records: readonly PerfRecord[],
  specs: readonly BarSpec[],
  what: string,
  ctx: ChartContext,
  extraTip?: (r: PerfRecord) => TipLine[],
): ChartModel {
  const { t, lang } = ctx;
  const rows = records.filter((r) => specs.some((s) => s.pick(r) !== null));
  if (rows.length === 0) return emptyModel(ctx, what);
  const axisLabels = rows.map((r) => recordAxisLabel(r, ctx));
  const hasPercent = specs.some((s) => s.percent);
  // Ids by position: a redraw updates the series ECharts holds instead of building new ones.
  const series: Array<BarSeriesOption | LineSeriesOption> = specs.map((s, i) =>
    s.percent
      ? {
          type: 'line',
          id: `line-${i}`,
          name: s.name,
          yAxisIndex: 1,
          data: rows.map((r) => num(s.pick(r))),
          lineStyle: { width: 0 },
          symbol: 'diamond',
          symbolSize: 11,
          showSymbol: true,
          connectNulls: false,
          label: {
            show: true,
            position: 'top',
            formatter: (p: { value?: unknown }) => formatPercent(typeof p.value === 'number' ? p.value : null),
          },
        }
      : {
          type: 'bar',
          id: `bar-${i}`,
          name: s.name,
          stack: s.stack,
          data: rows.map((r) => num(s.pick(r))),
          barMaxWidth: 28,
        },
  );
  const { description, caption } = describe(
    ctx,
    what + t('chart.recordsN', { n: rows.length }),
    specs.map((s) => s.name),
  );
  const option = {
    ...baseOption(description),
    legend: { ...LEGEND_BASE, data: specs.map((s) => s.name) },
    grid: { left: 8, right: 16, top: 40, bottom: rows.length > VISIBLE ? 40 : 8, containLabel: true },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      formatter: (p: unknown) => {
        const ps = asParams(p);
        const r = rows[ps[0]?.dataIndex ?? 0];
        if (!r) return '';
        const lines: TipLine[] = specs.map((s, i) => ({
          color: ps.find((q) => q.seriesIndex === i)?.color,
          label: s.name,
          value: s.percent ? formatPercent(s.pick(r)) : formatAmount(s.pick(r), lang),
        }));
        return tipHtml(recordLabel(r, ctx), [...lines, ...(extraTip ? extraTip(r) : [])]);
      },
    },
    xAxis: {
      type: 'category' as const,
      data: axisLabels,
      // Two-line labels side by side while they fit; tilted when many records share the axis.
      axisLabel: {
        width: rows.length > 5 ? 100 : rows.length > 3 ? 84 : 150,
        rotate: rows.length > 5 ? 30 : 0,
        overflow: 'truncate' as const,
        interval: 0,
        lineHeight: 14,
      },
    },
    yAxis: [
      {
        type: 'value' as const,
        name: t('unit.wan'),
        axisLabel: { formatter: (v: number) => formatAxisAmount(v, lang) },
      },
      ...(hasPercent
        ? [
            {
              type: 'value' as const,
              name: '%',
              splitLine: { show: false },
              axisLabel: { formatter: (v: number) => `${v}%` },
            },
          ]
        : []),
    ],
    dataZoom: zoomFor('x', rows.length, VISIBLE),
    series,
  };
  const keys = (): string[] => rows.map((r) => recordKey(r));
  const table = () => ({
    columns: [t('col.record'), ...specs.map((s) => (s.percent ? s.name : `${s.name}（${t('unit.wan')}）`))],
    rows: rows.map((r) => [recordLabel(r, ctx), ...specs.map((s) => num(s.pick(r)))]),
    rowLinks: keys(),
  });
  const links = () => {
    const k = keys();
    return specs.map(() => k);
  };
  return withLazyParts({ option, empty: false, description, caption }, table, links, true);
}

export function buildBudgetExpenditure(records: readonly PerfRecord[], ctx: ChartContext): ChartModel {
  const { t } = ctx;
  return buildRecordBars(
    records,
    [
      { name: t('field.budget'), pick: (r) => r.budget },
      { name: t('field.expenditure'), pick: (r) => r.expenditure },
      { name: t('field.execution_rate'), pick: recordRate, percent: true },
    ],
    t('chart.budgetExpenditure'),
    ctx,
  );
}

export function buildBasicProject(records: readonly PerfRecord[], ctx: ChartContext): ChartModel {
  const { t } = ctx;
  const dept = records.filter((r) => r.scope === 'department');
  return buildRecordBars(
    dept,
    [
      { name: t('field.budget_basic'), pick: (r) => r.budget_basic, stack: 'budget' },
      { name: t('field.budget_project'), pick: (r) => r.budget_project, stack: 'budget' },
      { name: t('field.expenditure_basic'), pick: (r) => r.expenditure_basic, stack: 'expenditure' },
      { name: t('field.expenditure_project'), pick: (r) => r.expenditure_project, stack: 'expenditure' },
    ],
    t('chart.basicProject'),
    ctx,
  );
}

export function buildInitialAdjusted(records: readonly PerfRecord[], ctx: ChartContext): ChartModel {
  const { t } = ctx;
  return buildRecordBars(
    records,
    [
      { name: t('field.budget_initial'), pick: (r) => r.budget_initial },
      { name: t('field.budget'), pick: (r) => r.budget },
      { name: t('field.budget_final_diff_rate'), pick: (r) => r.budget_final_diff_rate, percent: true },
    ],
    t('chart.initialAdjusted'),
    ctx,
  );
}
