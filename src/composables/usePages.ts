// One page of a long list: the DOM holds PAGE_SIZE rows whatever the list's length (thousands of
// table rows cost hundreds of milliseconds to render on every filter change). A new list starts
// again at its first page.
import { computed, ref, watch, type Ref } from 'vue';

export const PAGE_SIZE = 50;

export function usePages<T>(items: Readonly<Ref<readonly T[]>>, size = PAGE_SIZE) {
  const page = ref(0);
  const pages = computed(() => Math.max(1, Math.ceil(items.value.length / size)));
  watch(items, () => (page.value = 0));
  // Clamped: a shorter list never leaves the page past its end.
  const current = computed(() => Math.min(page.value, pages.value - 1));
  const rows = computed(() => items.value.slice(current.value * size, (current.value + 1) * size));
  const from = computed(() => current.value * size);
  function go(p: number): void {
    page.value = Math.max(0, Math.min(p, pages.value - 1));
  }
  return { page: current, pages, rows, from, size, total: computed(() => items.value.length), go };
}
