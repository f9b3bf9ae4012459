// One record's money lines: where the money came from and what it was spent on, budget against
// contract and expenditure.
import type { BarSeriesOption } from 'echarts/charts';
import { unitWord, withUnit } from '@/i18n/format';
import type { FundLine } from '@/domain/types';
import {
  amountAxis,
  asParams,
  baseOption,
  describe,
  emptyModel,
  LEGEND_BASE,
  LEGEND_SPACE,
  num,
  tipHtml,
  valuesSentence,
  wrappedLabel,
  zoomFor,
  type ChartContext,
  type ChartModel,
} from './common';

export function buildFundLines(funds: readonly FundLine[], ctx: ChartContext): ChartModel {
  const { t } = ctx;
  const what = t('chart.funds');
  if (funds.length === 0) return emptyModel(ctx, what);
  // Sources first, then spending lines, each in file order.
  const rows = [...funds.filter((f) => f.category === 'source'), ...funds.filter((f) => f.category === 'line_item')];
  const labels = rows.map((f) => `${t(`category.${f.category}`)} · ${f.item}`);
  const specs = [
    { name: t('fund.budget'), pick: (f: FundLine) => f.budget },
    { name: t('fund.contract'), pick: (f: FundLine) => f.contract },
    { name: t('fund.expenditure'), pick: (f: FundLine) => f.expenditure },
  ].filter((s) => rows.some((f) => s.pick(f) !== null));
  const axis = amountAxis(
    specs.flatMap((s) => rows.map((f) => s.pick(f))),
    ctx,
  );
  const series: BarSeriesOption[] = specs.map((s) => ({
    type: 'bar',
    name: s.name,
    data: rows.map((f) => axis.scale(s.pick(f))),
    barMaxWidth: 14,
  }));
  const first = specs[0];
  const items = first
    ? rows.flatMap((f, i) => {
        const v = first.pick(f);
        return v === null ? [] : [{ label: `${labels[i]} ${first.name}`, value: v, text: axis.text(v) }];
      })
    : [];
  const { description, caption } = describe(
    ctx,
    t('chart.fundsDesc', { n: rows.length }),
    specs.map((s) => s.name),
    '',
    valuesSentence(ctx, items),
  );
  const option = {
    ...baseOption(description),
    legend: { ...LEGEND_BASE, data: specs.map((s) => s.name) },
    grid: { left: 8, right: 24, top: 28, bottom: LEGEND_SPACE + 8, containLabel: true },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      formatter: (p: unknown) => {
        const ps = asParams(p);
        const f = rows[ps[0]?.dataIndex ?? 0];
        if (!f) return '';
        return tipHtml(
          labels[ps[0]?.dataIndex ?? 0] ?? '',
          specs.map((s, i) => ({
            color: ps.find((q) => q.seriesIndex === i)?.color,
            label: s.name,
            value: axis.text(s.pick(f)),
          })),
        );
      },
    },
    xAxis: { type: 'value' as const, name: axis.name, axisLabel: axis.axisLabel },
    yAxis: { type: 'category' as const, data: labels, inverse: true, axisLabel: wrappedLabel(200) },
    dataZoom: zoomFor('y', rows.length, 14),
    series,
  };
  const table = {
    columns: [
      t('fund.category'),
      t('fund.item'),
      ...specs.map((s) => withUnit(s.name, unitWord('wan', ctx.lang), ctx.lang)),
    ],
    rows: rows.map((f) => [t(`category.${f.category}`), f.item, ...specs.map((s) => num(s.pick(f)))]),
    units: [null, null, ...specs.map(() => 'amount' as const)],
  };
  return { option, table, empty: false, links: [], description, caption };
}
