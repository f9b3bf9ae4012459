// Carryover amounts per agency and year, as grouped bars; a year without the figure is a gap.
import type { BarSeriesOption } from 'echarts/charts';
import type { AgencyYearTable } from '@/domain/aggregate';
import { fixed2, unitWord, withUnit, yearSpanText } from '@/i18n/format';
import { recordKey } from '@/domain/keys';
import {
  amountAxis,
  asParams,
  baseOption,
  colorOf,
  describe,
  emptyModel,
  HIDE_OVERLAP,
  LEGEND_BASE,
  LEGEND_SPACE,
  MANY_SERIES,
  num,
  shortName,
  tipHtml,
  valuesSentence,
  type ChartContext,
  type ChartModel,
} from './common';

export function buildCarryoverAmount(
  table: AgencyYearTable,
  years: readonly number[],
  agencies: readonly string[],
  ctx: ChartContext,
): ChartModel {
  const { t } = ctx;
  const what = t('chart.carryoverAmount');
  const rows = agencies
    .map((a) => ({ agency: a, name: shortName(a), cells: years.map((y) => table.get(a)?.get(y) ?? null) }))
    .filter((r) => r.cells.some((c) => c?.carryover != null));
  if (rows.length === 0 || years.length === 0) return emptyModel(ctx, what);
  const axis = amountAxis(
    rows.flatMap((r) => r.cells.map((c) => c?.carryover ?? null)),
    ctx,
  );
  const series: BarSeriesOption[] = rows.map((r) => ({
    type: 'bar',
    name: r.name,
    color: colorOf(ctx, r.agency),
    data: r.cells.map((c) => (c ? axis.scale(c.carryover) : null)),
    barMaxWidth: 28,
    label: {
      show: rows.length <= 4,
      position: 'top',
      // A figure, in the axis's unit, with two decimals (the axis ticks may stay short).
      formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? fixed2(p.value, ctx.lang) : ''),
    },
    labelLayout: HIDE_OVERLAP,
  }));
  const items = rows.flatMap((r) => {
    const x = r.cells.findLastIndex((c) => c?.carryover != null);
    const v = r.cells[x]?.carryover ?? null;
    return v === null ? [] : [{ label: `${r.name} ${years[x]}`, value: v, text: axis.text(v) }];
  });
  const { description, caption } = describe(
    ctx,
    t('chart.carryoverDesc', { years: yearSpanText(years[0], years.at(-1)), unit: axis.name }),
    rows.map((r) => r.name),
    '',
    valuesSentence(ctx, items),
  );
  const option = {
    ...baseOption(description),
    // As on the trend charts: above MANY_SERIES agencies a legend of repeating colours tells nothing.
    legend: rows.length > MANY_SERIES ? { show: false } : { ...LEGEND_BASE, data: rows.map((r) => r.name) },
    grid: { left: 8, right: 16, top: 32, bottom: rows.length > MANY_SERIES ? 8 : LEGEND_SPACE + 8, containLabel: true },
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
              value: axis.text(row?.cells[yi]?.carryover ?? null),
            };
          }),
        );
      },
    },
    xAxis: { type: 'category' as const, data: years.map(String) },
    yAxis: { type: 'value' as const, name: axis.name, axisLabel: axis.axisLabel },
    series,
  };
  const tableOut = {
    columns: [t('col.agency'), ...years.map((y) => withUnit(String(y), unitWord('wan', ctx.lang), ctx.lang))],
    rows: rows.map((r) => [r.name, ...r.cells.map((c) => (c ? num(c.carryover) : null))]),
    cellLinks: rows.map((r) => [
      null,
      ...r.cells.map((c) => (c?.carryover != null && c.records[0] ? recordKey(c.records[0]) : null)),
    ]),
    units: [null, ...years.map(() => 'amount' as const)],
  };
  const links = rows.map((r) => r.cells.map((c) => (c?.records[0] ? recordKey(c.records[0]) : null)));
  return { option, table: tableOut, empty: false, links, description, caption };
}
