// The navigation's links to the views, each carrying the filters. RouterLinks would each resolve
// their whole location, encoding every selected agency's name again, on every filter change; here
// a view's path is resolved once and the filters' query text (encoded once per change by the
// store) is put after it. A plain click navigates in the app; a modified click is the browser's.
// The query in the hrefs follows a filter change after the next paint (useDeferred), as the
// records lists' links do: the shell's navigation is then not patched inside the frame the charts
// are waiting for. A click reads the filters as they are.
import { computed } from 'vue';
import { stringifyQuery, useRoute, useRouter, type LocationQueryValue, type RouteLocationRaw } from 'vue-router';
import { useFiltersStore } from '@/stores/filters';
import { isPlainClick } from './plainClick';
import { useDeferred } from './useDeferred';

export function useViewLinks() {
  const router = useRouter();
  const route = useRoute();
  const filters = useFiltersStore();
  const paths = new Map<string, string>();
  const carried = useDeferred(computed(() => filters.carried));
  const carriedSearch = useDeferred(computed(() => filters.carriedSearch));

  /** Compare keeps its chosen records when you come back to it: the query beyond the filters, if any. */
  function kept(name: string): { records: LocationQueryValue | LocationQueryValue[] } | null {
    const records = route.query.records;
    return name === 'compare' && route.name === 'compare' && records !== undefined ? { records } : null;
  }

  function location(name: string): RouteLocationRaw {
    return { name, query: { ...filters.carried, ...kept(name) } };
  }

  function href(name: string): string {
    let path = paths.get(name);
    if (path === undefined) paths.set(name, (path = router.resolve({ name }).href));
    const extra = kept(name);
    const search = extra ? stringifyQuery({ ...carried.value, ...extra }) : carriedSearch.value;
    return search ? `${path}?${search}` : path;
  }

  function follow(e: MouseEvent, name: string): void {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    void router.push(location(name));
  }

  return { href, follow };
}
