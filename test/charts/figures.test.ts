import { describe, expect, test } from 'vitest';
import { figureRows } from '@/charts/figures';
import { chunksToRows } from '@/domain/columns';
import { parseFile } from '@/domain/parseFile';
import type { PerfRecord } from '@/domain/types';
import { zh } from './helpers';

async function recordOf(csv: string): Promise<PerfRecord> {
  const p = await parseFile(new TextEncoder().encode(csv), 'records.csv');
  return (chunksToRows(p.chunks) as PerfRecord[])[0]!;
}

const rateRow = (r: PerfRecord) => figureRows(r, zh).find((f) => f.field === 'execution_rate')!;

describe('record figures', () => {
  test('an execution rate the file does not state says how it was derived; a stated one does not', async () => {
    const without = rateRow(
      await recordOf('单位名称,年度,评价类型,全年预算数,全年执行数\n甲单位,2023,部门整体,200,150\n'),
    );
    expect(without.value).toBe('75.00%');
    expect(without.derived).toBe('报告未列，按 执行数 ÷ 预算数 计算');
    const stated = rateRow(
      await recordOf('单位名称,年度,评价类型,全年预算数,全年执行数,执行率\n甲单位,2023,部门整体,200,150,75%\n'),
    );
    expect(stated.derived).toBeUndefined();
  });
});
