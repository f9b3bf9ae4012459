// Shared pieces of the option builders: the model every builder returns, escaping for tooltips
// (ECharts renders tooltip strings as HTML), the base option (no animation, aria description)
// and helpers for long category axes.
import type { ComposeOption } from 'echarts/core';
import type { RowWindow } from './rowWindow';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import { agencyShortName } from '@/domain/agencies';
import { round2 } from '@/domain/derive';
import type { PerfRecord } from '@/domain/types';
import { amountUnitFor, formatAmount, formatAxisNumber, inUnit, unitWord, type Lang } from '@/i18n/format';
import { hashedColor, PALETTE, type AgencyColors } from './palette';

export { PALETTE };

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | AriaComponentOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface ChartContext {
  t: Translate;
  lang: Lang;
  /** Each agency's colour, the same in every chart (palette.ts); a hash of the name when absent. */
  colors?: AgencyColors;
}

/** The colour of an agency in every chart. */
export function colorOf(ctx: ChartContext, agency: string): string {
  return (ctx.colors ?? hashedColor)(agency);
}

export type Cell = string | number | null;

/**
 * What a table column holds, for writing its cells: amounts in 万元, percentages, scores (two
 * decimals, the unit in the cell on screen and in the header of a CSV), whole numbers (rank, year).
 */
export type ColumnUnit = 'amount' | 'percent' | 'score' | 'integer';

/** A chart's data as a table: what the "data" toggle shows and the CSV download holds. */
export interface DataTable {
  columns: string[];
  rows: Cell[][];
  /** The record each row stands for, when rows are records: the row's first cell opens it. */
  rowLinks?: (string | null)[];
  /** The record each cell stands for (agency × year tables): links[row][column], or null. */
  cellLinks?: (string | null)[][];
  /** Each column's unit; text columns null. */
  units?: (ColumnUnit | null)[];
}

export interface ChartModel {
  option: ChartOption;
  table: DataTable;
  /** True when there is nothing to draw; the panel says so instead of showing empty axes. */
  empty: boolean;
  /** The record each data point stands for: links[seriesIndex][dataIndex], or null. */
  links: (string | null)[][];
  /** Whether any point leads to a record, when known without building `links` (see lazyParts). */
  linked?: boolean;
  /** The aria description: what the chart shows and every series it draws. */
  description: string;
  /**
   * The description as printed under the chart: the same words, with a long series list cut to
   * its first CAPTION_SERIES names and a count (two hundred names under a chart help no reader,
   * and re-laying them out on every filter change costs more than drawing the chart).
   */
  caption: string;
  /** The height the chart needs to show its rows whole, in pixels, when it depends on the data. */
  height?: number;
  /** A heatmap of more rows than it shows: its cells given a window of rows at a time (rowWindow.ts). */
  rowWindow?: RowWindow;
  /** Nothing drawn yet because the data it needs is still being read (not: there is none). */
  loading?: boolean;
}

/**
 * A model's table and links, built when first read (the data table shown, a CSV saved, a point
 * clicked) rather than on every redraw: for a chart of hundreds of records they are thousands of
 * strings made on each filter change for nothing.
 */
export function withLazyParts(
  model: Omit<ChartModel, 'table' | 'links' | 'linked'>,
  table: () => DataTable,
  links: () => (string | null)[][],
  linked: boolean,
): ChartModel {
  let t: DataTable | null = null;
  let l: (string | null)[][] | null = null;
  // Getters on the model itself: copying it (a spread) would build both.
  return Object.defineProperties(model as ChartModel, {
    table: { get: () => (t ??= table()), enumerable: true },
    links: { get: () => (l ??= links()), enumerable: true },
    linked: { value: linked, enumerable: true },
  });
}

/** Series named in a chart's visible caption before the rest are counted. */
export const CAPTION_SERIES = 12;

export interface Description {
  description: string;
  caption: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text from files goes into tooltips only through this: ECharts sets tooltip strings as innerHTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const SAFE_COLOR = /^(#[0-9a-f]{3,8}|rgba?\([\d.,\s%]+\))$/i;

function marker(color: unknown): string {
  const c = typeof color === 'string' && SAFE_COLOR.test(color) ? color : '#888';
  return `<span style="display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px;background:${c}"></span>`;
}

export interface TipLine {
  color?: unknown;
  label: string;
  value: string;
}

/** Tooltip HTML from plain text: every piece is escaped, so a hostile agency name stays text. */
export function tipHtml(title: string, lines: readonly TipLine[], footer?: string): string {
  const rows = lines
    .map(
      (l) =>
        `<div>${l.color === undefined ? '' : marker(l.color)}${escapeHtml(l.label)}<b style="float:right;margin-left:16px">${escapeHtml(l.value)}</b></div>`,
    )
    .join('');
  const foot = footer ? `<div style="color:#666;margin-top:4px">${escapeHtml(footer)}</div>` : '';
  return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(title)}</div>${rows}${foot}`;
}

/** The subset of ECharts' formatter parameters the builders read. */
export interface TipParam {
  seriesIndex?: number;
  dataIndex?: number;
  color?: unknown;
  value?: unknown;
}

export function asParams(p: unknown): TipParam[] {
  return (Array.isArray(p) ? p : [p]) as TipParam[];
}

/** Grade bands of the evaluation rules, with their colours (also the score heatmap's pieces). */
export const BANDS = [
  { grade: '优', key: 'excellent', min: 90, max: 100, color: '#d8efe0' },
  { grade: '良', key: 'good', min: 80, max: 90, color: '#e3edf8' },
  { grade: '中', key: 'fair', min: 60, max: 80, color: '#fbf1d9' },
  { grade: '差', key: 'poor', min: 0, max: 60, color: '#f8e0e0' },
] as const;

/** A grade in the reader's language: 优 / Excellent, 良 / Good, 中 / Fair, 差 / Poor. */
export function gradeWord(grade: string, ctx: ChartContext): string {
  const band = BANDS.find((b) => b.grade === grade);
  return band ? ctx.t(`grade.word.${band.key}`) : grade;
}

export function baseOption(description: string): ChartOption {
  return {
    animation: false,
    color: [...PALETTE],
    aria: { enabled: true, label: { enabled: true, description } },
    textStyle: {
      fontFamily: 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
    },
  };
}

/** "折线图，…。系列：A、B、C。" — what the chart shows and the names of its series (all in the description, the first few in the caption). */
/**
 * `extra` is said under the chart too (what is left out, how many rows show); `detail` (the values,
 * valuesSentence) only in the aria description, where a reader without the picture needs them.
 */
export function describe(
  ctx: ChartContext,
  what: string,
  series: readonly string[],
  extra = '',
  detail = '',
): Description {
  const sep = ctx.lang === 'zh-CN' ? '、' : ', ';
  const join = (names: string, withDetail = true): string =>
    [what, names, extra, withDetail ? detail : '']
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .join(ctx.lang === 'zh-CN' ? '' : ' ');
  if (series.length === 0)
    return { description: join(ctx.t('chart.noSeries')), caption: join(ctx.t('chart.noSeries'), false) };
  const description = join(ctx.t('chart.seriesList', { names: series.join(sep) }));
  const caption =
    series.length <= CAPTION_SERIES
      ? join(ctx.t('chart.seriesList', { names: series.join(sep) }), false)
      : join(
          ctx.t('chart.seriesListMore', { names: series.slice(0, CAPTION_SERIES).join(sep), n: series.length }),
          false,
        );
  return { description, caption };
}

// Labels are made for hundreds of records per chart on every filter change: the translated word
// for "department" once per context, each agency's short name once.
const deptWord = new WeakMap<ChartContext, string>();
const shortNames = new Map<string, string>();

/** An agency's short name (the registry's, or the name itself), remembered. */
export function shortName(agency: string): string {
  let s = shortNames.get(agency);
  if (s === undefined) {
    s = agencyShortName(agency);
    if (shortNames.size > 50_000) shortNames.clear();
    shortNames.set(agency, s);
  }
  return s;
}

function scopeWord(r: Pick<PerfRecord, 'scope' | 'project'>, ctx: ChartContext): string {
  if (r.scope !== 'department') return r.project;
  let w = deptWord.get(ctx);
  if (w === undefined) deptWord.set(ctx, (w = ctx.t('scope.department')));
  return w;
}

type LabelledRecord = Pick<PerfRecord, 'agency' | 'year' | 'scope' | 'project'>;

// Records are immutable objects that several charts label on every filter change: each label is
// made once per record and context (the context changes with the language).
const labels = new WeakMap<
  ChartContext,
  { one: WeakMap<LabelledRecord, string>; two: WeakMap<LabelledRecord, string> }
>();

function labelCache(ctx: ChartContext) {
  let c = labels.get(ctx);
  if (!c) labels.set(ctx, (c = { one: new WeakMap(), two: new WeakMap() }));
  return c;
}

export function recordLabel(r: LabelledRecord, ctx: ChartContext): string {
  const cache = labelCache(ctx).one;
  let s = cache.get(r);
  if (s === undefined) cache.set(r, (s = `${shortName(r.agency)} ${r.year} · ${scopeWord(r, ctx)}`));
  return s;
}

/** The same on two lines, for category axes where one line would be cut: "agency year" / "scope or project". */
export function recordAxisLabel(r: LabelledRecord, ctx: ChartContext): string {
  const cache = labelCache(ctx).two;
  let s = cache.get(r);
  if (s === undefined) cache.set(r, (s = `${shortName(r.agency)} ${r.year}\n${scopeWord(r, ctx)}`));
  return s;
}

/** Rounds to two decimals for tables and CSV; missing stays missing. */
export function num(v: number | null | undefined): number | null {
  return v === null || v === undefined || Number.isNaN(v) ? null : round2(v);
}

/** Scroll bars for a category axis with more entries than fit (hundreds of agencies stay readable). */
export function zoomFor(axis: 'x' | 'y', count: number, visible: number): DataZoomComponentOption[] {
  if (count <= visible) return [];
  const end = Math.max(1, Math.round((visible / count) * 100));
  const index = axis === 'x' ? { xAxisIndex: 0 } : { yAxisIndex: 0 };
  return [
    // No data shadow: the slider is a scroll bar here, and drawing a miniature of the series in
    // it costs more than a fifth of a bar chart's redraw.
    // No handle labels and no brushing either: a plain scroll bar, a third of the slider's cost.
    {
      type: 'slider',
      ...index,
      start: 0,
      end,
      showDataShadow: false,
      showDetail: false,
      brushSelect: false,
      ...(axis === 'y' ? { right: 8, width: 16 } : { bottom: 8, height: 18 }),
    },
    { type: 'inside', ...index, start: 0, end, zoomOnMouseWheel: false, moveOnMouseWheel: true },
  ];
}

/** A chart whose data is still being read: it says so, and not that there is nothing to draw. */
export function loadingModel(ctx: ChartContext, what: string): ChartModel {
  const description = `${what}${ctx.lang === 'zh-CN' ? '' : ' '}${ctx.t('chart.loading')}`;
  return { ...emptyModel(ctx, what), description, caption: description, loading: true };
}

export function emptyModel(ctx: ChartContext, what: string): ChartModel {
  const description = `${what}${ctx.lang === 'zh-CN' ? '' : ' '}${ctx.t('chart.noData')}`;
  return {
    option: baseOption(description),
    table: { columns: [], rows: [] },
    empty: true,
    links: [],
    description,
    caption: description,
  };
}

/**
 * Above this many series a chart draws no legend: ten colours repeat, so it cannot tell the
 * series apart (hovering highlights a line and the tooltip names it; the search finds one), and
 * laying out hundreds of legend entries costs more than drawing the lines.
 */
export const MANY_SERIES = 20;

/**
 * Legends scroll on one line at the foot of the chart: never in two pages over the plot, and never
 * over an axis name (those sit at the top).
 */
export const LEGEND_BASE: LegendComponentOption = {
  type: 'scroll',
  bottom: 0,
  left: 'center',
  itemWidth: 16,
  itemHeight: 10,
  pageIconSize: 10,
};

/**
 * For grids with fixed margins: no ECharts 6 outer-bounds layout, which measures every axis label
 * (all 150 agencies' names, not only those in view) on each redraw.
 */
export const FIXED_GRID = { outerBoundsMode: 'none' as const };

/** Space a bottom legend takes under the plot. */
export const LEGEND_SPACE = 28;

/** Category labels that wrap inside `width` instead of being cut, so agency and year always show. */
export function wrappedLabel(width: number, extra: Record<string, unknown> = {}) {
  return { width, overflow: 'break' as const, lineHeight: 14, interval: 0, hideOverlap: false, ...extra };
}

/** Data labels that hide where they would collide (ECharts' label layout). */
export const HIDE_OVERLAP = { hideOverlap: true } as const;

/** A light backing for a data label drawn over bars or lines, so its figure stays readable there. */
export const LABEL_BACKING: { backgroundColor: string; padding: number[]; borderRadius: number } = {
  backgroundColor: 'rgba(255, 255, 255, 0.85)',
  padding: [1, 3],
  borderRadius: 2,
};

/** A chart's values as a sighted reader takes them: all for a few, else count, extremes and median. */
export interface ValueItem {
  label: string;
  value: number;
  /** The value as written; without it, `format` writes it (only for the values the sentence names). */
  text?: string;
}

/** Items listed one by one in a description before it sums them up instead. */
export const LISTED_VALUES = 12;

export function valuesSentence(
  ctx: ChartContext,
  items: readonly ValueItem[],
  format: (v: number) => string = String,
): string {
  return valuesSentenceOf(
    ctx,
    items.length,
    (i) => items[i]!.value,
    (i) => items[i]!.label,
    (i) => items[i]!.text ?? format(items[i]!.value),
  );
}

/**
 * valuesSentence over `n` values read by index: a chart of thousands of cells makes no item, label
 * or text for the values the sentence does not name.
 */
export function valuesSentenceOf(
  ctx: ChartContext,
  n: number,
  valueAt: (i: number) => number,
  labelAt: (i: number) => string,
  textAt: (i: number) => string,
): string {
  if (n === 0) return '';
  const sep = ctx.lang === 'zh-CN' ? '、' : '; ';
  if (n <= LISTED_VALUES)
    return ctx.t('chart.values', {
      items: Array.from({ length: n }, (_, i) => `${labelAt(i)} ${textAt(i)}`).join(sep),
    });
  // The highest is the first of the highest values, the lowest the last of the lowest (as a
  // stable sort from high to low would place them); the median is the middle of that order.
  const values = new Float64Array(n);
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < n; i++) {
    const v = valueAt(i);
    values[i] = v;
    if (v > values[hi]!) hi = i;
    if (v <= values[lo]!) lo = i;
  }
  const median = values.slice().sort()[n - 1 - Math.floor((n - 1) / 2)]!;
  const mid = values.indexOf(median);
  return ctx.t('chart.extremes', {
    n,
    maxName: labelAt(hi),
    max: textAt(hi),
    minName: labelAt(lo),
    min: textAt(lo),
    median: textAt(mid),
  });
}

/**
 * A value axis's bounds and step so that every gridline is a round number and 100 (the 100% line,
 * a full score) always falls on one, whatever the threshold or the data.
 */
export function roundAxis(lo: number, hi: number, opts: { min?: number; max?: number; ticks?: number } = {}) {
  const ticks = opts.ticks ?? 8;
  const low = opts.min ?? lo;
  const high = opts.max ?? hi;
  const step = [5, 10, 20, 25, 50, 100, 200, 250, 500].find((s) => (high - low) / s <= ticks) ?? 1000;
  return {
    min: opts.min ?? Math.floor(low / step) * step,
    max: opts.max ?? Math.ceil(high / step) * step,
    interval: step,
  };
}

/** An amount axis in one unit: 万元, or 亿元 when its figures are that large (never `1亿` ticks on a 万元 axis). */
export function amountAxis(values: Iterable<number | null | undefined>, ctx: ChartContext) {
  const unit = amountUnitFor(values);
  return {
    unit,
    name: unitWord(unit, ctx.lang),
    /** A figure held in 万元, as the series value in the axis's unit. */
    scale: (v: number | null | undefined): number | null =>
      v === null || v === undefined || Number.isNaN(v) ? null : round2(inUnit(v, unit)),
    text: (v: number | null | undefined): string => formatAmount(v, ctx.lang, unit),
    axisLabel: { formatter: (v: number) => formatAxisNumber(v, ctx.lang) },
  };
}
