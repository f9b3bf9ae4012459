// Bar charts with one category per record (agency-year, or agency-year-project): budget against
// expenditure, basic against project spending, initial against adjusted budget.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { recordRate } from '@/domain/aggregate';
import { formatPercent, unitWord, withUnit } from '@/i18n/format';
import { recordKey } from '@/domain/keys';
import type { PerfRecord } from '@/domain/types';
import {
  amountAxis,
  asParams,
  baseOption,
  describe,
  emptyModel,
  FIXED_GRID,
  HIDE_OVERLAP,
  LABEL_BACKING,
  LEGEND_BASE,
  LEGEND_SPACE,
  num,
  recordAxisLabel,
  recordLabel,
  tipHtml,
  valuesSentence,
  withLazyParts,
  wrappedLabel,
  zoomFor,
  type ChartContext,
  type ChartModel,
  type TipLine,
} from './common';
import { disputedNote, hollow, isDisputed } from './disputed';

/** Records side by side as vertical bars up to this many; more are laid out as horizontal bars. */
const VERTICAL_MAX = 6;
/** Rows of horizontal bars shown at once before the chart scrolls. */
const VISIBLE_ROWS = 10;
/** Height of one record's row of horizontal bars (two-line label), in pixels. */
const ROW_HEIGHT = 56;
/** Width of a record's name beside its horizontal bars. */
const LABEL_WIDTH = 230;

interface BarSpec {
  name: string;
  pick: (r: PerfRecord) => number | null;
  /** The record's fields the value is (or rests on): a disputed one draws its point hollow and notes it. */
  fields: readonly string[];
  stack?: string;
  /** Percent series drawn as points on their own axis. */
  percent?: boolean;
}

function buildRecordBars(
  records: readonly PerfRecord[],
  specs: readonly BarSpec[],
  what: string,
  ctx: ChartContext,
  extraTip?: (r: PerfRecord) => TipLine[],
): ChartModel {
  const { t } = ctx;
  const rows = records.filter((r) => specs.some((s) => s.pick(r) !== null));
  if (rows.length === 0) return emptyModel(ctx, what);
  const axisLabels = rows.map((r) => recordAxisLabel(r, ctx));
  const hasPercent = specs.some((s) => s.percent);
  const amounts = amountAxis(
    specs.filter((s) => !s.percent).flatMap((s) => rows.map((r) => s.pick(r))),
    ctx,
  );
  // Many records: horizontal bars, one row each, so every label (agency, year, project) is read
  // whole instead of tilted and cut.
  const horizontal = rows.length > VERTICAL_MAX;
  const valueIndex = horizontal ? 'xAxisIndex' : 'yAxisIndex';
  // Ids by position: a redraw updates the series ECharts holds instead of building new ones.
  const series: Array<BarSeriesOption | LineSeriesOption> = specs.map((s, i) =>
    s.percent
      ? {
          type: 'line',
          id: `line-${i}`,
          name: s.name,
          [valueIndex]: 1,
          data: rows.map((r) =>
            isDisputed(r, s.fields)
              ? { value: num(s.pick(r)), symbol: hollow('diamond'), symbolSize: 13 }
              : num(s.pick(r)),
          ),
          lineStyle: { width: 0 },
          symbol: 'diamond',
          symbolSize: 11,
          showSymbol: true,
          connectNulls: false,
          label: {
            show: true,
            position: horizontal ? 'right' : 'top',
            // A rate's point often falls on a bar: a backing keeps its figure readable there.
            ...LABEL_BACKING,
            formatter: (p: { value?: unknown }) =>
              formatPercent(typeof p.value === 'number' ? p.value : null, ctx.lang),
          },
          labelLayout: HIDE_OVERLAP,
        }
      : {
          type: 'bar',
          id: `bar-${i}`,
          name: s.name,
          stack: s.stack,
          data: rows.map((r) => amounts.scale(s.pick(r))),
          barMaxWidth: horizontal ? 14 : 28,
        },
  );
  const rateSpec = specs.find((s) => s.percent);
  // Written only for the values the sentence names (valuesSentence's format): hundreds of records
  // formatted on every filter change for three of them is most of this builder's time.
  const valueSpec = rateSpec ?? specs[0];
  const items = valueSpec
    ? rows.flatMap((r) => {
        const v = valueSpec.pick(r);
        return v === null ? [] : [{ label: recordLabel(r, ctx), value: v }];
      })
    : [];
  const valueText = rateSpec ? (v: number) => formatPercent(v, ctx.lang) : (v: number) => amounts.text(v);
  const { description, caption } = describe(
    ctx,
    what + t('chart.recordsN', { n: rows.length }),
    specs.map((s) => s.name),
    [
      horizontal && rows.length > VISIBLE_ROWS
        ? t('chart.recordRowsShown', { shown: VISIBLE_ROWS, total: rows.length })
        : '',
    ].join(''),
    valuesSentence(ctx, items, valueText),
  );
  const categoryAxis = {
    type: 'category' as const,
    data: axisLabels,
    ...(horizontal ? { inverse: true } : {}),
    axisLabel: wrappedLabel(horizontal ? LABEL_WIDTH : rows.length > 3 ? 110 : 160),
  };
  // Horizontal: the unit under the middle of the axis, and no name on the percent axis (its ticks
  // say %): at the axes' ends both would fall on the scroll bar.
  const amountAxisOption = {
    type: 'value' as const,
    name: amounts.name,
    axisLabel: amounts.axisLabel,
    ...(horizontal ? { nameLocation: 'middle' as const, nameGap: 26, position: 'bottom' as const } : {}),
  };
  const percentAxis = {
    type: 'value' as const,
    ...(horizontal ? {} : { name: '%' }),
    splitLine: { show: false },
    axisLabel: { formatter: (v: number) => `${v}%` },
    ...(horizontal ? { position: 'top' as const } : {}),
  };
  const valueAxes = [amountAxisOption, ...(hasPercent ? [percentAxis] : [])];
  const option = {
    ...baseOption(description),
    legend: { ...LEGEND_BASE, data: specs.map((s) => s.name) },
    // Horizontal: a fixed margin for the record names (measuring each on every redraw is slow).
    grid: horizontal
      ? {
          ...FIXED_GRID,
          left: LABEL_WIDTH + 12,
          // Room for a rate's figure right of its point, and past it for the scroll bar.
          right: rows.length > VISIBLE_ROWS ? 88 : 64,
          top: 36,
          bottom: LEGEND_SPACE + 52,
        }
      : { left: 8, right: 24, top: 36, bottom: LEGEND_SPACE + 8, containLabel: true },
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
          value: s.percent ? formatPercent(s.pick(r), ctx.lang) : amounts.text(s.pick(r)),
        }));
        const note = disputedNote(
          r,
          specs.flatMap((s) => s.fields),
          ctx,
        );
        return tipHtml(recordLabel(r, ctx), [...lines, ...(extraTip ? extraTip(r) : [])], note || undefined);
      },
    },
    xAxis: horizontal ? valueAxes : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxes,
    dataZoom: horizontal ? zoomFor('y', rows.length, VISIBLE_ROWS) : [],
    series,
  };
  const keys = (): string[] => rows.map((r) => recordKey(r));
  const table = () => ({
    columns: [
      t('col.record'),
      ...specs.map((s) => withUnit(s.name, s.percent ? '%' : unitWord('wan', ctx.lang), ctx.lang)),
    ],
    rows: rows.map((r) => [recordLabel(r, ctx), ...specs.map((s) => num(s.pick(r)))]),
    rowLinks: keys(),
    units: [null, ...specs.map((s) => (s.percent ? ('percent' as const) : ('amount' as const)))],
  });
  const links = () => {
    const k = keys();
    return specs.map(() => k);
  };
  const height = horizontal ? Math.min(rows.length, VISIBLE_ROWS) * ROW_HEIGHT + 110 : 340;
  return withLazyParts({ option, empty: false, description, caption, height }, table, links, true);
}

export function buildBudgetExpenditure(records: readonly PerfRecord[], ctx: ChartContext): ChartModel {
  const { t } = ctx;
  return buildRecordBars(
    records,
    [
      { name: t('field.budget'), pick: (r) => r.budget, fields: ['budget'] },
      { name: t('field.expenditure'), pick: (r) => r.expenditure, fields: ['expenditure'] },
      {
        name: t('field.execution_rate'),
        pick: recordRate,
        fields: ['execution_rate', 'expenditure', 'budget'],
        percent: true,
      },
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
      { name: t('field.budget_basic'), pick: (r) => r.budget_basic, fields: ['budget_basic'], stack: 'budget' },
      { name: t('field.budget_project'), pick: (r) => r.budget_project, fields: ['budget_project'], stack: 'budget' },
      {
        name: t('field.expenditure_basic'),
        pick: (r) => r.expenditure_basic,
        fields: ['expenditure_basic'],
        stack: 'expenditure',
      },
      {
        name: t('field.expenditure_project'),
        pick: (r) => r.expenditure_project,
        fields: ['expenditure_project'],
        stack: 'expenditure',
      },
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
      { name: t('field.budget_initial'), pick: (r) => r.budget_initial, fields: ['budget_initial'] },
      { name: t('field.budget'), pick: (r) => r.budget, fields: ['budget'] },
      {
        name: t('field.budget_final_diff_rate'),
        pick: (r) => r.budget_final_diff_rate,
        fields: ['budget_final_diff_rate'],
        percent: true,
      },
    ],
    t('chart.initialAdjusted'),
    ctx,
  );
}
