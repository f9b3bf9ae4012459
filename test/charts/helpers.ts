// Shared bits of the option builder tests: the real translator and loose access to option parts.
import type { ChartContext, ChartModel } from '@/charts/common';
import { translator } from '@/i18n/translate';
import type { PerfRecord } from '@/domain/types';
import { record } from './fixtures';

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
  for (const n of seriesNames)
    if (!String(o.aria.label.description).includes(n))
      throw new Error(`aria description lacks ${n}: ${o.aria.label.description}`);
  if (o.aria.label.description !== m.description) throw new Error('description differs from aria');
}

/**
 * Records of `agencies` made-up agencies ('测试单位001'…) over `years`, department and project,
 * with figures that differ per agency and year: the many-agency case the built-in data lacks.
 */
export function manyAgencies(agencies: number, years: readonly number[]): PerfRecord[] {
  const out: PerfRecord[] = [];
  for (let a = 0; a < agencies; a++) {
    const agency = `测试单位${String(a + 1).padStart(3, '0')}`;
    for (const [yi, year] of years.entries()) {
      for (const scope of ['department', 'project'] as const) {
        const budget = (agencies - a) * 100 + yi * 7 + (scope === 'project' ? 1 : 50);
        const rate = 70 + ((a * 7 + yi * 13) % 30);
        out.push(
          record({
            agency,
            region: '测试市',
            year,
            scope,
            project: scope === 'project' ? '测试项目' : '',
            budget,
            expenditure: (budget * rate) / 100,
            execution_rate: rate,
            carryover: budget - (budget * rate) / 100,
            carryover_rate: 100 - rate,
            score: 60 + ((a + yi) % 40),
            grade: null,
          }),
        );
      }
    }
  }
  return out;
}
