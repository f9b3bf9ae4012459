// A heatmap of many rows (a thousand agencies × ten years is 10,000 cells) shows 14 rows at a
// time behind a scroll bar, yet ECharts takes in, filters and encodes every cell on each redraw:
// most of a reload's first draw at that size. Such a chart is given the cells of the rows around
// the scroll bar's window only; its axis keeps every row, so the scroll bar behaves as before, and
// the cells are given again when the window moves past them (src/components/EChart.vue).
import type { ChartOption } from './common';

/**
 * The windowed series' data is in row order: the items of row r are data[start[r]] up to
 * data[start[r + 1]] (rows without a cell have none).
 */
export interface RowWindow {
  /** Rows on the scrolled axis, all of them. */
  rows: number;
  /** Rows shown at once. */
  visible: number;
  /** start[r]: index of row r's first item; start[rows]: the number of items. */
  start: Uint32Array;
}

/** The rows whose items are given, [from, to), and where their items begin in the full data. */
export interface RowRange {
  from: number;
  to: number;
  /** Index in the full data of the first item given (a given item's dataIndex + offset). */
  offset: number;
}

/** Where each row's items begin, for items in row order whose row is `rowOf(item)`. */
export function rowStarts<T>(items: readonly T[], rows: number, rowOf: (item: T) => number): Uint32Array {
  const start = new Uint32Array(rows + 1);
  for (const item of items) start[rowOf(item) + 1]!++;
  for (let r = 0; r < rows; r++) start[r + 1]! += start[r]!;
  return start;
}

/**
 * The window of a heatmap whose cells ([x, row, value]) are in row order, when it has more rows
 * than it shows; none when it shows them all.
 */
export function heatmapWindow(
  cells: ReadonlyArray<readonly [number, number, number]>,
  rows: number,
  visible: number,
): RowWindow | undefined {
  return rows > visible ? { rows, visible, start: rowStarts(cells, rows, (d) => d[1]) } : undefined;
}

/** The rows shown for a scroll bar at [startPct, endPct] percent of the axis. */
export function shownRows(win: RowWindow, startPct: number, endPct: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(win.rows, Math.floor((startPct / 100) * win.rows)));
  const to = Math.max(from, Math.min(win.rows, Math.ceil((endPct / 100) * win.rows)));
  return { from, to };
}

/**
 * The rows to give for the rows shown: a window's worth on either side as well, so a scroll of
 * less than a window needs no new data.
 */
export function rangeFor(win: RowWindow, shown: { from: number; to: number }): RowRange {
  const from = Math.max(0, shown.from - win.visible);
  const to = Math.min(win.rows, shown.to + win.visible);
  return { from, to, offset: win.start[from]! };
}

/** Whether the rows given cover the rows shown. */
export function covers(range: RowRange, shown: { from: number; to: number }): boolean {
  return range.from <= shown.from && shown.to <= range.to;
}

/** The scroll bar's window of an option, in percent (its first dataZoom), whole when none. */
export function zoomOf(option: ChartOption): { start: number; end: number } {
  const dz = option.dataZoom;
  const first = (Array.isArray(dz) ? dz[0] : dz) as { start?: unknown; end?: unknown } | undefined;
  const start = typeof first?.start === 'number' ? first.start : 0;
  const end = typeof first?.end === 'number' ? first.end : 100;
  return { start, end };
}

/** The items of the rows in `range`, of the option's first series. */
export function windowData(option: ChartOption, win: RowWindow, range: RowRange): unknown[] {
  const data = (seriesOf(option)[0] as { data?: unknown } | undefined)?.data;
  return Array.isArray(data) ? data.slice(win.start[range.from]!, win.start[range.to]!) : [];
}

/** The option with its first series given only the items of the rows in `range`. */
export function windowedOption(option: ChartOption, win: RowWindow, range: RowRange): ChartOption {
  const [first, ...rest] = seriesOf(option);
  if (!first) return option;
  return { ...option, series: [{ ...first, data: windowData(option, win, range) }, ...rest] } as ChartOption;
}

/** An option's series as a list (ECharts takes one series or several). */
function seriesOf(option: ChartOption): unknown[] {
  const series = option.series;
  return Array.isArray(series) ? series : series ? [series] : [];
}

/**
 * Tooltip parameters with each item of the first series numbered as in the full data: the
 * builders' tooltips find their cell by dataIndex.
 */
export function shiftedParams(params: unknown, offset: number): unknown {
  const shift = (p: unknown): unknown => {
    const q = p as { seriesIndex?: unknown; dataIndex?: unknown };
    return q && q.seriesIndex === 0 && typeof q.dataIndex === 'number' ? { ...q, dataIndex: q.dataIndex + offset } : p;
  };
  return Array.isArray(params) ? params.map(shift) : shift(params);
}

/** The option with its tooltip formatter given items numbered as in the full data. */
export function withShiftedTooltip(option: ChartOption, offset: () => number): ChartOption {
  const tooltip = option.tooltip;
  if (!tooltip || Array.isArray(tooltip) || typeof tooltip.formatter !== 'function') return option;
  const format = tooltip.formatter as (params: unknown, ...rest: unknown[]) => unknown;
  const formatter = (params: unknown, ...rest: unknown[]): unknown => format(shiftedParams(params, offset()), ...rest);
  return { ...option, tooltip: { ...tooltip, formatter } } as ChartOption;
}

/** The scroll bar's window from a datazoom event (a slider's or a batch of inside zooms'), if it says. */
export function zoomOfEvent(event: unknown): { start: number; end: number } | null {
  const e = event as { start?: unknown; end?: unknown; batch?: Array<{ start?: unknown; end?: unknown }> } | null;
  const z = e?.batch?.[0] ?? e;
  return z && typeof z.start === 'number' && typeof z.end === 'number' ? { start: z.start, end: z.end } : null;
}
