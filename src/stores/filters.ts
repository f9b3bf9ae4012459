// The filters every view shares (agencies, years, scope, project) and the execution threshold.
// They live in the URL query, so a copied link opens the same view and back/forward step through
// filter changes: the store reads the current route and writes by pushing a new location. A change
// made here shows at once and the URL follows after the next paint: writing history with a few
// hundred agency names in the query takes milliseconds the charts should have.
import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';
import { stringifyQuery, useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import {
  agencyYears,
  filterRecords,
  indexByAgency,
  NO_FILTER,
  rankAgencies,
  yearSpan,
  type RecordFilter,
  type ScopeFilter,
} from '@/domain/aggregate';
import { useDataStore } from './data';
import { afterNextPaint } from '@/scheduling';

export const DEFAULT_THRESHOLD = 90;
/** Query keys the filters own; everything else in the query (e.g. compare's records) is kept. */
export const FILTER_KEYS = ['agencies', 'from', 'to', 'scope', 'project'] as const;

function list(v: LocationQuery[string] | undefined): string[] {
  const arr = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return arr.filter((s): s is string => typeof s === 'string' && s !== '');
}

function first(v: LocationQuery[string] | undefined): string {
  return list(v)[0] ?? '';
}

function year(v: LocationQuery[string] | undefined): number | null {
  const s = first(v);
  if (!/^\d{4}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1990 && n <= 2100 ? n : null;
}

export function parseFilterQuery(q: LocationQuery): RecordFilter {
  const scope = first(q.scope);
  let from = year(q.from);
  let to = year(q.to);
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return {
    agencies: [...new Set(list(q.agencies))],
    from,
    to,
    scope: scope === 'department' || scope === 'project' ? scope : 'all',
    project: first(q.project),
  };
}

/** The query for a filter: defaults are left out, so the plain URL means "everything". */
export function filterQuery(f: RecordFilter): LocationQueryRaw {
  const q: LocationQueryRaw = {};
  if (f.agencies.length > 0) q.agencies = [...f.agencies];
  if (f.from !== null) q.from = String(f.from);
  if (f.to !== null) q.to = String(f.to);
  if (f.scope !== 'all') q.scope = f.scope;
  if (f.project !== '') q.project = f.project;
  return q;
}

export function parseThreshold(q: LocationQuery): number {
  const n = Number(first(q.threshold));
  return first(q.threshold) !== '' && Number.isFinite(n) && n > 0 && n <= 200 ? n : DEFAULT_THRESHOLD;
}

export const useFiltersStore = defineStore('filters', () => {
  const route = useRoute();
  const router = useRouter();
  const data = useDataStore();

  // A filter change not yet in the URL, and the number of the latest change: an earlier change
  // whose turn comes after a later one leaves the URL to it.
  const pending = shallowRef<RecordFilter | null>(null);
  let latest = 0;
  // Back and forward win over a change still waiting for its URL.
  if (typeof window !== 'undefined') {
    window.addEventListener('popstate', () => {
      latest++;
      pending.value = null;
    });
  }

  // The same filter object for as long as the filter stays the same: a change of another query
  // key (the threshold, compare's records), or the URL catching up with a change already shown,
  // then recomputes nothing that depends on the filter.
  let lastKey = '';
  let last: RecordFilter = NO_FILTER;
  const filter = computed(() => {
    const next = pending.value ?? parseFilterQuery(route.query);
    const key = JSON.stringify(next);
    if (key !== lastKey) {
      lastKey = key;
      // The agencies list, too, stays the same array while it is the same (a year or scope
      // change), for what depends on the agencies alone (the projects in the filter bar).
      const prev = last.agencies;
      const same = prev.length === next.agencies.length && prev.every((a, i) => a === next.agencies[i]);
      last = same ? { ...next, agencies: prev } : next;
    }
    return last;
  });
  const threshold = computed(() => parseThreshold(route.query));
  /** The query that carries the filters (and threshold) to another view. */
  const carried = computed<LocationQueryRaw>(() => {
    const q = filterQuery(filter.value);
    if (threshold.value !== DEFAULT_THRESHOLD) q.threshold = String(threshold.value);
    return q;
  });
  /**
   * `carried` as URL query text, encoded once per filter change for every link that carries it
   * (the navigation, a list's record links): resolving a location per link would encode the
   * agency names again for each.
   */
  const carriedSearch = computed(() => stringifyQuery(carried.value));
  // Computed once per data version and filter, and shared by every view and chart: the filtered
  // records, the agency × year roll-up, the years on the axis and the agencies by budget.
  // The agency indexes are built on the first filter that names agencies, not on every load.
  const recordIndex = computed(() => markRaw(indexByAgency(data.records)));
  const level1Index = computed(() => markRaw(indexByAgency(data.level1)));
  const records = computed(() => markRaw(filterRecords(data.records, filter.value, () => recordIndex.value)));
  const level1 = computed(() => markRaw(filterRecords(data.level1, filter.value, () => level1Index.value)));
  const table = computed(() => markRaw(agencyYears(records.value)));
  const years = computed(() => yearSpan(records.value, filter.value.from, filter.value.to));
  const ranked = computed(() => markRaw(rankAgencies(records.value)));
  const active = computed(() => Object.keys(filterQuery(filter.value)).length > 0);

  function withoutFilters(q: LocationQuery): LocationQueryRaw {
    const rest: LocationQueryRaw = { ...q };
    for (const k of FILTER_KEYS) delete rest[k];
    return rest;
  }

  /** Applies a filter change now; resolves once the URL carries it (or a later change). */
  async function update(patch: Partial<RecordFilter>): Promise<void> {
    const query = filterQuery({ ...filter.value, ...patch });
    const change = ++latest;
    // Read back as the URL would be, so the filter is the same whether shown early or from the URL.
    pending.value = parseFilterQuery(query as LocationQuery);
    await afterNextPaint();
    if (change !== latest) return;
    try {
      await router.push({ path: route.path, query: { ...withoutFilters(route.query), ...query } });
    } finally {
      if (change === latest) pending.value = null;
    }
  }

  async function reset(): Promise<void> {
    latest++;
    pending.value = null;
    await router.push({ path: route.path, query: withoutFilters(route.query) });
  }

  async function setThreshold(value: number): Promise<void> {
    const q: LocationQueryRaw = { ...route.query };
    if (value === DEFAULT_THRESHOLD || !Number.isFinite(value)) delete q.threshold;
    else q.threshold = String(value);
    await router.replace({ path: route.path, query: q });
  }

  function setScope(scope: ScopeFilter): Promise<void> {
    return update({ scope });
  }

  return {
    filter,
    threshold,
    carried,
    carriedSearch,
    records,
    level1,
    table,
    years,
    ranked,
    active,
    update,
    reset,
    setThreshold,
    setScope,
  };
});
