// One chart's window of rows as the leader scrolls: the option set carries the rows around the
// window, a scroll past them gives the next rows, and clicks are numbered as in the full data.
import { describe, expect, test } from 'vitest';
import type { ChartOption } from '@/charts/common';
import { rowStarts } from '@/charts/rowWindow';
import { RowWindowing } from '@/composables/rowWindowing';
import type { ECharts } from '@/composables/echartsCore';

// 60 rows of 3 cells each, row r's cells valued r.
const data = Array.from({ length: 180 }, (_, i) => [i % 3, Math.floor(i / 3), Math.floor(i / 3)]);
const win = { rows: 60, visible: 10, start: rowStarts(data, 60, (d) => d[1]!) };
const option = {
  dataZoom: [{ type: 'slider', start: 0, end: 16.66 }],
  tooltip: { formatter: (p: { dataIndex: number }) => `cell ${p.dataIndex}` },
  series: [{ type: 'heatmap', data }],
} as unknown as ChartOption;
const rowsOf = (o: ChartOption) => new Set(((o.series as Array<{ data: number[][] }>)[0]!.data ?? []).map((d) => d[1]));
// Only read when an event does not say where the scroll bar is.
const chart = (start: number, end: number) =>
  ({ getOption: () => ({ dataZoom: [{ start, end }] }) }) as unknown as ECharts;

describe('RowWindowing', () => {
  test('the first option carries the rows shown and a window below them', () => {
    const w = new RowWindowing();
    const set = w.prepare(option, win);
    expect(rowsOf(set)).toEqual(new Set(Array.from({ length: 20 }, (_, i) => i)));
    expect(w.dataIndex(0, 5)).toBe(5);
    expect((set.tooltip as { formatter: (p: unknown) => string }).formatter({ seriesIndex: 0, dataIndex: 5 })).toBe(
      'cell 5',
    );
  });

  test('a scroll within the rows given sets nothing; past them the next rows are given', () => {
    const w = new RowWindowing();
    const set = w.prepare(option, win);
    expect(w.moved(chart(0, 0), { type: 'datazoom', start: 10, end: 26.67 })).toBeNull();
    const next = w.moved(chart(0, 0), { type: 'datazoom', batch: [{ start: 50, end: 66.66 }] });
    // Rows 30–39 shown: 20–49 given, their first cell the 60th of the full data.
    expect(next && rowsOf(next)).toEqual(new Set(Array.from({ length: 30 }, (_, i) => 20 + i)));
    expect(w.dataIndex(0, 4)).toBe(64);
    expect(w.dataIndex(1, 4)).toBe(4);
    // The tooltip set with the first option follows the window.
    expect((set.tooltip as { formatter: (p: unknown) => string }).formatter({ seriesIndex: 0, dataIndex: 4 })).toBe(
      'cell 64',
    );
    // An event that does not say where: the chart is asked.
    const end = w.moved(chart(83.34, 100), { type: 'datazoom', startValue: 50, endValue: 59 });
    expect(end && rowsOf(end)).toEqual(new Set(Array.from({ length: 20 }, (_, i) => 40 + i)));
  });

  test('a new option starts from its own scroll bar; without a window it is set whole', () => {
    const w = new RowWindowing();
    w.prepare(option, win);
    w.moved(chart(0, 0), { type: 'datazoom', start: 83.33, end: 100 });
    expect(rowsOf(w.prepare(option, win)).has(0)).toBe(true);
    expect(w.dataIndex(0, 4)).toBe(4);
    expect(w.prepare(option, undefined)).toBe(option);
    expect(w.moved(chart(50, 60), { type: 'datazoom', start: 50, end: 60 })).toBeNull();
    expect(w.dataIndex(0, 4)).toBe(4);
  });
});
