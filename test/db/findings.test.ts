// Findings in the database: stored and read like the other kinds, keyed by record + kind + seq
// (a numeric key field: two findings that differ only in their number are two rows).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commitFile, loadCurrent, loadFindingsFor, rollbackBatch } from '@/db/ledger';
import { recordKey } from '@/domain/keys';
import { knownRecordsOf } from '@/domain/parseFile';
import type { FindingRow } from '@/domain/types';
import { freshDbPerTest, parseRows, record } from './helpers';

const db = freshDbPerTest();

function finding(over: Partial<FindingRow> = {}): FindingRow {
  return {
    agency: '测试单位',
    year: 2023,
    scope: 'department',
    project: '',
    kind: 'problem',
    seq: 1,
    text: '绩效目标不够细化',
    source: '测试报告',
    evidence: '',
    ...over,
  };
}

describe('findings', () => {
  it('a new version of a finding supersedes it; another number or kind is another row; rollback restores', async () => {
    const d = db();
    const recs = await parseRows('records', [record(), record({ year: 2024 })]);
    await commitFile(d, recs);
    const known = { knownRecords: knownRecordsOf(recs) };
    await commitFile(
      d,
      await parseRows(
        'findings',
        [finding(), finding({ seq: 2, text: '预算调整频繁' }), finding({ kind: 'recommendation', text: '细化目标' })],
        'a.csv',
        known,
      ),
    );
    const second = await commitFile(
      d,
      await parseRows(
        'findings',
        [finding({ text: '绩效目标不够细化（修订）' }), finding({ year: 2024 })],
        'b.csv',
        known,
      ),
    );
    expect(second.batch.supersededCount).toBe(1);
    expect(second.batch.newCount).toBe(1);
    const texts = (await loadCurrent(d, 'findings')).map((f) => [f.year, f.kind, f.seq, f.text]);
    expect(texts).toEqual([
      [2023, 'problem', 2, '预算调整频繁'],
      [2023, 'recommendation', 1, '细化目标'],
      [2023, 'problem', 1, '绩效目标不够细化（修订）'],
      [2024, 'problem', 1, '绩效目标不够细化'],
    ]);
    const of2023 = await loadFindingsFor(d, recordKey(record()));
    expect(of2023.map((f) => f.text).sort()).toEqual(['细化目标', '绩效目标不够细化（修订）', '预算调整频繁'].sort());

    await rollbackBatch(d, second.batch.id);
    expect((await loadFindingsFor(d, recordKey(record()))).map((f) => f.text).sort()).toEqual(
      ['细化目标', '绩效目标不够细化', '预算调整频繁'].sort(),
    );
    expect(await loadFindingsFor(d, recordKey(record({ year: 2024 })))).toEqual([]);
  });
});
