// A piece of view state kept in the URL query (the ranking's metric and year, the chosen tab, the
// warning thresholds), so that a copied link, a reload or back/forward shows the same view. The
// default is left out of the URL; a change replaces the history entry rather than adding one.
import { computed, type WritableComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';

export function useQueryParam(name: string, fallback: string): WritableComputedRef<string> {
  const route = useRoute();
  const router = useRouter();
  return computed({
    get: () => {
      const v = route.query[name];
      const s = Array.isArray(v) ? v[0] : v;
      return typeof s === 'string' && s !== '' ? s : fallback;
    },
    set: (value: string) => {
      const query = { ...route.query };
      if (value === fallback || value === '') delete query[name];
      else query[name] = value;
      void router.replace({ path: route.path, query });
    },
  });
}
