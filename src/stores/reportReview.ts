// The review of an evaluation report on the data page: owns the report worker, sends it the file,
// keeps what it found (the document laid out with every figure marked, the extraction, the checks
// its rows meet as batches), the analyst's corrections as a list of edits (each one re-checked by
// the worker), and commits. Nothing is written until the analyst commits what the review showed.
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { CommitResult } from '@/db/ledger';
import type { Edit } from '@/domain/extract/edits';
import type { ReviewDocument } from '@/domain/extract/reviewDocument';
import type { ExtractedKind, ExtractResult } from '@/domain/extract/types';
import { problem, type Problem } from '@/domain/issues';
import type { FromReportWorker, ReportCheck, ToReportWorker } from '@/workers/reportProtocol';
import { identityOf } from '@/workers/protocol';
import { UPLOAD_FILE_CODES } from '@/domain/upload/misplacedReport';
import { isPlausibleYear } from '@/domain/schema';
import { useDataStore } from './data';

/** Which row an extracted row is, for people (the preview's identity of a row). */
export const rowIdentity = identityOf;

/** What the store needs of a Worker; tests run the engine in-process behind the same shape. */
export interface ReportWorkerLike {
  postMessage(msg: ToReportWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromReportWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

const defaultFactory = (): ReportWorkerLike =>
  new Worker(new URL('../workers/report.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as ReportWorkerLike;

let workerFactory: () => ReportWorkerLike = defaultFactory;

/** Replaces how the report worker is created (tests); call before the store first needs it. */
export function setReportWorkerFactory(factory: (() => ReportWorkerLike) | null): void {
  workerFactory = factory ?? defaultFactory;
}

export type ReviewPhase = 'idle' | 'reading' | 'review' | 'committing';

/** Performance marks of a report's read (the benchmark times chosen → read: reading and extraction in the worker). */
export const REPORT_MARKS = { chosen: 'report:chosen', read: 'report:read' } as const;

function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

export type ReviewFailure = Problem & { stage: 'read' | 'check' | 'commit' };

/** pdf.js's CMaps and fonts, served by the app under its own base (scripts/pdfjsAssets.ts). */
function assetsUrl(): string {
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  // Outside a page (tests in Node) there is no base: pdf.js is then given the folder as it is named.
  return base ? new URL('pdfjs/', base).href : 'pdfjs/';
}

export const useReportReviewStore = defineStore('reportReview', () => {
  const phase = ref<ReviewPhase>('idle');
  const fileName = ref('');
  /** The file under review (handed to the data upload when it turns out to be a form or a data table). */
  const chosen = shallowRef<File | null>(null);
  const document = shallowRef<ReviewDocument | null>(null);
  /** The extraction as first read: the document's marks point at its evidence. */
  const original = shallowRef<ExtractResult | null>(null);
  /** The extraction with the edits applied, and what its batches meet. */
  const check = shallowRef<ReportCheck | null>(null);
  const edits = shallowRef<readonly Edit[]>(markRaw([]));
  const failure = ref<ReviewFailure | null>(null);
  const results = shallowRef<readonly CommitResult[] | null>(null);
  /** The commit was refused (errors shown in the check). */
  const refused = ref(false);
  /** The year the analyst gave for the parts of the report that state none (null: none given). */
  const year = ref<number | null>(null);

  let worker: ReportWorkerLike | null = null;
  let id = 0;
  const data = useDataStore();

  const errorCount = computed(() => {
    const c = check.value;
    if (!c) return 0;
    return c.result.errors.length + c.problems.length + c.batches.reduce((n, b) => n + b.errorCount, 0);
  });
  const rowCount = computed(() => check.value?.batches.reduce((n, b) => n + b.rows, 0) ?? 0);
  const nothingNew = computed(() => {
    const b = check.value?.batches ?? [];
    return b.length > 0 && b.every((x) => x.identical);
  });
  /** The file is the data upload's (a self-evaluation form, a table of the contract), not a report. */
  const belongsToUpload = computed(
    () => check.value?.result.errors.some((e) => UPLOAD_FILE_CODES.has(e.code)) ?? false,
  );
  /** The parts of the report that state no year: asked for, or given the analyst's year. */
  const partsWithoutYear = computed(() => {
    const r = original.value;
    if (!r) return 0;
    const code = year.value === null ? 'year_not_found' : 'report_year_given';
    return (year.value === null ? r.errors : r.warnings).filter((x) => x.code === code).length;
  });
  const canCommit = computed(
    () => phase.value === 'review' && errorCount.value === 0 && rowCount.value > 0 && !nothingNew.value,
  );

  function ensureWorker(): ReportWorkerLike {
    if (worker) return worker;
    const w = workerFactory();
    w.onmessage = (e) => onMessage(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      const stage = phase.value === 'committing' ? 'commit' : 'read';
      failure.value = { stage, ...problem('worker_failed', { detail: e.message || 'report worker failed' }) };
      phase.value = stage === 'commit' ? 'review' : 'idle';
    };
    worker = w;
    return w;
  }

  function onMessage(msg: FromReportWorker): void {
    if (msg.id !== id) return;
    switch (msg.type) {
      case 'read':
        mark(REPORT_MARKS.read);
        fileName.value = msg.fileName;
        document.value = msg.document ? markRaw(msg.document) : null;
        original.value = markRaw(msg.check.result);
        check.value = markRaw(msg.check);
        phase.value = 'review';
        return;
      case 'checked':
        check.value = markRaw(msg.check);
        return;
      case 'refused':
        check.value = markRaw(msg.check);
        refused.value = true;
        phase.value = 'review';
        return;
      case 'committed':
        results.value = markRaw(msg.results);
        clear();
        // The dashboard's data follows now, not when the database's change notice comes.
        void data.catchUp();
        return;
      case 'failed':
        failure.value = { stage: msg.stage, ...msg.problem };
        phase.value = msg.stage === 'read' ? 'idle' : phase.value === 'committing' ? 'review' : phase.value;
        return;
    }
  }

  function clear(): void {
    phase.value = 'idle';
    document.value = null;
    original.value = null;
    check.value = null;
    edits.value = markRaw([]);
    refused.value = false;
  }

  /** Reads a report in the worker; replaces the one under review. */
  function choose(file: File): void {
    if (phase.value === 'committing') return;
    if (phase.value === 'reading') {
      // A report still being read is dropped with its worker (pdf.js cannot be interrupted).
      worker?.terminate();
      worker = null;
    }
    year.value = null;
    read(file);
  }

  function read(file: File): void {
    clear();
    id++;
    results.value = null;
    failure.value = null;
    fileName.value = file.name;
    chosen.value = markRaw(file);
    phase.value = 'reading';
    globalThis.performance?.clearMarks?.(REPORT_MARKS.chosen);
    globalThis.performance?.clearMarks?.(REPORT_MARKS.read);
    mark(REPORT_MARKS.chosen);
    const given = year.value === null ? {} : { year: year.value };
    ensureWorker().postMessage({ type: 'read', id, file, assets: assetsUrl(), ...given });
  }

  /**
   * The year of the parts of the report under review that state none: the report is read again
   * with it. The edits are dropped (they point at rows of the reading before); a year the report
   * states is kept whatever is given here.
   */
  function setYear(next: number): void {
    const file = chosen.value;
    if (phase.value !== 'review' || file === null || !isPlausibleYear(next)) return;
    year.value = next;
    read(file);
  }

  function setEdits(next: readonly Edit[]): void {
    edits.value = markRaw([...next]);
    refused.value = false;
    ensureWorker().postMessage({ type: 'check', id, edits: [...next] });
  }

  /** Sets a value as typed ('' removes it); a later correction of the same value replaces an earlier one. */
  function correct(kind: ExtractedKind, index: number, field: string, text: string, reason = ''): void {
    const rest = edits.value.filter((e) => 'drop' in e || e.kind !== kind || e.index !== index || e.field !== field);
    const edit: Edit =
      reason.trim() === '' ? { kind, index, field, text } : { kind, index, field, text, reason: reason.trim() };
    setEdits([...rest, edit]);
  }

  /** Leaves a row out of the commit (a finding or an indicator that is not one). */
  function dropRow(kind: ExtractedKind, index: number): void {
    setEdits([...edits.value, { kind, index, drop: true }]);
  }

  function undo(position: number): void {
    setEdits(edits.value.filter((_, i) => i !== position));
  }

  function commit(): void {
    if (!canCommit.value) return;
    phase.value = 'committing';
    failure.value = null;
    ensureWorker().postMessage({ type: 'commit', id, edits: [...edits.value] });
  }

  function discard(): void {
    if (phase.value === 'committing') return;
    if (phase.value === 'reading') {
      worker?.terminate();
      worker = null;
    } else worker?.postMessage({ type: 'discard', id });
    id++;
    clear();
    failure.value = null;
  }

  function dismiss(): void {
    results.value = null;
    failure.value = null;
  }

  return {
    phase,
    fileName,
    chosen,
    belongsToUpload,
    document,
    original,
    check,
    edits,
    failure,
    results,
    refused,
    year,
    partsWithoutYear,
    errorCount,
    rowCount,
    nothingNew,
    canCommit,
    choose,
    setYear,
    correct,
    dropRow,
    undo,
    commit,
    discard,
    dismiss,
  };
});
