// What the per-agency trend views share: the filtered records, the agencies drawn (top-N or all),
// the agency × year table and the years on the axis, all following the filter bar. The table and
// the ranking are the filters store's, computed once per filter change for every view.
import { computed } from 'vue';
import { useFiltersStore } from '../stores/filters';
import { useChartContext } from './useChartContext';
import { useTopAgencies } from './useTopAgencies';

export function useAgencyYears() {
  const filters = useFiltersStore();
  const ctx = useChartContext();
  const records = computed(() => filters.records);
  const top = useTopAgencies(computed(() => filters.ranked));
  const table = computed(() => filters.table);
  const years = computed(() => filters.years);
  return { filters, ctx, records, top, table, years };
}
