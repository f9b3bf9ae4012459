// A heatmap of many rows is given the cells of the rows around its scroll bar's window: the cells
// given, the rows they cover, and tooltips and indexes that still name the cell of the full data.
import { describe, expect, test } from 'vitest';
import { buildHeatmap } from '@/charts/overview';
import {
  covers,
  rangeFor,
  rowStarts,
  shownRows,
  windowedOption,
  withShiftedTooltip,
  zoomOf,
  zoomOfEvent,
  type RowWindow,
} from '@/charts/rowWindow';
import { agencyYears, rankAgencies, yearSpan } from '@/domain/aggregate';
import { manyAgencies, seriesOf, tooltip, zh, type Loose } from './helpers';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

describe('rows and their items', () => {
  test('each row starts where the rows before it end; rows without items are empty', () => {
    const items = [
      [0, 0],
      [1, 0],
      [0, 2],
      [0, 3],
      [1, 3],
      [2, 3],
    ];
    const start = rowStarts(items, 5, (d) => d[1]!);
    expect([...start]).toEqual([0, 2, 2, 3, 6, 6]);
  });

  const win: RowWindow = { rows: 100, visible: 10, start: new Uint32Array(101).map((_, r) => r * 3) };

  test('the rows shown follow the scroll bar, and a window more is given on either side', () => {
    expect(shownRows(win, 0, 10)).toEqual({ from: 0, to: 10 });
    expect(shownRows(win, 45.5, 55.5)).toEqual({ from: 45, to: 56 });
    expect(shownRows(win, 95, 100)).toEqual({ from: 95, to: 100 });
    expect(rangeFor(win, { from: 0, to: 10 })).toEqual({ from: 0, to: 20, offset: 0 });
    expect(rangeFor(win, { from: 45, to: 56 })).toEqual({ from: 35, to: 66, offset: 105 });
    expect(rangeFor(win, { from: 95, to: 100 })).toEqual({ from: 85, to: 100, offset: 255 });
  });

  test('a scroll within the rows given needs no new ones; past them it does', () => {
    const range = rangeFor(win, { from: 40, to: 50 });
    expect(covers(range, { from: 31, to: 41 })).toBe(true);
    expect(covers(range, { from: 50, to: 60 })).toBe(true);
    expect(covers(range, { from: 29, to: 39 })).toBe(false);
    expect(covers(range, { from: 52, to: 62 })).toBe(false);
  });

  test('the scroll bar as an option and an event give it', () => {
    expect(zoomOf({ dataZoom: [{ type: 'slider', start: 0, end: 9.33 }] })).toEqual({ start: 0, end: 9.33 });
    expect(zoomOf({})).toEqual({ start: 0, end: 100 });
    expect(zoomOfEvent({ type: 'datazoom', start: 20, end: 29 })).toEqual({ start: 20, end: 29 });
    expect(zoomOfEvent({ type: 'datazoom', batch: [{ start: 50, end: 59 }] })).toEqual({ start: 50, end: 59 });
    expect(zoomOfEvent({ type: 'datazoom', startValue: 3, endValue: 16 })).toBeNull();
  });
});

describe('a heatmap of 150 agencies', () => {
  const recs = manyAgencies(150, YEARS);
  const agencies = rankAgencies(recs);
  const m = buildHeatmap(agencyYears(recs), yearSpan(recs), agencies, 'executionRate', zh);
  const full = seriesOf(m)[0].data as Array<[number, number, number]>;
  const win = m.rowWindow!;

  test('says how its items lie by row', () => {
    expect(win.rows).toBe(150);
    expect(win.visible).toBe(14);
    expect(win.start[150]).toBe(full.length);
    for (let r = 0; r < 150; r++) for (let i = win.start[r]!; i < win.start[r + 1]!; i++) expect(full[i]![1]).toBe(r);
  });

  test('is given the cells of the rows around the window only, its axis keeping every agency', () => {
    const range = rangeFor(win, shownRows(win, 50, 59.33));
    const o = windowedOption(m.option, win, range) as Loose;
    const given = o.series[0].data as Array<[number, number, number]>;
    expect(range).toMatchObject({ from: 61, to: 103 });
    expect(given).toEqual(full.slice(win.start[61], win.start[103]));
    expect(new Set(given.map((d) => d[1]))).toEqual(new Set(Array.from({ length: 42 }, (_, i) => 61 + i)));
    expect(o.yAxis.data).toHaveLength(150);
    expect(o.dataZoom).toEqual((m.option as Loose).dataZoom);
    // The full option is left as it was.
    expect(seriesOf(m)[0].data).toHaveLength(full.length);
  });

  test('its tooltip names the cell of the full data for an item of the window', () => {
    const range = rangeFor(win, shownRows(win, 50, 59.33));
    const shifted = withShiftedTooltip(windowedOption(m.option, win, range), () => range.offset);
    const k = 7;
    const text = (shifted as Loose).tooltip.formatter({ seriesIndex: 0, dataIndex: k });
    expect(text).toBe(tooltip(m, { seriesIndex: 0, dataIndex: range.offset + k }));
    const agency = agencies[full[range.offset + k]![1]]!;
    expect(text).toContain(agency.replace(/^.*?(测试单位\d+)$/, '$1'));
  });

  test('a heatmap that shows all its rows is given whole', () => {
    const few = manyAgencies(10, YEARS);
    const small = buildHeatmap(agencyYears(few), yearSpan(few), rankAgencies(few), 'score', zh);
    expect(small.rowWindow).toBeUndefined();
  });
});
