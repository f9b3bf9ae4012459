// Carryover amounts per agency and year, as grouped bars; a year without the figure is a gap.
import type { BarSeriesOption } from 'echarts/charts';
import type { AgencyYearTable } from '@/domain/aggregate';
import { formatAmount, formatAxisAmount } from '@/domain/format';
import { recordKey } from '@/domain/keys';
import {
  asParams,
  baseOption,
  describe,
  emptyModel,
  LEGEND_BASE,
  MANY_SERIES,
  num,
  shortName,
  tipHtml,
  type ChartContext,
  type ChartModel,
} from './common';

export function buildCarryoverAmount(
  table: AgencyYearTable,
  years: readonly number[],
  agencies: readonly string[],
  ctx: ChartContext,
): ChartModel {
  const { t, lang } = ctx;
  const what = t('chart.carryoverAmount');
  const rows = agencies
    .map((a) => ({ agency: a, name: shortName(a), cells: years.map((y) => table.get(a)?.get(y) ?? null) }))
    .filter((r) => r.cells.some((c) => c?.carryover != null));
  if (rows.length === 0 || years.length === 0) return emptyModel(ctx, what);
  const series: BarSeriesOption[] = rows.map((r) => ({
    type: 'bar',
    name: r.name,
    data: r.cells.map((c) => (c ? num(c.carryover) : null)),
    barMaxWidth: 28,
    label: {
      show: rows.length <= 4,
      position: 'top',
      formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? formatAxisAmount(p.value, lang) : ''),
    },
  }));
  const { description, caption } = describe(
    ctx,
    t('chart.carryoverDesc', { from: years[0], to: years.at(-1) }),
    rows.map((r) => r.name),
  );
  const option = {
    ...baseOption(description),
    // As on the trend charts: above MANY_SERIES agencies a legend of repeating colours tells nothing.
    legend: rows.length > MANY_SERIES ? { show: false } : { ...LEGEND_BASE, data: rows.map((r) => r.name) },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      formatter: (p: unknown) => {
        const ps = asParams(p);
        const yi = ps[0]?.dataIndex ?? 0;
        return tipHtml(
          String(years[yi] ?? ''),
          ps.map((q) => {
            const row = rows[q.seriesIndex ?? 0];
            return {
              color: q.color,
              label: row?.name ?? '',
              value: formatAmount(row?.cells[yi]?.carryover ?? null, lang),
            };
          }),
        );
      },
    },
    xAxis: { type: 'category' as const, data: years.map(String) },
    yAxis: {
      type: 'value' as const,
      name: t('unit.wan'),
      axisLabel: { formatter: (v: number) => formatAxisAmount(v, lang) },
    },
    series,
  };
  const tableOut = {
    columns: [t('col.agency'), ...years.map((y) => `${y}（${t('unit.wan')}）`)],
    rows: rows.map((r) => [r.name, ...r.cells.map((c) => (c ? num(c.carryover) : null))]),
  };
  const links = rows.map((r) => r.cells.map((c) => (c?.records[0] ? recordKey(c.records[0]) : null)));
  return { option, table: tableOut, empty: false, links, description, caption };
}
