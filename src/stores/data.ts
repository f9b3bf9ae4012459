// The dashboard's data: the current records, fund lines and level-1 indicator summaries, read
// from IndexedDB (the only place the dashboard touches src/db) and read again whenever the set of
// active batches changes, in this tab or another (Dexie's liveQuery sees both).
import { defineStore } from 'pinia';
import { liveQuery, type Subscription } from 'dexie';
import { computed, markRaw, ref, shallowRef } from 'vue';
import { agencyOptions, distinctProjects, distinctYears, type Level1Summary } from '../domain/aggregate';
import { recordKey } from '../domain/keys';
import type { FundLine, IndicatorRow, Issue, PerfRecord } from '../domain/types';
import { openDb, type BudgetDb } from '../db/database';
import { ensureBuiltin } from '../db/builtin';
import { loadCurrent, loadIndicatorsFor, loadLevel1, loadWarnings } from '../db/ledger';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export const useDataStore = defineStore('data', () => {
  const records = shallowRef<readonly PerfRecord[]>(markRaw([]));
  const funds = shallowRef<readonly FundLine[]>(markRaw([]));
  const level1 = shallowRef<readonly Level1Summary[]>(markRaw([]));
  const warnings = shallowRef<readonly Issue[]>(markRaw([]));
  const status = ref<LoadStatus>('idle');
  const error = ref<string | null>(null);
  /** Bumped after every load, so views can cache by it. */
  const version = ref(0);

  let db: BudgetDb | null = null;
  let subscription: Subscription | null = null;
  let signature = '';
  let loadSeq = 0;

  const byKey = computed(() => {
    const m = new Map<string, PerfRecord>();
    for (const r of records.value) m.set(recordKey(r), r);
    return m;
  });
  const agencyGroups = computed(() => agencyOptions(records.value));
  const years = computed(() => distinctYears(records.value));
  const projects = computed(() => distinctProjects(records.value));

  async function reload(): Promise<void> {
    if (!db) return;
    const seq = ++loadSeq;
    status.value = status.value === 'ready' ? 'ready' : 'loading';
    try {
      // Indicator rows are not read here (a million of them would hold the page for seconds): the
      // level-1 summaries the charts need are kept up to date in the database with every change,
      // and one record's rows are read when its view opens (indicatorsFor).
      const [r, f, l, w] = await Promise.all([loadCurrent(db, 'records'), loadCurrent(db, 'funds'), loadLevel1(db), loadWarnings(db)]);
      // Let the charts render in a task of their own, not in the one that built the row objects.
      await nextTask();
      // A later reload started meanwhile: its result wins.
      if (seq !== loadSeq) return;
      records.value = markRaw(r);
      funds.value = markRaw(f);
      level1.value = markRaw(l);
      warnings.value = markRaw(w);
      error.value = null;
      status.value = 'ready';
      version.value++;
    } catch (e) {
      if (seq !== loadSeq) return;
      error.value = e instanceof Error ? e.message : String(e);
      status.value = 'error';
    }
  }

  /** Opens the database, loads the built-in dataset on first start, and follows changes. */
  async function start(database: BudgetDb = openDb()): Promise<void> {
    if (db) return;
    db = database;
    status.value = 'loading';
    try {
      await ensureBuiltin(db);
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      status.value = 'error';
      return;
    }
    const current = db;
    // The active batch ids decide the current data: reload whenever they change (a commit, a
    // rollback, here or in another tab).
    subscription = liveQuery(() => current.batches.where('state').equals('active').primaryKeys()).subscribe({
      next: (ids) => {
        const next = [...ids].sort((a, b) => Number(a) - Number(b)).join(',');
        if (next === signature && status.value === 'ready') return;
        signature = next;
        void reload();
      },
      error: (e: unknown) => {
        error.value = e instanceof Error ? e.message : String(e);
        status.value = 'error';
      },
    });
  }

  function stop(): void {
    subscription?.unsubscribe();
    subscription = null;
    db?.close();
    db = null;
    signature = '';
    status.value = 'idle';
  }

  /** Every indicator row of one record (the record view's tree). */
  async function indicatorsFor(key: string): Promise<IndicatorRow[]> {
    if (!db) return [];
    return markRaw(await loadIndicatorsFor(db, key));
  }

  function warningsFor(key: string): Issue[] {
    return warnings.value.filter((w) => w.recordKey === key);
  }

  function fundsFor(key: string): FundLine[] {
    return funds.value.filter((f) => recordKey(f) === key);
  }

  return {
    records, funds, level1, warnings, status, error, version,
    byKey, agencyGroups, years, projects,
    start, stop, reload, indicatorsFor, warningsFor, fundsFor,
  };
});
