// The import engine, as the worker runs it: parse with progress, preview, commit, discard, cancel,
// all against a real (fake-indexeddb) database.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { openDb } from '@/db/database';
import { knownRecords, listBatches, loadCurrent, rollbackBatch } from '@/db/ledger';
import { ImportEngine } from '@/workers/importEngine';
import type { IssueParams } from '@/domain/issues';
import { PREVIEW_ROWS } from '@/workers/protocol';
import { fixture, freshDb, harness, INDICATORS_HEADER, RECORDS_HEADER, textFile } from './helpers';

const ZX = '北京市西城区示例中心';

function records(...rows: string[]): string {
  return [RECORDS_HEADER, ...rows].join('\n') + '\n';
}

function indicators(...rows: string[]): string {
  return [INDICATORS_HEADER, ...rows].join('\n') + '\n';
}

describe('parse and preview', () => {
  test('parses records before the indicators that refer to them, whatever order they were chosen in', async () => {
    const h = harness();
    const ind = textFile(
      '指标.csv',
      indicators(`${ZX},2023,部门整体,,决策,,,20,18`, `${ZX},2023,部门整体,,产出,,,80,72`),
    );
    const rec = textFile('记录.csv', records(`${ZX},北京市西城区,2023,部门整体,,500,480,90`));
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [ind, rec] });

    const parsed = h.last('parsed');
    expect(parsed.files.map((f) => [f.fileName, f.kind, f.errorCount])).toEqual([
      ['记录.csv', 'records', 0],
      ['指标.csv', 'indicators', 0],
    ]);
    // The index remembers the order the analyst chose.
    expect(parsed.files.map((f) => f.index)).toEqual([1, 0]);
    const [r] = parsed.files;
    expect(r!.encoding).toBe('utf-8');
    expect(r!.delimiter).toBe(',');
    expect(r!.headers.find((x) => x.written === '全年预算数（万元）')).toMatchObject({
      field: 'budget',
      unit: '万元',
      scale: 1,
    });
    expect(r!.sample[0]).toMatchObject({
      agency: ZX,
      year: 2023,
      scope: 'department',
      budget: 500,
      expenditure: 480,
      execution_rate: 96,
    });
    expect(r!.diff).toMatchObject({ newKeys: 1, supersededCount: 0 });
    expect(r!.identicalTo).toBeNull();
  });

  test('reports progress per file, ending at the whole upload read', async () => {
    const h = harness();
    const many = Array.from({ length: 3000 }, (_, i) => `${ZX},北京市西城区,2023,项目,项目${i},${i + 1},${i},80`);
    await h.engine.handle({
      type: 'parse',
      uploadId: 7,
      files: [textFile('big.csv', records(...many)), textFile('small.csv', records(`${ZX},,2022,部门整体,,1,1,90`))],
    });
    const progress = h.messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(4);
    const overall = progress.map((p) => p.overall);
    expect([...overall].sort((a, b) => a - b)).toEqual(overall);
    expect(overall.at(-1)).toBe(1);
    expect(new Set(progress.map((p) => p.fileName))).toEqual(new Set(['big.csv', 'small.csv']));
    expect(progress.every((p) => p.fileCount === 2)).toBe(true);
    expect(h.last('parsed').files[0]!.sample).toHaveLength(PREVIEW_ROWS);
  });

  test('a GBK file with Chinese headers is read as GB18030 and previewed as records', async () => {
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [fixture('records-gbk.csv')] });
    const [f] = h.last('parsed').files;
    expect(f).toMatchObject({ kind: 'records', encoding: 'gb18030', rows: 2, errorCount: 0 });
    expect(f!.sample.map((r) => r.agency)).toEqual(['北京市海淀区科技服务中心', '北京市海淀区科技服务中心']);
  });

  test('each bad file gets its own message with row and column, and nothing can be committed', async () => {
    const h = harness();
    const files = [
      'unknown-headers.csv',
      'empty.csv',
      'binary.csv',
      'latin1.csv',
      'records-errors.csv',
      'indicators-errors.csv',
    ].map(fixture);
    await h.engine.handle({ type: 'parse', uploadId: 3, files });
    const byName = new Map(h.last('parsed').files.map((f) => [f.fileName, f]));
    const first = (name: string) => byName.get(name)!.errors[0]!;

    expect(first('unknown-headers.csv')).toMatchObject({ row: 1, code: 'unknown_headers' });
    expect(first('empty.csv').code).toBe('empty_file');
    expect(first('binary.csv').code).toBe('not_text');
    expect(first('latin1.csv').code).toBe('unknown_encoding');
    const rec = byName.get('records-errors.csv')!.errors;
    expect(rec.map((e) => [e.row, e.column, e.code, e.params])).toEqual([
      [3, '全年预算数（万元）', 'amount_negative', { value: '-20' }],
      [4, '单位名称', 'duplicate_key', { kind: 'records', firstRow: 2 }],
      [5, '年度', 'integer_invalid', { value: '二〇二三', min: 1990, max: 2100 }],
    ]);
    const ind = byName.get('indicators-errors.csv')!.errors;
    expect(ind.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '得分', 'score_above_weight'],
      [3, '单位名称', 'missing_record'],
    ]);
    expect(ind[0]!.params).toEqual({ score: 12, weight: 10 });

    await h.engine.handle({ type: 'commit', uploadId: 3 });
    const failed = h.last('failed');
    expect(failed).toMatchObject({ stage: 'commit', problem: { code: 'has_errors' } });
    expect(failed.problem.params).toMatchObject({ count: 9 });
    expect(String((failed.problem.params as IssueParams).files).split('\n')).toContain('records-errors.csv');
    expect(await listBatches(h.db)).toEqual([]);
  });
});

describe('commit, identical files and the diff', () => {
  test('commits every file of the upload, then holds nothing', async () => {
    const h = harness();
    await h.engine.handle({
      type: 'parse',
      uploadId: 1,
      files: [
        textFile('r.csv', records(`${ZX},北京市西城区,2023,部门整体,,500,480,90`)),
        textFile('i.csv', indicators(`${ZX},2023,部门整体,,决策,,,100,90`)),
      ],
    });
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    const done = h.last('committed');
    expect(done.results.map((r) => [r.status, r.batch.kind, r.batch.rows, r.batch.origin])).toEqual([
      ['committed', 'records', 1, 'upload'],
      ['committed', 'indicators', 1, 'upload'],
    ]);
    // Files uploaded together share a group.
    expect(done.results[0]!.batch.group).toBeDefined();
    expect(done.results[0]!.batch.group).toBe(done.results[1]!.batch.group);
    expect((await loadCurrent(h.db, 'records')).map((r) => r.agency)).toEqual([ZX]);
    expect(h.engine.heldUploadId).toBeNull();

    await h.engine.handle({ type: 'commit', uploadId: 1 });
    expect(h.last('failed').problem.code).toBe('nothing_parsed');
    expect(await listBatches(h.db)).toHaveLength(2);
  });

  test('a file identical to an active batch is recognised in the preview and commits nothing', async () => {
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [fixture('records-gbk.csv')] });
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    const first = h.last('committed').results[0]!.batch;

    await h.engine.handle({ type: 'parse', uploadId: 2, files: [fixture('records-gbk.csv')] });
    const preview = h.last('parsed').files[0]!;
    expect(preview.identicalTo).toMatchObject({ id: first.id, fileName: 'records-gbk.csv' });
    await h.engine.handle({ type: 'commit', uploadId: 2 });
    expect(h.last('committed').results[0]).toMatchObject({ status: 'identical', batch: { id: first.id } });
    expect(await listBatches(h.db)).toHaveLength(1);
  });

  test('two copies of one file in one upload are pointed out', async () => {
    const h = harness();
    const text = records(`${ZX},,2023,部门整体,,1,1,90`);
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [textFile('a.csv', text), textFile('b.csv', text)] });
    expect(h.last('parsed').files.map((f) => f.sameAsFile)).toEqual([null, 'a.csv']);
  });

  test('the diff lists superseded records with their old and new figures', async () => {
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [fixture('records-gbk.csv')] });
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    await h.engine.handle({ type: 'parse', uploadId: 2, files: [fixture('records-update.csv')] });
    const { diff } = h.last('parsed').files[0]!;
    expect(diff).not.toBeNull();
    expect(diff!.newKeys).toBe(0);
    expect(diff!.supersededCount).toBe(1);
    const [s] = diff!.superseded;
    expect(s!.identity).toMatchObject({ scope: 'project', project: '科技成果转化服务经费' });
    const changes = Object.fromEntries(s!.changes.map((c) => [c.field, [c.before, c.after]]));
    expect(changes.budget).toEqual([320, 360]);
    expect(changes.expenditure).toEqual([300.8, 352.8]);
    expect(changes.score).toEqual([88, 93]);
    // Unchanged fields are not listed.
    expect(changes.agency).toBeUndefined();
  });
});

describe('discard and cancel', () => {
  test('discard drops the parsed files and writes nothing', async () => {
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 4, files: [fixture('records-gbk.csv')] });
    expect(h.engine.heldUploadId).toBe(4);
    await h.engine.handle({ type: 'discard', uploadId: 4 });
    expect(h.last('discarded').uploadId).toBe(4);
    expect(h.engine.heldUploadId).toBeNull();
    await h.engine.handle({ type: 'commit', uploadId: 4 });
    expect(h.last('failed').problem.code).toBe('nothing_parsed');
    expect(await listBatches(h.db)).toEqual([]);
  });

  test('cancel during a parse stops it: no preview, nothing held, nothing written', async () => {
    let cancelled = false;
    const h = harness(freshDb(), (msg, engine) => {
      // Cancel as soon as the first file is partly read, as the Cancel button would.
      if (msg.type === 'progress' && msg.fraction > 0 && msg.fraction < 1 && !cancelled) {
        cancelled = true;
        void engine.handle({ type: 'cancel', uploadId: 9 });
      }
    });
    // Over 4 MiB, so the parser reads it in several pieces and checks the signal between them.
    const rows = Array.from({ length: 70_000 }, (_, i) => `${ZX},北京市西城区,2023,项目,项目编号${i},${i + 1},${i},80`);
    await h.engine.handle({ type: 'parse', uploadId: 9, files: [textFile('huge.csv', records(...rows))] });
    expect(cancelled).toBe(true);
    expect(h.messages.some((m) => m.type === 'parsed')).toBe(false);
    expect(h.last('cancelled').uploadId).toBe(9);
    expect(h.engine.heldUploadId).toBeNull();
    expect(await listBatches(h.db)).toEqual([]);
  });

  test('a new parse replaces the previous upload', async () => {
    const h = harness();
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [fixture('records-gbk.csv')] });
    await h.engine.handle({ type: 'parse', uploadId: 2, files: [fixture('records-update.csv')] });
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    expect(h.last('failed').problem.code).toBe('nothing_parsed');
    await h.engine.handle({ type: 'commit', uploadId: 2 });
    expect(h.last('committed').results[0]!.batch.fileName).toBe('records-update.csv');
  });
});

/** A database whose chunk writes fail as a full disk makes them fail. */
function quotaDb(): ReturnType<typeof openDb> {
  const db = freshDb();
  const full: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'disk-full',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'chunks') return table;
        return {
          ...table,
          mutate: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
        };
      },
    }),
  };
  db.use(full);
  return db;
}

describe('storage full', () => {
  test('a quota error says so, and no file of the upload is left behind', async () => {
    const db = quotaDb();
    const h = harness(db);
    await h.engine.handle({
      type: 'parse',
      uploadId: 1,
      files: [
        textFile('r.csv', records(`${ZX},,2023,部门整体,,500,480,90`)),
        textFile('i.csv', indicators(`${ZX},2023,部门整体,,决策,,,100,90`)),
      ],
    });
    expect(h.last('parsed').files.every((f) => f.errorCount === 0)).toBe(true);
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    const failed = h.last('failed');
    expect(failed).toEqual({ type: 'failed', uploadId: 1, stage: 'commit', problem: { code: 'quota', params: {} } });
    expect(await db.batches.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
    expect(await knownRecords(db)).toEqual(new Map());
    // The parsed files are kept, so the analyst can retry once there is room.
    expect(h.engine.heldUploadId).toBe(1);
  });

  test('a failure on the second file of an upload undoes the first', async () => {
    const db = freshDb();
    // Indicators fail; records, committed first in the same upload, must not remain.
    const failIndicators: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'fail-indicator-chunks',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'chunks') return table;
          return {
            ...table,
            mutate: (req) => {
              const values = 'values' in req ? (req.values as Array<{ kind?: string }>) : [];
              if (values.some((v) => v.kind === 'indicators'))
                return Promise.reject(new DOMException('full', 'QuotaExceededError'));
              return table.mutate(req);
            },
          };
        },
      }),
    };
    db.use(failIndicators);
    const engine = new ImportEngine(db, () => {});
    await engine.handle({
      type: 'parse',
      uploadId: 1,
      files: [
        textFile('r.csv', records(`${ZX},,2023,部门整体,,500,480,90`)),
        textFile('i.csv', indicators(`${ZX},2023,部门整体,,决策,,,100,90`)),
      ],
    });
    await engine.handle({ type: 'commit', uploadId: 1 });
    expect(await db.batches.count()).toBe(0);
    expect(await loadCurrent(db, 'records')).toEqual([]);
    expect(Dexie.currentTransaction).toBeFalsy();
  });
});

describe('rollback preview', () => {
  test('says which rows leave and which earlier figures come back, from the data as it is now', async () => {
    const h = harness();
    for (const [id, name] of [
      [1, 'records-gbk.csv'],
      [2, 'records-update.csv'],
    ] as const) {
      await h.engine.handle({ type: 'parse', uploadId: id, files: [fixture(name)] });
      await h.engine.handle({ type: 'commit', uploadId: id });
    }
    const [update, gbk] = await listBatches(h.db);

    await h.engine.handle({ type: 'rollbackPreview', uploadId: 10, batchIds: [update!.id] });
    const p = h.last('rollbackPreview');
    expect(p.uploadId).toBe(10);
    expect(p.preview).toMatchObject({
      batchIds: [update!.id],
      kinds: [{ kind: 'records', leaving: 1, returning: 1 }],
      orphans: null,
    });
    const samples = p.preview!.kinds[0]!.samples;
    const changes = Object.fromEntries(samples[0]!.changes.map((c) => [c.field, [c.before, c.after]]));
    expect(changes.budget).toEqual([360, 320]);
    expect(changes.score).toEqual([93, 88]);

    // The older batch: its project row is no longer shown (replaced), its department row would go.
    await h.engine.handle({ type: 'rollbackPreview', uploadId: 11, batchIds: [gbk!.id] });
    expect(h.last('rollbackPreview').preview).toMatchObject({
      kinds: [{ kind: 'records', leaving: 1, returning: 0, samples: [] }],
    });

    // After the rollback the batch is not active: nothing to preview.
    await rollbackBatch(h.db, update!.id);
    await h.engine.handle({ type: 'rollbackPreview', uploadId: 12, batchIds: [update!.id] });
    expect(h.last('rollbackPreview').preview).toBeNull();
  });

  test('covers an upload’s batches together, and names the rows its records alone would leave behind', async () => {
    const h = harness();
    const indicatorsCsv = textFile(
      'indicators.csv',
      '单位名称,年度,评价类型,项目名称,一级指标,二级指标,三级指标,分值,得分\n' +
        '北京市海淀区科技服务中心,2023,部门整体,,产出指标,数量指标,服务企业数,10,9\n' +
        '北京市海淀区科技服务中心,2023,部门整体,,效益指标,社会效益,满意度,10,8\n',
    );
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [fixture('records-gbk.csv'), indicatorsCsv] });
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    const batches = await listBatches(h.db);
    const records = batches.find((b) => b.kind === 'records')!;
    const indicators = batches.find((b) => b.kind === 'indicators')!;
    expect(records.group).toBe(indicators.group);

    await h.engine.handle({ type: 'rollbackPreview', uploadId: 20, batchIds: [records.id, indicators.id] });
    const both = h.last('rollbackPreview').preview!;
    expect(both.orphans).toBeNull();
    expect(both.kinds.map((k) => [k.kind, k.leaving, k.returning])).toEqual([
      ['records', records.rows, 0],
      ['indicators', indicators.rows, 0],
    ]);

    await h.engine.handle({ type: 'rollbackPreview', uploadId: 21, batchIds: [records.id] });
    expect(h.last('rollbackPreview').preview!.orphans).toMatchObject({
      code: 'rollback_orphans',
      params: { kind: 'indicators' },
    });
  });
});
