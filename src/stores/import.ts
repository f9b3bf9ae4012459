// The analyst's import workflow on the main thread: owns the import worker, turns its messages
// into state for the data page, and keeps the batch history, storage usage and published-data
// status. The rows themselves stay in the worker; this store sees previews only.
import { defineStore } from 'pinia';
import { watchQuery, type Watch } from '@/db/live';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { Kind } from '@/domain/types';
import { openDb, type BudgetDb } from '@/db/database';
import { listBatches, rollbackBatches, type BatchInfo, type CommitResult } from '@/db/ledger';
import { groupUploads, type UploadEntry } from '@/db/uploads';
import { loadDamage, type Damage } from '@/db/damage';
import type { LeftOut } from '@/db/exportAll';
import { reloadBuiltin as reloadBuiltinDb } from '@/db/builtin';
import { IssueError, problem, problemOf, type Problem } from '@/domain/issues';
import {
  FILES_PER_MESSAGE,
  type FilePreview,
  type FormsPreview,
  type FromWorker,
  type NamedBytes,
  type PublishOutcome,
  type ToWorker,
} from '@/workers/protocol';
import { nextTask } from '@/domain/steps';
import { isPlausibleYear } from '@/domain/schema';
import type { RollbackPreview } from '@/workers/rollbackPreview';
import { useDataStore } from './data';

/** What the store needs of a Worker; tests run the engine in-process behind the same shape. */
export interface WorkerLike {
  postMessage(msg: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;

let workerFactory: WorkerFactory = defaultFactory;

/** Replaces how the import worker is created (tests); call before the store first needs it. */
export function setImportWorkerFactory(factory: WorkerFactory | null): void {
  workerFactory = factory ?? defaultFactory;
}

export type ImportPhase = 'idle' | 'parsing' | 'preview' | 'committing';

export interface ImportProgress {
  fileIndex: number;
  fileCount: number;
  fileName: string;
  fraction: number;
  overall: number;
}

/** What failed, where: a code and parameters for the page to put into words (src/i18n). */
export type ImportFailure = Problem & { stage: 'parse' | 'commit' | 'publish' | 'export' | 'history' | 'verify' };

/** A batch operation's failure: the ledger's IssueError as it is, anything else with its text. */
function historyProblem(e: unknown): Problem {
  return problemOf(e, (detail) => problem('history_failed', { detail }));
}

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  /** null when the browser cannot tell. */
  persisted: boolean | null;
}

export type PublishStatus = { outcomes: PublishOutcome[] } | { failed: Problem } | null;

/** rolledBack: the batches one rollback changed (one batch, or an upload's). */
export type HistoryNotice = { type: 'rolledBack'; batches: readonly BatchInfo[] } | { type: 'reloaded' } | null;

/** How long a running parse may take to acknowledge a cancel before its worker is stopped. */
const CANCEL_GRACE_MS = 300;

export const MARKS = { chosen: 'import:file-chosen', parsed: 'import:parsed', committed: 'import:committed' } as const;

function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

export const useImportStore = defineStore('import', () => {
  const phase = ref<ImportPhase>('idle');
  const progress = ref<ImportProgress | null>(null);
  const chosenFiles = shallowRef<readonly File[]>(markRaw([]));
  const previews = shallowRef<readonly FilePreview[]>(markRaw([]));
  const results = shallowRef<readonly CommitResult[] | null>(null);
  const failure = ref<ImportFailure | null>(null);
  const cancelled = ref(false);
  const batches = shallowRef<readonly BatchInfo[]>(markRaw([]));
  /** The history by upload (db/uploads.ts), newest first. */
  const uploads = computed<readonly UploadEntry[]>(() => markRaw(groupUploads(batches.value)));
  const historyBusy = ref(false);
  const historyNotice = shallowRef<HistoryNotice>(null);
  const storage = ref<StorageInfo | null>(null);
  const published = shallowRef<PublishStatus>(null);
  const exporting = ref(false);
  /** Rows of the running export written so far, of all. */
  const exportProgress = shallowRef<{ done: number; total: number } | null>(null);
  const exported = shallowRef<Record<Kind, Blob> | null>(null);
  /** Active batches whose stored rows failed their checks: left out of the views, named on the data page. */
  const damaged = shallowRef<readonly Damage[]>(markRaw([]));
  /** The upload's self-evaluation forms, file by file (null: it has none). */
  const forms = shallowRef<FormsPreview | null>(null);
  /** The year the analyst gave for the forms that state none; asked once per upload. */
  const formYear = ref<number | null>(null);
  /** Fraction of an Excel export built, while one runs. */
  const xlsxProgress = ref<number | null>(null);

  let worker: WorkerLike | null = null;
  let uploadId = 0;
  /** The upload whose cancel the worker has yet to acknowledge. */
  let cancelling = -1;
  let cancelTimer: ReturnType<typeof setTimeout> | null = null;
  let db: BudgetDb | null = null;
  let history: Watch | null = null;
  let damageWatch: Watch | null = null;
  /** Requests answered by id (export, rollback preview), apart from the upload. */
  const pending = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  let requestSeq = 0;

  const totals = computed(() => {
    let rows = 0;
    let errors = 0;
    let warnings = 0;
    for (const p of previews.value) {
      rows += p.rows;
      errors += p.errorCount;
      warnings += p.warningCount;
    }
    return { rows, errors, warnings };
  });
  const hasErrors = computed(() => previews.value.some((p) => p.errorCount > 0 || p.kind === null));
  /** Every file is a copy of an active batch or of another file here: committing changes nothing. */
  const nothingNew = computed(
    () => previews.value.length > 0 && previews.value.every((p) => p.identicalTo !== null || p.sameAsFile !== null),
  );
  const canCommit = computed(
    () => phase.value === 'preview' && previews.value.length > 0 && !hasErrors.value && !nothingNew.value,
  );

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const w = workerFactory();
    w.onmessage = (e) => onMessage(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      failure.value = {
        stage: phase.value === 'committing' ? 'commit' : 'parse',
        ...problem('worker_failed', { detail: e.message || 'import worker failed' }),
      };
      phase.value = phase.value === 'committing' ? 'preview' : 'idle';
      progress.value = null;
    };
    worker = w;
    return w;
  }

  function stopWorker(): void {
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) p.reject(new IssueError(problem('worker_stopped', {})));
    pending.clear();
  }

  function clearCancelTimer(): void {
    if (cancelTimer !== null) clearTimeout(cancelTimer);
    cancelTimer = null;
  }

  function onMessage(msg: FromWorker): void {
    switch (msg.type) {
      case 'progress':
        if (msg.uploadId === uploadId && phase.value === 'parsing') {
          progress.value = {
            fileIndex: msg.fileIndex,
            fileCount: msg.fileCount,
            fileName: msg.fileName,
            fraction: msg.fraction,
            overall: msg.overall,
          };
        }
        return;
      case 'parsed':
        if (msg.uploadId !== uploadId || phase.value !== 'parsing') return;
        mark(MARKS.parsed);
        previews.value = markRaw(msg.files);
        forms.value = msg.forms ? markRaw(msg.forms) : null;
        progress.value = null;
        phase.value = 'preview';
        return;
      case 'cancelled':
        if (msg.uploadId === cancelling) clearCancelTimer();
        return;
      case 'discarded':
        return;
      case 'committed':
        if (msg.uploadId !== uploadId) return;
        mark(MARKS.committed);
        results.value = markRaw(msg.results);
        previews.value = markRaw([]);
        forms.value = null;
        chosenFiles.value = markRaw([]);
        phase.value = 'idle';
        // The dashboard's data follows now, not when the database's change notice comes.
        void useDataStore().catchUp();
        void refreshHistory();
        // Data worth keeping is now stored: the moment to ask the browser not to evict it.
        void requestPersistence();
        return;
      case 'published':
        published.value = { outcomes: msg.outcomes };
        if (msg.outcomes.some((o) => o.status === 'committed')) void refreshHistory();
        return;
      case 'exportProgress':
        exportProgress.value = { done: msg.done, total: msg.total };
        return;
      case 'exported':
        settle(msg.uploadId, { files: msg.files, leftOut: msg.leftOut });
        return;
      case 'verified':
        damaged.value = markRaw(msg.damaged);
        settle(msg.uploadId, msg.damaged);
        return;
      case 'xlsxProgress':
        xlsxProgress.value = msg.fraction;
        return;
      case 'exportedXlsx':
        settle(msg.uploadId, { blob: msg.blob, leftOut: msg.leftOut });
        return;
      case 'rollbackPreview':
        settle(msg.uploadId, msg.preview);
        return;
      case 'failed':
        onFailed(msg);
        return;
    }
  }

  function settle(id: number, value: unknown): void {
    const p = pending.get(id);
    pending.delete(id);
    if (value instanceof Error) p?.reject(value);
    else p?.resolve(value);
  }

  function request<T>(make: (id: number) => ToWorker): Promise<T> {
    const id = ++requestSeq;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ensureWorker().postMessage(make(id));
    });
  }

  function onFailed(msg: Extract<FromWorker, { type: 'failed' }>): void {
    if (msg.stage === 'publish') {
      published.value = { failed: msg.problem };
      return;
    }
    if (msg.stage === 'export' || msg.stage === 'rollbackPreview' || msg.stage === 'verify') {
      settle(msg.uploadId, new IssueError(msg.problem));
      return;
    }
    if (msg.uploadId !== uploadId) return;
    failure.value = { stage: msg.stage, ...msg.problem };
    if (msg.reparse) {
      // The stored data changed under the preview: the worker reads the files again, and the new
      // preview (with the rows that lost their record) follows; the failure stays to say why.
      previews.value = markRaw([]);
      phase.value = 'parsing';
      const first = chosenFiles.value[0]?.name ?? '';
      progress.value = { fileIndex: 0, fileCount: chosenFiles.value.length, fileName: first, fraction: 0, overall: 0 };
      return;
    }
    if (msg.stage === 'parse') {
      phase.value = 'idle';
      progress.value = null;
    } else if (phase.value === 'committing') {
      // The worker still holds the parsed files: the preview stays, to retry or discard.
      phase.value = 'preview';
    }
  }

  /** Starts reading and validating the chosen files in the worker. Replaces any current upload. */
  function choose(files: readonly File[]): void {
    formYear.value = null;
    parse(files);
  }

  /**
   * The year for the upload's forms that state none: the same files are read again with it (a
   * form's checks and what it supersedes depend on its year).
   */
  function setFormYear(year: number): void {
    if (phase.value !== 'preview' || !isPlausibleYear(year)) return;
    const files = chosenFiles.value;
    worker?.postMessage({ type: 'discard', uploadId });
    formYear.value = year;
    parse(files);
  }

  function parse(files: readonly File[]): void {
    if (files.length === 0 || phase.value === 'committing') return;
    globalThis.performance?.clearMarks?.(MARKS.parsed);
    globalThis.performance?.clearMarks?.(MARKS.committed);
    globalThis.performance?.clearMarks?.(MARKS.chosen);
    mark(MARKS.chosen);
    if (cancelTimer !== null) {
      // A cancelled parse has not stopped yet: do not queue the new files behind it.
      clearCancelTimer();
      stopWorker();
    }
    uploadId++;
    chosenFiles.value = markRaw([...files]);
    previews.value = markRaw([]);
    forms.value = null;
    results.value = null;
    failure.value = null;
    cancelled.value = false;
    progress.value = { fileIndex: 0, fileCount: files.length, fileName: files[0]!.name, fraction: 0, overall: 0 };
    phase.value = 'parsing';
    void send(ensureWorker(), uploadId, [...files], formYear.value);
  }

  /** The files to the worker, FILES_PER_MESSAGE per task; stops if the upload is replaced or cancelled. */
  async function send(to: WorkerLike, id: number, files: File[], year: number | null): Promise<void> {
    const last = Math.floor((files.length - 1) / FILES_PER_MESSAGE) * FILES_PER_MESSAGE;
    for (let from = 0; from < last; from += FILES_PER_MESSAGE) {
      to.postMessage({ type: 'files', uploadId: id, files: files.slice(from, from + FILES_PER_MESSAGE) });
      await nextTask();
      if (uploadId !== id || worker !== to || cancelling === id) return;
    }
    to.postMessage({
      type: 'parse',
      uploadId: id,
      files: files.slice(last),
      ...(year === null ? {} : { formYear: year }),
    });
  }

  /** Starts the worker ahead of the first upload (the data page opened): see workers/warmUp.ts. */
  function warm(): void {
    ensureWorker().postMessage({ type: 'warm' });
  }

  /** Cancel leaves nothing behind: a running parse is stopped, a preview is dropped. */
  function cancel(): void {
    if (phase.value === 'parsing') {
      cancelling = uploadId;
      worker?.postMessage({ type: 'cancel', uploadId });
      // A parse acknowledges between pieces of the file; if it cannot, the worker is stopped
      // (it holds nothing else) and a fresh one starts with the next upload.
      clearCancelTimer();
      cancelTimer = setTimeout(() => {
        cancelTimer = null;
        stopWorker();
      }, CANCEL_GRACE_MS);
    } else if (phase.value === 'preview') {
      worker?.postMessage({ type: 'discard', uploadId });
    } else {
      return;
    }
    uploadId++;
    phase.value = 'idle';
    progress.value = null;
    previews.value = markRaw([]);
    forms.value = null;
    formYear.value = null;
    chosenFiles.value = markRaw([]);
    failure.value = null;
    cancelled.value = true;
  }

  function commit(): void {
    if (!canCommit.value) return;
    failure.value = null;
    phase.value = 'committing';
    ensureWorker().postMessage({ type: 'commit', uploadId });
  }

  function dismiss(): void {
    results.value = null;
    failure.value = null;
    cancelled.value = false;
    historyNotice.value = null;
  }

  // --- batch history -------------------------------------------------------------------------

  /** Opens the database connection of the history and follows changes (commits from the worker,
   * rollbacks, other tabs). Idempotent. */
  function connect(database: BudgetDb = openDb()): void {
    if (db) return;
    db = database;
    const current = db;
    history = watchQuery(() => listBatches(current), {
      next: (list) => {
        batches.value = markRaw(list);
      },
      error: (e: unknown) => {
        failure.value = { stage: 'history', ...historyProblem(e) };
      },
    });
    // Damage found anywhere (the worker's check, a view's read, another tab) is named here.
    damageWatch = watchQuery(() => loadDamage(current), {
      next: (list) => {
        damaged.value = markRaw(list);
      },
      error: () => undefined,
    });
  }

  /** Checks every stored chunk of the active batches in the worker; the damaged ones are named in `damaged`. */
  function checkStored(): Promise<readonly Damage[]> {
    return request<Damage[]>((id) => ({ type: 'verify', uploadId: id }));
  }

  async function refreshHistory(): Promise<void> {
    if (db) batches.value = markRaw(await listBatches(db));
  }

  /** Rolls one batch back (refused when rows of other batches would lose their record). */
  function rollback(id: number): Promise<void> {
    return rollbackTogether([id]);
  }

  /** Rolls an upload back as a unit: its active batches in one transaction, all or none. */
  function rollbackUpload(upload: UploadEntry): Promise<void> {
    return rollbackTogether(upload.activeIds);
  }

  async function rollbackTogether(ids: readonly number[]): Promise<void> {
    if (!db) connect();
    historyBusy.value = true;
    try {
      const rolled = await rollbackBatches(db!, ids);
      historyNotice.value = { type: 'rolledBack', batches: markRaw(rolled) };
      // The last import's banner ("imported 1 batch") would contradict the history once its batches are gone.
      const gone = new Set(rolled.map((b) => b.id));
      if (results.value?.some((r) => gone.has(r.batch.id))) results.value = null;
      await refreshHistory();
      void refreshStorage();
    } catch (e) {
      failure.value = { stage: 'history', ...historyProblem(e) };
    } finally {
      historyBusy.value = false;
    }
  }

  async function reloadBuiltin(): Promise<void> {
    if (!db) connect();
    historyBusy.value = true;
    try {
      await reloadBuiltinDb(db!);
      historyNotice.value = { type: 'reloaded' };
      await refreshHistory();
    } catch (e) {
      failure.value = { stage: 'history', ...historyProblem(e) };
    } finally {
      historyBusy.value = false;
    }
  }

  /**
   * The current data as the contract's four files, built in the worker as Blobs, with progress,
   * and the rows left out (of records no longer current).
   */
  async function exportAll(): Promise<{ files: Record<Kind, Blob>; leftOut: LeftOut }> {
    exporting.value = true;
    exportProgress.value = null;
    try {
      const done = await request<{ files: Record<Kind, Blob>; leftOut: LeftOut }>((id) => ({
        type: 'export',
        uploadId: id,
      }));
      exported.value = markRaw(done.files);
      return done;
    } finally {
      exporting.value = false;
      exportProgress.value = null;
    }
  }

  /** 导出 Excel: the current data as one .xlsx workbook, a sheet per kind, built in the worker. */
  async function exportXlsx(): Promise<{ blob: Blob; leftOut: LeftOut }> {
    exporting.value = true;
    xlsxProgress.value = 0;
    try {
      return await request<{ blob: Blob; leftOut: LeftOut }>((id) => ({ type: 'exportXlsx', uploadId: id }));
    } finally {
      exporting.value = false;
      xlsxProgress.value = null;
    }
  }

  /**
   * What rolling `batchIds` back together would do, from the stored data now (null: none of them
   * is active): one batch, or an upload's active batches.
   */
  function previewRollback(batchIds: readonly number[]): Promise<RollbackPreview | null> {
    return request<RollbackPreview | null>((id) => ({
      type: 'rollbackPreview',
      uploadId: id,
      batchIds: [...batchIds],
    }));
  }

  // --- storage -------------------------------------------------------------------------------

  async function refreshStorage(): Promise<void> {
    const s = globalThis.navigator?.storage;
    if (!s?.estimate) {
      storage.value = { usage: null, quota: null, persisted: null };
      return;
    }
    const [estimate, persisted] = await Promise.all([
      s.estimate(),
      s.persisted ? s.persisted() : Promise.resolve(null),
    ]);
    storage.value = { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
  }

  /** Asks the browser not to evict this site's data; it decides (Chromium by engagement, others may prompt). */
  async function requestPersistence(): Promise<boolean | null> {
    const s = globalThis.navigator?.storage;
    if (!s?.persist) return null;
    const granted = await s.persist();
    await refreshStorage();
    return granted;
  }

  // --- published data --------------------------------------------------------------------------

  /**
   * Reads data/manifest.json beside the app and imports the files it lists when their content
   * changed. No manifest (404) is the normal case and stays silent.
   */
  async function syncPublished(base: string = globalThis.document?.baseURI ?? ''): Promise<void> {
    if (!base) return;
    const manifestUrl = new URL('data/manifest.json', base);
    let names: string[];
    try {
      const res = await fetch(manifestUrl, { cache: 'no-cache' });
      if (!res.ok) return;
      names = manifestFiles(await res.json());
    } catch {
      // Not JSON (e.g. a dev server answering with index.html) or no network: nothing published.
      return;
    }
    if (names.length === 0) return;
    try {
      const files: NamedBytes[] = [];
      for (const name of names) {
        const res = await fetch(new URL(name, manifestUrl), { cache: 'no-cache' });
        if (!res.ok) throw new IssueError(problem('published_fetch_failed', { file: name, status: res.status }));
        files.push({ name, bytes: new Uint8Array(await res.arrayBuffer()) });
      }
      ensureWorker().postMessage(
        { type: 'publish', uploadId: 0, files },
        files.map((f) => f.bytes.buffer as ArrayBuffer),
      );
    } catch (e) {
      published.value = { failed: problemOf(e, (detail) => problem('publish_failed', { detail })) };
    }
  }

  function disconnect(): void {
    history?.unsubscribe();
    history = null;
    damageWatch?.unsubscribe();
    damageWatch = null;
    db?.close();
    db = null;
    clearCancelTimer();
    stopWorker();
  }

  return {
    phase,
    progress,
    chosenFiles,
    previews,
    results,
    failure,
    cancelled,
    batches,
    uploads,
    historyBusy,
    historyNotice,
    storage,
    published,
    exporting,
    exportProgress,
    exported,
    damaged,
    xlsxProgress,
    forms,
    formYear,
    totals,
    hasErrors,
    nothingNew,
    canCommit,
    choose,
    setFormYear,
    cancel,
    commit,
    dismiss,
    connect,
    warm,
    refreshHistory,
    rollback,
    rollbackUpload,
    previewRollback,
    reloadBuiltin,
    exportAll,
    checkStored,
    exportXlsx,
    refreshStorage,
    requestPersistence,
    syncPublished,
    disconnect,
  };
});

/** The file names a manifest lists: plain names inside data/, no paths (nothing outside the folder). */
export function manifestFiles(json: unknown): string[] {
  if (!json || typeof json !== 'object') return [];
  const files = (json as { files?: unknown }).files;
  if (!Array.isArray(files)) return [];
  return files.filter((f): f is string => typeof f === 'string' && /^[^/\\]+$/.test(f) && f !== '.' && f !== '..');
}
