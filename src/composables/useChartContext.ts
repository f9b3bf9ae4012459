// The chart builders' context from vue-i18n: the translator and the language, reactive, so a
// language switch rebuilds every option.
import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ChartContext } from '@/charts/common';
import type { Lang } from '@/i18n/format';

export function useChartContext(): ComputedRef<ChartContext> {
  const { t, locale } = useI18n();
  return computed(() => {
    const lang = locale.value as Lang;
    // Builders ask for the same fixed texts (axis names, series names) on every filter change:
    // those without parameters are translated once per language.
    const fixed = new Map<string, string>();
    // Reading `lang` here makes every option that uses the context depend on the language.
    return {
      lang,
      t: (key: string, params?: Record<string, unknown>) => {
        if (params) return t(key, params);
        let s = fixed.get(key);
        if (s === undefined) fixed.set(key, (s = t(key, {})));
        return s;
      },
    };
  });
}
