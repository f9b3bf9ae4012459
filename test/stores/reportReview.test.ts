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
import { setReportWorkerFactory, useReportReviewStore } from '@/stores/reportReview';
import { freshDb } from '../workers/helpers';
import { InProcessReportWorker } from '../workers/inProcessWorker';
import { NO_YEAR_AGENCY, NO_YEAR_TEXT } from '../fixtures/noYearReport';

const REPORT = path.join(process.cwd(), 'test', 'fixtures', 'reports', 'ccpit-2023-department-tables.docx');

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

  test('a report that states no year asks for one; given, it is read again in the worker and gives its rows', async () => {
    const store = useReportReviewStore();
    const workers: InProcessReportWorker[] = [];
    setReportWorkerFactory(() => {
      const w = new InProcessReportWorker(db);
      workers.push(w);
      return w;
    });
    store.choose(new File([new TextEncoder().encode(NO_YEAR_TEXT)], '无年度评价报告.txt'));
    await until(() => store.phase === 'review', 'the review');
    expect(store.check!.result.errors.map((e) => e.code)).toEqual(['year_not_found']);
    expect(store.partsWithoutYear).toBe(1);
    expect(store.canCommit).toBe(false);

    // Not a year a record may have: nothing is read again.
    store.setYear(1850);
    expect(store.phase).toBe('review');
    expect(store.year).toBeNull();

    store.setYear(2022);
    expect(store.phase).toBe('reading');
    await until(() => store.phase === 'review', 'the second read');
    const reads = workers[0]!.received.filter((m) => m.type === 'read');
    expect(reads.map((m) => (m.type === 'read' ? (m.year ?? null) : null))).toEqual([null, 2022]);
    expect(store.year).toBe(2022);
    expect(store.check!.result.errors).toEqual([]);
    expect(store.check!.result.warnings.map((w) => w.code)).toEqual(['report_year_given']);
    // Still asked (the year given can be changed): the part now read with it.
    expect(store.partsWithoutYear).toBe(1);
    expect(store.canCommit).toBe(true);
    store.commit();
    await until(() => store.results !== null, 'the commit');
    expect((await loadCurrent(db, 'records')).map((r) => [r.agency, r.year])).toEqual([[NO_YEAR_AGENCY, 2022]]);

    // The next report chosen is asked its own year.
    store.choose(new File([new TextEncoder().encode(NO_YEAR_TEXT)], '另一份.txt'));
    await until(() => store.phase === 'review', 'the next review');
    expect(store.year).toBeNull();
    expect(store.check!.result.errors.map((e) => e.code)).toEqual(['year_not_found']);
  });
});
