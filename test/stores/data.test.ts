import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { watch } from 'vue';
import { ensureBuiltin } from '@/db/builtin';
import { BudgetDb } from '@/db/database';
import { commitFile, knownRecords, loadCurrent, loadCurrentChunks, rollbackBatch } from '@/db/ledger';
import { level1Summaries } from '@/domain/aggregate';
import { parseFile } from '@/domain/parseFile';
import { recordKey } from '@/domain/keys';
import { useDataStore } from '@/stores/data';
import { CCPIT, HOSTILE } from '../charts/fixtures';

// loadCurrent and loadCurrentChunks as they are, but watched: the store must not read the current
// indicator rows, nor the records again when only indicators changed.
vi.mock('@/db/ledger', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/db/ledger')>();
  return {
    ...original,
    loadCurrent: vi.fn(original.loadCurrent),
    loadCurrentChunks: vi.fn(original.loadCurrentChunks),
  };
});

/** The kinds of current rows the store has read since the spies were last cleared. */
function kindsRead(): string[] {
  return [...vi.mocked(loadCurrent).mock.calls, ...vi.mocked(loadCurrentChunks).mock.calls]
    .map(([, kind]) => kind)
    .sort();
}

function clearReads(): void {
  vi.mocked(loadCurrent).mockClear();
  vi.mocked(loadCurrentChunks).mockClear();
}

let n = 0;
let db: BudgetDb;

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(() => {
  setActivePinia(createPinia());
  db = new BudgetDb(`store-test-${++n}-${Math.random().toString(36).slice(2)}`);
});

afterEach(async () => {
  useDataStore().stop();
  await db.delete();
});

const HEADER = '单位名称,地区,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,评价得分';

describe('data store', () => {
  test('first start loads the built-in dataset: six records of three agencies, level-1 summaries, warnings', async () => {
    const store = useDataStore();
    // The summaries are made after the records are handed to the views, and not claimed before.
    let readyWithRecords: boolean | null = null;
    watch(
      () => store.status,
      (s) => {
        if (s === 'ready') readyWithRecords ??= store.level1Ready;
      },
      { flush: 'sync' },
    );
    await store.start(db);
    await until(() => store.status === 'ready');
    expect(readyWithRecords).toBe(false);
    expect(store.records).toHaveLength(6);
    await store.level1Loaded();
    expect(store.level1Ready).toBe(true);
    expect(store.agencyGroups.flatMap((g) => g.agencies.map((a) => a.short)).sort()).toEqual(
      ['北京市贸促会', '朝阳区投促中心', '渝中区招商局'].sort(),
    );
    expect(store.years).toEqual([2019, 2021, 2022, 2023, 2024]);
    const key = recordKey({ agency: CCPIT, year: 2022, scope: 'department', project: '' });
    // The output and outcome targets of the report (unscored) come before the scored table 表4.
    expect(store.level1.filter((s) => s.recordKey === key).map((s) => [s.level1, s.score])).toEqual([
      ['产出指标', null],
      ['效益指标', null],
      ['当年预算执行情况', 19.38],
      ['整体绩效目标实现情况', 55.8],
      ['预算管理情况', 20],
    ]);
    expect(store.byKey.get(key)?.execution_rate).toBe(96.92);
    expect(
      store.fundsFor(
        recordKey({ agency: CCPIT, year: 2022, scope: 'project', project: '北京市市长国际企业家顾问会议' }),
      ),
    ).toHaveLength(7);
    const rows = await store.indicatorsFor(key);
    expect(rows.filter((r) => r.weight !== null).map((r) => r.level1)).toEqual([
      '当年预算执行情况',
      '整体绩效目标实现情况',
      '预算管理情况',
    ]);
    expect(rows.filter((r) => r.level1 === '产出指标').map((r) => r.target)).toEqual(['1场', '1场', '≥6次']);
  });

  test('loaded() resolves once the data has been read, and at once when it already has', async () => {
    const store = useDataStore();
    const waiting = store.loaded();
    let resolved = false;
    void waiting.then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false);
    await store.start(db);
    await waiting;
    expect(store.status).toBe('ready');
    expect(store.records).toHaveLength(6);
    await store.loaded();
  });

  test('follows the database: a committed batch appears and a rollback takes it away, without a restart', async () => {
    const store = useDataStore();
    await store.start(db);
    await until(() => store.status === 'ready' && store.records.length === 6);
    const v = store.version;
    const csv = `${HEADER}\n"${HOSTILE}",测试市,2023,部门整体,,100,80,70\n`;
    const parsed = await parseFile(new TextEncoder().encode(csv), 'new.csv');
    expect(parsed.errorCount).toBe(0);
    const { batch } = await commitFile(db, parsed);
    await until(() => store.records.length === 7);
    expect(store.version).toBeGreaterThan(v);
    expect(store.records.some((r) => r.agency === HOSTILE)).toBe(true);
    await rollbackBatch(db, batch.id);
    await until(() => store.records.length === 6);
    expect(store.records.some((r) => r.agency === HOSTILE)).toBe(false);
  });

  test('after a commit made here the data is not current until it holds the new record', async () => {
    const store = useDataStore();
    await store.start(db);
    await until(() => store.current && store.records.length === 6);
    const csv = `${HEADER}\n"${HOSTILE}",测试市,2023,部门整体,,100,80,70\n`;
    await commitFile(db, await parseFile(new TextEncoder().encode(csv), 'new.csv'));
    const key = recordKey({ agency: HOSTILE, year: 2023, scope: 'department', project: '' });
    // Whenever the data says it is current from here on, the committed record is in it.
    const seen: boolean[] = [];
    const stopWatch = watch(
      () => store.current,
      (c) => void (c && seen.push(store.byKey.has(key))),
      { flush: 'sync' },
    );
    const catching = store.catchUp();
    expect(store.current).toBe(false);
    await catching;
    expect(store.current).toBe(true);
    expect(store.byKey.has(key)).toBe(true);
    // The database's own change notice comes after: nothing to read again, and still current.
    await new Promise((r) => setTimeout(r, 200));
    stopWatch();
    expect(store.current).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(Boolean)).toBe(true);
  });

  test('a reload running (a change seen in the database) makes the data not current until it is read', async () => {
    const store = useDataStore();
    expect(store.current).toBe(false);
    await store.start(db);
    await until(() => store.current);
    const states: Array<[boolean, number]> = [];
    const stopWatch = watch(
      () => store.current,
      (c) => void states.push([c, store.records.length]),
      { flush: 'sync' },
    );
    const csv = `${HEADER}\n"${HOSTILE}",测试市,2024,部门整体,,100,80,70\n`;
    await commitFile(db, await parseFile(new TextEncoder().encode(csv), 'new.csv'));
    await until(() => store.current && store.records.length === 7);
    stopWatch();
    // Not current while the old rows were shown, current again only with the new ones.
    expect(states).toEqual([
      [false, 6],
      [true, 7],
    ]);
  });

  test('rows are kept out of deep reactivity', async () => {
    const store = useDataStore();
    await store.start(db);
    await until(() => store.status === 'ready');
    await store.level1Loaded();
    // markRaw sets __v_skip: Vue never wraps these arrays in proxies.
    expect((store.records as unknown as { __v_skip?: boolean }).__v_skip).toBe(true);
    expect((store.level1 as unknown as { __v_skip?: boolean }).__v_skip).toBe(true);
  });

  test('a reload reads records, funds and the stored level-1 summaries, never the indicator rows', async () => {
    // Another connection (the import worker) stored the built-in data and an indicator upload.
    const writer = new BudgetDb(db.name);
    await ensureBuiltin(writer);
    const csv =
      '单位名称,年度,评价类型,项目名称,一级指标,二级指标,三级指标,分值,得分\n' +
      `${CCPIT},2022,部门整体,,新增指标,,,5,4\n`;
    const parsed = await parseFile(new TextEncoder().encode(csv), 'i.csv', {
      knownRecords: await knownRecords(writer),
    });
    expect(parsed.errorCount).toBe(0);
    await commitFile(writer, parsed);
    writer.close();

    let indicatorChunksRead = 0;
    db.chunks.hook('reading', (c) => {
      if (c.kind === 'indicators') indicatorChunksRead++;
      return c;
    });
    clearReads();
    const store = useDataStore();
    await store.start(db);
    await until(() => store.status === 'ready');
    await store.level1Loaded();
    expect(indicatorChunksRead).toBe(0);
    expect(kindsRead()).toEqual(['funds', 'records']);

    const key = recordKey({ agency: CCPIT, year: 2022, scope: 'department', project: '' });
    expect(store.level1.filter((s) => s.recordKey === key).map((s) => [s.level1, s.score])).toEqual([
      ['产出指标', null],
      ['效益指标', null],
      ['当年预算执行情况', 19.38],
      ['整体绩效目标实现情况', 55.8],
      ['预算管理情况', 20],
      ['新增指标', 4],
    ]);
    // The same as summarising every current indicator row.
    const probe = new BudgetDb(db.name);
    expect(store.level1).toEqual(level1Summaries(await loadCurrent(probe, 'indicators')));
    probe.close();
    // The record view reads its own rows when it opens.
    expect((await store.indicatorsFor(key)).map((r) => r.level1).at(-1)).toBe('新增指标');
  });

  test('an indicator commit reads the level-1 summaries again and leaves the records as they were', async () => {
    const store = useDataStore();
    await store.start(db);
    await until(() => store.status === 'ready' && store.records.length === 6);
    await store.level1Loaded();
    const records = store.records;
    const funds = store.funds;
    const level1 = store.level1;
    const v = store.version;
    clearReads();
    const csv =
      '单位名称,年度,评价类型,项目名称,一级指标,二级指标,三级指标,分值,得分\n' +
      `${CCPIT},2022,部门整体,,新增指标,,,5,4\n`;
    const parsed = await parseFile(new TextEncoder().encode(csv), 'i.csv', { knownRecords: await knownRecords(db) });
    const { batch } = await commitFile(db, parsed);
    await until(() => store.version > v);
    // Until the new summaries are made, the old ones are not claimed as current.
    expect(store.level1Ready).toBe(false);
    await store.level1Loaded();
    expect(store.level1).not.toBe(level1);
    expect(store.level1.some((s) => s.level1 === '新增指标')).toBe(true);
    expect(store.records).toBe(records);
    expect(store.funds).toBe(funds);
    expect(kindsRead()).toEqual([]);

    // A records commit then reads the records (and not the summaries' rows).
    const v2 = store.version;
    const rec = `${HEADER}\n"${HOSTILE}",测试市,2023,部门整体,,100,80,70\n`;
    await commitFile(db, await parseFile(new TextEncoder().encode(rec), 'r.csv'));
    await until(() => store.version > v2);
    expect(store.records).toHaveLength(7);
    expect(kindsRead()).toEqual(['records']);
    // Rolling the indicators back brings the summaries back as they were.
    const v3 = store.version;
    await rollbackBatch(db, batch.id);
    await until(() => store.version > v3);
    await store.level1Loaded();
    expect(store.level1).toEqual(level1);
    expect(store.records).toHaveLength(7);
  });
});
