// Disputed figures in the charts: a figure whose report states it twice with different values (or
// whose own arithmetic disagrees) is drawn as a hollow point, and its tooltip says what else the
// report states. The marks come from the record's evidence column (src/domain/evidenceColumn.ts).
import { readEvidence } from '@/domain/evidenceColumn';
import type { PerfRecord } from '@/domain/types';
import { formatPercent, fixed2 } from '@/i18n/format';
import type { ChartContext } from './common';

/** The other values the report states, by field; read once per record (the evidence is plain text). */
const cache = new WeakMap<PerfRecord, ReadonlyMap<string, readonly string[]>>();

export function disputedValues(r: PerfRecord): ReadonlyMap<string, readonly string[]> {
  let found = cache.get(r);
  if (found) return found;
  const map = new Map<string, string[]>();
  // Most records have no dispute: skip the parse unless the column carries the mark.
  if (r.evidence.includes('（另见'))
    for (const e of readEvidence('records', r.evidence))
      if (e.disputed && e.disputed.length > 0)
        map.set(
          e.field,
          e.disputed.map((d) => d.value),
        );
  found = map;
  cache.set(r, found);
  return found;
}

export function isDisputed(r: PerfRecord, fields: readonly string[]): boolean {
  const d = disputedValues(r);
  return d.size > 0 && fields.some((f) => d.has(f));
}

/** ECharts' hollow form of a symbol: circle → emptyCircle. */
export function hollow(symbol: string): string {
  return `empty${symbol.charAt(0).toUpperCase()}${symbol.slice(1)}`;
}

const PERCENT_FIELDS = new Set(['execution_rate', 'carryover_rate', 'budget_final_diff_rate']);

/** One value as the tooltip writes it: percents with %, others with two decimals; text as written. */
function valueText(field: string, v: string, ctx: ChartContext): string {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) return v;
  return PERCENT_FIELDS.has(field) ? formatPercent(n, ctx.lang) : fixed2(n, ctx.lang);
}

/** The tooltip's note for the disputed ones among `fields` (empty when none is). */
export function disputedNote(r: PerfRecord, fields: readonly string[], ctx: ChartContext): string {
  const d = disputedValues(r);
  if (d.size === 0) return '';
  return fields
    .flatMap((f) => {
      const values = d.get(f);
      if (!values) return [];
      return [
        ctx.t('recordEvidence.disputedTip', {
          field: ctx.t(`field.${f}`),
          values: values.map((v) => valueText(f, v, ctx)).join(ctx.lang === 'en' ? ', ' : '、'),
        }),
      ];
    })
    .join(ctx.lang === 'en' ? '; ' : '；');
}
