// One chart's window of rows (src/charts/rowWindow.ts) as the leader scrolls it: the option set
// carries the rows around the scroll bar's window; when the scroll bar moves past them, the next
// rows are given; a clicked or hovered item is numbered as in the full data, so the model's
// links and tooltips find their cell.
import type { ChartOption } from '@/charts/common';
import {
  covers,
  rangeFor,
  shownRows,
  windowData,
  windowedOption,
  withShiftedTooltip,
  zoomOf,
  zoomOfEvent,
  type RowRange,
  type RowWindow,
} from '@/charts/rowWindow';
import type { ECharts } from './echartsCore';

export class RowWindowing {
  private win: RowWindow | undefined;
  private option: ChartOption | null = null;
  private range: RowRange | null = null;

  /** The option to set for `option`: whole, or its rows around the scroll bar's window. */
  prepare(option: ChartOption, win: RowWindow | undefined): ChartOption {
    this.win = win;
    this.option = option;
    if (!win) {
      this.range = null;
      return option;
    }
    const { start, end } = zoomOf(option);
    this.range = rangeFor(win, shownRows(win, start, end));
    return withShiftedTooltip(windowedOption(option, win, this.range), () => this.range?.offset ?? 0);
  }

  /**
   * After the scroll bar moved (a datazoom event): the series' data for the rows now around it,
   * or null when the rows given still cover them.
   */
  moved(instance: ECharts, event: unknown): ChartOption | null {
    const { win, option, range } = this;
    if (!win || !option || !range) return null;
    const zoom = zoomOfEvent(event) ?? zoomOf(instance.getOption() as ChartOption);
    const shown = shownRows(win, zoom.start, zoom.end);
    if (covers(range, shown)) return null;
    this.range = rangeFor(win, shown);
    return { series: [{ data: windowData(option, win, this.range) }] } as ChartOption;
  }

  /** A series item's index in the full data. */
  dataIndex(seriesIndex: number, dataIndex: number): number {
    return seriesIndex === 0 && this.range ? dataIndex + this.range.offset : dataIndex;
  }
}
