// The report review store with the real report engine behind an in-process stand-in for the
// Worker (messages delivered asynchronously and structured-cloned), against fake-indexeddb: read,
// correct (a later correction of a value replaces an earlier one), leave a row out, undo, commit.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { listBatches, loadCurrent } from '@/db/ledger';
import type { BudgetDb } from '@/db/database';
import { ReportEngine } from '@/workers/reportEngine';
import type { FromReportWorker, ToReportWorker } from '@/workers/reportProtocol';
import { setReportWorkerFactory, useReportReviewStore, type ReportWorkerLike } from '@/stores/reportReview';
import { freshDb } from '../workers/helpers';

const REPORT = path.join(process.cwd(), 'test', 'fixtures', 'reports', 'ccpit-2023-department-tables.docx');

class InProcessReportWorker implements ReportWorkerLike {
  onmessage: ((e: MessageEvent<FromReportWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly received: ToReportWorker[] = [];
  private readonly engine: ReportEngine;
  constructor(db: BudgetDb) {
    this.engine = new ReportEngine(db, (msg) => {
      const copy = structuredClone(msg);
      setTimeout(() => this.onmessage?.({ data: copy } as MessageEvent<FromReportWorker>), 0);
    });
  }
  postMessage(msg: ToReportWorker): void {
    this.received.push(msg);
    setTimeout(() => void this.engine.handle(msg), 0);
  }
  terminate(): void {}
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let db: BudgetDb;

beforeEach(() => {
  setActivePinia(createPinia());
  db = freshDb();
  setReportWorkerFactory(() => new InProcessReportWorker(db));
});

afterEach(() => setReportWorkerFactory(null));

function reportFile(): File {
  return new File([new Uint8Array(readFileSync(REPORT))], path.basename(REPORT));
}

describe('report review store', () => {
  test('reads, corrects, leaves a row out, undoes, and commits what the review shows', async () => {
    const store = useReportReviewStore();
    store.choose(reportFile());
    expect(store.phase).toBe('reading');
    await until(() => store.phase === 'review', 'the review');
    expect(store.document?.blocks.length).toBeGreaterThan(0);
    expect(store.canCommit).toBe(true);
    const findings = store.check!.result.findings.length;

    store.correct('records', 0, 'score', '90');
    store.correct('records', 0, 'score', '93.5', '复核');
    expect(store.edits).toEqual([{ kind: 'records', index: 0, field: 'score', text: '93.5', reason: '复核' }]);
    store.dropRow('findings', 0);
    await until(() => store.check!.result.findings.length === findings - 1, 'the check of the edits');
    expect(store.check!.result.records[0]?.score).toBe(93.5);
    store.undo(1);
    await until(() => store.check!.result.findings.length === findings, 'the undo');

    store.commit();
    await until(() => store.results !== null, 'the commit');
    expect(store.phase).toBe('idle');
    expect((await loadCurrent(db, 'records'))[0]?.score).toBe(93.5);
    expect(await loadCurrent(db, 'findings')).toHaveLength(findings);
    expect((await listBatches(db)).map((b) => b.kind).sort()).toEqual(
      [...new Set(store.results!.map((r) => r.batch.kind))].sort(),
    );
  });

  test('an edit that gives an error blocks the commit until it is undone', async () => {
    const store = useReportReviewStore();
    store.choose(reportFile());
    await until(() => store.phase === 'review', 'the review');
    store.correct('records', 0, 'budget', '很多');
    await until(() => store.errorCount > 0, 'the refused edit');
    expect(store.canCommit).toBe(false);
    store.commit();
    expect(store.phase).toBe('review');
    store.undo(0);
    await until(() => store.errorCount === 0, 'the undo');
    expect(store.canCommit).toBe(true);
    store.discard();
    expect(store.phase).toBe('idle');
    expect(await listBatches(db)).toEqual([]);
  });
});
