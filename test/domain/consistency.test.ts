import { describe, expect, it } from 'vitest';
import { recordWarnings } from '@/domain/consistency';
import { recordKey } from '@/domain/keys';
import { blankRow } from '@/domain/rowReader';
import type { Issue, PerfRecord } from '@/domain/types';

/** Columns as a file might have written them, so each warning can be checked to name its column. */
const WRITTEN: Record<string, string> = {
  budget: '全年预算数（万元）',
  expenditure: '全年执行数（万元）',
  execution_rate: '预算执行率',
  grade: '评价等级',
  carryover: '结转结余资金（万元）',
  score: '得分',
};
const columnOf = (field: string): string | null => WRITTEN[field] ?? null;

function record(fields: Partial<PerfRecord>): PerfRecord {
  return {
    ...(blankRow('records') as unknown as PerfRecord),
    agency: '测试单位',
    year: 2023,
    scope: 'department',
    project: '',
    ...fields,
  };
}

function codes(issues: readonly Issue[]): string[] {
  return issues.map((i) => i.code);
}

describe('recordWarnings', () => {
  it('gives no warning for a consistent record (the 2022 贸促会 department figures)', () => {
    const r = record({
      budget: 5333.85,
      expenditure: 5169.65,
      execution_rate: 96.92,
      budget_basic: 3864.04,
      budget_project: 1469.81,
      expenditure_basic: 3816.17,
      expenditure_project: 1353.48,
      score: 95.18,
      grade: '优',
      // A department's carryover need not be budget − expenditure (the report's 172.89 is not 164.20).
      carryover: 172.89,
    });
    expect(recordWarnings(r, 5, columnOf)).toEqual([]);
  });

  it('warns when the execution rate differs from expenditure ÷ budget by more than 0.1 point', () => {
    const r = record({ budget: 100, expenditure: 96.9, execution_rate: 96.7 });
    const [w, ...rest] = recordWarnings(r, 7, columnOf);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ row: 7, column: '预算执行率', code: 'rate_mismatch', recordKey: recordKey(r) });
    expect(w!.params).toEqual({ rate: 96.7, computed: 96.9 });
  });

  it('does not warn at a difference of exactly 0.1 point or less', () => {
    for (const rate of [96.8, 97.0, 96.85, 96.9]) {
      expect(recordWarnings(record({ budget: 100, expenditure: 96.9, execution_rate: rate }), 2, columnOf)).toEqual([]);
    }
    // A rate rounded to two decimals from an awkward quotient is within tolerance.
    expect(recordWarnings(record({ budget: 3, expenditure: 1, execution_rate: 33.33 }), 2, columnOf)).toEqual([]);
  });

  it('warns when expenditure exceeds budget', () => {
    const r = record({ budget: 90, expenditure: 90.5 });
    expect(recordWarnings(r, 3, columnOf)).toEqual([
      expect.objectContaining({ row: 3, column: '全年执行数（万元）', code: 'over_budget', recordKey: recordKey(r) }),
    ]);
    expect(recordWarnings(record({ budget: 90, expenditure: 90 }), 3, columnOf)).toEqual([]);
  });

  it('warns when basic + project budget differs from the budget, and likewise for expenditure', () => {
    const r = record({
      budget: 100,
      budget_basic: 60,
      budget_project: 30,
      expenditure: 80,
      expenditure_basic: 50,
      expenditure_project: 20,
    });
    const ws = recordWarnings(r, 4, columnOf);
    expect(ws.map((w) => [w.code, w.column])).toEqual([
      ['budget_parts', '全年预算数（万元）'],
      ['expenditure_parts', '全年执行数（万元）'],
    ]);
    expect(ws.every((w) => w.recordKey === recordKey(r))).toBe(true);
    // Sums of figures rounded to 0.01 may be off by a cent.
    const close = record({
      budget: 100,
      budget_basic: 60.01,
      budget_project: 40,
      expenditure: 80,
      expenditure_basic: 40,
      expenditure_project: 39.99,
    });
    expect(recordWarnings(close, 4, columnOf)).toEqual([]);
  });

  it('warns when the grade does not match the score', () => {
    const r = record({ score: 85, grade: '优' });
    const [w] = recordWarnings(r, 6, columnOf);
    expect(w).toMatchObject({ row: 6, column: '评价等级', code: 'grade_mismatch', recordKey: recordKey(r) });
    expect(w!.params).toEqual({ grade: '优', score: 85, expected: '良' });
    expect(recordWarnings(record({ score: 90, grade: '优' }), 6, columnOf)).toEqual([]);
    expect(recordWarnings(record({ score: null, grade: '差' }), 6, columnOf)).toEqual([]);
  });

  it('warns when a project record’s carryover is not budget − expenditure', () => {
    const r = record({ scope: 'project', project: '活动经费', budget: 100, expenditure: 90, carryover: 5 });
    expect(recordWarnings(r, 8, columnOf)).toEqual([
      expect.objectContaining({
        row: 8,
        column: '结转结余资金（万元）',
        code: 'carryover_mismatch',
        recordKey: recordKey(r),
      }),
    ]);
    expect(
      recordWarnings(
        record({ scope: 'project', project: '活动经费', budget: 100, expenditure: 90, carryover: 10 }),
        8,
        columnOf,
      ),
    ).toEqual([]);
  });

  it('checks nothing that lacks the figures it needs (missing is not zero)', () => {
    const r = record({
      budget: 100,
      execution_rate: 50,
      budget_basic: 10,
      grade: '差',
      scope: 'project',
      project: 'p',
      carryover: 3,
    });
    expect(recordWarnings(r, 2, columnOf)).toEqual([]);
  });

  it('reports several problems of one record together', () => {
    const r = record({ budget: 100, expenditure: 120, execution_rate: 100, score: 59, grade: '中' });
    expect(codes(recordWarnings(r, 2, columnOf)).sort()).toEqual(['grade_mismatch', 'over_budget', 'rate_mismatch']);
  });
});
