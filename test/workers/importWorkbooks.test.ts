// Workbooks and self-evaluation forms through the import engine, as the worker runs them: each
// sheet of a kind a batch (records first), issues at their sheet cells, hidden and empty sheets
// named; forms as one upload whose figures keep their cells, committed whole or not at all.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listBatches, loadCurrent } from '@/db/ledger';
import { readEvidence } from '@/domain/evidenceColumn';
import { TEMPLATE_ROWS } from '@/domain/templates';
import { toXlsx } from '@/domain/workbook/write';
import { writeSheets } from '../../scripts/fixtures/sheetWriter';
import { harness } from './helpers';

const FORMS = path.join(process.cwd(), 'test', 'fixtures', 'forms') + path.sep;
const form = (name: string) => new File([readFileSync(FORMS + name)], name);
const xlsx = (name: string, bytes: Uint8Array) => new File([bytes as Uint8Array<ArrayBuffer>], name);

const record = { ...TEMPLATE_ROWS.records };
const indicator = { ...TEMPLATE_ROWS.indicators };

describe('workbooks of the contract tables', () => {
  test('each sheet of a kind is a batch, records first; hidden and empty sheets are named; commit stores them', async () => {
    // Indicators come first in the workbook and still find the record of the records sheet.
    const tables = toXlsx({ indicators: [indicator], records: [record] });
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [xlsx('数据.xlsx', tables)] });
    const parsed = h.last('parsed');
    expect(parsed.forms).toBeNull();
    expect(parsed.files.map((f) => [f.fileName, f.source, f.kind, f.rows, f.errorCount])).toEqual([
      ['数据.xlsx', { type: 'sheet', format: 'xlsx', sheet: '评价记录' }, 'records', 1, 0],
      ['数据.xlsx', { type: 'sheet', format: 'xlsx', sheet: '绩效指标' }, 'indicators', 1, 0],
    ]);
    expect(parsed.files[0]!.sample[0]).toMatchObject({ agency: record.agency, budget: record.budget });

    await h.engine.handle({ type: 'commit', uploadId: 1 });
    expect(h.last('committed').results.map((r) => r.status)).toEqual(['committed', 'committed']);
    const stored = await loadCurrent(h.db, 'indicators');
    expect(stored.find((r) => r.agency === record.agency && r.level1 === indicator.level1)).toMatchObject({
      score: indicator.score,
    });
  });

  test('a sheet of a kind with its header alone is skipped with a warning, not an error (an export of no funds)', async () => {
    const book = toXlsx({ records: [record], indicators: [indicator], funds: [] });
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [xlsx('导出.xlsx', book)] });
    const parsed = h.last('parsed').files;
    expect(parsed.map((f) => [f.kind, f.errorCount])).toEqual([
      ['records', 0],
      ['indicators', 0],
    ]);
    expect(parsed[0]!.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'sheet_no_rows',
          sheet: '资金明细',
          params: { sheet: '资金明细', kind: 'funds' },
        }),
      ]),
    );
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    expect(h.last('committed').results).toHaveLength(2);
  });

  test('hidden and empty sheets are warned about by name; a sheet of no kind too', async () => {
    const book = writeSheets([
      { name: '说明', rows: [['填表说明'], ['请按模板填写']] },
      { name: '隐藏', rows: [['单位名称', '年度']], hidden: true },
      { name: '空白', rows: [] },
    ]);
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [xlsx('空.xlsx', book)] });
    const [only] = h.last('parsed').files;
    expect(only!.kind).toBeNull();
    expect(only!.errors.map((e) => e.code)).toEqual(['workbook_no_tables']);
    expect(only!.warnings.map((w) => [w.code, w.sheet])).toEqual(
      expect.arrayContaining([
        ['sheet_no_kind', '说明'],
        ['sheet_hidden', '隐藏'],
        ['sheet_empty', '空白'],
      ]),
    );
  });

  test('a bad cell is an error at its sheet cell with the header as written, and nothing can be committed', async () => {
    const book = toXlsx({ records: [record, { ...record, project: '另一个项目', budget: -5 }] });
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [xlsx('坏.xlsx', book)] });
    const [r] = h.last('parsed').files;
    expect(r!.errors).toEqual([
      expect.objectContaining({
        code: 'amount_negative',
        sheet: '评价记录',
        cell: 'G3',
        row: 3,
        column: '全年预算数（万元）',
      }),
    ]);
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    expect(h.last('failed')).toMatchObject({ stage: 'commit', problem: { code: 'has_errors' } });
    expect((await listBatches(h.db)).filter((b) => b.origin === 'upload')).toEqual([]);
  });
});

describe('self-evaluation forms', () => {
  test('forms in .xlsx and .docx preview as one upload: each record with its cells, then commit stores them all', async () => {
    const h = harness();
    const files = [form('project-national.xlsx'), form('department-national.docx'), form('project-sichuan.docx')];
    await h.engine.handle({ type: 'parse', uploadId: 1, files });
    const parsed = h.last('parsed');
    const forms = parsed.forms!;
    expect(forms.files.map((f) => [f.fileName, f.layout, f.errors.length])).toEqual([
      ['project-national.xlsx', 'project_self_evaluation_form', 0],
      ['department-national.docx', 'department_self_evaluation_form', 0],
      ['project-sichuan.docx', 'project_self_evaluation_form', 0],
    ]);
    const chaoyang = forms.files[0]!;
    expect(chaoyang.record).toMatchObject({
      year: 2024,
      scope: 'project',
      project: '开展北京·香港合作研讨洽谈会专题推介活动',
    });
    // Every figure says where it was read: a sheet cell of the workbook, a table cell of the Word form.
    const cells = readEvidence('records', chaoyang.record!.evidence);
    expect(cells.find((e) => e.field === 'expenditure')?.location).toMatch(/^Sheet1![A-Z]+\d+$/);
    const word = readEvidence('records', forms.files[1]!.record!.evidence);
    expect(word.find((e) => e.field === 'agency')?.location).toMatch(/^表1 第\d+行/);
    expect(chaoyang.indicators.length).toBeGreaterThan(0);
    expect(chaoyang.supersedes).toEqual({ record: null, indicators: 0, funds: 0 });
    // The forms' rows are one batch per kind, shown as one upload.
    expect(parsed.files.map((f) => [f.kind, f.source])).toEqual([
      ['records', { type: 'forms', files: 3 }],
      ['indicators', { type: 'forms', files: 3 }],
      ['funds', { type: 'forms', files: 3 }],
      // A form's 评价结论 line (project-sichuan.docx) is a finding of its record.
      ['findings', { type: 'forms', files: 3 }],
    ]);
    expect(parsed.files[0]!.rows).toBe(3);

    await h.engine.handle({ type: 'commit', uploadId: 1 });
    expect(h.last('committed').results.every((r) => r.status === 'committed')).toBe(true);
    const records = await loadCurrent(h.db, 'records');
    expect(records.filter((r) => r.source.endsWith('.docx') || r.source.endsWith('.xlsx'))).toHaveLength(3);
  });

  test('one form with an error blocks the whole upload: nothing is written', async () => {
    const h = harness();
    // 产业招商推介会 scores an indicator above its 分值: an error at import.
    const files = [form('project-national.xlsx'), form('project-forms-several.xlsx')];
    await h.engine.handle({ type: 'parse', uploadId: 1, files });
    const forms = h.last('parsed').forms!;
    const bad = forms.files.find((f) => f.fileName === 'project-forms-several.xlsx')!;
    expect(bad.errors).toEqual([
      expect.objectContaining({ code: 'score_above_weight', location: expect.stringMatching(/^产业招商推介会!H\d+$/) }),
    ]);
    expect(bad.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['sheet_hidden', 'sheet_empty', 'fund_total_zero']),
    );
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    expect(h.last('failed')).toMatchObject({ stage: 'commit', problem: { code: 'has_errors' } });
    expect((await listBatches(h.db)).filter((b) => b.origin === 'upload')).toEqual([]);
  });

  test('a form without a year is an error until the year is given for the upload; then it is read with it', async () => {
    const h = harness();
    const files = [form('department-guizhou-no-year.xlsx'), form('project-national.xlsx')];
    await h.engine.handle({ type: 'parse', uploadId: 1, files });
    const first = h.last('parsed').forms!;
    expect(first.withoutYear).toBe(1);
    expect(first.year).toBeNull();
    expect(first.files[0]!.errors.map((e) => e.code)).toEqual(['form_year_missing']);

    await h.engine.handle({ type: 'parse', uploadId: 2, files, formYear: 2023 });
    const second = h.last('parsed').forms!;
    expect(second.year).toBe(2023);
    expect(second.files[0]!.errors).toEqual([]);
    expect(second.files[0]!.yearFromUpload).toBe(true);
    expect(second.files[0]!.record).toMatchObject({ agency: '绥阳县太白镇人民政府', year: 2023 });
    // The form that states its year keeps it.
    expect(second.files[1]!.record!.year).toBe(2024);
  });

  test('a form again supersedes the stored record, and the preview says so', async () => {
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [form('project-national.xlsx')] });
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    // The same form as a Word document: the same record, read from other cells.
    await h.engine.handle({ type: 'parse', uploadId: 2, files: [form('project-national.docx')] });
    const [again] = h.last('parsed').forms!.files;
    expect(again!.supersedes).not.toBeNull();
    expect(again!.supersedes!.record).not.toBeNull();
    expect(again!.supersedes!.indicators).toBe(again!.indicators.length);
  });
});

describe('a big workbook in the worker', () => {
  const many = (n: number) =>
    toXlsx({
      records: [record],
      indicators: Array.from({ length: n }, (_, i) => ({ ...indicator, level3: `指标${i}`, weight: 1, score: 1 })),
    });

  test('reports progress while its sheets are read', async () => {
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 3, files: [xlsx('大.xlsx', many(30_000))] });
    const progress = h.messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.every((p) => p.fileName === '大.xlsx' && p.fileCount === 1)).toBe(true);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
    expect(h.last('parsed').files.map((f) => [f.kind, f.rows])).toEqual([
      ['records', 1],
      ['indicators', 30_000],
    ]);
  });

  test('cancel while a sheet is read stops it: no preview, nothing held, nothing written', async () => {
    let cancelled = false;
    const h = harness(undefined, (msg, engine) => {
      if (msg.type === 'progress' && msg.fraction > 0 && !cancelled) {
        cancelled = true;
        void engine.handle({ type: 'cancel', uploadId: 4 });
      }
    });
    await h.engine.handle({ type: 'parse', uploadId: 4, files: [xlsx('大.xlsx', many(30_000))] });
    expect(cancelled).toBe(true);
    expect(h.messages.some((m) => m.type === 'parsed')).toBe(false);
    expect(h.last('cancelled').uploadId).toBe(4);
    expect(h.engine.heldUploadId).toBeNull();
    expect((await listBatches(h.db)).filter((b) => b.origin === 'upload')).toEqual([]);
  });
});
