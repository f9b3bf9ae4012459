// The dashboard's data: the current records, fund lines and level-1 indicator summaries, read
// from IndexedDB (the only place the dashboard touches src/db) and read again whenever the set of
// active batches changes, in this tab or another (Dexie's liveQuery sees both). Only the kinds
// whose batches changed are read again: committing indicator rows leaves the twenty thousand
// record objects as they are (building them again held the page for about 100 ms after a commit).
import { isQuotaError, watchQuery, type Watch } from '@/db/live';
import { defineStore } from 'pinia';
import { until } from '@vueuse/core';
import { computed, markRaw, ref, shallowRef } from 'vue';
import { agencyOptions, distinctProjects, distinctYears, type Level1Summary } from '@/domain/aggregate';
import { recordKey } from '@/domain/keys';
import {
  KINDS,
  type ColumnChunk,
  type FindingRow,
  type FundLine,
  type IndicatorRow,
  type Issue,
  type Kind,
  type PerfRecord,
  type RowOf,
} from '@/domain/types';
import { openDb, type BudgetDb } from '@/db/database';
import { activeIds } from '@/db/current';
import { ensureBuiltin } from '@/db/builtin';
import {
  listBatches,
  loadCurrent,
  loadCurrentChunks,
  loadFindingsFor,
  loadIndicatorsFor,
  level1Table,
  loadWarnings,
} from '@/db/ledger';
import { loadDamage, type Damage } from '@/db/damage';
import { appendLevel1Rows, tableRecordKeys, type Level1Table } from '@/domain/level1';
import { afterNextPaint } from '@/scheduling';
import { appendRows } from '@/domain/columns';
import { nextTask, rangeSteps, runStepsInSlices, type Steps } from '@/domain/steps';
import { problem, problemOf, type Problem } from '@/domain/issues';

/**
 * A failure to load the data, as a code and parameters: the built-in data's or the database's
 * IssueError (a newer database refused), a full storage as `quota` (the built-in dataset did not
 * fit: nothing of it was written), or the database's text.
 */
function loadProblem(e: unknown): Problem {
  if (isQuotaError(e)) return problem('quota', {});
  return problemOf(e, (detail) => problem('load_failed', { detail }));
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The newest active batch: the version of the data a printed page or saved chart shows. */
export interface DataVersion {
  id: number;
  fileName: string;
  createdAt: number;
}

/**
 * Marked on `performance` as the data loads (read by the benchmark, which says where a reload's
 * time goes): the database opened and checked, the stored rows read, the values handed to the views.
 */
export const DATA_MARKS = { opened: 'data:opened', read: 'data:read', ready: 'data:ready' } as const;
const mark = (name: string): void => void globalThis.performance?.mark?.(name);

/** Rows made from stored columns at a time, until a task has run for SLICE_MS. */
const ROWS_PER_STEP = 500;
/**
 * How long one task of a reload may run: twenty thousand records made at once held the page for
 * 60–90 ms, and four thousand at a time still for 55 ms with the garbage collection they caused.
 */
const SLICE_MS = 12;

/** The current rows of a kind, made into objects a slice per task so the page stays responsive. */
async function currentRowsInSlices<K extends Kind>(db: BudgetDb, kind: K): Promise<RowOf[K][]> {
  const out: RowOf[K][] = [];
  const steps = function* (chunks: readonly ColumnChunk[]): Steps<void> {
    for (const chunk of chunks)
      yield* rangeSteps(chunk.length, ROWS_PER_STEP, (from, to) => appendRows(chunk, from, to, out));
  };
  const chunks = await loadCurrentChunks(db, kind, nextTask);
  await nextTask();
  await runStepsInSlices(steps(chunks), nextTask, SLICE_MS);
  return out;
}

/** Level-1 summaries made into objects at a time (eighty thousand at once held the page for 250–400 ms). */
const SUMMARIES_PER_STEP = 2000;

/** Level-1 summaries made into objects a slice per task (its caller waits for a paint first). */
async function level1InSlices(table: Level1Table): Promise<Level1Summary[]> {
  const keys = tableRecordKeys(table);
  const out: Level1Summary[] = [];
  const steps = rangeSteps(table.length, SUMMARIES_PER_STEP, (from, to) =>
    appendLevel1Rows(table, keys, from, to, out),
  );
  await runStepsInSlices(steps, nextTask, SLICE_MS);
  return out;
}

export const useDataStore = defineStore('data', () => {
  const records = shallowRef<readonly PerfRecord[]>(markRaw([]));
  const funds = shallowRef<readonly FundLine[]>(markRaw([]));
  const level1 = shallowRef<readonly Level1Summary[]>(markRaw([]));
  /**
   * Whether `level1` holds the summaries of the current indicator rows. They are made into
   * objects after the views have drawn what was read with them (makeLevel1); until then the views
   * that show them (scores, compare) say they are still reading.
   */
  const level1Ready = ref(false);
  let level1Seq = 0;
  const warnings = shallowRef<readonly Issue[]>(markRaw([]));
  const dataVersion = shallowRef<DataVersion | null>(null);
  /** Active batches whose stored rows failed their checks: left out of the data above, named in a notice. */
  const damaged = shallowRef<readonly Damage[]>(markRaw([]));
  const status = ref<LoadStatus>('idle');
  const error = shallowRef<Problem | null>(null);
  /** Bumped after every load, so views can cache by it. */
  const version = ref(0);
  /** A reload is running: what the views show may be about to change. */
  const reloading = ref(false);
  /** A commit made on this page is not in the data yet (catchUp). */
  const catchingUp = ref(false);
  /**
   * The data is read and up to date with every commit this page knows of: only then does a view
   * say that a record is not there (right after a commit the data follows a moment later).
   */
  const current = computed(() => status.value === 'ready' && !reloading.value && !catchingUp.value);
  /** The data is being read and nothing of it is there yet: a view with nothing to show says it is reading. */
  const firstReading = computed(() => status.value === 'loading' && records.value.length === 0);

  let db: BudgetDb | null = null;
  let subscription: Watch | null = null;
  let damageWatch: Watch | null = null;
  /** The active batch ids per kind last seen ('' before the first), and the kinds not yet read again since they changed. */
  let signatures: Record<Kind, string> = { records: '', funds: '', indicators: '', findings: '' };
  const stale = new Set<Kind>();
  let loadSeq = 0;

  const byKey = computed(() => {
    const m = new Map<string, PerfRecord>();
    for (const r of records.value) m.set(recordKey(r), r);
    return m;
  });
  const agencyGroups = computed(() => agencyOptions(records.value));
  const years = computed(() => distinctYears(records.value));
  const projects = computed(() => distinctProjects(records.value));

  /**
   * Reads the current data of `kinds` (all by default) again; the others stay. Warnings are read
   * with any kind: they follow every batch.
   */
  function reload(kinds: readonly Kind[] = KINDS): Promise<void> {
    const running = readKinds(kinds);
    latestReload = running;
    return running;
  }
  /** The reload started last (a commit's catchUp waits for it: it may be reading the commit's rows). */
  let latestReload: Promise<void> = Promise.resolve();

  async function readKinds(kinds: readonly Kind[]): Promise<void> {
    if (!db) return;
    const seq = ++loadSeq;
    status.value = status.value === 'ready' ? 'ready' : 'loading';
    reloading.value = true;
    try {
      // Indicator rows are not read here (a million of them would hold the page for seconds): the
      // level-1 summaries the charts need are kept up to date in the database with every change,
      // and one record's rows are read when its view opens (indicatorsFor). Findings likewise
      // (findingsFor): a change of them only bumps `version`, so an open record view reads again.
      const [r, f, l, w, batches] = await Promise.all([
        kinds.includes('records') ? currentRowsInSlices(db, 'records') : null,
        kinds.includes('funds') ? loadCurrent(db, 'funds') : null,
        kinds.includes('indicators') ? level1Table(db) : null,
        loadWarnings(db),
        listBatches(db),
      ]);
      mark(DATA_MARKS.read);
      // Let the charts render in a task of their own, not in the one that built the row objects.
      await nextTask();
      // A later reload started meanwhile: its result wins.
      if (seq !== loadSeq) return;
      for (const k of kinds) stale.delete(k);
      if (r) records.value = markRaw(r);
      if (f) funds.value = markRaw(f);
      if (l) void makeLevel1(l);
      warnings.value = markRaw(w);
      const newest = batches.find((b) => b.state === 'active');
      dataVersion.value = newest ? { id: newest.id, fileName: newest.fileName, createdAt: newest.createdAt } : null;
      error.value = null;
      status.value = 'ready';
      reloading.value = false;
      version.value++;
      mark(DATA_MARKS.ready);
    } catch (e) {
      if (seq !== loadSeq) return;
      error.value = loadProblem(e);
      status.value = 'error';
      reloading.value = false;
    }
  }

  /**
   * The level-1 summaries as objects, after the next paint: only the scores and compare views
   * read them, and making eighty thousand of them (and collecting the garbage) delayed the
   * overview's first draw by ≈ 35 ms at a million stored rows. A later table replaces this one.
   */
  async function makeLevel1(table: Level1Table): Promise<void> {
    const seq = ++level1Seq;
    level1Ready.value = false;
    await afterNextPaint();
    const rows = await level1InSlices(table);
    if (seq !== level1Seq) return;
    level1.value = markRaw(rows);
    level1Ready.value = true;
  }

  /** Resolves once `level1` holds the current summaries. */
  function level1Loaded(): Promise<void> {
    return until(level1Ready)
      .toBe(true, { flush: 'pre' })
      .then(() => undefined);
  }

  /** The active batch ids of each kind: they decide its current data. */
  async function activeSignatures(current: BudgetDb): Promise<Record<Kind, string>> {
    const ids = await Promise.all(KINDS.map((k) => activeIds(current, k)));
    return Object.fromEntries(KINDS.map((k, i) => [k, ids[i]!.join(',')])) as Record<Kind, string>;
  }

  /** Marks the kinds whose active batches changed as stale, and reads them again. */
  function follow(next: Record<Kind, string>): Promise<void> {
    for (const k of KINDS) if (next[k] !== signatures[k] || status.value !== 'ready') stale.add(k);
    signatures = next;
    // A reload still running is replaced by this one, which reads its kinds too (still stale).
    return stale.size > 0 ? reload([...stale]) : Promise.resolve();
  }

  let catchUpSeq = 0;
  /**
   * Called when this page has just committed (a report, an upload): reads the changed kinds now
   * rather than when the database's change notice arrives, and until they are read the data is
   * not `current`, so that a view does not say "not found" of a record just committed.
   */
  async function catchUp(): Promise<void> {
    if (!db) return;
    const seq = ++catchUpSeq;
    catchingUp.value = true;
    try {
      await follow(await activeSignatures(db));
      // A reload the database's change notice started meanwhile reads the commit's rows too.
      while (reloading.value) await latestReload;
    } catch (e) {
      error.value = loadProblem(e);
      status.value = 'error';
    } finally {
      if (seq === catchUpSeq) catchingUp.value = false;
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
      error.value = loadProblem(e);
      status.value = 'error';
      return;
    }
    mark(DATA_MARKS.opened);
    const current = db;
    // The active batch ids of each kind decide its current data: reload a kind whenever its ids
    // change (a commit, a rollback, here or in another tab).
    subscription = watchQuery(() => activeSignatures(current), {
      next: (next) => void follow(next),
      error: (e: unknown) => {
        error.value = loadProblem(e);
        status.value = 'error';
      },
    });
    // Damage found by any read (this page's, the worker's, another tab's): the batches it names are
    // left out of the data already (the active ids above exclude them), and the notice says so.
    damageWatch = watchQuery(() => loadDamage(current), {
      next: (list) => {
        damaged.value = markRaw(list);
      },
      error: () => undefined,
    });
  }

  function stop(): void {
    subscription?.unsubscribe();
    subscription = null;
    damageWatch?.unsubscribe();
    damageWatch = null;
    damaged.value = markRaw([]);
    db?.close();
    db = null;
    signatures = { records: '', funds: '', indicators: '', findings: '' };
    stale.clear();
    status.value = 'idle';
    reloading.value = false;
    catchingUp.value = false;
    // A table still being made into objects is not this database's any more.
    level1Seq++;
    level1Ready.value = false;
  }

  /** Resolves once the data has been read (or failed to): what the views show is there. */
  function loaded(): Promise<void> {
    return until(status)
      .toMatch((s) => s === 'ready' || s === 'error', { flush: 'pre' })
      .then(() => undefined);
  }

  /** Every indicator row of one record (the record view's tree). */
  async function indicatorsFor(key: string): Promise<IndicatorRow[]> {
    if (!db) return [];
    return markRaw(await loadIndicatorsFor(db, key));
  }

  /** Every finding of one record (the record view), in stored order. */
  async function findingsFor(key: string): Promise<FindingRow[]> {
    if (!db) return [];
    return markRaw(await loadFindingsFor(db, key));
  }

  function warningsFor(key: string): Issue[] {
    return warnings.value.filter((w) => w.recordKey === key);
  }

  function fundsFor(key: string): FundLine[] {
    return funds.value.filter((f) => recordKey(f) === key);
  }

  return {
    records,
    funds,
    level1,
    level1Ready,
    level1Loaded,
    warnings,
    dataVersion,
    damaged,
    status,
    error,
    version,
    current,
    firstReading,
    catchUp,
    byKey,
    agencyGroups,
    years,
    projects,
    start,
    stop,
    reload,
    loaded,
    indicatorsFor,
    findingsFor,
    warningsFor,
    fundsFor,
  };
});
