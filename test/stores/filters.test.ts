// @vitest-environment happy-dom
// The filters store computes what every view shares once per filter change, and keeps it while the
// filter stays the same.
import { describe, expect, test } from 'vitest';
import { defineComponent } from 'vue';
import { mount } from '@vue/test-utils';
import { useFiltersStore } from '@/stores/filters';
import { agencyYears, rankAgencies } from '@/domain/aggregate';
import { CCPIT, CHAOYANG, RECORDS } from '../charts/fixtures';
import { testApp } from '../components/setup';

async function store(path: string) {
  const app = await testApp(path);
  // The store reads the route through inject: create it inside a mounted component.
  let filters: ReturnType<typeof useFiltersStore> | undefined;
  mount(
    defineComponent({
      setup: () => {
        filters = useFiltersStore();
        return () => null;
      },
    }),
    { global: { plugins: app.plugins } },
  );
  return { filters: filters!, router: app.router };
}

describe('filters store', () => {
  test('records, agency × year table and ranking follow the filter', async () => {
    const { filters } = await store(
      `/overview?agencies=${encodeURIComponent(CCPIT)}&agencies=${encodeURIComponent(CHAOYANG)}&from=2022`,
    );
    const expected = RECORDS.filter((r) => (r.agency === CCPIT || r.agency === CHAOYANG) && r.year >= 2022);
    expect(filters.records).toEqual(expected);
    expect([...filters.table.keys()]).toEqual([...agencyYears(expected).keys()]);
    expect(filters.ranked).toEqual(rankAgencies(expected));
    expect(filters.years[0]).toBe(2022);
  });

  test('another query key (threshold) recomputes nothing; a filter change does', async () => {
    const { filters, router } = await store('/overview?from=2021');
    const before = { filter: filters.filter, records: filters.records, table: filters.table, ranked: filters.ranked };
    await router.push('/overview?from=2021&threshold=95');
    expect(filters.threshold).toBe(95);
    expect(filters.filter).toBe(before.filter);
    expect(filters.records).toBe(before.records);
    expect(filters.table).toBe(before.table);
    expect(filters.ranked).toBe(before.ranked);
    await router.push('/overview?from=2022&threshold=95');
    expect(filters.filter).not.toBe(before.filter);
    expect(filters.records).not.toBe(before.records);
  });

  test('the agencies list keeps its identity while only the years change', async () => {
    const { filters, router } = await store(`/overview?agencies=${encodeURIComponent(CCPIT)}`);
    const agencies = filters.filter.agencies;
    await router.push(`/overview?agencies=${encodeURIComponent(CCPIT)}&from=2022`);
    expect(filters.filter.from).toBe(2022);
    expect(filters.filter.agencies).toBe(agencies);
    await router.push(`/overview?agencies=${encodeURIComponent(CHAOYANG)}&from=2022`);
    expect(filters.filter.agencies).toEqual([CHAOYANG]);
  });

  test('a change shows at once; the URL follows after the next paint', async () => {
    const { filters, router } = await store('/execution?from=2021');
    const done = filters.update({ scope: 'department' });
    // Before any frame: the filter, and what depends on it, have changed; the URL not yet.
    expect(filters.filter.scope).toBe('department');
    expect(filters.records.every((r) => r.scope === 'department' && r.year >= 2021)).toBe(true);
    expect(router.currentRoute.value.query.scope).toBeUndefined();
    const shown = filters.filter;
    await done;
    expect(router.currentRoute.value.fullPath).toBe('/execution?from=2021&scope=department');
    // The URL catching up is the same filter: nothing recomputed.
    expect(filters.filter).toBe(shown);
  });

  test('quick changes in a row: each shows, one history entry carries them all', async () => {
    const { filters, router } = await store('/execution');
    const first = filters.update({ from: 2022 });
    const second = filters.update({ scope: 'project' });
    expect(filters.filter.from).toBe(2022);
    expect(filters.filter.scope).toBe('project');
    await Promise.all([first, second]);
    expect(router.currentRoute.value.fullPath).toBe('/execution?from=2022&scope=project');
    router.back();
    await new Promise((r) => setTimeout(r, 50));
    expect(router.currentRoute.value.fullPath).toBe('/execution');
  });

  test('back or forward before the URL caught up wins over the waiting change', async () => {
    const { filters, router } = await store('/execution?from=2021');
    await router.push('/execution?from=2023');
    const waiting = filters.update({ scope: 'project' });
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(filters.filter.scope).toBe('all');
    expect(filters.filter.from).toBe(2023);
    await waiting;
    expect(router.currentRoute.value.query.scope).toBeUndefined();
  });
});
