// What the per-agency trend views share: the filtered records, the agencies drawn (top-N or all)
// and their records, the agency × year table and the years on the axis, all following the filter
// bar. The table and the ranking are the filters store's, computed once per filter change.
import { computed } from 'vue';
import { useFiltersStore } from '@/stores/filters';
import { useChartContext } from './useChartContext';
import { useTopAgencies } from './useTopAgencies';

export function useAgencyYears() {
  const filters = useFiltersStore();
  const ctx = useChartContext();
  const records = computed(() => filters.records);
  const top = useTopAgencies(computed(() => filters.ranked));
  const table = computed(() => filters.table);
  const years = computed(() => filters.years);
  // The records of the agencies drawn (top N, a search, or all on request), for the per-record
  // charts: a thousand agencies make no readable chart of twenty thousand records.
  const shownRecords = computed(() => {
    const shown = new Set(top.shown.value);
    return shown.size === top.total.value ? records.value : records.value.filter((r) => shown.has(r.agency));
  });
  return { filters, ctx, records, shownRecords, top, table, years };
}
