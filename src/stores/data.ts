// The dashboard's data: the current records, fund lines and level-1 indicator summaries, read
// from IndexedDB (the only place the dashboard touches src/db) and read again whenever the set of
// active batches changes, in this tab or another (Dexie's liveQuery sees both). Only the kinds
// whose batches changed are read again: committing indicator rows leaves the twenty thousand
// record objects as they are (building them again held the page for about 100 ms after a commit).
import { isQuotaError, watchQuery, type Watch } from '@/db/live';
import { defineStore } from 'pinia';
import { computed, customRef, markRaw, ref, shallowRef, watch } from 'vue';
import { agencyOptions, distinctProjects, distinctYears, type Level1Summary } from '@/domain/aggregate';
import { recordKey } from '@/domain/keys';
import {
  KINDS,
  type FindingRow,
  type FundLine,
  type ColumnChunk,
  type IndicatorRow,
  type Issue,
  type Kind,
  type PerfRecord,
  type RowOf,
} from '@/domain/types';
import { openDb, type BudgetDb } from '@/db/database';
import { readStart, activeSignatures as readSignatures, type StartRead } from '@/db/startRead';
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
import { appendRows } from '@/domain/columns';
import { problem, problemOf, type Problem } from '@/domain/issues';
import { whenIdle } from '@/scheduling';

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

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Marked on `performance` as the data loads (read by the benchmark, which says where a reload's
 * time goes): the database opened and checked, the stored rows read, the values handed to the views.
 */
export const DATA_MARKS = { opened: 'data:opened', read: 'data:read', ready: 'data:ready' } as const;
const mark = (name: string): void => void globalThis.performance?.mark?.(name);

/** Rows made from stored columns per task: twenty thousand records at once held the page for 60–90 ms. */
const ROWS_PER_TASK = 4000;

/** Rows of stored chunks made into objects, a slice per task so the page stays responsive. */
async function rowsInSlices<K extends Kind>(chunks: readonly ColumnChunk[]): Promise<RowOf[K][]> {
  const out: RowOf[K][] = [];
  for (const chunk of chunks) {
    for (let from = 0; from < chunk.length; from += ROWS_PER_TASK) {
      await nextTask();
      appendRows(chunk, from, Math.min(chunk.length, from + ROWS_PER_TASK), out);
    }
  }
  return out;
}

/** The current rows of a kind, made into objects a slice per task. */
async function currentRowsInSlices<K extends Kind>(db: BudgetDb, kind: K): Promise<RowOf[K][]> {
  return rowsInSlices<K>(await loadCurrentChunks(db, kind, nextTask));
}

/** At the start, the level-1 summaries are made into objects when the page is idle, or after this long. */
const LEVEL1_IDLE_MS = 1000;

/** Level-1 summaries made into objects per task: eighty thousand at once held the page for 250–400 ms after a commit. */
const SUMMARIES_PER_TASK = 10_000;

/** The level-1 summaries of the current indicator rows, made into objects a slice per task. */
async function level1InSlices(db: BudgetDb, stored: Level1Table | null = null): Promise<Level1Summary[]> {
  const table = stored ?? (await level1Table(db));
  const keys = tableRecordKeys(table);
  const out: Level1Summary[] = [];
  for (let from = 0; from < table.length; from += SUMMARIES_PER_TASK) {
    await nextTask();
    appendLevel1Rows(table, keys, from, Math.min(table.length, from + SUMMARIES_PER_TASK), out);
  }
  return out;
}

export const useDataStore = defineStore('data', () => {
  const records = shallowRef<readonly PerfRecord[]>(markRaw([]));
  const funds = shallowRef<readonly FundLine[]>(markRaw([]));
  /** Called when a view reads the level-1 summaries while the start still defers them (below). */
  let hurryLevel1: (() => void) | null = null;
  // A shallow ref whose reading also says that a view wants the summaries now: at the start they
  // wait for the page to be idle unless a view that shows them (scores, compare) is open.
  let level1Value: readonly Level1Summary[] = markRaw([]);
  const level1 = customRef<readonly Level1Summary[]>((track, trigger) => ({
    get() {
      track();
      hurryLevel1?.();
      return level1Value;
    },
    set(v) {
      level1Value = v;
      trigger();
    },
  }));
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
  function reload(kinds: readonly Kind[] = KINDS, start?: StartRead): Promise<void> {
    const running = readKinds(kinds, start);
    latestReload = running;
    latestKinds = new Set(kinds);
    void running.finally(() => {
      if (latestReload === running) latestKinds = null;
    });
    return running;
  }
  /** The reload started last (a commit's catchUp waits for it: it may be reading the commit's rows). */
  let latestReload: Promise<void> = Promise.resolve();
  /** The kinds the reload started last reads, while it runs. */
  let latestKinds: Set<Kind> | null = null;

  /** Reads `kinds` (or takes them from the start's read, which has every kind) and hands them to the views. */
  async function readKinds(kinds: readonly Kind[], start?: StartRead): Promise<void> {
    if (!db) return;
    const seq = ++loadSeq;
    status.value = status.value === 'ready' ? 'ready' : 'loading';
    reloading.value = true;
    try {
      // Indicator rows are not read here (a million of them would hold the page for seconds): the
      // level-1 summaries the charts need are kept up to date in the database with every change,
      // and one record's rows are read when its view opens (indicatorsFor). Findings likewise
      // (findingsFor): a change of them only bumps `version`, so an open record view reads again.
      const [r, f, l, w, batches] = await Promise.all(
        start
          ? ([
              rowsInSlices<'records'>(start.recordChunks),
              start.funds,
              // At the start, the level-1 summaries are made into objects after the first view
              // is painted (below): the overview does not show them, and at a million indicator
              // rows they are eighty thousand objects, a dozen tasks before the first chart.
              null,
              start.warnings,
              start.batches,
            ] as const)
          : ([
              kinds.includes('records') ? currentRowsInSlices(db, 'records') : null,
              kinds.includes('funds') ? loadCurrent(db, 'funds') : null,
              kinds.includes('indicators') ? level1InSlices(db) : null,
              loadWarnings(db),
              listBatches(db),
            ] as const),
      );
      mark(DATA_MARKS.read);
      // Let the charts render in a task of their own, not in the one that built the row objects.
      await nextTask();
      // A later reload started meanwhile: its result wins.
      if (seq !== loadSeq) return;
      for (const k of kinds) stale.delete(k);
      if (r) records.value = markRaw(r);
      if (f) funds.value = markRaw(f);
      if (l) level1.value = markRaw(l);
      warnings.value = markRaw(w);
      const newest = batches.find((b) => b.state === 'active');
      dataVersion.value = newest ? { id: newest.id, fileName: newest.fileName, createdAt: newest.createdAt } : null;
      error.value = null;
      status.value = 'ready';
      version.value++;
      mark(DATA_MARKS.ready);
      if (start) {
        // The summaries of the same read, once the page is idle (the first view's charts drawn:
        // made sooner, their tasks came between the charts' and delayed them): until then the data is
        // not `current` (a view that needs them knows they are coming). Not a new version: the
        // rows are those already read, and the views' colours and caches stay as they are.
        await new Promise<void>((resolve) => {
          const cancel = whenIdle(() => hurryLevel1?.(), LEVEL1_IDLE_MS);
          hurryLevel1 = () => {
            hurryLevel1 = null;
            cancel();
            resolve();
          };
        });
        if (seq !== loadSeq || !db) return;
        const summaries = await level1InSlices(db, start.level1);
        if (seq !== loadSeq) return;
        level1.value = markRaw(summaries);
      }
      reloading.value = false;
    } catch (e) {
      if (seq !== loadSeq) return;
      error.value = loadProblem(e);
      status.value = 'error';
      reloading.value = false;
    }
  }

  /** The app's first read (start): the ids it read are what later changes are compared with. */
  let firstRead: Promise<void> = Promise.resolve();

  /** Marks the kinds whose active batches changed as stale, and reads them again. */
  async function follow(next: Record<Kind, string>): Promise<void> {
    await firstRead;
    let changed = false;
    for (const k of KINDS)
      if (next[k] !== signatures[k] || status.value !== 'ready') {
        stale.add(k);
        changed = true;
      }
    signatures = next;
    if (stale.size === 0) return;
    // Nothing changed since the running reload started (the change notice and a commit's catchUp
    // both report the same commit): it reads what is stale already. Starting another would read,
    // check and build the rows twice, the first result thrown away.
    const running = latestKinds;
    if (!changed && running && [...stale].every((k) => running.has(k))) return latestReload;
    // A reload still running is replaced by this one, which reads its kinds too (still stale).
    return reload([...stale]);
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
      await follow(await readSignatures(db));
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
    const current = db;
    status.value = 'loading';
    // What the views show first is read together with the open, in one transaction, without
    // waiting for the check for the built-in dataset (a reload finds it loaded). On a first start,
    // when that check has just written the built-in dataset, this read is dropped and made again.
    const early = readStart(current).then(
      (read) => ({ read }),
      () => null,
    );
    let wroteBuiltin: boolean;
    try {
      wroteBuiltin = await ensureBuiltin(current);
    } catch (e) {
      error.value = loadProblem(e);
      status.value = 'error';
      return;
    }
    mark(DATA_MARKS.opened);
    firstRead = (async () => {
      try {
        const read = (wroteBuiltin ? null : await early)?.read ?? (await readStart(current));
        if (db !== current) return;
        signatures = read.signatures;
        await reload(KINDS, read);
      } catch (e) {
        if (db !== current) return;
        error.value = loadProblem(e);
        status.value = 'error';
      }
    })();
    // The active batch ids of each kind decide its current data: reload a kind whenever its ids
    // change (a commit, a rollback, here or in another tab) from those the first read saw.
    subscription = watchQuery(() => readSignatures(current), {
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
    firstRead = Promise.resolve();
    signatures = { records: '', funds: '', indicators: '', findings: '' };
    stale.clear();
    status.value = 'idle';
    reloading.value = false;
    catchingUp.value = false;
  }

  /** Resolves once the data has been read (or failed to): what the views show is there. */
  function loaded(): Promise<void> {
    return new Promise((resolve) => {
      const stopWatch = watch(
        status,
        (s) => {
          if (s !== 'ready' && s !== 'error') return;
          queueMicrotask(() => stopWatch());
          resolve();
        },
        { immediate: true },
      );
    });
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
    warnings,
    dataVersion,
    damaged,
    status,
    error,
    version,
    current,
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
