// @vitest-environment happy-dom
// The filters store computes what every view shares once per filter change, and keeps it while the
// filter stays the same.
import { describe, expect, test } from 'vitest';
import { defineComponent } from 'vue';
import { mount } from '@vue/test-utils';
import { useFiltersStore } from '../../src/stores/filters';
import { agencyYears, rankAgencies } from '../../src/domain/aggregate';
import { CCPIT, CHAOYANG, RECORDS } from '../charts/fixtures';
import { testApp } from '../components/setup';

async function store(path: string) {
  const app = await testApp(path);
  // The store reads the route through inject: create it inside a mounted component.
  let filters: ReturnType<typeof useFiltersStore> | undefined;
  mount(defineComponent({ setup: () => { filters = useFiltersStore(); return () => null; } }), { global: { plugins: app.plugins } });
  return { filters: filters!, router: app.router };
}

describe('filters store', () => {
  test('records, agency × year table and ranking follow the filter', async () => {
    const { filters } = await store(`/overview?agencies=${encodeURIComponent(CCPIT)}&agencies=${encodeURIComponent(CHAOYANG)}&from=2022`);
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
});
