// Published data (the deployment's data/ folder): imported once per content, on top of the
// built-in dataset, all or nothing.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { listBatches, loadCurrent, rollbackBatch } from '@/db/ledger';
import { fixtureBytes, harness, INDICATORS_HEADER } from './helpers';

const enc = new TextEncoder();
const HAIDIAN = '北京市海淀区科技服务中心';
const indicatorsBytes = enc.encode(`${INDICATORS_HEADER}\n${HAIDIAN},2023,部门整体,,决策,,,100,91.5\n`);

describe('publish', () => {
  test('imports the published files as batches of origin "published", after the built-in dataset', async () => {
    const h = harness();
    await h.engine.handle({
      type: 'publish',
      uploadId: 1,
      files: [
        { name: 'indicators.csv', bytes: indicatorsBytes },
        { name: 'records.csv', bytes: fixtureBytes('records-gbk.csv') },
      ],
    });
    const { outcomes } = h.last('published');
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['records.csv', 'committed'],
      ['indicators.csv', 'committed'],
    ]);
    const batches = await listBatches(h.db);
    // Newest first: the published files lie on top of the built-in ones.
    expect(batches.slice(0, 2).map((b) => [b.fileName, b.origin])).toEqual([
      ['indicators.csv', 'published'],
      ['records.csv', 'published'],
    ]);
    expect(batches.slice(2).every((b) => b.origin === 'builtin')).toBe(true);
    const agencies = new Set((await loadCurrent(h.db, 'records')).map((r) => r.agency));
    expect(agencies.has(HAIDIAN)).toBe(true);
    expect(agencies.has('北京市朝阳区投资促进服务中心')).toBe(true);
  });

  test('unchanged files are skipped, also after a rollback in this browser', async () => {
    const h = harness();
    const files = [{ name: 'records.csv', bytes: fixtureBytes('records-gbk.csv') }];
    await h.engine.handle({ type: 'publish', uploadId: 1, files });
    const before = await listBatches(h.db);
    await h.engine.handle({ type: 'publish', uploadId: 2, files });
    expect(h.last('published').outcomes.map((o) => o.status)).toEqual(['seen']);
    expect(await listBatches(h.db)).toEqual(before);

    await rollbackBatch(h.db, before[0]!.id);
    await h.engine.handle({ type: 'publish', uploadId: 3, files });
    expect(h.last('published').outcomes.map((o) => o.status)).toEqual(['seen']);
    expect((await listBatches(h.db))[0]!.state).toBe('rolled_back');
  });

  test('a changed file is imported again and supersedes the earlier version', async () => {
    const h = harness();
    await h.engine.handle({
      type: 'publish',
      uploadId: 1,
      files: [{ name: 'records.csv', bytes: fixtureBytes('records-gbk.csv') }],
    });
    await h.engine.handle({
      type: 'publish',
      uploadId: 2,
      files: [{ name: 'records.csv', bytes: fixtureBytes('records-update.csv') }],
    });
    expect(h.last('published').outcomes.map((o) => o.status)).toEqual(['committed']);
    const project = (await loadCurrent(h.db, 'records')).find((r) => r.agency === HAIDIAN && r.scope === 'project');
    expect(project?.budget).toBe(360);
  });

  test('a published set with an error writes nothing and names the error', async () => {
    const h = harness();
    await h.engine.handle({
      type: 'publish',
      uploadId: 1,
      files: [
        { name: 'records.csv', bytes: fixtureBytes('records-gbk.csv') },
        { name: 'indicators.csv', bytes: fixtureBytes('indicators-errors.csv') },
      ],
    });
    const { outcomes } = h.last('published');
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['records.csv', 'withheld'],
      ['indicators.csv', 'rejected'],
    ]);
    expect(outcomes[1]!.errors[0]).toMatchObject({ row: 2, column: '得分' });
    expect((await listBatches(h.db)).every((b) => b.origin === 'builtin')).toBe(true);
  });
});
