// Two to four records side by side: execution rate and level-1 score rates in one bar chart,
// and every figure in one table.
import type { BarSeriesOption } from 'echarts/charts';
import { recordRate, type Level1Summary } from '@/domain/aggregate';
import { formatPercent } from '@/domain/format';
import { recordKey } from '@/domain/keys';
import type { PerfRecord } from '@/domain/types';
import {
  asParams,
  baseOption,
  describe,
  emptyModel,
  LEGEND_BASE,
  num,
  recordLabel,
  tipHtml,
  type ChartContext,
  type ChartModel,
} from './common';
import { figureRows } from './figures';

export function buildCompare(
  records: readonly PerfRecord[],
  summaries: readonly Level1Summary[],
  ctx: ChartContext,
): ChartModel {
  const { t } = ctx;
  const what = t('chart.compare');
  if (records.length === 0) return emptyModel(ctx, what);
  const keys = records.map((r) => recordKey(r));
  const mine = summaries.filter((s) => keys.includes(s.recordKey));
  const level1 = [...new Set(mine.map((s) => s.level1))];
  const cats = [t('metric.executionRate'), ...level1];
  const names = records.map((r) => recordLabel(r, ctx));
  const value = (r: PerfRecord, k: string, ci: number): number | null =>
    ci === 0 ? recordRate(r) : (mine.find((s) => s.recordKey === k && s.level1 === cats[ci])?.rate ?? null);
  const series: BarSeriesOption[] = records.map((r, i) => ({
    type: 'bar',
    name: names[i] ?? '',
    // A record without the indicator has no bar there (null), not a zero bar.
    data: cats.map((_, ci) => num(value(r, keys[i]!, ci))),
    barMaxWidth: 22,
    label: {
      show: records.length <= 3,
      position: 'top',
      fontSize: 10,
      formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? `${Math.round(p.value)}%` : ''),
    },
  }));
  const { description, caption } = describe(ctx, t('chart.compareDesc', { n: records.length }), names);
  const option = {
    ...baseOption(description),
    legend: { ...LEGEND_BASE, data: names },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      formatter: (p: unknown) => {
        const ps = asParams(p);
        const ci = ps[0]?.dataIndex ?? 0;
        return tipHtml(
          cats[ci] ?? '',
          ps.map((q) => {
            const i = q.seriesIndex ?? 0;
            const r = records[i];
            return { color: q.color, label: names[i] ?? '', value: r ? formatPercent(value(r, keys[i]!, ci)) : '' };
          }),
        );
      },
    },
    xAxis: {
      type: 'category' as const,
      data: cats,
      axisLabel: { interval: 0, width: 90, overflow: 'truncate' as const, rotate: cats.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value' as const, min: 0, max: 110, name: '%', axisLabel: { formatter: (v: number) => `${v}%` } },
    series,
  };
  const table = {
    columns: [t('col.item'), ...names],
    rows: cats.map((c, ci) => [c, ...records.map((r, i) => num(value(r, keys[i]!, ci)))]),
  };
  return { option, table, empty: false, links: records.map((_, i) => cats.map(() => keys[i]!)), description, caption };
}

/** Every figure of the records in one table: rows are fields, columns records. */
export function compareTable(
  records: readonly PerfRecord[],
  ctx: ChartContext,
): { columns: string[]; rows: string[][] } {
  const perRecord = records.map((r) => figureRows(r, ctx));
  const first = perRecord[0] ?? [];
  return {
    columns: [ctx.t('col.item'), ...records.map((r) => recordLabel(r, ctx))],
    rows: first.map((f, i) => [f.label, ...perRecord.map((rows) => rows[i]?.value ?? '')]),
  };
}
