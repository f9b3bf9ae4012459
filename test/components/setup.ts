// Mounting helpers for component tests: a memory-history router, Pinia with the built-in
// dataset's records already in the data store (no IndexedDB), and vue-i18n.
import { markRaw } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, type Router } from 'vue-router';
import { createAppRouter, prefetchViews } from '@/router';
import { createAppI18n } from '@/i18n';
import { level1Summaries } from '@/domain/aggregate';
import { useDataStore } from '@/stores/data';
import { INDICATORS, RECORDS } from '../charts/fixtures';
import type { PerfRecord } from '@/domain/types';

export interface TestApp {
  router: Router;
  pinia: Pinia;
  plugins: [Router, Pinia, ReturnType<typeof createAppI18n>];
}

export async function testApp(path = '/overview', records: PerfRecord[] = RECORDS): Promise<TestApp> {
  const pinia = createPinia();
  setActivePinia(pinia);
  const data = useDataStore();
  data.records = markRaw(records);
  data.level1 = markRaw(level1Summaries(INDICATORS));
  data.status = 'ready';
  const router = createAppRouter(createMemoryHistory());
  // The views' chunks loaded first, as the app does once idle: a navigation then waits for none.
  await prefetchViews();
  await router.push(path);
  await router.isReady();
  return { router, pinia, plugins: [router, pinia, createAppI18n('zh-CN')] };
}

/** Waits until the router has settled after a navigation triggered from the UI. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Waits until `check` holds (the worker answered, the view drew), then lets Vue's updates run. */
export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  await flushPromises();
}
