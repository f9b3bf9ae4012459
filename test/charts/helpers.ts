// Shared bits of the option builder tests: the real translator and loose access to option parts.
import type { ChartContext, ChartModel } from '../../src/charts/common';
import { translator } from '../../src/i18n/translate';

export const zh: ChartContext = { t: translator('zh-CN'), lang: 'zh-CN' };
export const en: ChartContext = { t: translator('en'), lang: 'en' };

// ECharts option types are unions of arrays and objects; tests read them as plain data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export function seriesOf(m: ChartModel): Loose[] {
  const s = (m.option as Loose).series;
  return Array.isArray(s) ? s : s ? [s] : [];
}

export function tooltip(m: ChartModel, params: unknown): string {
  return (m.option as Loose).tooltip.formatter(params);
}

/** Asserts every chart's common promises: no animation, aria description naming the series. */
export function commonChecks(m: ChartModel, seriesNames: string[]): void {
  const o = m.option as Loose;
  if (o.animation !== false) throw new Error('animation must be off');
  if (o.aria?.enabled !== true) throw new Error('aria must be on');
  for (const n of seriesNames) if (!String(o.aria.label.description).includes(n)) throw new Error(`aria description lacks ${n}: ${o.aria.label.description}`);
  if (o.aria.label.description !== m.description) throw new Error('description differs from aria');
}
