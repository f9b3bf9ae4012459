// The report worker's engine against a real (fake-indexeddb) database: a report read and
// extracted, laid out for review, checked as batches, corrected and committed; a scanned PDF and
// a refused commit write nothing.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listBatches, loadCurrent } from '@/db/ledger';
import { readEvidence } from '@/domain/evidenceColumn';
import { ReportEngine } from '@/workers/reportEngine';
import type { FromReportWorker } from '@/workers/reportProtocol';
import { freshDb } from './helpers';
import { NO_YEAR_AGENCY, NO_YEAR_TEXT } from '../fixtures/noYearReport';

const REPORTS = path.join(process.cwd(), 'test', 'fixtures', 'reports');
const PDF = { cMapUrl: path.join(process.cwd(), 'node_modules', 'pdfjs-dist', 'cmaps') + path.sep };

function source(name: string) {
  return { name, read: async () => new Uint8Array(readFileSync(path.join(REPORTS, name))) };
}

function harness() {
  const db = freshDb();
  const messages: FromReportWorker[] = [];
  const engine = new ReportEngine(db, (m) => messages.push(structuredClone(m)));
  const last = <T extends FromReportWorker['type']>(type: T) => {
    const found = [...messages].reverse().find((m) => m.type === type);
    if (!found) throw new Error(`no ${type} among ${messages.map((m) => m.type).join(', ')}`);
    return found as Extract<FromReportWorker, { type: T }>;
  };
  return { db, engine, messages, last };
}

describe('report engine', () => {
  test('reads a .docx report: the rows, the document with every figure marked, and its batches checked', async () => {
    const h = harness();
    await h.engine.read(1, source('ccpit-2023-department-tables.docx'));
    const read = h.last('read');
    const { result, batches } = read.check;
    expect(result.errors).toEqual([]);
    expect(result.records[0]?.budget).toBe(5571);
    expect(batches.map((b) => [b.kind, b.errorCount])).toContainEqual(['records', 0]);
    expect(batches.every((b) => b.newKeys === b.rows && !b.identical)).toBe(true);
    // Every evidence item stands in a block of the document, and its text is marked there.
    const doc = read.document!;
    const budget = result.evidence.findIndex((e) => e.kind === 'records' && e.index === 0 && e.field === 'budget');
    const at = doc.blockOf[budget];
    expect(at).not.toBeNull();
    const block = doc.blocks[at!]!;
    const pieces = block.type === 'paragraph' ? block.pieces : block.rows.flat().flatMap((c) => c.pieces);
    const marked = pieces.filter((p) => p.marks.some((m) => m.evidence === budget && m.role === 'value'));
    expect(marked.map((p) => p.text).join('')).toBe(result.evidence[budget]!.text);
    expect(doc.blockOf.filter((b) => b === null)).toEqual([]);
  });

  test('commits the corrected report as ordinary batches, the correction recorded in the evidence column', async () => {
    const h = harness();
    await h.engine.read(2, source('ccpit-2023-department-tables.docx'));
    const edits = [{ kind: 'records' as const, index: 0, field: 'score', text: '93.5', reason: '复核' }];
    await h.engine.check(2, edits);
    expect(h.last('checked').check.result.records[0]?.score).toBe(93.5);
    await h.engine.commit(2, edits);
    const committed = h.last('committed');
    expect(committed.results.every((r) => r.status === 'committed')).toBe(true);
    const records = await loadCurrent(h.db, 'records');
    expect(records).toHaveLength(1);
    expect(records[0]?.score).toBe(93.5);
    const score = readEvidence('records', records[0]!.evidence).find((e) => e.field === 'score');
    expect(score?.corrected).toEqual({ from: '93.2', reason: '复核' });
    const findings = await loadCurrent(h.db, 'findings');
    expect(findings.some((f) => f.kind === 'problem')).toBe(true);
    // The same report again is nothing new.
    await h.engine.read(3, source('ccpit-2023-department-tables.docx'));
    expect(h.last('read').check.batches.some((b) => b.identical)).toBe(true);
  });

  test('refuses a commit whose edits give an error, and writes nothing', async () => {
    const h = harness();
    await h.engine.read(4, source('ccpit-2023-department-tables.docx'));
    await h.engine.commit(4, [{ kind: 'records', index: 0, field: 'agency', text: '' }]);
    const refused = h.last('refused');
    expect(refused.check.problems.map((p) => p.issue.code)).toEqual(['required']);
    expect(await listBatches(h.db)).toEqual([]);
  });

  test('reads a PDF with a text layer; a scanned PDF says it has no text and nothing can be committed', async () => {
    const h = harness();
    await h.engine.read(5, source('chaoyang-2025-negotiation-pdf.pdf'), PDF);
    const pdf = h.last('read');
    expect(pdf.check.result.errors).toEqual([]);
    expect(pdf.check.result.records.length).toBeGreaterThan(0);
    await h.engine.read(6, source('scanned-no-text.pdf'), PDF);
    const scan = h.last('read');
    expect(scan.check.result.errors.map((e) => e.code)).toEqual(['pdf_no_text']);
    expect(scan.document).toBeNull();
    await h.engine.commit(6, []);
    expect(h.last('refused').id).toBe(6);
    expect(await listBatches(h.db)).toEqual([]);
  });

  test('a PDF chosen on the page is read with the report worker’s pdf.js worker lent to the reader (none here: read in this thread)', async () => {
    const db = freshDb();
    const messages: FromReportWorker[] = [];
    let asked = 0;
    const lent = { port: async () => (asked++, null), failed: () => {} };
    const engine = new ReportEngine(db, (m) => messages.push(structuredClone(m)), lent);
    const name = 'chaoyang-2025-negotiation-pdf.pdf';
    const file = new File([readFileSync(path.join(REPORTS, name))], name);
    await engine.handle({
      type: 'read',
      id: 1,
      file,
      assets: `${path.join(process.cwd(), 'node_modules', 'pdfjs-dist')}/`,
    });
    expect(asked).toBe(1);
    const read = messages.find((m) => m.type === 'read');
    expect(read?.type === 'read' && read.check.result.records.length).toBeGreaterThan(0);
  });

  test('a file that is no report format is refused with its name', async () => {
    const h = harness();
    await h.engine.read(7, { name: '报告.png', read: async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    expect(h.last('read').check.result.errors.map((e) => e.code)).toEqual(['document_unsupported']);
  });

  test('a Word self-evaluation form and the contract tables are refused as the upload’s, with nothing to review', async () => {
    const h = harness();
    const forms = path.join(process.cwd(), 'test', 'fixtures', 'forms');
    const file = (dir: string, name: string) => ({
      name,
      read: async () => new Uint8Array(readFileSync(path.join(dir, name))),
    });
    await h.engine.read(8, file(forms, 'project-national.docx'));
    const word = h.last('read');
    expect(word.check.result.errors.map((e) => e.code)).toEqual(['report_is_form']);
    expect(word.document).toBeNull();
    expect(word.check.result.records).toEqual([]);
    await h.engine.read(9, file(forms, 'department-national.xlsx'));
    expect(h.last('read').check.result.errors.map((e) => e.code)).toEqual(['report_is_form']);
    await h.engine.read(10, file(path.join(process.cwd(), 'data'), 'records.csv'));
    expect(h.last('read').check.result.errors.map((e) => e.code)).toEqual(['report_is_table']);
    await h.engine.commit(10, []);
    expect(h.last('refused').id).toBe(10);
    expect(await listBatches(h.db)).toEqual([]);
  });
});

describe('report engine: the year of a report that states none', () => {
  const noYear = (text: string) => new File([new TextEncoder().encode(text)], '无年度评价报告.txt');

  test('without a year it gives no rows; read again with the analyst’s year it gives them, said in a warning', async () => {
    const h = harness();
    await h.engine.handle({ type: 'read', id: 1, file: noYear(NO_YEAR_TEXT), assets: '' });
    const first = h.last('read').check;
    expect(first.result.errors.map((e) => e.code)).toEqual(['year_not_found']);
    expect(first.batches).toEqual([]);

    await h.engine.handle({ type: 'read', id: 2, file: noYear(NO_YEAR_TEXT), assets: '', year: 2022 });
    const second = h.last('read').check;
    expect(second.result.errors).toEqual([]);
    expect(second.result.records.map((r) => [r.agency, r.year, r.budget, r.score])).toEqual([
      [NO_YEAR_AGENCY, 2022, 200, 86],
    ]);
    expect(second.result.warnings.map((w) => [w.code, w.params])).toEqual([['report_year_given', { year: 2022 }]]);
    expect(second.batches.find((b) => b.kind === 'records')).toMatchObject({ rows: 1, errorCount: 0 });
    await h.engine.commit(2, []);
    expect((await loadCurrent(h.db, 'records')).map((r) => [r.agency, r.year])).toEqual([[NO_YEAR_AGENCY, 2022]]);
  });

  test('a year the report states is kept whatever year is given, and the difference named', async () => {
    const h = harness();
    const stated = readFileSync(path.join(REPORTS, 'yuzhong-2022-contradicted-rate.txt'));
    const file = new File([new Uint8Array(stated)], 'yuzhong-2022-contradicted-rate.txt');
    await h.engine.handle({ type: 'read', id: 3, file, assets: '', year: 2021 });
    const { result } = h.last('read').check;
    expect(result.records.map((r) => r.year)).toEqual([2022]);
    expect(result.warnings.filter((w) => w.code.startsWith('report_year')).map((w) => [w.code, w.params])).toEqual([
      ['report_year_differs', { stated: 2022, given: 2021 }],
    ]);
  });
});
