// What the per-agency trend views share: the filtered records, the agencies drawn (top-N or all),
// the agency × year table and the years on the axis, all following the filter bar.
import { computed } from 'vue';
import { agencyYears, yearSpan } from '../domain/aggregate';
import { useFiltersStore } from '../stores/filters';
import { useChartContext } from './useChartContext';
import { useTopAgencies } from './useTopAgencies';

export function useAgencyYears() {
  const filters = useFiltersStore();
  const ctx = useChartContext();
  const records = computed(() => filters.records);
  const top = useTopAgencies(records);
  const table = computed(() => agencyYears(records.value));
  const years = computed(() => yearSpan(records.value, filters.filter.from, filters.filter.to));
  return { filters, ctx, records, top, table, years };
}
