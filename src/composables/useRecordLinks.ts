// Links to records for long lists. A RouterLink resolves its whole location, the filters' query
// included (hundreds of agency names), for every row on every filter change; here the route is
// resolved once with a placeholder key, and each row's href is that text with the row's key in it
// and the filters' query text (encoded once per filter change by the store) after it.
// The filters' query in the hrefs follows a filter change after the next paint, as the lists do
// (useDeferred): otherwise every row of a list below the charts is patched for its links in the
// frame the charts are waiting for, and once more when the list itself follows. A click reads the
// filters as they are.
// A plain click navigates in the app as a RouterLink would; a modified click (new tab) is left to
// the browser.
import { computed } from 'vue';
import { useRouter } from 'vue-router';
import { encodeKeyParam, recordLocation } from '@/router';
import { useFiltersStore } from '@/stores/filters';
import { isPlainClick } from './plainClick';
import { useDeferred } from './useDeferred';

// Only base64url characters, so the router's encoding leaves it as it is.
const PLACEHOLDER = 'RECORDKEYPLACEHOLDER';

export function useRecordLinks() {
  const router = useRouter();
  const filters = useFiltersStore();
  const path = router.resolve({ name: 'record', params: { key: PLACEHOLDER } }).href;
  const at = path.indexOf(PLACEHOLDER);
  const carriedSearch = useDeferred(computed(() => filters.carriedSearch));
  const template = computed(() => {
    const search = carriedSearch.value;
    return { before: path.slice(0, at), after: path.slice(at + PLACEHOLDER.length) + (search ? `?${search}` : '') };
  });

  function href(key: string): string {
    return template.value.before + encodeKeyParam(key) + template.value.after;
  }

  function follow(e: MouseEvent, key: string): void {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    void router.push(recordLocation(key, filters.carried));
  }

  return { href, follow };
}
