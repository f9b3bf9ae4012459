// Which agencies the per-agency charts draw: the N with the largest budgets by default, all on
// demand, or those matching a search. Hundreds of agencies stay readable this way.
import { computed, ref, type Ref } from 'vue';
import { searchAgencies } from '@/domain/aggregate';

export const TOP_N = 8;

/** `ranked`: the agencies in display order (the filters store's `ranked`, largest budget first). */
export function useTopAgencies(ranked: Readonly<Ref<readonly string[]>>) {
  const showAll = ref(false);
  const search = ref('');
  const matching = computed(() => searchAgencies(ranked.value, search.value));
  const shown = computed(() => (showAll.value ? matching.value : matching.value.slice(0, TOP_N)));
  const limited = computed(() => matching.value.length > TOP_N);
  return { showAll, search, ranked, matching, shown, limited, total: computed(() => ranked.value.length) };
}
