// The navigation's links to the views, each carrying the filters. RouterLinks would each resolve
// their whole location, encoding every selected agency's name again, on every filter change; here
// a view's path is resolved once and the filters' query text (encoded once per change by the
// store) is put after it. A plain click navigates in the app; a modified click is the browser's.
import { computed } from 'vue';
import { stringifyQuery, useRoute, useRouter, type RouteLocationRaw } from 'vue-router';
import { useFiltersStore } from '../stores/filters';

export function useViewLinks() {
  const router = useRouter();
  const route = useRoute();
  const filters = useFiltersStore();
  const paths = new Map<string, string>();

  /** Compare keeps its chosen records when you come back to it. */
  const kept = computed(() => (route.name === 'compare' ? route.query.records : undefined));

  function location(name: string): RouteLocationRaw {
    const keep = name === 'compare' && kept.value !== undefined ? { records: kept.value } : {};
    return { name, query: { ...filters.carried, ...keep } };
  }

  function href(name: string): string {
    let path = paths.get(name);
    if (path === undefined) paths.set(name, (path = router.resolve({ name }).href));
    const search = name === 'compare' && kept.value !== undefined ? stringifyQuery({ ...filters.carried, records: kept.value }) : filters.carriedSearch;
    return search ? `${path}?${search}` : path;
  }

  function follow(e: MouseEvent, name: string): void {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void router.push(location(name));
  }

  return { href, follow };
}
