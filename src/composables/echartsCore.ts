// ECharts, tree-shaken: the core plus only the chart types, components and renderer the option
// builders in src/charts use. Imported by the chart wrapper alone.
import { use, init, type ECharts } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
// Data labels that hide where they would collide (labelLayout.hideOverlap) need this feature.
import { LabelLayout } from 'echarts/features';

use([
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  LabelLayout,
  CanvasRenderer,
]);

export { init, type ECharts };

/**
 * Fired (on this target) whenever any chart has finished rendering, with the chart's title as
 * detail. A benchmark can listen here, e.g. to set performance.mark('first chart finished').
 */
export const chartEvents = new EventTarget();

/**
 * Dispatched on a chart's element after each setOption, with `{ option, opts }`: what the chart
 * was given. The benchmark replays it on bare ECharts instances (scripts/bench/bare.ts) to
 * compare the app's filter change with ECharts' own time for the same picture.
 */
export const CHART_OPTION_EVENT = 'echart-option';

/** Marked on `performance` whenever the last chart with a pending render has finished (read by scripts/bench.ts). */
export const CHARTS_FINISHED_MARK = 'dashboard:charts-finished';
const rendering = new Set<object>();

/** A chart was given a new option: it counts as busy until it reports `finished` (or unmounts). */
export function chartRenderStarted(chart: object): void {
  rendering.add(chart);
}

export function chartRenderEnded(chart: object): void {
  if (rendering.delete(chart) && rendering.size === 0) globalThis.performance?.mark?.(CHARTS_FINISHED_MARK);
}
