// Two to four records side by side: execution rate and the score rate of each standard dimension
// (dimensions.ts: 产出 and 项目产出 in one column) in one bar chart, and every figure in one table.
import type { BarSeriesOption } from 'echarts/charts';
import { recordRate, type Level1Summary } from '@/domain/aggregate';
import { dimensionOrder, dimensionScores, type DimensionScore } from '@/domain/dimensions';
import { recordKey } from '@/domain/keys';
import type { PerfRecord } from '@/domain/types';
import { bracketed, formatPercent, withUnit } from '@/i18n/format';
import {
  asParams,
  baseOption,
  colorOf,
  describe,
  emptyModel,
  HIDE_OVERLAP,
  LEGEND_BASE,
  LEGEND_SPACE,
  num,
  PALETTE,
  recordLabel,
  tipHtml,
  valuesSentence,
  wrappedLabel,
  type ChartContext,
  type ChartModel,
} from './common';
import { figureRows } from './figures';
import { dimensionLabel } from './scores';

const EXECUTION = 'executionRate';

/** Each record's dimension scores, and the columns they share (execution rate first). */
function compareColumns(records: readonly PerfRecord[], summaries: readonly Level1Summary[]) {
  const keys = records.map((r) => recordKey(r));
  const byRecord = keys.map(
    (k) => new Map(dimensionScores(summaries.filter((s) => s.recordKey === k)).map((d) => [d.key, d])),
  );
  const cols = [EXECUTION, ...dimensionOrder(byRecord.flatMap((m) => [...m.keys()]))];
  return { keys, byRecord, cols };
}

/** One colour per record: its agency's, unless an earlier record of the same agency has it. */
function recordColors(records: readonly PerfRecord[], ctx: ChartContext): string[] {
  const used = new Set<string>();
  return records.map((r) => {
    let c = colorOf(ctx, r.agency);
    if (used.has(c)) c = PALETTE.find((p) => !used.has(p)) ?? c;
    used.add(c);
    return c;
  });
}

export function buildCompare(
  records: readonly PerfRecord[],
  summaries: readonly Level1Summary[],
  ctx: ChartContext,
): ChartModel {
  const { t } = ctx;
  const what = t('chart.compare');
  if (records.length === 0) return emptyModel(ctx, what);
  const { keys, byRecord, cols } = compareColumns(records, summaries);
  const cats = cols.map((c) => (c === EXECUTION ? t('metric.executionRate') : dimensionLabel(c, ctx)));
  const names = records.map((r) => recordLabel(r, ctx));
  const colors = recordColors(records, ctx);
  const cell = (i: number, ci: number): DimensionScore | undefined => byRecord[i]?.get(cols[ci] ?? '');
  const value = (i: number, ci: number): number | null =>
    ci === 0 ? recordRate(records[i]!) : (cell(i, ci)?.rate ?? null);
  const series: BarSeriesOption[] = records.map((_, i) => ({
    type: 'bar',
    name: names[i] ?? '',
    color: colors[i],
    // A record without the dimension has no bar there (null), not a zero bar.
    data: cats.map((_, ci) => num(value(i, ci))),
    barMaxWidth: 22,
    label: {
      show: records.length <= 3,
      position: 'top',
      fontSize: 10,
      formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? formatPercent(p.value, ctx.lang) : ''),
    },
    labelLayout: HIDE_OVERLAP,
  }));
  const items = records.flatMap((_, i) =>
    cats.flatMap((c, ci) => {
      const v = value(i, ci);
      return v === null ? [] : [{ label: `${names[i]} ${c}`, value: v, text: formatPercent(v, ctx.lang) }];
    }),
  );
  const { description, caption } = describe(
    ctx,
    t('chart.compareDesc', { n: records.length }),
    names,
    '',
    valuesSentence(ctx, items),
  );
  const option = {
    ...baseOption(description),
    legend: { ...LEGEND_BASE, data: names },
    grid: { left: 8, right: 16, top: 32, bottom: LEGEND_SPACE + 8, containLabel: true },
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
            const originals = ci === 0 ? '' : (cell(i, ci)?.originals.join('、') ?? '');
            return {
              color: q.color,
              label: `${names[i] ?? ''}${originals ? bracketed(originals, ctx.lang) : ''}`,
              value: formatPercent(value(i, ci), ctx.lang),
            };
          }),
        );
      },
    },
    xAxis: { type: 'category' as const, data: cats, axisLabel: wrappedLabel(80) },
    yAxis: {
      type: 'value' as const,
      min: 0,
      max: 120,
      interval: 20,
      name: '%',
      axisLabel: { formatter: (v: number) => `${v}%` },
    },
    series,
  };
  const table = {
    columns: [t('col.item'), ...names],
    rows: cats.map((c, ci) => [withUnit(c, '%', ctx.lang), ...records.map((_, i) => num(value(i, ci)))]),
    units: [null, ...records.map(() => 'percent' as const)],
  };
  return { option, table, empty: false, links: records.map((_, i) => cats.map(() => keys[i]!)), description, caption };
}

export interface CompareRow {
  label: string;
  /** One cell per record: its text, and whether it is a number (right-aligned). */
  cells: Array<{ text: string; numeric: boolean; note?: string; dataNote?: string }>;
}

/** Every figure of the records in one table, then the score rate of each dimension: rows are fields, columns records. */
export function compareTable(
  records: readonly PerfRecord[],
  summaries: readonly Level1Summary[],
  ctx: ChartContext,
): { columns: string[]; rows: CompareRow[] } {
  const perRecord = records.map((r) => figureRows(r, ctx));
  const first = perRecord[0] ?? [];
  const figures: CompareRow[] = first.map((f, i) => ({
    label: f.label,
    cells: perRecord.map((rows) => {
      const row = rows[i];
      return { text: row?.value ?? '', numeric: row?.numeric ?? false, ...(row?.derived ? { note: row.derived } : {}) };
    }),
  }));
  const { byRecord, cols } = compareColumns(records, summaries);
  const dims: CompareRow[] = cols.slice(1).map((c) => ({
    label: withUnit(dimensionLabel(c, ctx), ctx.t('metric.level1Rate'), ctx.lang),
    cells: records.map((_, i) => {
      const d = byRecord[i]?.get(c);
      return {
        text: formatPercent(d?.rate ?? null, ctx.lang),
        numeric: true,
        // The level-1 names as the record's framework writes them: data, not UI words.
        ...(d ? { dataNote: d.originals.join(ctx.lang === 'zh-CN' ? '、' : ', ') } : {}),
      };
    }),
  }));
  return { columns: [ctx.t('col.item'), ...records.map((r) => recordLabel(r, ctx))], rows: [...figures, ...dims] };
}
