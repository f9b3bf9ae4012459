import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { storableChunks } from '@/db/chunkOps';
import { prepareCommit } from '@/db/commitPrep';
import { BudgetDb } from '@/db/database';
import { commitFile, knownRecords, loadCurrent, loadLevel1 } from '@/db/ledger';
import { level1Summaries } from '@/domain/aggregate';
import { recordKey } from '@/domain/keys';
import { CHUNK_ROWS, type IndicatorRow, type ParsedFile } from '@/domain/types';
import { dump, freshDbPerTest, indicator, parseRows, record } from './helpers';

const fresh = freshDbPerTest();
const AGENCIES = ['甲单位', '乙单位', '丙单位'];
const rec = (agency: string, year: number) => ({ agency, year, scope: 'department' as const, project: '' });

function indicatorsOf(agency: string, year: number, score3: number): IndicatorRow[] {
  return [
    indicator({
      ...rec(agency, year),
      level1: '决策',
      level2: '项目立项',
      level3: '立项依据充分性',
      weight: 10,
      score: 9,
    }),
    indicator({
      ...rec(agency, year),
      level1: '决策',
      level2: '项目立项',
      level3: '立项程序规范性',
      weight: 10,
      score: score3,
    }),
    indicator({ ...rec(agency, year), level1: '产出', level2: '', level3: '', weight: 20, score: 18 }),
  ];
}

/** Records of every agency for 2022–2023, then two indicator files: the second adds rows to a record of the first. */
async function files(db: ReturnType<typeof fresh>): Promise<ParsedFile[]> {
  const records = AGENCIES.flatMap((a) => [2022, 2023].map((y) => record({ ...rec(a, y), score: null })));
  await commitFile(db, await parseRows('records', records));
  const known = { knownRecords: await knownRecords(db) };
  const first = await parseRows(
    'indicators',
    AGENCIES.flatMap((a) => indicatorsOf(a, 2022, 7)),
    'first.csv',
    known,
  );
  const more = [
    indicator({ ...rec('甲单位', 2022), level1: '效益', level2: '', level3: '', weight: 10, score: 6 }),
    ...indicatorsOf('乙单位', 2023, 8),
  ];
  const second = await parseRows('indicators', more, 'second.csv', known);
  return [first, second];
}

describe('work done ahead of a commit (while the preview is read)', () => {
  it('stores exactly what a commit without it stores, whether or not the file shares records with the current rows', async () => {
    const plain = fresh();
    const prepared = fresh();
    const plainFiles = await files(plain);
    const preparedFiles = await files(prepared);
    for (const [i, f] of preparedFiles.entries()) {
      prepareCommit('indicators', storableChunks(f.chunks, CHUNK_ROWS));
      await commitFile(prepared, f);
      await commitFile(plain, plainFiles[i]!);
      type Dump = { batches: Array<{ createdAt: number }> };
      const a = (await dump(plain)) as Dump;
      const b = (await dump(prepared)) as Dump;
      for (const x of [...a.batches, ...b.batches]) x.createdAt = 0;
      expect(b).toEqual(a);
      // The summaries stored are those of the current rows, as a connection with no cache reads them.
      const probe = new BudgetDb(prepared.name);
      expect(await loadLevel1(prepared)).toEqual(level1Summaries(await loadCurrent(probe, 'indicators')));
      probe.close();
    }
    // And the stored summaries are those of the current rows: 甲 2022 has its 效益 row from the second file.
    const summaries = await loadLevel1(prepared);
    const jia = summaries
      .filter((s) => s.recordKey === recordKey(rec('甲单位', 2022)))
      .map((s) => [s.level1, s.weight, s.score]);
    expect(jia).toEqual([
      ['决策', 20, 16],
      ['产出', 20, 18],
      ['效益', 10, 6],
    ]);
    expect(summaries).toHaveLength(
      level1Summaries([
        ...AGENCIES.flatMap((a) => indicatorsOf(a, 2022, 7)),
        indicator({ ...rec('甲单位', 2022), level1: '效益', level2: '', level3: '', weight: 10, score: 6 }),
        ...indicatorsOf('乙单位', 2023, 8),
      ]).length,
    );
  });
});
