// The chart builders' context from vue-i18n: the translator, the language and each agency's
// colour, reactive, so a language switch rebuilds every option. Colours are handed out over all
// agencies of the data, largest budget first (palette.ts), once per data version: an agency has
// the same colour in every chart, whatever the filter.
import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ChartContext } from '@/charts/common';
import { agencyColors, type AgencyColors } from '@/charts/palette';
import { rankAgencies } from '@/domain/aggregate';
import type { PerfRecord } from '@/domain/types';
import type { Lang } from '@/i18n/format';
import { useDataStore } from '@/stores/data';

/** The colours per data version, shared by every view and panel that asks (ranking sorts them all). */
const colorsByData = new WeakMap<readonly PerfRecord[], AgencyColors>();
function colorsOf(records: readonly PerfRecord[]): AgencyColors {
  let colors = colorsByData.get(records);
  if (!colors) colorsByData.set(records, (colors = agencyColors(rankAgencies(records))));
  return colors;
}

export function useChartContext(): ComputedRef<ChartContext> {
  const { t, locale } = useI18n();
  const data = useDataStore();
  const colors = computed(() => colorsOf(data.records));
  return computed(() => {
    const lang = locale.value as Lang;
    // Reading `lang` here makes every option that uses the context depend on the language. Fixed
    // texts (axis names, series names) come from the translator's own cache (i18n/fixedTexts.ts).
    return {
      lang,
      colors: colors.value,
      t: (key: string, params?: Record<string, unknown>) => {
        // A count `n` chooses the plural form (messages written 'one | many').
        if (params) return typeof params.n === 'number' ? t(key, params, params.n) : t(key, params);
        return t(key);
      },
    };
  });
}
