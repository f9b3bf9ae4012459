// A rate the file does not state is stored derived (执行数 ÷ 预算数), and the row's evidence says
// so, through an export and its import; a rate the file states is never marked.
import { describe, expect, test } from 'vitest';
import { chunksToRows } from '@/domain/columns';
import { isDerived, readEvidence, withDerivedRate } from '@/domain/evidenceColumn';
import { toCsv } from '@/domain/exportCsv';
import { parseFile } from '@/domain/parseFile';
import type { PerfRecord } from '@/domain/types';

async function recordsOf(csv: string): Promise<PerfRecord[]> {
  const p = await parseFile(new TextEncoder().encode(csv), 'records.csv');
  expect(p.errorCount).toBe(0);
  return chunksToRows(p.chunks) as PerfRecord[];
}

const derived = (r: PerfRecord) => isDerived('records', r.evidence, 'execution_rate');

describe('a derived execution rate is marked in the evidence', () => {
  test('a file without 执行率: stored as 执行数 ÷ 预算数 and marked; a file stating it: not marked', async () => {
    const [without] = await recordsOf('单位名称,年度,评价类型,全年预算数,全年执行数\n甲单位,2023,部门整体,200,150\n');
    expect(without!.execution_rate).toBe(75);
    expect(derived(without!)).toBe(true);
    const [stated] = await recordsOf(
      '单位名称,年度,评价类型,全年预算数,全年执行数,执行率\n甲单位,2023,部门整体,200,150,75%\n',
    );
    expect(stated!.execution_rate).toBe(75);
    expect(derived(stated!)).toBe(false);
    // A row with an empty rate cell among stated ones is derived; one without a budget has no rate to mark.
    const rows = await recordsOf(
      '单位名称,年度,评价类型,全年预算数,全年执行数,执行率\n甲单位,2023,部门整体,200,150,\n乙单位,2023,部门整体,,150,\n',
    );
    expect(rows.map(derived)).toEqual([true, false]);
  });

  test('an export and its import keep the mark, and the rate', async () => {
    const first = await recordsOf(
      '单位名称,年度,评价类型,全年预算数,全年执行数,出处\n甲单位,2023,部门整体,200,150,全年执行数: 表1「150」\n',
    );
    const again = await recordsOf(toCsv('records', first));
    expect(again[0]!.execution_rate).toBe(75);
    expect(derived(again[0]!)).toBe(true);
    // The evidence read from the file is kept beside the mark.
    expect(readEvidence('records', again[0]!.evidence).map((e) => e.field)).toEqual(['expenditure', 'execution_rate']);
  });

  test("an entry the evidence has for the rate already (a form's) is left as it is", () => {
    const form = '预算执行率: Sheet1!E6「90.00」（推算）';
    expect(withDerivedRate(form)).toBe(form);
  });
});
